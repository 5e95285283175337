# SPDX-License-Identifier: MIT
"""Queue forecast for the reception lead: will the open desks keep up, and when does the queue clear?

The model (explained for coordinators in docs/forecast.md):
1. Who is still coming: `registered × show_rate` people are expected today (never fewer than have
   already come); the rest of them, minus those already admitted, are still to arrive.
2. When they come: a reference morning curve (share of the day's arrivals per 15 minutes around
   the opening, i.e. the first session's start) says what share of arrivals falls after now. The
   people still to come are spread over the coming slots in proportion to it.
3. Who is waiting now: if the open desks were busy (admitting at ≥ 80 % of their pace) over the
   last 15 minutes, everyone the curve says should have arrived by now but is not admitted yet is
   taken to be in the queue; with idle desks the queue is empty (those people are just late).
4. How fast desks admit (entrance scans only: session doors have their own flow): a gap between two
   consecutive scans at a desk is never shorter than serving one person and, at a quiet desk, often
   longer (waiting for the next one). So each desk's service time is the median of its back-to-back
   gaps in the last 20 minutes: those at most twice its 10th percentile gap (gaps over 90 s left
   out). The plain median would mistake a quiet desk for a slow one. Even so a quiet desk's gaps
   only bound its speed from above, so no desk is taken to need more than MAX_SERVICE_S per person.
   A desk with fewer than 5 gaps gets DEFAULT_SERVICE_S. Open desks: those that scanned in the last
   15 minutes.
5. A fluid queue, slot by slot: queue ← max(0, queue + arrivals − capacity). The queue clears when
   it last reaches zero within the horizon; the same run with one (or more) extra desks at the
   median service time says what opening another desk would buy.
Pure computation on numbers the dashboard already reads, plus one small query of recent scans.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.engine import Connection

from checkin.domain.messages import say
from checkin.domain.models import Session

SLOT = timedelta(minutes=15)
DEFAULT_SERVICE_S = 15.0  # a volunteer with a camera scanner and badge printing, when nothing is measured yet
MAX_SERVICE_S = 22.5  # longer back-to-back gaps mean a quiet desk, not a slower one (see docs/forecast.md)
SHOW_RATE = 0.9  # share of registered people who come on the day
BUSY_SHARE = 0.8  # desks at this share of their pace or more have people waiting
GAP_LIMIT_S = 90.0  # longer gaps between two scans mean nobody was waiting
SERVICE_WINDOW = timedelta(minutes=20)
OPEN_WINDOW = timedelta(minutes=15)
MAX_EXTRA_DESKS = 6
# Share of a day's arrivals per 15-minute slot, by the slot's start in minutes relative to the opening.
REFERENCE_CURVE: tuple[tuple[int, float], ...] = (
    (-120, 0.02), (-105, 0.03), (-90, 0.05), (-75, 0.08), (-60, 0.12), (-45, 0.16), (-30, 0.18),
    (-15, 0.15), (0, 0.09), (15, 0.05), (30, 0.03), (45, 0.02), (60, 0.01), (75, 0.01),
)


@dataclass(frozen=True, slots=True)
class Slot:
    start: datetime
    end: datetime
    arrivals: float  # expected new arrivals in the slot
    capacity: float  # admissions the open desks can make in it
    queue: float  # people waiting at its end


@dataclass(frozen=True, slots=True)
class Forecast:
    now: datetime
    opening: datetime
    registered: int
    arrived: int
    remaining: int  # expected arrivals still to come (not counting the queue)
    queue_now: int
    desks_open: int
    service_s: float  # median seconds per admission over the open desks
    slots: list[Slot] = field(default_factory=list)
    clears_at: datetime | None = None  # when the queue is gone (None: no queue, or not within the horizon)
    keeps_up: bool = True  # no queue now or later
    extra_desks: int = 0  # desks to add for `better_clears_at` (0: no advice)
    better_clears_at: datetime | None = None

    @property
    def horizon(self) -> datetime:
        return self.slots[-1].end if self.slots else self.now

    def sentence(self, tz: ZoneInfo) -> str:
        """The advice in the current core language (checkin.domain.messages)."""
        def hm(moment: datetime) -> str:
            return moment.astimezone(tz).strftime("%H:%M")

        if self.desks_open == 0:
            return say("No desk has admitted anyone in the last 15 minutes; about {n} people are still expected.",
                       n=self.remaining + self.queue_now)
        if self.keeps_up:
            return say("The open desks keep up: no queue is expected (about {n} people still to come).",
                       n=self.remaining)
        if self.clears_at is not None:
            if self.extra_desks == 1 and self.better_clears_at is not None:
                return say("At this pace the queue clears by {time}; open one more desk to clear it by {better}.",
                           time=hm(self.clears_at), better=hm(self.better_clears_at))
            return say("At this pace the queue clears by {time}.", time=hm(self.clears_at))
        if self.extra_desks == 1 and self.better_clears_at is not None:
            return say("At this pace the queue does not clear before {time}; open one more desk to clear it by "
                       "{better}.", time=hm(self.horizon), better=hm(self.better_clears_at))
        if self.extra_desks and self.better_clears_at is not None:
            return say("At this pace the queue does not clear before {time}; open {n} more desks to clear it by "
                       "{better}.", time=hm(self.horizon), n=self.extra_desks, better=hm(self.better_clears_at))
        return say("At this pace the queue does not clear before {time}.", time=hm(self.horizon))


def opening_time(sessions: list[Session], day: date, tz: ZoneInfo) -> datetime:
    """The day's opening: its first session's start, or 09:00 local without a programme."""
    starts = [s.starts_at for s in sessions if s.starts_at is not None and s.day == day]
    return min(starts) if starts else datetime.combine(day, time(9, 0), tz).astimezone(UTC)


def curve_share(start: datetime, end: datetime, opening: datetime) -> float:
    """Share of the day's arrivals the reference curve puts between `start` and `end`."""
    share = 0.0
    for offset, weight in REFERENCE_CURVE:
        s = opening + timedelta(minutes=offset)
        e = s + SLOT
        overlap = (min(e, end) - max(s, start)).total_seconds()
        if overlap > 0:
            share += weight * overlap / SLOT.total_seconds()
    return share


