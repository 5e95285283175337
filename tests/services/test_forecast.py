# SPDX-License-Identifier: MIT
"""The reception lead asks the dashboard whether the open desks will keep up with the morning.

The morning comes from the same simulation as bench/event_day.py (bench/morning.py): people arrive
on a skewed curve that is not the forecast's own reference curve, queue first-come-first-served at
the desks, and are admitted; the admissions so far are written to a real desk database and the
dashboard's forecast is compared with what the simulated queue then really did.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine

from bench.morning import arrival_times, queue_clears_at, serve, waiting_at
from checkin.domain import messages
from checkin.domain.models import Attendee
from checkin.services.dashboard import dashboard_snapshot
from checkin.services.forecast import forecast
from checkin.storage import tables as t
from checkin.storage.attendees import attendee_values
from checkin.storage.db import write_tx
from tests.conftest import DAY1

WARSAW = ZoneInfo("Europe/Warsaw")
OPENING = datetime(2022, 10, 19, 9, 30, tzinfo=WARSAW).astimezone(UTC)  # the plenary starts (demo event)
REGISTERED = 1200


def _morning(engine: Engine, desks: list[float], now: datetime, seed: int) -> tuple[list, str]:  # type: ignore[type-arg]
    """Simulate the whole morning, then store only what had happened by `now` (admissions so far)."""
    rnd = random.Random(seed)
    served = serve(arrival_times(int(REGISTERED * 0.9), OPENING, rnd), desks, rnd)
    desk_ids = [str(uuid.uuid4()) for _ in desks]
    with write_tx(engine) as conn:
        event_id = conn.execute(t.event.select()).first().id  # type: ignore[union-attr]
        people = [Attendee(str(uuid.uuid4()), event_id, "Łukasz", f"Żółć-Ślęzak {i}") for i in range(REGISTERED)]
        conn.execute(t.attendee.insert(), [{"id": p.id, "updated_at": now, **attendee_values(p)} for p in people])
        conn.execute(t.desk.insert(), [{"id": d, "name": f"Stanowisko {i + 1}"} for i, d in enumerate(desk_ids)])
        for s in served:
            if s.done > now:
                continue
            scan_id, person = str(uuid.uuid4()), people[s.person]
            conn.execute(t.scan.insert().values(
                id=scan_id, event_id=event_id, desk_id=desk_ids[s.desk], operator="", device_time=s.done,
                checkpoint=f"day:{DAY1}", day=DAY1, session_id=None, direction="in", source="camera",
                result="accepted", attendee_id=person.id, detail=""))
            conn.execute(t.attendance.insert().values(
                attendee_id=person.id, checkpoint=f"day:{DAY1}", day=DAY1, session_id=None, scan_id=scan_id,
                first_time=s.done, desk_id=desk_ids[s.desk], active=True, inside=True))
    return served, desk_ids[0]


def test_three_slow_desks_fall_behind_and_the_forecast_says_when_the_queue_clears(event_engine: Engine) -> None:
    now = OPENING - timedelta(minutes=40)  # 08:50: the rush is building
    served, desk_id = _morning(event_engine, [15.0, 15.0, 15.0], now, seed=7)
    actual = queue_clears_at(served, now)
    assert actual is not None and waiting_at(served, now) >= 3  # the simulated morning has a queue

    data = dashboard_snapshot(event_engine, desk_id, DAY1, now)
    f = data.forecast
    assert f is not None and f.desks_open == 3 and not f.keeps_up
    assert 12 <= f.service_s <= 17  # measured from the gaps between scans, not assumed
    assert f.clears_at is not None
    assert abs(f.clears_at - actual) <= timedelta(minutes=20), (f.clears_at, actual)
    assert f.extra_desks == 1 and f.better_clears_at is not None and f.better_clears_at < f.clears_at
    # and opening that desk really helps in the simulation too
    with_four = serve(arrival_times(int(REGISTERED * 0.9), OPENING, random.Random(7)), [15.0] * 4, random.Random(7))
    assert (queue_clears_at(with_four, now) or now) < actual
    slots = f.slots[:4]
    assert slots[0].start == now  # three desks at about their measured pace, per slot
    assert all(s.capacity == pytest.approx((s.end - s.start).total_seconds() * 3 / f.service_s, rel=0.1) for s in slots)
    assert sum(s.arrivals for s in f.slots) == pytest.approx(f.remaining, abs=1)


def test_enough_desks_keep_up_and_the_forecast_says_so_in_both_languages(event_engine: Engine) -> None:
    now = OPENING - timedelta(minutes=40)
    served, desk_id = _morning(event_engine, [10.0] * 6, now, seed=11)
    assert queue_clears_at(served, now) is None  # nobody really queued
    f = dashboard_snapshot(event_engine, desk_id, DAY1, now).forecast
    assert f is not None and f.keeps_up and f.clears_at is None
    try:
        messages.set_language("en")
        assert f.sentence(WARSAW).startswith("The open desks keep up")
        messages.set_language("pl")
        assert f.sentence(WARSAW).startswith("Otwarte stanowiska nadążają")
    finally:
        messages.set_language("en")


def test_the_advice_reads_like_the_reception_lead_needs_it() -> None:
    now = datetime(2022, 10, 19, 6, 50, tzinfo=UTC)  # 08:50 in Warsaw
    f = forecast(now=now, opening=OPENING, registered=2000, arrived=300, admitted_recent=175,
                 desk_service_s={"a": 15.0, "b": 15.0, "c": 16.0}, open_desks=["a", "b", "c"])
    assert not f.keeps_up and f.queue_now > 0 and f.clears_at is not None and f.better_clears_at is not None
    english = f.sentence(WARSAW)
    assert english.startswith("At this pace the queue clears by ") and "open one more desk" in english
    messages.set_language("pl")
    try:
        polish = f.sentence(WARSAW)
    finally:
        messages.set_language("en")
    assert polish.startswith("W tym tempie kolejka zniknie do ") and f.clears_at.astimezone(WARSAW).strftime(
        "%H:%M") in polish
    idle = forecast(now=now, opening=OPENING, registered=2000, arrived=300, admitted_recent=0, desk_service_s={},
                    open_desks=[])
    assert idle.desks_open == 0 and "No desk has admitted anyone" in idle.sentence(WARSAW)


def test_a_desk_with_one_quick_double_scan_among_slow_ones_is_measured_without_error(event_engine: Engine) -> None:
    from checkin.services.forecast import entrance_pace

    now = OPENING - timedelta(minutes=30)
    moments = [now - timedelta(seconds=s) for s in (400, 399, 330, 260, 190, 120, 50)]  # 1 s, then ~70 s gaps
    with write_tx(event_engine) as conn:
        event_id = conn.execute(t.event.select()).first().id  # type: ignore[union-attr]
        for moment in moments:
            conn.execute(t.scan.insert().values(
                id=str(uuid.uuid4()), event_id=event_id, desk_id="desk-a", operator="", device_time=moment,
                checkpoint=f"day:{DAY1}", day=DAY1, session_id=None, direction="in", source="camera",
                result="accepted", attendee_id=None, detail=""))
    with event_engine.connect() as conn:
        pace = entrance_pace(conn, event_id, now)
    assert pace.open_desks == ["desk-a"] and pace.admitted_recent == 7
    assert 0 < pace.service_s["desk-a"] <= 22.5


def test_a_hopeless_morning_names_the_desks_needed_in_plain_words() -> None:
    now = datetime(2022, 10, 19, 6, 50, tzinfo=UTC)
    f = forecast(now=now, opening=OPENING, registered=4000, arrived=300, admitted_recent=170,
                 desk_service_s={"a": 15.0, "b": 15.0}, open_desks=["a", "b"])
    assert not f.keeps_up and f.clears_at is None and f.extra_desks >= 2
    sentence = f.sentence(WARSAW)
    assert sentence.startswith("At this pace the queue does not clear before ")
    assert f"open {f.extra_desks} more desks" in sentence and "1 more desks" not in sentence
