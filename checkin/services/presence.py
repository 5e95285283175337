# SPDX-License-Identifier: MIT
"""Minutes of presence per person in one session, for `checkin presence`, exports and certificates.

Read from the local scan log only (`storage.scans.movements`): entries and exits from every door
and desk, merged by sync, give the same minutes on every desk once the same scans have arrived. A
late exit changes the minutes when it lands; nothing is lost because it came late. The rules are
the event's (`domain.presence`). Runs on any thread; opens its own read connection.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from checkin.domain.models import Event, Session
from checkin.domain.presence import Movement, PresenceRules, PresenceSpan, presence_span, session_length
from checkin.domain.results import Direction
from checkin.reports.collation import person_key
from checkin.storage import scans as scan_repo
from checkin.storage import tables as t
from checkin.storage.events import load_event, session_by_code
from checkin.storage.types import utcnow


class PresenceError(ValueError):
    """The session asked for does not exist; the message lists the codes that do."""


@dataclass(frozen=True, slots=True)
class AttendeePresence:
    attendee_id: str
    first_name: str
    last_name: str
    organisation: str
    span: PresenceSpan

    def to_json(self, event: Event) -> dict[str, Any]:
        def local(moment: datetime | None) -> str | None:
            return moment.astimezone(event.tz).isoformat(timespec="seconds") if moment else None

        return {"attendee_id": self.attendee_id, "first_in": local(self.span.first_in),
                "last_out": local(self.span.last_out), "minutes": self.span.minutes,
                "attended": self.span.attended, "inside": self.span.inside,
                "first_name": self.first_name, "last_name": self.last_name}


@dataclass(frozen=True, slots=True)
class SessionPresence:
    event: Event
    session: Session
    rules: PresenceRules
    people: list[AttendeePresence]

    @property
    def session_minutes(self) -> int | None:
        length = session_length(self.session.starts_at, self.session.ends_at)
        return int(length.total_seconds() // 60) if length else None

    def by_attendee(self) -> dict[str, AttendeePresence]:
        return {p.attendee_id: p for p in self.people}

    def to_json(self) -> dict[str, Any]:
        return {"session": self.session.code, "title": self.session.title,
                "session_minutes": self.session_minutes, "rules": self.rules.to_json(),
                "attendees": [p.to_json(self.event) for p in self.people]}


def session_presence(conn: Connection, event: Event, session: Session,
                     now: datetime | None = None) -> SessionPresence:
    """Everyone who came in at least once, with their minutes, in Polish alphabetical order."""
    rules = PresenceRules.from_settings(event.settings)
    moves: dict[str, list[Movement]] = defaultdict(list)
    for attendee_id, direction, moment, _id in scan_repo.movements(conn, f"session:{session.id}"):
        moves[attendee_id].append(Movement(Direction(direction), moment))
    entered = [a for a, m in moves.items() if any(x.direction is Direction.IN for x in m)]
    names: dict[str, tuple[str, str, str]] = {}
    for chunk in range(0, len(entered), 500):
        ids = entered[chunk:chunk + 500]
        for row in conn.execute(select(t.attendee.c.id, t.attendee.c.first_name, t.attendee.c.last_name,
                                       t.attendee.c.organisation).where(t.attendee.c.id.in_(ids))):
            names[row[0]] = (row[1], row[2], row[3])
    moment = now or utcnow()
    people = [AttendeePresence(a, *names.get(a, ("", a[:8], "")),
                               presence_span(moves[a], rules, session.starts_at, session.ends_at, moment))
              for a in entered]
    people.sort(key=lambda p: person_key(p.last_name, p.first_name, p.attendee_id))
    return SessionPresence(event, session, rules, people)


def presence_for_session(engine: Engine, session_code: str, now: datetime | None = None) -> SessionPresence:
    """`checkin presence --session CODE`: one session's presence, from the local database."""
    with engine.connect() as conn:
        event = load_event(conn)
        session = session_by_code(conn, event.id, session_code)
        if session is None:
            codes = ", ".join(r[0] for r in conn.execute(
                select(t.session.c.code).where(t.session.c.event_id == event.id).order_by(t.session.c.code)))
            raise PresenceError(f"no session with code '{session_code}' (sessions: {codes or 'none defined'})")
        return session_presence(conn, event, session, now)
