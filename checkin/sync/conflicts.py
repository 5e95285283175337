# SPDX-License-Identifier: MIT
"""Conflicts made visible, derived from data every desk holds after sync (nothing to store).

- A **duplicate admission**: the same attendee admitted at the same checkpoint by two desks that
  could not see each other (offline, or within the sync lag). Attendance keeps the earliest scan;
  the later ones stay in the log and are listed here with both desks named.
- A **superseded roster edit**: two desks corrected the same attendee; the later version won and the
  loser is kept in `attendee_change` with outcome `superseded`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select

from checkin.domain.results import Direction, ScanResult
from checkin.storage import tables as t
from checkin.storage.meta import desk_names


@dataclass(frozen=True, slots=True)
class DuplicateAdmission:
    attendee_id: str
    attendee_name: str
    checkpoint: str
    kept_scan_id: str
    kept_desk: str  # desk name (or id when unknown)
    kept_time: datetime
    duplicate_scan_id: str
    duplicate_desk: str
    duplicate_time: datetime

    def describe(self) -> str:
        return (f"{self.attendee_name} admitted twice at {self.checkpoint}: kept {self.kept_desk} "
                f"{self.kept_time.astimezone():%H:%M:%S}, also {self.duplicate_desk} "
                f"{self.duplicate_time.astimezone():%H:%M:%S}")

    def to_json(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, datetime) else v)
                for k, v in ((f, getattr(self, f)) for f in self.__slots__)}


@dataclass(frozen=True, slots=True)
class SupersededEdit:
    change_id: str
    attendee_id: str
    attendee_name: str
    desk: str
    changed_at: datetime
    version: int
    fields: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, datetime) else v)
                for k, v in ((f, getattr(self, f)) for f in self.__slots__)}


def conflicts(engine: Engine) -> list[DuplicateAdmission]:
    """Accepted, non-voided entry scans of one attendee at one checkpoint from more than one desk,
    beyond the first (the one attendance keeps). Same-desk repeats are not conflicts: that desk saw
    the first scan and would have said "already checked in"."""
    s = t.scan
    with engine.connect() as conn:
        voided = select(s.c.voided_scan_id).where(s.c.result == ScanResult.VOID.value, s.c.voided_scan_id.is_not(None))
        rows = conn.execute(
            select(s.c.id, s.c.attendee_id, s.c.checkpoint, s.c.desk_id, s.c.device_time)
            .where(s.c.result == ScanResult.ACCEPTED.value, s.c.direction == Direction.IN.value,
                   s.c.attendee_id.is_not(None), s.c.id.not_in(voided))
            .order_by(s.c.attendee_id, s.c.checkpoint, s.c.device_time, s.c.id)
        ).all()
        names = desk_names(conn)
        people = {r.id: f"{r.first_name} {r.last_name}".strip()
                  for r in conn.execute(select(t.attendee.c.id, t.attendee.c.first_name, t.attendee.c.last_name))}
    groups: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for r in rows:
        groups[(r.attendee_id, r.checkpoint)].append(r)
    found: list[DuplicateAdmission] = []
    for (attendee_id, checkpoint), scans in groups.items():
        if len({x.desk_id for x in scans}) < 2:
            continue
        first = scans[0]
        for other in scans[1:]:
            if other.desk_id == first.desk_id:
                continue
            found.append(DuplicateAdmission(
                attendee_id, people.get(attendee_id, attendee_id), checkpoint, first.id,
                names.get(first.desk_id, first.desk_id), first.device_time, other.id,
                names.get(other.desk_id, other.desk_id), other.device_time))
    return found


def superseded_edits(engine: Engine) -> list[SupersededEdit]:
    c = t.attendee_change
    with engine.connect() as conn:
        names = desk_names(conn)
        people = {r.id: f"{r.first_name} {r.last_name}".strip()
                  for r in conn.execute(select(t.attendee.c.id, t.attendee.c.first_name, t.attendee.c.last_name))}
        rows = conn.execute(select(c).where(c.c.outcome == "superseded").order_by(c.c.changed_at)).all()
    return [SupersededEdit(r.id, r.attendee_id, people.get(r.attendee_id, r.attendee_id),
                           names.get(r.desk_id, r.desk_id), r.changed_at, r.base_version, dict(r.fields or {}))
            for r in rows]
