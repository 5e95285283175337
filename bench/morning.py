# SPDX-License-Identifier: MIT
"""A simulated event morning: who arrives when, and how a FIFO queue at N desks serves them.

Shared by bench/event_day.py (the full run through a real hub) and the forecast tests, so the
forecast is checked against the same arrivals the simulation produces. The arrival shape here is
deliberately NOT the forecast's reference curve (a skewed triangle from 100 min before the opening
to 45 min after, busiest 25 min before), so the tests do not check the model against itself.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

EARLIEST_MIN, PEAK_MIN, LATEST_MIN = -100.0, -25.0, 45.0


def arrival_times(n: int, opening: datetime, rnd: random.Random) -> list[datetime]:
    """`n` arrival moments around `opening`, sorted."""
    return sorted(opening + timedelta(minutes=rnd.triangular(EARLIEST_MIN, LATEST_MIN, PEAK_MIN)) for _ in range(n))


@dataclass(frozen=True, slots=True)
class Served:
    person: int
    arrived: datetime
    started: datetime  # the desk began with this person
    done: datetime  # admitted (the scan's time)
    desk: int


def serve(arrivals: list[datetime], service_s: list[float], rnd: random.Random,
          jitter: float = 0.25) -> list[Served]:
    """First come, first served at len(service_s) desks; service time varies ±`jitter` around each desk's."""
    free = [(arrivals[0] if arrivals else datetime.min, d) for d in range(len(service_s))]
    heapq.heapify(free)
    out = []
    for person, arrived in enumerate(arrivals):
        at, desk = heapq.heappop(free)
        start = max(at, arrived)
        took = service_s[desk] * rnd.uniform(1 - jitter, 1 + jitter)
        done = start + timedelta(seconds=took)
        out.append(Served(person, arrived, start, done, desk))
        heapq.heappush(free, (done, desk))
    return out


def waiting_at(served: list[Served], moment: datetime) -> int:
    """People who have arrived but whose service has not started at `moment`."""
    return sum(1 for s in served if s.arrived <= moment < s.started)


def queue_clears_at(served: list[Served], after: datetime, at_least: int = 3) -> datetime | None:
    """The last moment after `after` when `at_least` people were waiting (None: never that many)."""
    last = None
    moment = after
    end = max((s.started for s in served), default=after)
    while moment <= end:
        if waiting_at(served, moment) >= at_least:
            last = moment
        moment += timedelta(seconds=30)
    return last
