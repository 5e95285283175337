# SPDX-License-Identifier: MIT
"""Rehearsal: a dry run on the real system that leaves no trace.

While a rehearsal runs, every scan, badge print and walk-in written here carries its id
(`rehearsal_id`); ending it deletes exactly those rows — on the hub (through the organiser-only
`end_rehearsal` function) and on every desk (when sync brings the ended rehearsal) — and keeps the
rehearsal row with what was removed, per desk, for the audit. This is the one place where check-in
rows are deleted, and only because they were never real. Roster corrections are refused during a
rehearsal: they would change real people, which a rehearsal must not do.

The flag is a row, not a setting: the hub holds it, desks pull it with every sync round
(`sync_rehearsals`), and a desk on its own (no hub) can rehearse alone. Every function opens its own
connection; call them from one thread at a time per database (the app's writer lane, the CLI).
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.engine import Connection

from checkin.storage import outbox
from checkin.storage import tables as t
from checkin.storage.db import read_tx, write_tx
from checkin.storage.events import current_event_id
from checkin.storage.scans import recompute_attendance
from checkin.storage.types import utcnow

_ACTIVE = select(t.rehearsal.c.id).where(t.rehearsal.c.ended_at.is_(None)).order_by(
    t.rehearsal.c.started_at.desc()).limit(1)
HUB_COLUMNS = ("id", "event_id", "started_at", "started_by", "ended_at", "ended_by", "removed")


class RehearsalError(ValueError):
    """The rehearsal cannot be started or ended as asked; the message says why."""


@dataclass(frozen=True, slots=True)
class Rehearsal:
    id: str
    event_id: str
    started_at: datetime
    started_by: str = ""
    ended_at: datetime | None = None
    ended_by: str = ""
    removed: dict[str, Any] = field(default_factory=dict)  # the hub's report: per desk id, per kind
    removed_here: dict[str, Any] = field(default_factory=dict)  # what this copy deleted, per kind

    @property
    def running(self) -> bool:
        return self.ended_at is None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "running": self.running, "started_at": self.started_at.isoformat(),
                "started_by": self.started_by,
                "ended_at": self.ended_at.isoformat() if self.ended_at else None, "ended_by": self.ended_by,
                "removed_on_hub": self.removed.get("desks", {}), "removed_here": self.removed_here}


def active_id(conn: Connection) -> str | None:
    """The running rehearsal's id, read inside the caller's transaction (scan path: one indexed row)."""
    row = conn.execute(_ACTIVE).first()
    return str(row[0]) if row else None


def _to_rehearsal(row: Any) -> Rehearsal:
    m = row._mapping
    return Rehearsal(m["id"], m["event_id"], m["started_at"], m["started_by"] or "", m["ended_at"],
                     m["ended_by"] or "", dict(m["removed"] or {}), dict(m.get("removed_here") or {}))


def latest(engine: Engine) -> Rehearsal | None:
    with read_tx(engine) as conn:
        row = conn.execute(select(t.rehearsal).order_by(t.rehearsal.c.started_at.desc()).limit(1)).first()
    return _to_rehearsal(row) if row else None


def history(engine: Engine) -> list[Rehearsal]:
    with read_tx(engine) as conn:
        return [_to_rehearsal(r) for r in conn.execute(select(t.rehearsal).order_by(t.rehearsal.c.started_at))]


def is_running(engine: Engine) -> bool:
    with engine.connect() as conn:
        return active_id(conn) is not None


# ---------------------------------------------------------------- this copy
def start_local(engine: Engine, by: str = "", *, clock: Callable[[], datetime] = utcnow,
                rehearsal_id: str | None = None) -> Rehearsal:
    with write_tx(engine) as conn:
        if active_id(conn) is not None:
            raise RehearsalError("a rehearsal is already running; end it first (`checkin rehearsal end`)")
        event_id = current_event_id(conn) or ""
        values = {"id": rehearsal_id or str(uuid.uuid4()), "event_id": event_id, "started_at": clock(),
                  "started_by": by[:100], "ended_at": None, "ended_by": "", "removed": {}, "removed_here": {}}
        conn.execute(t.rehearsal.insert().values(**values))
        return _to_rehearsal(conn.execute(select(t.rehearsal).where(t.rehearsal.c.id == values["id"])).one())


def end_local(engine: Engine, rehearsal_id: str | None = None, by: str = "", *,
              clock: Callable[[], datetime] = utcnow, hub_report: dict[str, Any] | None = None) -> Rehearsal:
    """End a rehearsal here and delete its rows from this database (see module docstring)."""
    with write_tx(engine) as conn:
        rehearsal_id = rehearsal_id or active_id(conn)
        if rehearsal_id is None:
            raise RehearsalError("no rehearsal is running")
        row = conn.execute(select(t.rehearsal).where(t.rehearsal.c.id == rehearsal_id)).first()
        if row is None:
            raise RehearsalError(f"no rehearsal {rehearsal_id} on this desk")
        removed = remove_rows(conn, rehearsal_id)
        values: dict[str, Any] = {"removed_here": removed}
        if row.ended_at is None:
            values |= {"ended_at": clock(), "ended_by": by[:100]}
        if hub_report is not None:
            values["removed"] = hub_report
        conn.execute(t.rehearsal.update().where(t.rehearsal.c.id == rehearsal_id).values(**values))
        return _to_rehearsal(conn.execute(select(t.rehearsal).where(t.rehearsal.c.id == rehearsal_id)).one())


def remove_rows(conn: Connection, rehearsal_id: str) -> dict[str, Any]:
    """Delete the rehearsal's scans, prints and walk-ins (with their tickets, change log, outbox rows)
    and re-derive the attendance they touched. Returns counts, in total and per desk."""
    s, b, a = t.scan, t.badge_print, t.attendee
    people = [r.id for r in conn.execute(select(a.c.id, a.c.updated_by).where(a.c.rehearsal_id == rehearsal_id))]
    walk_in_desks = Counter(r.updated_by for r in conn.execute(
        select(a.c.updated_by).where(a.c.rehearsal_id == rehearsal_id)))
    scan_filter = (s.c.rehearsal_id == rehearsal_id) | s.c.attendee_id.in_(people)
    scans = conn.execute(select(s.c.id, s.c.desk_id, s.c.attendee_id, s.c.checkpoint, s.c.day,
                                s.c.session_id).where(scan_filter)).all()
    print_filter = (b.c.rehearsal_id == rehearsal_id) | b.c.attendee_id.in_(people)
    prints = conn.execute(select(b.c.id, b.c.desk_id).where(print_filter)).all()
    per_desk: dict[str, Counter[str]] = defaultdict(Counter)
    for r in scans:
        per_desk[r.desk_id]["scans"] += 1
    for p in prints:
        per_desk[p.desk_id]["prints"] += 1
    for desk_id, n in walk_in_desks.items():
        per_desk[desk_id]["walk_ins"] += n
    scan_ids = [r.id for r in scans]
    changes = [r[0] for r in conn.execute(select(t.attendee_change.c.id)
                                          .where(t.attendee_change.c.attendee_id.in_(people)))]
    outbox.withdraw(conn, "scan", scan_ids)
    outbox.withdraw(conn, "badge_print", [p.id for p in prints])
    outbox.withdraw(conn, "attendee", people)
    outbox.withdraw(conn, "attendee_change", changes)
    for chunk in _chunks(scan_ids):
        # an attendance row founded on a rehearsed admission goes too; recomputing below brings it
        # back when a real admission remains
        conn.execute(t.attendance.delete().where(t.attendance.c.scan_id.in_(chunk)))
        conn.execute(s.delete().where(s.c.id.in_(chunk)))
    conn.execute(b.delete().where(print_filter))
    conn.execute(t.attendance.delete().where(t.attendance.c.attendee_id.in_(people)))
    conn.execute(t.ticket.delete().where(t.ticket.c.attendee_id.in_(people)))
    conn.execute(t.attendee_change.delete().where(t.attendee_change.c.attendee_id.in_(people)))
    conn.execute(a.delete().where(a.c.id.in_(people)))
    keys: set[tuple[str, str, date, str | None]] = set()
    for r in scans:
        if r.attendee_id and r.attendee_id not in people:
            keys.add((r.attendee_id, r.checkpoint, r.day, r.session_id))
            if r.session_id is not None:
                keys.add((r.attendee_id, f"day:{r.day.isoformat()}", r.day, None))
    for attendee_id, checkpoint, day, session_id in sorted(keys, key=lambda k: (k[0], k[1])):
        recompute_attendance(conn, attendee_id, checkpoint, day, session_id)
    return {"scans": len(scans), "prints": len(prints), "walk_ins": len(people),
            "desks": {d: dict(c) for d, c in per_desk.items()}}


def _chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def rehearsal_counts(engine: Engine, rehearsal_id: str) -> dict[str, int]:
    """What this copy holds of a running rehearsal (the status line and the banner)."""
    from sqlalchemy import func

    with read_tx(engine) as conn:
        def count(table: Any) -> int:
            return int(conn.execute(select(func.count()).select_from(table)
                                    .where(table.c.rehearsal_id == rehearsal_id)).scalar_one())
        return {"scans": count(t.scan), "prints": count(t.badge_print), "walk_ins": count(t.attendee)}


# ---------------------------------------------------------------- the hub
def start_on_hub(hub: Engine, rehearsal: Rehearsal) -> None:
    """Write the running rehearsal to the hub (organiser role); desks take it with their next sync."""
    with hub.begin() as conn:
        conn.execute(text("INSERT INTO rehearsal (id, event_id, started_at, started_by) "
                          "VALUES (:id, :e, :s, :b) ON CONFLICT (id) DO NOTHING"),
                     {"id": rehearsal.id, "e": rehearsal.event_id, "s": rehearsal.started_at,
                      "b": rehearsal.started_by})


def running_on_hub(hub: Engine) -> Rehearsal | None:
    with hub.connect() as conn:
        row = conn.execute(text("SELECT " + ", ".join(HUB_COLUMNS) + " FROM rehearsal WHERE ended_at IS NULL "
                                "ORDER BY started_at DESC LIMIT 1")).first()
    return _to_rehearsal(row) if row else None


def end_on_hub(hub: Engine, rehearsal_id: str, by: str) -> dict[str, Any]:
    """Delete the rehearsal's rows at the hub; the hub re-derives the attendance they touched, in the
    same transaction (`end_rehearsal`). Returns the hub's report (counts per desk id)."""
    with hub.begin() as conn:
        return dict(conn.execute(text("SELECT end_rehearsal(:r, :b)"), {"r": rehearsal_id, "b": by[:100]})
                    .scalar_one())