@dataclass(frozen=True, slots=True)
class EntrancePace:
    """What the entrance desks did lately: the forecast's view of the desks."""

    service_s: dict[str, float]  # desk id -> measured seconds per person (desks with enough scans)
    open_desks: list[str]  # desks that scanned at the entrance in the last 15 minutes
    admitted_recent: int  # entrance admissions in the last 15 minutes, all desks


def entrance_pace(conn: Connection, event_id: str, now: datetime) -> EntrancePace:
    """Read the entrance (day checkpoint) scans of the last 20 minutes. Session doors are left out:
    the queue forecast is about the entrance, and a door desk's scans say nothing about its pace there.

    Service time per desk: the median of its back-to-back gaps (at most twice its 10th-percentile gap,
    gaps over 90 s left out), capped at MAX_SERVICE_S; see the module docstring."""
    from checkin.services.recount import aware, stored

    times: dict[str, list[datetime]] = {}
    admitted, recent_desks = 0, set()
    open_since = now - OPEN_WINDOW
    for desk_id, moment, result in conn.execute(text(
            "SELECT desk_id, device_time, result FROM scan WHERE device_time >= :since AND device_time <= :now "
            "AND event_id = :e AND session_id IS NULL ORDER BY device_time"),
            {"since": stored(now - SERVICE_WINDOW), "now": stored(now), "e": event_id}):
        when = aware(moment)
        if when is None:
            continue
        times.setdefault(desk_id, []).append(when)
        if when >= open_since:
            recent_desks.add(desk_id)
            admitted += result == "accepted"
    found = {}
    for desk_id, moments in times.items():
        gaps = [(b - a).total_seconds() for a, b in pairwise(moments)]
        busy = [g for g in gaps if 0 < g <= GAP_LIMIT_S]
        if len(busy) >= 5:  # a gap is never shorter than serving one person, often longer when idle
            shortest = statistics.quantiles(busy, n=10, method="inclusive")[0]  # within the data
            back_to_back = [g for g in busy if g <= 2 * shortest] or [min(busy)]
            found[desk_id] = min(MAX_SERVICE_S, statistics.median(back_to_back))
    return EntrancePace(found, sorted(recent_desks), admitted)


