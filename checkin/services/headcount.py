# SPDX-License-Identifier: MIT
"""Live numbers for coordinators: registered vs present per day and category, per session (with
inside now and seats left), arrivals over time and per-desk throughput.

Read from the running tallies that SQLite triggers keep as attendance, roster and scan rows change
(`checkin.storage.tallies`), so a read costs O(sessions + desks), not O(scans): the dashboard
re-reads several times a minute on a desk laptop that is also scanning. Where there are no tallies
(a PostgreSQL database) or when asked `from_scratch=True`, the same numbers are counted from the rows
(`checkin.services.recount`); the tests hold the two equal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection

from checkin.domain.models import Event, Session
from checkin.services import recount as rc
from checkin.storage import tallies
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
    present: int  # everyone admitted at least once (an exit does not undo it)
    inside: int | None  # only where exits are scanned (kept for older callers; see inside_now)
    inside_now: int = 0  # admitted and not scanned out since
    seats_left: int | None = None  # capacity minus occupancy (inside now where exits are scanned, else present)


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


def session_count(s: Session, registered: int, present: int, inside_now: int) -> SessionCount:
    """One session's line; occupancy follows the decision path's capacity rule (domain/rules.py)."""
    occupancy = inside_now if s.tracks_inside else present
    seats = max(0, s.capacity - occupancy) if s.capacity is not None else None
    return SessionCount(s.code, s.title, s.day, s.starts_at, s.capacity,
                        registered if s.requires_registration else None, present,
                        inside_now if s.tracks_inside else None, inside_now, seats)


def headcount(engine: Engine, day: date | None = None, *, from_scratch: bool = False) -> Headcount:
    with engine.connect() as conn:
        return headcount_on(conn, day, from_scratch=from_scratch)


def recount(engine: Engine, day: date | None = None) -> Headcount:
    """The same numbers counted from the rows (the reference the tallies are tested against)."""
    return headcount(engine, day, from_scratch=True)


def headcount_on(conn: Connection, day: date | None = None, *, from_scratch: bool = False,
                 event: Event | None = None, sessions: list[Session] | None = None) -> Headcount:
    """`headcount` on an open connection (the dashboard reads everything on one)."""
    event = event or load_event(conn)
    sessions = sessions if sessions is not None else list_sessions(conn, event.id, day)
    if from_scratch or not tallies.available(conn):
        reg_day, reg_session = rc.registered(conn, event.id)
        present = rc.present_by_day(conn, event.id)
        counts = rc.session_counts(conn, sessions)
    else:
        reg_day, reg_session = _registered(conn, event.id)
        present = _present_by_day(conn, event.id, day)
        counts = _session_counts(conn, day)
    days = []
    for d in event.dates:
        if day is not None and d != day:
            continue
        by_cat: dict[str, list[int]] = {}
        iso = d.isoformat()
        for (reg_iso, cat), n in reg_day.items():
            if reg_iso in ("*", iso) and n:  # "*": registered for every day
                by_cat.setdefault(cat, [0, 0])[0] += n
        for (pd, cat), n in present.items():
            if pd == d and n:
                by_cat.setdefault(cat, [0, 0])[1] += n
        days.append(DayCount(d, sum(v[0] for v in by_cat.values()), sum(v[1] for v in by_cat.values()),
                             {k: (v[0], v[1]) for k, v in sorted(by_cat.items())}))
    lines = [session_count(s, reg_session[s.code], *counts.get(s.id, (0, 0))) for s in sessions]
    return Headcount(event.id, days, lines)


def _registered(conn: Connection, event_id: str) -> rc.Registered:
    reg_day: Counter[tuple[str, str]] = Counter()
    reg_session: Counter[str] = Counter()
    for kind, key, category, n in conn.execute(
            text("SELECT kind, key, category, n FROM registration_tally WHERE event_id = :e AND n <> 0"),
            {"e": event_id}):
        if kind == "day":
            reg_day[(key, category)] += n
        else:
            reg_session[key] += n
    return reg_day, reg_session


def _present_by_day(conn: Connection, event_id: str, day: date | None) -> dict[tuple[date, str], int]:
    query = ("SELECT day, category, sum(present) FROM attendance_tally WHERE session_id = '' AND event_id = :e "
             + ("AND day = :d " if day else "") + "GROUP BY day, category")
    params = {"e": event_id, "d": day.isoformat() if day else None}
    return {(date.fromisoformat(d), c): int(n) for d, c, n in conn.execute(text(query), params)}


def _session_counts(conn: Connection, day: date | None) -> dict[str, tuple[int, int]]:
    query = ("SELECT session_id, sum(present), sum(inside) FROM attendance_tally WHERE session_id <> '' "
             + ("AND day = :d " if day else "") + "GROUP BY session_id")
    return {sid: (int(p), int(i)) for sid, p, i in conn.execute(
        text(query), {"d": day.isoformat() if day else None})}


def arrivals(engine: Engine, event: Event, day: date, bucket_minutes: int = 10) -> list[tuple[datetime, int]]:
    """First admissions of the day per time bucket (local time), for the arrivals chart."""
    with engine.connect() as conn:
        return arrivals_on(conn, event, day, bucket_minutes)


def arrivals_on(conn: Connection, event: Event, day: date, bucket_minutes: int = 10, *,
                from_scratch: bool = False) -> list[tuple[datetime, int]]:
    if not from_scratch and bucket_minutes == 10 and tallies.available(conn) and _offsets_whole_tens(event, day):
        found: dict[datetime, int] = {}
        for bucket, n in conn.execute(text(
                "SELECT bucket, sum(present) FROM attendance_tally WHERE day = :d AND session_id = '' "
                "AND bucket <> '' GROUP BY bucket"), {"d": day.isoformat()}):
            if n:  # UTC ten minutes ("2022-10-19 07:1") are local ones when the offset is whole tens
                start = datetime.strptime(bucket + "0", "%Y-%m-%d %H:%M").replace(tzinfo=UTC).astimezone(event.tz)
                found[start] = found.get(start, 0) + int(n)
        return sorted(found.items())
    return rc.arrivals_by_bucket(rc.arrival_times(conn, day), event, bucket_minutes)


def _offsets_whole_tens(event: Event, day: date) -> bool:
    """UTC 10-minute buckets are local ones when the zone's offset that day is a multiple of 10 min."""
    for moment in (datetime.combine(day, time(0), UTC), datetime.combine(day, time(23, 59), UTC)):
        offset = moment.astimezone(event.tz).utcoffset()
        if offset is None or offset.total_seconds() % 600:
            return False
    return True


