# SPDX-License-Identifier: MIT
"""The attendance data sets behind every export, read with SQLAlchemy Core.

Everything here is derived from the `attendance` table, which already holds one row per attendee
and checkpoint (so scans of the same person at two desks count once) and marks voided admissions
`active = false` (so an undone check-in never counts). A day is attended through its entrance or
through any session that day (`session_id IS NULL` rows). Times are stored in UTC and handed out
in the event's time zone; desks are named from the `desk` table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.engine import Connection

from checkin.domain.models import Event, Session
from checkin.reports.collation import person_key
from checkin.storage import tables as t
from checkin.storage.attendees import find_attendee_id
from checkin.storage.events import list_sessions, load_event
from checkin.storage.meta import desk_names


class ReportError(ValueError):
    """A report cannot be made as asked; the message says why and what to do."""


class Person(NamedTuple):
    """The attendee fields that reports show.

    Report rows are NamedTuples rather than frozen dataclasses: just as immutable, but several
    times cheaper to create, which matters at 20,000 rows per export.
    """

    id: str
    first_name: str
    last_name: str
    organisation: str
    position: str
    category: str
    email: str
    external_ref: str
    status: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def listed_name(self) -> str:
        """Surname first, as on a printed list."""
        return f"{self.last_name} {self.first_name}".strip()


class Presence(NamedTuple):
    """One person present at a checkpoint: first admission (local time) and the desk."""

    person: Person
    day: date
    first_time: datetime
    desk: str
    sessions: tuple[str, ...] = ()  # session codes attended that day (day lists only)


@dataclass(frozen=True, slots=True)
class ReportContext:
    event: Event
    sessions: tuple[Session, ...]
    desks: dict[str, str]

    def session(self, code: str) -> Session:
        for s in self.sessions:
            if s.code == code:
                return s
        known = ", ".join(s.code for s in self.sessions) or "none"
        raise ReportError(f"no session with code '{code}' in this event (codes: {known})")

    def check_day(self, day: date) -> date:
        if day not in self.event.dates:
            days = ", ".join(d.isoformat() for d in self.event.dates) or "none"
            raise ReportError(f"{day.isoformat()} is not a day of '{self.event.name}' (days: {days})")
        return day

    def day_label(self, day: date) -> str:
        return next((d.label for d in self.event.days if d.date == day), "")

    def desk_name(self, desk_id: str | None) -> str:
        if not desk_id:
            return ""
        return self.desks.get(desk_id, desk_id[:8])

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.event.tz)


def load_context(conn: Connection) -> ReportContext:
    event = load_event(conn)
    return ReportContext(event, tuple(list_sessions(conn, event.id)), desk_names(conn))


_PERSON_COLUMNS = (t.attendee.c.id, t.attendee.c.first_name, t.attendee.c.last_name,
                   t.attendee.c.organisation, t.attendee.c.position, t.attendee.c.category,
                   t.attendee.c.email, t.attendee.c.external_ref, t.attendee.c.status)


_N = len(_PERSON_COLUMNS)


def _person(row: Any) -> Person:
    """From a row that starts with `_PERSON_COLUMNS` (positional access: named access on a Row is
    several times slower, and these columns are NOT NULL)."""
    return Person._make(row[:_N])


def sort_people(people: list[Person]) -> list[Person]:
    """Sort by last name, first name in Polish alphabetical order."""
    return sorted(people, key=lambda p: person_key(p.last_name, p.first_name, p.id))


def sort_presence(lines: list[Presence]) -> list[Presence]:
    return sorted(lines, key=lambda x: person_key(x.person.last_name, x.person.first_name, x.person.id))


def _present_rows(conn: Connection, ctx: ReportContext, checkpoint: str) -> list[Any]:
    return list(conn.execute(
        select(*_PERSON_COLUMNS, t.attendance.c.first_time, t.attendance.c.desk_id, t.attendance.c.day,
               t.scan.c.source)
        .join(t.attendee, t.attendee.c.id == t.attendance.c.attendee_id)
        .outerjoin(t.scan, t.scan.c.id == t.attendance.c.scan_id)
        .where(t.attendance.c.checkpoint == checkpoint, t.attendance.c.active.is_(True),
               t.attendee.c.event_id == ctx.event.id)
    ))


def _sessions_by_attendee(conn: Connection, ctx: ReportContext, day: date | None) -> dict[str, list[Session]]:
    """Sessions each person attended (on `day`, or all), in programme order."""
    by_id = {s.id: s for s in ctx.sessions}
    order = {s.id: i for i, s in enumerate(ctx.sessions)}
    q = select(t.attendance.c.attendee_id, t.attendance.c.session_id).where(
        t.attendance.c.session_id.is_not(None), t.attendance.c.active.is_(True))
    if day is not None:
        q = q.where(t.attendance.c.day == day)
    found: dict[str, list[str]] = defaultdict(list)
    for attendee_id, session_id in conn.execute(q):
        if session_id in by_id:
            found[attendee_id].append(session_id)
    return {a: [by_id[s] for s in sorted(ids, key=order.__getitem__)] for a, ids in found.items()}


def daily_attendance(conn: Connection, ctx: ReportContext, day: date) -> list[Presence]:
    """Everyone present on `day`: first admission that day (entrance or a session), desk, sessions."""
    ctx.check_day(day)
    sessions = _sessions_by_attendee(conn, ctx, day)
    codes = {a: tuple(s.code for s in attended) for a, attended in sessions.items()}
    tz, desks = ctx.event.tz, ctx.desks
    lines = [
        Presence(Person._make(r[:_N]), day, r[_N].astimezone(tz),
                 _by_kiosk(desks.get(r[_N + 1], r[_N + 1][:8]) if r[_N + 1] else "", r.source), codes.get(r[0], ()))
        for r in _present_rows(conn, ctx, f"day:{day.isoformat()}")
    ]
    return sort_presence(lines)


def session_attendance(conn: Connection, ctx: ReportContext, session: Session) -> list[Presence]:
    """Everyone admitted to one session, with their first admission to it."""
    lines = [Presence(_person(r), session.day, ctx.local(r.first_time), _by_kiosk(ctx.desk_name(r.desk_id), r.source))
             for r in _present_rows(conn, ctx, f"session:{session.id}")]
    return sort_presence(lines)


def _by_kiosk(desk: str, source: str | None) -> str:
    """Self check-ins are marked in the desk column: "Kiosk 1 (kiosk)" even if the desk is named otherwise."""
    return f"{desk} (kiosk)" if source == "kiosk" else desk


def _registered_for(days_json: Any, day: date) -> bool:
    return not days_json or day.isoformat() in days_json


def no_shows(conn: Connection, ctx: ReportContext, day: date) -> list[Person]:
    """Active attendees registered for `day` who were never admitted that day (cancelled excluded)."""
    ctx.check_day(day)
    present = {r[0] for r in conn.execute(
        select(t.attendance.c.attendee_id).where(
            t.attendance.c.checkpoint == f"day:{day.isoformat()}", t.attendance.c.active.is_(True)))}
    rows = conn.execute(select(*_PERSON_COLUMNS, t.attendee.c.days).where(
        t.attendee.c.event_id == ctx.event.id, t.attendee.c.status == "active"))
    people = [_person(r) for r in rows if r.id not in present and _registered_for(r.days, day)]
    return sort_people(people)


@dataclass(frozen=True, slots=True)
class Matrix:
    """Attendee-by-checkpoint: columns are the event days then the sessions in programme order."""

    days: tuple[date, ...]
    sessions: tuple[Session, ...]
    rows: list[tuple[Person, frozenset[str]]]  # person, checkpoint keys attended

    @property
    def keys(self) -> list[str]:
        return [f"day:{d.isoformat()}" for d in self.days] + [f"session:{s.id}" for s in self.sessions]


def attendance_matrix(conn: Connection, ctx: ReportContext) -> Matrix:
    """Every active attendee (and anyone cancelled who nevertheless attended) against every checkpoint."""
    attended: dict[str, set[str]] = defaultdict(set)
    for attendee_id, checkpoint in conn.execute(
        select(t.attendance.c.attendee_id, t.attendance.c.checkpoint).where(t.attendance.c.active.is_(True))
    ):
        attended[attendee_id].add(checkpoint)
    people = [_person(r) for r in conn.execute(select(*_PERSON_COLUMNS).where(t.attendee.c.event_id == ctx.event.id))
              if r.status == "active" or r.id in attended]
    rows = [(p, frozenset(attended.get(p.id, ()))) for p in sort_people(people)]
    return Matrix(ctx.event.dates, ctx.sessions, rows)


@dataclass(frozen=True, slots=True)
class PersonAttendance:
    """What one person attended, for a certificate."""

    person: Person
    days: list[tuple[date, datetime, str]]  # day, first admission (local), desk
    sessions: list[tuple[Session, datetime]]  # session, first admission (local)


def person_attendance(conn: Connection, ctx: ReportContext, ref: str) -> PersonAttendance:
    """Days and sessions attended by the attendee `ref` (id, unique id prefix or registration number)."""
    attendee_id = find_attendee_id(conn, ctx.event.id, ref)
    if attendee_id is None:
        raise ReportError(f"no attendee '{ref}' in '{ctx.event.name}' (give an attendee id or registration number)")
    row = conn.execute(select(*_PERSON_COLUMNS).where(t.attendee.c.id == attendee_id)).one()
    by_id = {s.id: s for s in ctx.sessions}
    days: list[tuple[date, datetime, str]] = []
    sessions: list[tuple[Session, datetime]] = []
    for r in conn.execute(select(t.attendance).where(
            t.attendance.c.attendee_id == attendee_id, t.attendance.c.active.is_(True))):
        if r.session_id is None:
            days.append((r.day, ctx.local(r.first_time), ctx.desk_name(r.desk_id)))
        elif r.session_id in by_id:
            sessions.append((by_id[r.session_id], ctx.local(r.first_time)))
    order = {s.id: i for i, s in enumerate(ctx.sessions)}
    return PersonAttendance(_person(row), sorted(days), sorted(sessions, key=lambda x: order[x[0].id]))


def open_context(engine: Any) -> tuple[Connection, ReportContext]:
    """A read connection and the report context (the caller closes the connection)."""
    conn = engine.connect()
    try:
        return conn, load_context(conn)
    except BaseException:
        conn.close()
        raise
