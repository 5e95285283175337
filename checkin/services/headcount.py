# SPDX-License-Identifier: MIT
"""Live numbers for coordinators: registered vs present per day and category, per session,
arrivals over time and per-desk throughput. Read-only, derived from attendance and scans.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Integer, Text, cast, func, select

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
        # Registrations per day and category, and per session code, aggregated by the database over
        # the distinct JSON lists (a handful for days, at most a few thousand for sessions): re-reading
        # or decoding 20,000 rows on every dashboard refresh cost seconds.
        registered_day: Counter[tuple[str, str]] = Counter()  # (ISO day or "*", category)
        registered_session: Counter[str] = Counter()
        active = (t.attendee.c.event_id == event.id, t.attendee.c.status == "active")
        days_text, sessions_text = cast(t.attendee.c.days, Text), cast(t.attendee.c.sessions, Text)
        for days_json, category, n in conn.execute(
            select(days_text, t.attendee.c.category, func.count()).where(*active).group_by(days_text,
                                                                                         t.attendee.c.category)
        ):
            for iso in json.loads(days_json or "[]") or ("*",):
                registered_day[(iso, category)] += n
        for sessions_json, n in conn.execute(
            select(sessions_text, func.count()).where(*active).group_by(sessions_text)
        ):
            for code in set(json.loads(sessions_json or "[]")):
                registered_session[code] += n
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
            for (reg_day, cat), n in registered_day.items():
                if reg_day in ("*", iso):  # "*": registered for every day
                    by_cat.setdefault(cat, [0, 0])[0] += n
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
            registered = registered_session[s.code] if s.requires_registration else None
            sessions.append(SessionCount(s.code, s.title, s.day, s.starts_at, s.capacity, registered,
                                         n_present, int(n_inside or 0) if s.tracks_inside else None))
    return Headcount(event.id, days, sessions)


def arrivals(engine: Engine, event: Event, day: date, bucket_minutes: int = 10) -> list[tuple[datetime, int]]:
    """First admissions of the day per time bucket (local time), for the arrivals chart."""
    where = (t.attendance.c.day == day, t.attendance.c.session_id.is_(None), t.attendance.c.active.is_(True))
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite" and bucket_minutes == 10 and _offsets_whole_tens(event, day):
            return _arrivals_by_ten_minutes(conn, event, where)
        times = [r[0] for r in conn.execute(select(t.attendance.c.first_time).where(*where))]
    buckets: dict[datetime, int] = {}
    for moment in times:
        local = moment.astimezone(event.tz)
        start = local.replace(minute=local.minute - local.minute % bucket_minutes, second=0, microsecond=0)
        buckets[start] = buckets.get(start, 0) + 1
    return sorted(buckets.items())


def _offsets_whole_tens(event: Event, day: date) -> bool:
    """UTC 10-minute buckets are local ones when the zone's offset that day is a multiple of 10 min."""
    from datetime import UTC, time

    for moment in (datetime.combine(day, time(0), UTC), datetime.combine(day, time(23, 59), UTC)):
        offset = moment.astimezone(event.tz).utcoffset()
        if offset is None or offset.total_seconds() % 600:
            return False
    return True


def _arrivals_by_ten_minutes(conn: Any, event: Event, where: tuple[Any, ...]) -> list[tuple[datetime, int]]:
    """Count in SQLite by the stored UTC text cut to the ten minutes ("2022-10-19 07:1"): a coordinator's
    chart re-read every few seconds must not turn 20,000 rows into Python datetimes each time."""
    from datetime import UTC

    bucket = func.substr(cast(t.attendance.c.first_time, Text), 1, 15)
    found: dict[datetime, int] = {}
    for text, n in conn.execute(select(bucket, func.count()).where(*where).group_by(bucket)):
        start = datetime.strptime(text + "0", "%Y-%m-%d %H:%M").replace(tzinfo=UTC).astimezone(event.tz)
        found[start] = found.get(start, 0) + n
    return sorted(found.items())


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
