# SPDX-License-Identifier: MIT
"""Read-only questions the reception desk asks many times a minute.

Views never run SQL; these functions give them ready-to-show frozen values in one short read
transaction each, so they can run on a pool thread while the writer thread records scans
(SQLite WAL lets readers and the single writer overlap).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine, select

from checkin.domain.models import Attendee, Checkpoint, Event, Scan, Session
from checkin.domain.results import ScanResult
from checkin.services.event import session_running
from checkin.storage import attendees as attendee_repo
from checkin.storage import outbox
from checkin.storage import scans as scan_repo
from checkin.storage import tables as t
from checkin.storage.events import list_sessions, load_event, session_by_code, session_by_id
from checkin.storage.meta import desk_names


@dataclass(frozen=True, slots=True)
class PersonStatus:
    """One search hit with what the desk needs to know before admitting them."""

    attendee: Attendee
    present_since: datetime | None  # first admission at the chosen checkpoint (UTC), None = not yet
    present_desk: str = ""


@dataclass(frozen=True, slots=True)
class RecentScan:
    scan: Scan
    name: str
    voided: bool


@dataclass(frozen=True, slots=True)
class CheckpointChoices:
    """What the checkpoint picker offers, and what it should preselect."""

    event: Event
    sessions: tuple[Session, ...]
    today: date
    today_is_event_day: bool
    default: Checkpoint | None  # None: the volunteer must choose (not an event day)


def search_people(engine: Engine, event_id: str, query: str, checkpoint: Checkpoint | None,
                  limit: int = 30) -> list[PersonStatus]:
    """Accent-insensitive search with each person's status at the checkpoint."""
    with engine.connect() as conn:
        found = attendee_repo.search(conn, event_id, query, limit=limit)
        if not found or checkpoint is None:
            return [PersonStatus(a, None) for a in found]
        rows = conn.execute(
            select(t.attendance.c.attendee_id, t.attendance.c.first_time, t.attendance.c.desk_id).where(
                t.attendance.c.checkpoint == checkpoint.key, t.attendance.c.active.is_(True),
                t.attendance.c.attendee_id.in_([a.id for a in found]),
            )
        ).all()
        names = desk_names(conn) if rows else {}
    present = {r.attendee_id: (r.first_time, names.get(r.desk_id, "")) for r in rows}
    return [PersonStatus(a, *present.get(a.id, (None, ""))) for a in found]


def recent_desk_scans(engine: Engine, event_id: str, desk_id: str, limit: int = 12) -> list[RecentScan]:
    """This desk's latest attempts (voids folded into the scan they undo)."""
    with engine.connect() as conn:
        scans = scan_repo.recent_scans(conn, event_id, limit=limit * 2, desk_id=desk_id)
        voided = {s.voided_scan_id for s in scans if s.result is ScanResult.VOID and s.voided_scan_id}
        shown = [s for s in scans if s.result is not ScanResult.VOID][:limit]
        ids = {s.attendee_id for s in shown if s.attendee_id}
        names: dict[str, str] = {}
        if ids:
            for r in conn.execute(select(t.attendee.c.id, t.attendee.c.first_name, t.attendee.c.last_name)
                                  .where(t.attendee.c.id.in_(ids))):
                names[r.id] = f"{r.first_name} {r.last_name}".strip()
        missing = [s.id for s in shown if s.id not in voided and s.result is ScanResult.ACCEPTED]
        if missing:  # voids older than the window above
            voided |= {r[0] for r in conn.execute(
                select(t.scan.c.voided_scan_id).where(t.scan.c.voided_scan_id.in_(missing),
                                                      t.scan.c.result == ScanResult.VOID.value))}
    return [RecentScan(s, names.get(s.attendee_id or "", ""), s.id in voided) for s in shown]


def checkpoint_choices(engine: Engine, now: datetime) -> CheckpointChoices:
    """Today's entrance, or the session running now; nothing preselected on a non-event day."""
    with engine.connect() as conn:
        event = load_event(conn)
        sessions = tuple(list_sessions(conn, event.id))
    today = event.local_date(now)
    if today not in event.dates:
        return CheckpointChoices(event, sessions, today, False, None)
    running = session_running([s for s in sessions if s.day == today], now)
    return CheckpointChoices(event, sessions, today, True, Checkpoint(today, running) if running else Checkpoint(today))


def checkpoint_from_key(engine: Engine, event: Event, key: str) -> Checkpoint | None:
    """Parse a stored checkpoint choice ("day:2022-10-19", "session:<id or code>")."""
    kind, _, value = key.partition(":")
    if kind == "day":
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return None
        return Checkpoint(day) if day in event.dates else None
    if kind == "session":
        with engine.connect() as conn:
            session = session_by_id(conn, value) or session_by_code(conn, event.id, value)
        return Checkpoint(session.day, session) if session else None
    return None


def present_count(engine: Engine, checkpoint: Checkpoint) -> int:
    """People admitted at this checkpoint (the desk's headcount line)."""
    with engine.connect() as conn:
        return scan_repo.occupancy(conn, checkpoint.key, inside_only=False)


def undo_deadline(scan: Scan, undo_minutes: int) -> datetime:
    return scan.device_time + timedelta(minutes=undo_minutes)


def pending_outbox(engine: Engine) -> int:
    """Changes made here that have not reached the venue database yet (for "local only" desks)."""
    with engine.connect() as conn:
        return outbox.pending_count(conn)