def sync_rehearsals(local: Engine, hub: Engine) -> bool:
    """Bring the hub's rehearsals here: a new one starts marking this desk's rows, an ended one
    removes them. Runs on the sync thread after each pull; True when something changed here."""
    with hub.connect() as conn:
        exists = conn.execute(text("SELECT to_regclass('rehearsal')")).scalar()
        if exists is None:  # a hub not upgraded yet: nothing to rehearse with
            return False
        remote = [_to_rehearsal(r) for r in conn.execute(
            text("SELECT " + ", ".join(HUB_COLUMNS) + " FROM rehearsal ORDER BY started_at"))]
    if not remote:
        return False
    with read_tx(local) as conn:
        here = {r.id: (r.ended_at, bool(r.removed)) for r in conn.execute(
            select(t.rehearsal.c.id, t.rehearsal.c.ended_at, t.rehearsal.c.removed))}
    changed = False
    for r in remote:
        known = here.get(r.id)
        if known is None:
            with write_tx(local) as conn:
                conn.execute(t.rehearsal.insert().values(
                    id=r.id, event_id=r.event_id, started_at=r.started_at, started_by=r.started_by,
                    ended_at=None, ended_by="", removed={}, removed_here={}))
            known = (None, False)
            changed = True
        if r.ended_at is not None and (known[0] is None or not known[1]):
            end_local(local, r.id, r.ended_by, clock=_fixed(r.ended_at), hub_report=r.removed)
            changed = True
    return changed


