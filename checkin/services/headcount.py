# SPDX-License-Identifier: MIT
"""Live numbers for coordinators: registered vs present per day and category, per session,
arrivals over time and per-desk throughput. Read-only, derived from attendance and scans.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Integer, func, select

from checkin.domain.models import Event
from checkin.domain.results import ScanResult
from checkin.storage import tables as t
from checkin.storage.events import list_sessions, load_event
from checkin.storage.meta import desk_names


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    registered: int
    present: int
    by_category: dict[str, tuple[int, int]] = field(default_factory=dict)  # category -> (registered, present)


@dataclass(frozen=True, slots=True)
class SessionCount:
    code: str
    title: str
    day: date
    starts_at: datetime | None
    capacity: int | None
    registered: int | None  # only for sessions that require registration
    present: int
    inside: int | None  # only where exits are scanned


@dataclass(frozen=True, slots=True)
class DeskActivity:
    desk_id: str
    name: str
    scans: int
    accepted: int
    last_scan: datetime | None


@dataclass(frozen=True, slots=True)
class Headcount:
    event_id: str
    days: list[DayCount]
    sessions: list[SessionCount]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for d in data["days"]:
            d["day"] = d["day"].isoformat()
            d["by_category"] = {k: {"registered": r, "present": p} for k, (r, p) in d["by_category"].items()}
        for s in data["sessions"]:
            s["day"] = s["day"].isoformat()
            s["starts_at"] = s["starts_at"].isoformat() if s["starts_at"] else None
        return data


def headcount(engine: Engine, day: date | None = None) -> Headcount:
    with engine.connect() as conn:
        event = load_event(conn)
        active = select(t.attendee.c.id, t.attendee.c.category, t.attendee.c.days).where(
            t.attendee.c.event_id == event.id, t.attendee.c.status == "active"
        )
        people = conn.execute(active).all()
        present_rows = conn.execute(
            select(t.attendance.c.day, t.attendee.c.category, func.count())
            .join(t.attendee, t.attendee.c.id == t.attendance.c.attendee_id)
            .where(t.attendance.c.active.is_(True), t.attendance.c.session_id.is_(None),
                   t.attendee.c.event_id == event.id)
            .group_by(t.attendance.c.day, t.attendee.c.category)
        ).all()
        present: dict[tuple[date, str], int] = {(r[0], r[1]): r[2] for r in present_rows}
        days = []
        for d in event.dates:
            if day is not None and d != day:
                continue
            by_cat: dict[str, list[int]] = {}
            iso = d.isoformat()
            for p in people:
                if not p.days or iso in p.days:
                    by_cat.setdefault(p.category, [0, 0])[0] += 1
            for (pd, cat), n in present.items():
                if pd == d:
                    by_cat.setdefault(cat, [0, 0])[1] += n
            days.append(DayCount(d, sum(v[0] for v in by_cat.values()), sum(v[1] for v in by_cat.values()),
                                 {k: (v[0], v[1]) for k, v in sorted(by_cat.items())}))
        sessions = []
        counts = {
            r[0]: (r[1], r[2]) for r in conn.execute(
                select(t.attendance.c.session_id, func.count(),
                       func.sum(func.cast(t.attendance.c.inside, Integer)))
                .where(t.attendance.c.active.is_(True), t.attendance.c.session_id.is_not(None))
                .group_by(t.attendance.c.session_id)
            )
        }
        for s in list_sessions(conn, event.id, day):
            n_present, n_inside = counts.get(s.id, (0, 0))
            registered = None
            if s.requires_registration:
                registered = sum(1 for p in conn.execute(
                    select(t.attendee.c.sessions).where(t.attendee.c.event_id == event.id,
                                                        t.attendee.c.status == "active")
                ) if s.code in (p.sessions or []))
            sessions.append(SessionCount(s.code, s.title, s.day, s.starts_at, s.capacity, registered,
                                         n_present, int(n_inside or 0) if s.tracks_inside else None))
    return Headcount(event.id, days, sessions)


def arrivals(engine: Engine, event: Event, day: date, bucket_minutes: int = 10) -> list[tuple[datetime, int]]:
    """First admissions of the day per time bucket (local time), for the arrivals chart."""
    with engine.connect() as conn:
        times = [r[0] for r in conn.execute(
            select(t.attendance.c.first_time).where(
                t.attendance.c.day == day, t.attendance.c.session_id.is_(None), t.attendance.c.active.is_(True)
            )
        )]
    buckets: dict[datetime, int] = {}
    for moment in times:
        local = moment.astimezone(event.tz)
        start = local.replace(minute=local.minute - local.minute % bucket_minutes, second=0, microsecond=0)
        buckets[start] = buckets.get(start, 0) + 1
    return sorted(buckets.items())


def desk_activity(engine: Engine, event: Event, since: datetime | None = None,
                  window: timedelta = timedelta(minutes=15)) -> list[DeskActivity]:
    """Per desk: scans and admissions (in `window` before `since`, or all), and the last scan."""
    with engine.connect() as conn:
        names = desk_names(conn)
        q = select(t.scan.c.desk_id, func.count(),
                   func.sum(func.cast(t.scan.c.result == ScanResult.ACCEPTED.value, Integer)),
                   func.max(t.scan.c.device_time)).where(t.scan.c.event_id == event.id)
        if since is not None:
            q = q.where(t.scan.c.device_time >= since - window)
        rows = conn.execute(q.group_by(t.scan.c.desk_id)).all()
    return [DeskActivity(r[0], names.get(r[0], r[0][:8]), r[1], int(r[2] or 0), _aware(r[3])) for r in rows]


def _aware(value: Any) -> datetime | None:
    from datetime import UTC

    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