def desk_activity(engine: Engine, event: Event, since: datetime | None = None,
                  window: timedelta = timedelta(minutes=15), *, from_scratch: bool = False) -> list[DeskActivity]:
    """Per desk: scans and admissions (in `window` before `since`, or all), and the last scan."""
    with engine.connect() as conn:
        return desk_activity_on(conn, event, since, window, from_scratch=from_scratch)


def desk_activity_on(conn: Connection, event: Event, since: datetime | None = None,
                     window: timedelta = timedelta(minutes=15), *, from_scratch: bool = False) -> list[DeskActivity]:
    names = desk_names(conn)
    if from_scratch or not tallies.available(conn):
        rows = rc.desk_rows(conn, event.id, since, window)
    else:
        rows = _desk_rows(conn, event.id, since, window)
    return [DeskActivity(d, names.get(d, d[:8]), n, ok, last) for d, n, ok, last in rows]


def _desk_rows(conn: Connection, event_id: str, since: datetime | None,
               window: timedelta) -> list[tuple[str, int, int, datetime | None]]:
    totals = {d: (int(n), int(ok), rc.aware(last)) for d, n, ok, last in conn.execute(text(
        "SELECT desk_id, scans, accepted, last_time FROM scan_tally WHERE event_id = :e AND minute = '*'"),
        {"e": event_id})}
    if since is None:
        return [(d, *v) for d, v in totals.items() if v[0]]
    # From the window's first whole minute on, the tally; the partial minute before it exactly from the
    # scans (a few rows through ix_scan_time). No upper end: a desk whose clock runs ahead still counts.
    start = since - window
    first_whole = start.replace(second=0, microsecond=0) + timedelta(minutes=1)
    counts: dict[str, list[int]] = {}
    for d, n, ok in conn.execute(text(
            "SELECT desk_id, sum(scans), sum(accepted) FROM scan_tally WHERE event_id = :e AND minute >= :a "
            "GROUP BY desk_id"), {"e": event_id, "a": _minute(first_whole)}):
        counts[d] = [int(n), int(ok)]
    for d, n, ok in conn.execute(text(
            "SELECT desk_id, count(*), sum(result = 'accepted') FROM scan WHERE event_id = :e "
            "AND device_time >= :low AND device_time < :high GROUP BY desk_id"),
            {"e": event_id, "low": rc.stored(start), "high": rc.stored(first_whole)}):
        c = counts.setdefault(d, [0, 0])
        c[0] += int(n)
        c[1] += int(ok or 0)
    return [(d, n, ok, totals.get(d, (0, 0, None))[2]) for d, (n, ok) in counts.items() if n]


def _minute(moment: datetime) -> str:
    return rc.stored(moment)[:16]
