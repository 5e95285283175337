# SPDX-License-Identifier: MIT
"""The event summary: per day, per category, per session, arrivals by hour and per desk.

Counts come from the derived `attendance` table (voids excluded, one row per person and
checkpoint) except the desk figures, which also describe the work at each desk and so come from
the scan log: admissions, duplicates turned away, rejections and undone check-ins.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from checkin.domain.results import ScanResult
from checkin.reports.query import ReportContext
from checkin.storage import tables as t


@dataclass(frozen=True, slots=True)
class DayLine:
    day: date
    label: str
    registered: int
    present: int
    no_shows: int
    present_unregistered: int  # present although not registered for the day (walk-ins, changes)


@dataclass(frozen=True, slots=True)
class CategoryLine:
    day: date
    category: str
    registered: int
    present: int


@dataclass(frozen=True, slots=True)
class SessionLine:
    code: str
    title: str
    day: date
    starts: str  # local HH:MM or ""
    room: str
    capacity: int | None
    registered: int | None  # only where registration is required
    present: int


@dataclass(frozen=True, slots=True)
class HourLine:
    day: date
    hour: str  # "09:00"
    arrivals: int


@dataclass(frozen=True, slots=True)
class DeskLine:
    day: date
    desk: str
    arrivals: int  # people whose first admission of the day was at this desk
    accepted: int  # accepted scans (days and sessions), including ones later undone
    duplicates: int
    rejected: int
    voided: int


@dataclass(frozen=True, slots=True)
class Summary:
    event: str
    days: list[DayLine]
    categories: list[CategoryLine]
    sessions: list[SessionLine]
    arrivals: list[HourLine]
    desks: list[DeskLine]

    def to_json(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if isinstance(value, date):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, list):
                return [plain(v) for v in value]
            return value

        result: dict[str, Any] = plain(asdict(self))
        return result


def build_summary(conn: Connection, ctx: ReportContext, *, days_only: bool = False) -> Summary:
    """The whole summary; `days_only` stops after the per-day and per-category counts (what the
    attendance workbook's summary sheets show), skipping the costlier session and desk figures."""
    ev = ctx.event
    columns = [t.attendee.c.id, t.attendee.c.category, t.attendee.c.days]
    if not days_only:
        columns.append(t.attendee.c.sessions)
    people = conn.execute(select(*columns).where(t.attendee.c.event_id == ev.id,
                                                 t.attendee.c.status == "active")).all()
    category_of = dict(conn.execute(select(t.attendee.c.id, t.attendee.c.category)
                                    .where(t.attendee.c.event_id == ev.id)).all())
    present_day: dict[date, set[str]] = defaultdict(set)
    session_present: Counter[str] = Counter()
    arrivals: Counter[tuple[date, int]] = Counter()
    for attendee_id, day, session_id, first_time in conn.execute(
        select(t.attendance.c.attendee_id, t.attendance.c.day, t.attendance.c.session_id,
               t.attendance.c.first_time).where(t.attendance.c.active.is_(True))
    ):
        if attendee_id not in category_of:
            continue  # another event's row in a shared database
        if session_id is None:
            present_day[day].add(attendee_id)
            if not days_only:
                arrivals[(day, ctx.local(first_time).hour)] += 1
        else:
            session_present[session_id] += 1

    days, categories = [], []
    for d in ev.dates:
        registered = {p.id: p.category for p in people if not p.days or d.isoformat() in p.days}
        present = present_day.get(d, set())
        days.append(DayLine(d, ctx.day_label(d), len(registered), len(present),
                            sum(1 for a in registered if a not in present),
                            sum(1 for a in present if a not in registered)))
        reg_by_cat = Counter(registered.values())
        pres_by_cat = Counter(category_of[a] for a in present)
        for cat in sorted(set(reg_by_cat) | set(pres_by_cat)):
            categories.append(CategoryLine(d, cat, reg_by_cat[cat], pres_by_cat[cat]))

    if days_only:
        return Summary(ev.name, days, categories, [], [], [])
    sessions = []
    for s in ctx.sessions:
        registered_n = sum(1 for p in people if s.code in (p.sessions or [])) if s.requires_registration else None
        starts = ctx.local(s.starts_at).strftime("%H:%M") if s.starts_at else ""
        sessions.append(SessionLine(s.code, s.title, s.day, starts, s.room, s.capacity, registered_n,
                                    session_present[s.id]))

    hours = [HourLine(d, f"{h:02d}:00", n) for (d, h), n in sorted(arrivals.items())]

    admissions: Counter[tuple[date, str]] = Counter()
    others: dict[tuple[date, str], Counter[str]] = defaultdict(Counter)
    for desk_id, day, result, n in conn.execute(
        select(t.scan.c.desk_id, t.scan.c.day, t.scan.c.result, func.count())
        .where(t.scan.c.event_id == ev.id).group_by(t.scan.c.desk_id, t.scan.c.day, t.scan.c.result)
    ):
        others[(day, desk_id)][result] += n
    for desk_id, day, n in conn.execute(
        select(t.attendance.c.desk_id, t.attendance.c.day, func.count())
        .join(t.attendee, t.attendee.c.id == t.attendance.c.attendee_id)
        .where(t.attendance.c.active.is_(True), t.attendance.c.session_id.is_(None),
               t.attendee.c.event_id == ev.id)
        .group_by(t.attendance.c.desk_id, t.attendance.c.day)
    ):
        admissions[(day, desk_id)] += n
    desks = []
    for day, desk_id in sorted(set(admissions) | set(others), key=lambda k: (k[0], ctx.desk_name(k[1]))):
        c = others.get((day, desk_id), Counter())
        rejected = sum(n for r, n in c.items() if r not in (ScanResult.ACCEPTED.value, ScanResult.DUPLICATE.value,
                                                            ScanResult.VOID.value))
        desks.append(DeskLine(day, ctx.desk_name(desk_id), admissions[(day, desk_id)],
                              c[ScanResult.ACCEPTED.value], c[ScanResult.DUPLICATE.value], rejected,
                              c[ScanResult.VOID.value]))
    return Summary(ev.name, days, categories, sessions, hours, desks)
