# SPDX-License-Identifier: MIT
"""The append-only scan log and the attendance derived from it.

`recompute_attendance` is the single definition of attendance, shared by the check-in service
(after a local scan or void) and by sync (after scans arrive from other desks): the earliest
accepted, non-voided entry scan wins, whatever order scans arrive in. That makes merging desks a
set union: commutative, idempotent and safe to repeat.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Row

from checkin.domain.models import Attendance, Scan
from checkin.domain.results import Direction, ScanResult, Source
from checkin.storage import tables as t
from checkin.storage.outbox import enqueue


def to_scan(row: Row, desk_names: dict[str, str] | None = None) -> Scan:
    return Scan(
        id=row.id, event_id=row.event_id, desk_id=row.desk_id, operator=row.operator,
        device_time=row.device_time, checkpoint=row.checkpoint, day=row.day, session_id=row.session_id,
        direction=Direction(row.direction), source=Source(row.source), result=ScanResult(row.result),
        attendee_id=row.attendee_id, ticket_id=row.ticket_id, detail=row.detail or "",
        voided_scan_id=row.voided_scan_id, desk_name=(desk_names or {}).get(row.desk_id, ""),
        rehearsal_id=getattr(row, "rehearsal_id", None), key_id=getattr(row, "key_id", None),
    )


_INSERT_SCAN = t.scan.insert()


def insert_scan(conn: Connection, scan: Scan) -> None:
    """Append a scan and its outbox row (same transaction as the caller's)."""
    # Parameters passed separately from a constant statement: SQLAlchemy caches the compiled
    # INSERT, which halves the Python overhead of the scan path.
    conn.execute(_INSERT_SCAN, {
        "id": scan.id, "event_id": scan.event_id, "desk_id": scan.desk_id, "operator": scan.operator,
        "device_time": scan.device_time, "checkpoint": scan.checkpoint, "day": scan.day,
        "session_id": scan.session_id, "direction": scan.direction.value, "source": scan.source.value,
        "result": scan.result.value, "attendee_id": scan.attendee_id, "ticket_id": scan.ticket_id,
        "detail": scan.detail[:300], "voided_scan_id": scan.voided_scan_id,
        "rehearsal_id": scan.rehearsal_id, "key_id": scan.key_id,
    })
    enqueue(conn, "scan", scan.id)


def get_scan(conn: Connection, scan_id: str) -> Scan | None:
    row = conn.execute(select(t.scan).where(t.scan.c.id == scan_id)).first()
    return to_scan(row) if row else None


def is_voided(conn: Connection, scan_id: str) -> bool:
    return conn.execute(
        select(t.scan.c.id).where(t.scan.c.voided_scan_id == scan_id, t.scan.c.result == ScanResult.VOID.value)
    ).first() is not None


# The scan path runs these on every check-in. Built once with bind parameters, they skip SQLAlchemy's
# per-call statement construction (about half of the scan's Python time in a profile).
_ATTENDANCE_FOR = select(t.attendance).where(
    t.attendance.c.attendee_id == bindparam("attendee_id"), t.attendance.c.checkpoint == bindparam("checkpoint"),
    t.attendance.c.active.is_(True),
)
_OCCUPANCY = select(func.count()).select_from(t.attendance).where(
    t.attendance.c.checkpoint == bindparam("checkpoint"), t.attendance.c.active.is_(True)
)
_OCCUPANCY_INSIDE = _OCCUPANCY.where(t.attendance.c.inside.is_(True))


def _valid_accepted_query(*conditions: Any) -> Any:
    voided = select(t.scan.c.voided_scan_id).where(
        t.scan.c.result == ScanResult.VOID.value, t.scan.c.voided_scan_id.is_not(None), *conditions
    )
    return (
        select(t.scan.c.id, t.scan.c.device_time, t.scan.c.desk_id, t.scan.c.direction, t.scan.c.checkpoint)
        .where(t.scan.c.result == ScanResult.ACCEPTED.value, t.scan.c.id.not_in(voided), *conditions)
        .order_by(t.scan.c.device_time, t.scan.c.id)
    )


# `checkpoint || ''` keeps SQLite on ix_scan_attendee_checkpoint (a handful of rows per person):
# left to itself it prefers ix_scan_checkpoint_time to skip the sort and walks every scan of the room.
_PERSON_AT_CHECKPOINT = (t.scan.c.attendee_id == bindparam("attendee_id"),
                         (t.scan.c.checkpoint + "") == bindparam("checkpoint"))
_ACCEPTED_AT_CHECKPOINT = _valid_accepted_query(*_PERSON_AT_CHECKPOINT)
_ACCEPTED_ON_DAY = _valid_accepted_query(
    t.scan.c.attendee_id == bindparam("attendee_id"), t.scan.c.day == bindparam("day"))
_DEACTIVATE = t.attendance.update().where(
    t.attendance.c.attendee_id == bindparam("key_attendee"), t.attendance.c.checkpoint == bindparam("key_checkpoint")
).values(active=False, inside=False)
_UPSERT_COLUMNS = ("attendee_id", "checkpoint", "day", "session_id", "scan_id", "first_time", "desk_id",
                   "active", "inside")


def _build_upsert(insert: Any) -> Any:
    stmt = insert(t.attendance).values({c: bindparam(c) for c in _UPSERT_COLUMNS})
    return stmt.on_conflict_do_update(
        index_elements=["attendee_id", "checkpoint"],
        set_={c: getattr(stmt.excluded, c) for c in _UPSERT_COLUMNS[2:]},
    )


_UPSERT = {"sqlite": _build_upsert(sqlite_insert), "postgresql": _build_upsert(pg_insert)}


def attendance_for(conn: Connection, attendee_id: str, checkpoint: str) -> Attendance | None:
    row = conn.execute(_ATTENDANCE_FOR, {"attendee_id": attendee_id, "checkpoint": checkpoint}).first()
    if row is None:
        return None
    return Attendance(row.attendee_id, row.checkpoint, row.day, row.session_id, row.scan_id,
                      row.first_time, row.desk_id, inside=bool(row.inside))


def occupancy(conn: Connection, checkpoint: str, inside_only: bool) -> int:
    query = _OCCUPANCY_INSIDE if inside_only else _OCCUPANCY
    return int(conn.execute(query, {"checkpoint": checkpoint}).scalar_one())


def recompute_attendance(conn: Connection, attendee_id: str, checkpoint: str, day: date,
                         session_id: str | None) -> None:
    """Derive one attendance row from the scan log (see module docstring)."""
    if session_id is None:  # a day is attended through its entrance or any session that day
        scans = list(conn.execute(_ACCEPTED_ON_DAY, {"attendee_id": attendee_id, "day": day}))
        own = [s for s in scans if s.checkpoint == checkpoint]
    else:
        own = scans = list(conn.execute(_ACCEPTED_AT_CHECKPOINT,
                                        {"attendee_id": attendee_id, "checkpoint": checkpoint}))
    entries = [s for s in scans if s.direction == Direction.IN.value]
    first = entries[0] if entries else None
    if first is None:  # nothing to record; only deactivate an existing row
        conn.execute(_DEACTIVATE, {"key_attendee": attendee_id, "key_checkpoint": checkpoint})
        return
    # inside: the latest own-checkpoint movement was an entry (a day entered via a session counts)
    inside = own[-1].direction == Direction.IN.value if own else True
    conn.execute(_UPSERT[conn.dialect.name], {
        "attendee_id": attendee_id, "checkpoint": checkpoint, "day": day, "session_id": session_id,
        "scan_id": first.id, "first_time": first.device_time, "desk_id": first.desk_id,
        "active": True, "inside": inside,
    })


_LAST_ENTRY = select(func.max(t.scan.c.device_time)).where(
    *_PERSON_AT_CHECKPOINT, t.scan.c.result == ScanResult.ACCEPTED.value, t.scan.c.direction == Direction.IN.value,
)


def last_entry_time(conn: Connection, attendee_id: str, checkpoint: str) -> datetime | None:
    """When this person last came in here (auto-direction's double-scan guard)."""
    value = conn.execute(_LAST_ENTRY, {"attendee_id": attendee_id, "checkpoint": checkpoint}).scalar()
    if isinstance(value, str):  # func.max() loses the column type on SQLite
        value = datetime.fromisoformat(value)
    if value is not None and value.tzinfo is None:
        from datetime import UTC

        value = value.replace(tzinfo=UTC)
    return value


def inside_now(conn: Connection, checkpoint: str) -> int:
    """People inside a checkpoint that counts exits (entered and not left), from the local database."""
    return occupancy(conn, checkpoint, inside_only=True)


def present_count(conn: Connection, checkpoint: str) -> int:
    """People admitted at least once (re-entries and exits do not change it)."""
    return occupancy(conn, checkpoint, inside_only=False)


def movements(conn: Connection, checkpoint: str) -> list[Row]:
    """Entries and exits at one checkpoint in time order, for presence minutes: accepted scans
    (not voided), and "already inside" entries too. A door that has not yet heard of an exit at
    another door calls a re-entry a duplicate; the person did walk in, and once the exit arrives
    that entry must reopen their stay. While they really are inside, an extra entry changes nothing.

    Columns: attendee_id, direction, device_time, id. Served by `ix_scan_checkpoint_time`.
    """
    voided = select(t.scan.c.voided_scan_id).where(
        t.scan.c.checkpoint == checkpoint, t.scan.c.result == ScanResult.VOID.value,
        t.scan.c.voided_scan_id.is_not(None))
    counted = or_(t.scan.c.result == ScanResult.ACCEPTED.value,
                  and_(t.scan.c.result == ScanResult.DUPLICATE.value, t.scan.c.direction == Direction.IN.value))
    return list(conn.execute(
        select(t.scan.c.attendee_id, t.scan.c.direction, t.scan.c.device_time, t.scan.c.id)
        .where(t.scan.c.checkpoint == checkpoint, counted,
               t.scan.c.attendee_id.is_not(None), t.scan.c.id.not_in(voided))
        .order_by(t.scan.c.device_time, t.scan.c.id)
    ))


def recent_scans(conn: Connection, event_id: str, limit: int = 20, desk_id: str | None = None,
                 since: datetime | None = None) -> list[Scan]:
    from checkin.storage.meta import desk_names

    q = select(t.scan).where(t.scan.c.event_id == event_id)
    if desk_id:
        q = q.where(t.scan.c.desk_id == desk_id)
    if since:
        q = q.where(t.scan.c.device_time >= since)
    names = desk_names(conn)
    return [to_scan(r, names) for r in conn.execute(q.order_by(t.scan.c.device_time.desc()).limit(limit))]
