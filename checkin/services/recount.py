# SPDX-License-Identifier: MIT
"""Headcounts counted from scratch: the definition the running tallies must always equal.

`checkin.services.headcount` reads the tallies that SQLite triggers keep (O(sessions + desks) per
read); these functions count the attendance, roster and scan rows themselves (O(history)). They are
used where there are no tallies (a PostgreSQL database) and by the tests and bench/dashboard.py to
check the tallies and to measure the difference.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, Text, cast, func, select
from sqlalchemy.engine import Connection

from checkin.domain.models import Event, Session
from checkin.domain.results import ScanResult
from checkin.storage import tables as t

Registered = tuple[Counter[tuple[str, str]], Counter[str]]  # (ISO day or "*", category) -> n; code -> n


def registered(conn: Connection, event_id: str) -> Registered:
    """Active registrations per (day, category) and per session code, from the roster rows."""
    registered_day: Counter[tuple[str, str]] = Counter()
    registered_session: Counter[str] = Counter()
    active = (t.attendee.c.event_id == event_id, t.attendee.c.status == "active")
    days_text, sessions_text = cast(t.attendee.c.days, Text), cast(t.attendee.c.sessions, Text)
    for days_json, category, n in conn.execute(
        select(days_text, t.attendee.c.category, func.count()).where(*active).group_by(days_text,
                                                                                     t.attendee.c.category)
    ):
        for iso in json.loads(days_json or "[]") or ("*",):
            registered_day[(iso, category)] += n
    for sessions_json, n in conn.execute(select(sessions_text, func.count()).where(*active).group_by(sessions_text)):
        for code in set(json.loads(sessions_json or "[]")):
            registered_session[code] += n
    return registered_day, registered_session


def present_by_day(conn: Connection, event_id: str) -> dict[tuple[date, str], int]:
    """Active day attendance per (day, category) of this event's roster."""
    rows = conn.execute(
        select(t.attendance.c.day, t.attendee.c.category, func.count())
        .join(t.attendee, t.attendee.c.id == t.attendance.c.attendee_id)
        .where(t.attendance.c.active.is_(True), t.attendance.c.session_id.is_(None),
               t.attendee.c.event_id == event_id)
        .group_by(t.attendance.c.day, t.attendee.c.category)
    ).all()
    return {(r[0], r[1]): r[2] for r in rows}


def session_counts(conn: Connection, sessions: list[Session]) -> dict[str, tuple[int, int]]:
    """Session id -> (present, inside now)."""
    ids = [s.id for s in sessions]
    return {
        r[0]: (int(r[1]), int(r[2] or 0)) for r in conn.execute(
            select(t.attendance.c.session_id, func.count(), func.sum(cast(t.attendance.c.inside, Integer)))
            .where(t.attendance.c.active.is_(True), t.attendance.c.session_id.in_(ids))
            .group_by(t.attendance.c.session_id)
        )
    }


def arrival_times(conn: Connection, day: date) -> list[datetime]:
    """First admission time of everyone present on `day`."""
    where = (t.attendance.c.day == day, t.attendance.c.session_id.is_(None), t.attendance.c.active.is_(True))
    return [r[0] for r in conn.execute(select(t.attendance.c.first_time).where(*where))]


def arrivals_by_bucket(times: list[datetime], event: Event, bucket_minutes: int) -> list[tuple[datetime, int]]:
    buckets: dict[datetime, int] = {}
    for moment in times:
        local = moment.astimezone(event.tz)
        start = local.replace(minute=local.minute - local.minute % bucket_minutes, second=0, microsecond=0)
        buckets[start] = buckets.get(start, 0) + 1
    return sorted(buckets.items())


def desk_rows(conn: Connection, event_id: str, since: datetime | None,
              window: timedelta) -> list[tuple[str, int, int, datetime | None]]:
    """Per desk: (desk id, scans, admissions, its latest scan ever), from `window` before `since` on, or all."""
    def query(*where: Any) -> Any:
        return conn.execute(select(
            t.scan.c.desk_id, func.count(),
            func.sum(func.cast(t.scan.c.result == ScanResult.ACCEPTED.value, Integer)), func.max(t.scan.c.device_time),
        ).where(t.scan.c.event_id == event_id, *where).group_by(t.scan.c.desk_id))

    totals = [(r[0], int(r[1]), int(r[2] or 0), aware(r[3])) for r in query()]
    if since is None:
        return totals
    last = {d: when for d, _, _, when in totals}
    return [(r[0], int(r[1]), int(r[2] or 0), last[r[0]])
            for r in query(t.scan.c.device_time >= since - window)]


def stored(moment: datetime) -> str:
    """A moment as SQLite holds UTCDateTime values (naive UTC text), for comparisons in plain SQL."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def aware(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)