def forecast(*, now: datetime, opening: datetime, registered: int, arrived: int, admitted_recent: int,
             desk_service_s: dict[str, float], open_desks: list[str], show_rate: float = SHOW_RATE) -> Forecast:
    """The forecast from plain numbers (see the module docstring); `admitted_recent` is the last 15 minutes'."""
    services = [desk_service_s.get(d, DEFAULT_SERVICE_S) for d in open_desks]
    median_s = statistics.median(services) if services else DEFAULT_SERVICE_S
    expected_total = max(float(arrived), registered * show_rate)
    due_by_now = expected_total * curve_share(opening - timedelta(days=1), now, opening)
    pace_recent = sum(OPEN_WINDOW.total_seconds() / s for s in services)
    busy = bool(services) and admitted_recent >= BUSY_SHARE * pace_recent
    queue_now = max(0.0, min(due_by_now, expected_total) - arrived) if busy else 0.0
    remaining = max(0.0, expected_total - arrived - queue_now)
    future_share = curve_share(now, opening + timedelta(days=1), opening)
    horizon = max(now + timedelta(hours=2), opening + timedelta(minutes=REFERENCE_CURVE[-1][0]) + SLOT)
    horizon = min(horizon, now + timedelta(hours=6))
    starts = [now]
    while starts[-1] + SLOT < horizon:
        starts.append(_next_slot_start(starts[-1]))
    slots_span = [(s, min(_next_slot_start(s), horizon)) for s in starts]
    if future_share > 1e-9:
        arrivals = [remaining * curve_share(s, e, opening) / future_share for s, e in slots_span]
    else:  # past the curve: whoever is still expected comes over the next half hour
        arrivals = [remaining * ((e - s) / (2 * SLOT)) if s < now + 2 * SLOT else 0.0 for s, e in slots_span]

    def run(rates: list[float]) -> tuple[list[Slot], datetime | None, bool]:
        """(slots, when the queue last clears, whether no queue ever forms)."""
        queue, slots, cleared, ever = queue_now, [], None, queue_now > 0.5
        for (s, e), a in zip(slots_span, arrivals, strict=True):
            length = (e - s).total_seconds()
            capacity = sum(length / r for r in rates)
            before = queue
            queue = max(0.0, queue + a - capacity)
            if queue > 0.5:
                ever, cleared = True, None
            elif before > 0.5:  # the queue empties within this slot
                drain = (capacity - a) / length
                cleared = s + timedelta(seconds=min(length, before / drain)) if drain > 0 else e
            slots.append(Slot(s, e, a, capacity, queue))
        return slots, cleared, not ever

    slots, clears_at, keeps_up = run(services)
    base = (now, opening, registered, arrived, round(remaining), round(queue_now), len(open_desks), median_s, slots,
            clears_at, keeps_up)
    if keeps_up or not services:
        return Forecast(*base)
    for extra in range(1, MAX_EXTRA_DESKS + 1 if clears_at is None else 2):
        _, better, better_keeps_up = run(services + [median_s] * extra)
        better = now if better_keeps_up else better
        if better is not None and (clears_at is None or better <= clears_at - timedelta(minutes=5)):
            return Forecast(*base, extra, better)
    return Forecast(*base)


def _next_slot_start(moment: datetime) -> datetime:
    """The next quarter hour after `moment` (slots are aligned to :00, :15, :30, :45)."""
    base = moment.replace(minute=moment.minute - moment.minute % 15, second=0, microsecond=0)
    return base + SLOT
