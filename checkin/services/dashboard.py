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

from sqlalchemy import Engine, Integer, cast, func, select, text
from sqlalchemy.engine import Connection

from checkin.domain.models import Event, Session
from checkin.services.forecast import Forecast, entrance_pace, forecast, opening_time
from checkin.services.headcount import Headcount, arrivals_on, desk_activity_on, headcount_on
from checkin.storage import tables as t
from checkin.storage import tallies
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
    forecast: Forecast | None = None  # the queue forecast, on the event day that is today


def default_day(event: Event, now: datetime) -> date:
    """Today when it is an event day; otherwise the nearest event day (a rehearsal, the evening after)."""
    today = event.local_date(now)
    if today in event.dates:
        return today
    return min(event.dates, key=lambda d: abs((d - today).days))


def activity_fingerprint(engine: Engine) -> tuple[object, ...]:
    """Changes whenever a scan, an attendance row, a roster row, a desk sync or a session edit lands."""
    with engine.connect() as conn:
        return fingerprint_on(conn)


def fingerprint_on(conn: Connection) -> tuple[object, ...]:
    """`activity_fingerprint` on an open connection. With the tallies every part is an O(1) or
    O(sessions + desks) read (about a millisecond at 200,000 scans): scans are append-only, so the
    highest rowid and the per-desk totals move with each one; attendance moves the tally sums."""
    if tallies.available(conn):
        scans = conn.execute(text("SELECT (SELECT max(rowid) FROM scan), "
                                  "(SELECT total(scans) FROM scan_tally WHERE minute = '*')")).one()
        attendance = conn.execute(text("SELECT total(present), total(inside), count(*) FROM attendance_tally")).one()
        people = conn.execute(text("SELECT (SELECT max(updated_at) FROM attendee), "  # an index's last entry
                                   "(SELECT total(n) FROM registration_tally), "
                                   "(SELECT count(*) FROM registration_tally)")).one()
    else:
        scans = conn.execute(select(func.count(), func.max(t.scan.c.device_time))).one()
        attendance = conn.execute(select(func.count(), func.sum(cast(t.attendance.c.active, Integer)),
                                         func.sum(cast(t.attendance.c.inside, Integer)))).one()
        people = conn.execute(select(func.count(), func.max(t.attendee.c.updated_at))).one()
    desks = conn.execute(select(func.count(), func.max(t.desk.c.last_sync))).one()
    queued = latest_seq(conn)
    sessions = hash(tuple(conn.execute(select(t.session.c.title, t.session.c.room, t.session.c.capacity,
                                              t.session.c.starts_at, t.session.c.ends_at)).all()))
    return (*scans, *attendance, *people, *desks, *queued, sessions)


def dashboard_snapshot(engine: Engine, desk_id: str, day: date | None = None, now: datetime | None = None, *,
                       from_scratch: bool = False) -> DashboardData:
    """Registered/present for `day`, its sessions, arrivals, desk throughput and pending sync.
    Everything is read on one connection in one read transaction, so the numbers agree.
    `from_scratch` counts the rows instead of reading the tallies (bench/dashboard.py compares)."""
    now = now or utcnow()
    with engine.connect() as conn:
        fingerprint = fingerprint_on(conn)
        event = load_event(conn)
        syncs = {r.id: r.last_sync for r in conn.execute(select(t.desk.c.id, t.desk.c.last_sync))}
        pending = pending_count(conn)
        day = day if day in event.dates else default_day(event, now)
        session_list = list_sessions(conn, event.id, day)
        counts = headcount_on(conn, day, event=event, sessions=session_list, from_scratch=from_scratch)
        recent = {a.desk_id: a for a in desk_activity_on(conn, event, since=now, window=THROUGHPUT_WINDOW,
                                                         from_scratch=from_scratch)}
        totals = desk_activity_on(conn, event, from_scratch=from_scratch)
        arrived = arrivals_on(conn, event, day, from_scratch=from_scratch)
        pace = entrance_pace(conn, event.id, now) if day == event.local_date(now) else None
        this_desk = None
        if not any(a.desk_id == desk_id for a in totals):
            this_desk = conn.execute(select(t.desk.c.name).where(t.desk.c.id == desk_id)).first()
    desks = []
    for total in totals:
        window = recent.get(total.desk_id)
        desks.append(DeskStatus(total.desk_id, total.name, window.scans if window else 0,
                                window.accepted if window else 0, total.last_scan,
                                _aware(syncs.get(total.desk_id)), total.desk_id == desk_id))
    if this_desk is not None:
        desks.append(DeskStatus(desk_id, this_desk[0], 0, 0, None, _aware(syncs.get(desk_id)), True))
    desks.sort(key=lambda d: d.name.casefold())
    queue = None
    if pace is not None and counts.days:
        queue = forecast(now=now, opening=opening_time(session_list, day, event.tz),
                         registered=counts.days[0].registered, arrived=counts.days[0].present,
                         admitted_recent=pace.admitted_recent, desk_service_s=pace.service_s,
                         open_desks=pace.open_desks)
    return DashboardData(event, day, now, counts, {s.code: s for s in session_list}, arrived, desks, pending,
                         fingerprint, queue)


def _aware(value: datetime | None) -> datetime | None:
    from datetime import UTC

    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
