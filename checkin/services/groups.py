# SPDX-License-Identifier: MIT
"""Group check-in: people who belong together (an order, a group, a delegation) admitted at once.

The roster's group column (`group_code`) ties them together. The desk lists the group with what
each person's check-in would say right now, the volunteer picks who is actually standing there,
and each chosen person is admitted through the ordinary check-in path: their own decision, their
own scan row, their own outbox row. Nothing here decides differently from a single scan.

Thread: any one thread at a time (the app's pool for listing, the writer lane for admitting).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from checkin.domain.decision import Decision
from checkin.domain.messages import say
from checkin.domain.models import Attendee, Checkpoint, Desk, Event
from checkin.domain.results import Direction, ScanResult, Source
from checkin.domain.rules import CheckpointState, decide
from checkin.services.badge_printing import BadgeNotPrinted, BadgePrinted, Send
from checkin.services.checkin import CheckInService
from checkin.storage import scans as scan_repo
from checkin.storage import tables as t
from checkin.storage.attendees import to_attendee
from checkin.storage.db import read_tx
from checkin.storage.types import utcnow


class GroupError(LookupError):
    """No such group, or the person belongs to none."""


@dataclass(frozen=True, slots=True)
class GroupMember:
    attendee: Attendee
    expected: ScanResult  # what admitting them now would say (accepted, duplicate, cancelled, ...)

    @property
    def present(self) -> bool:
        return self.expected is ScanResult.DUPLICATE

    @property
    def admissible(self) -> bool:
        return self.expected is ScanResult.ACCEPTED

    def to_json(self) -> dict[str, Any]:
        return {"attendee": self.attendee.to_json(), "expected": self.expected.value}


def members(engine: Engine, event_id: str, group_code: str, checkpoint: Checkpoint | None) -> list[GroupMember]:
    """Everyone in the group, by surname, each with the result a check-in would give now."""
    code = group_code.strip()
    if not code:
        raise GroupError(say("no group {group} in the roster", group='""'))
    a = t.attendee
    with read_tx(engine) as conn:
        rows = conn.execute(select(a).where(a.c.event_id == event_id, func.upper(a.c.group_code) == code.upper())
                            .order_by(a.c.last_name, a.c.first_name)).all()
        people = [to_attendee(r) for r in rows]
        out = []
        for person in people:
            if checkpoint is None:
                expected = ScanResult.CANCELLED if person.cancelled else ScanResult.ACCEPTED
            else:
                state = CheckpointState(scan_repo.attendance_for(conn, person.id, checkpoint.key), 0)
                expected = decide(person, checkpoint, state, Direction.IN).result
            out.append(GroupMember(person, expected))
    if not out:
        raise GroupError(say("no group {group} in the roster", group=code))
    return out


def members_of(engine: Engine, attendee: Attendee, checkpoint: Checkpoint | None) -> list[GroupMember]:
    if not attendee.group_code:
        raise GroupError(say("{name} has no group in the roster", name=attendee.full_name))
    return members(engine, attendee.event_id, attendee.group_code, checkpoint)


def admit_group(service: CheckInService, attendee_ids: list[str], checkpoint: Checkpoint,
                source: Source = Source.SEARCH) -> list[Decision]:
    """Admit the chosen members one by one through the check-in service (one decision and scan each)."""
    return [service.admit(attendee_id, checkpoint, source) for attendee_id in attendee_ids]


def group_codes(engine: Engine, event_id: str) -> list[tuple[str, int]]:
    """Groups and their sizes (for the organiser and `checkin attendees --groups`)."""
    a = t.attendee
    with read_tx(engine) as conn:
        rows = conn.execute(select(a.c.group_code, func.count()).where(a.c.event_id == event_id, a.c.group_code != "")
                            .group_by(a.c.group_code).order_by(a.c.group_code)).all()
    return [(r[0], int(r[1])) for r in rows]


def print_group_badges(engine: Engine, desk: Desk, attendees: list[Attendee], event: Event, template_id: str,
                       printer: str | None, send: Send, folder: Path, *,
                       clock: Callable[[], datetime] = utcnow) -> BadgePrinted:
    """One PDF (a badge per person), one print job, then one log row per badge — the badge-print
    use case for a group. Any worker thread; raises BadgeNotPrinted (with the PDF) if the printer fails."""
    from checkin.badges.log import record_print
    from checkin.badges.render import render_badges
    from checkin.badges.templates import load_template

    template = load_template(template_id)
    pdf = folder / f"badges-{attendees[0].id[:8]}-{len(attendees)}.pdf"
    render_badges(attendees, event, template, pdf, title=f"{len(attendees)} badges — {event.name}")
    try:
        used = send(pdf, printer, 1, template.page_size_mm, f"Badges ({len(attendees)})")
    except Exception as exc:
        raise BadgeNotPrinted(exc, pdf) from exc
    records = [record_print(engine, desk, a.id, template.id, used, clock=clock) for a in attendees]
    return BadgePrinted(pdf, used, records)
