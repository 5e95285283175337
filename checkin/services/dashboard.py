# SPDX-License-Identifier: MIT
"""Everything the coordinator dashboard shows, read in one go, plus a cheap change fingerprint.

Built on `checkin.services.headcount`. The dashboard polls every second; most ticks nothing has
changed, so it first asks for `activity_fingerprint` (a handful of indexed aggregates) and only
reads the full snapshot when the fingerprint moved or the time window needs to slide.
Runs on whatever thread calls it (the GUI uses its read pool); opens and closes its own connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine, Integer, cast, func, select

from checkin.domain.models import Event, Session
from checkin.services.headcount import Headcount, arrivals, desk_activity, headcount
from checkin.storage import tables as t
from checkin.storage.events import list_sessions, load_event
from checkin.storage.outbox import latest_seq, pending_count
from checkin.storage.types import utcnow

THROUGHPUT_WINDOW = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class DeskStatus:
    desk_id: str
    name: str
    scans_recent: int  # scans in the last THROUGHPUT_WINDOW
    accepted_recent: int  # admissions in the same window
    last_scan: datetime | None
    last_sync: datetime | None
    this_desk: bool


@dataclass(frozen=True, slots=True)
class DashboardData:
    event: Event
    day: date
    now: datetime
    counts: Headcount
    sessions: dict[str, Session]  # code -> session of this day (room, end time for the table)
    arrivals: list[tuple[datetime, int]]  # local bucket start -> first admissions
    desks: list[DeskStatus]
    pending: int  # outbox rows this desk has not pushed yet
    fingerprint: tuple[object, ...]


def default_day(event: Event, now: datetime) -> date:
    """Today when it is an event day; otherwise the nearest event day (a rehearsal, the evening after)."""
    today = event.local_date(now)
    if today in event.dates:
        return today
    return min(event.dates, key=lambda d: abs((d - today).days))


def activity_fingerprint(engine: Engine) -> tuple[object, ...]:
    """Changes whenever a scan, an attendance row, a roster row, a desk sync or a session edit lands."""
    with engine.connect() as conn:
        scans = conn.execute(select(func.count(), func.max(t.scan.c.device_time))).one()
        attendance = conn.execute(select(func.count(), func.sum(cast(t.attendance.c.active, Integer)),
                                         func.sum(cast(t.attendance.c.inside, Integer)))).one()
        people = conn.execute(select(func.count(), func.max(t.attendee.c.updated_at))).one()
        desks = conn.execute(select(func.count(), func.max(t.desk.c.last_sync))).one()
        queued = latest_seq(conn)
        sessions = hash(tuple(conn.execute(select(t.session.c.title, t.session.c.room, t.session.c.capacity,
                                                  t.session.c.starts_at, t.session.c.ends_at)).all()))
    return (*scans, *attendance, *people, *desks, *queued, sessions)


def dashboard_snapshot(engine: Engine, desk_id: str, day: date | None = None,
                       now: datetime | None = None) -> DashboardData:
    """Registered/present for `day`, its sessions, arrivals, desk throughput and pending sync."""
    now = now or utcnow()
    fingerprint = activity_fingerprint(engine)
    with engine.connect() as conn:
        event = load_event(conn)
        syncs = {r.id: r.last_sync for r in conn.execute(select(t.desk.c.id, t.desk.c.last_sync))}
        pending = pending_count(conn)
    day = day if day in event.dates else default_day(event, now)
    counts = headcount(engine, day)
    with engine.connect() as conn:
        sessions = {s.code: s for s in list_sessions(conn, event.id, day)}
    recent = {a.desk_id: a for a in desk_activity(engine, event, since=now, window=THROUGHPUT_WINDOW)}
    desks = []
    for total in desk_activity(engine, event):
        window = recent.get(total.desk_id)
        desks.append(DeskStatus(total.desk_id, total.name, window.scans if window else 0,
                                window.accepted if window else 0, total.last_scan,
                                _aware(syncs.get(total.desk_id)), total.desk_id == desk_id))
    if not any(d.this_desk for d in desks):
        with engine.connect() as conn:
            row = conn.execute(select(t.desk.c.name).where(t.desk.c.id == desk_id)).first()
        if row is not None:
            desks.append(DeskStatus(desk_id, row[0], 0, 0, None, _aware(syncs.get(desk_id)), True))
    desks.sort(key=lambda d: d.name.casefold())
    return DashboardData(event, day, now, counts, sessions, arrivals(engine, event, day), desks, pending, fingerprint)


def _aware(value: datetime | None) -> datetime | None:
    from datetime import UTC

    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