def _fixed(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def describe(rehearsal: Rehearsal | None, desk_names: dict[str, str] | None = None) -> str:
    """Lines for `checkin rehearsal status` and the end report."""
    if rehearsal is None:
        return "No rehearsal has been run."
    names = desk_names or {}
    if rehearsal.running:
        return f"REHEARSAL running since {rehearsal.started_at.astimezone():%Y-%m-%d %H:%M}" + (
            f" (started by {rehearsal.started_by})" if rehearsal.started_by else "")
    lines = [f"Rehearsal {rehearsal.id[:8]} ended {rehearsal.ended_at.astimezone():%Y-%m-%d %H:%M}"
             if rehearsal.ended_at else f"Rehearsal {rehearsal.id[:8]}"]
    here = rehearsal.removed_here
    lines.append(f"Removed here: {here.get('scans', 0)} scans, {here.get('prints', 0)} badge prints, "
                 f"{here.get('walk_ins', 0)} walk-ins.")
    desks = rehearsal.removed.get("desks", {})
    if desks:
        lines.append("Removed on the hub, per desk:")
        for desk_id, counts in sorted(desks.items(), key=lambda kv: names.get(kv[0], kv[0])):
            lines.append(f"  {names.get(desk_id, desk_id[:8])}: {counts.get('scans', 0)} scans, "
                         f"{counts.get('prints', 0)} prints, {counts.get('walk_ins', 0)} walk-ins")
    return "\n".join(lines)
