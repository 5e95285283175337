# SPDX-License-Identifier: MIT
"""The coordinator's numbers: registered and present per day, category and workshop."""

from __future__ import annotations

import random

from sqlalchemy import Engine

from checkin.domain.models import Checkpoint
from checkin.services.checkin import CheckInService
from checkin.services.event import EventDefinition
from checkin.services.headcount import headcount
from tests.conftest import DAY1, DAY2, AddAttendee

WORKSHOPS = ("D1-WS-KPA", "D1-WS-RODO", "D2-WS-LIDER", "D2-WS-ZAMOW")
CATEGORIES = ("participant", "speaker", "partner", "media")


def test_registered_and_present_match_a_count_by_hand(
    event_engine: Engine, add_attendee: AddAttendee, service: CheckInService, demo_definition: EventDefinition
) -> None:
    rnd = random.Random(19102022)
    people = []
    for i in range(120):
        days = rnd.choice([(), (DAY1,), (DAY2,), (DAY1, DAY2)])
        sessions = tuple(sorted(set(rnd.sample(WORKSHOPS, rnd.randint(0, 2)))))
        status = "cancelled" if i % 17 == 0 else "active"
        people.append(add_attendee("Osoba", f"Numer {i}", days=days, sessions=sessions,
                                   category=rnd.choice(CATEGORIES), status=status))
    for person in people[::3]:
        service.admit(person.id, Checkpoint(DAY1))
    active = [p for p in people if p.status == "active"]

    counts = headcount(event_engine)
    by_day = {d.day: d for d in counts.days}
    for day in (DAY1, DAY2):
        expected = {}
        for p in active:
            if not p.days or day in p.days:
                expected[p.category] = expected.get(p.category, 0) + 1
        assert {c: reg for c, (reg, _) in by_day[day].by_category.items() if reg} == expected
        assert by_day[day].registered == sum(expected.values())
    admitted = [p for p in people[::3] if p.status == "active" and (not p.days or DAY1 in p.days)]
    assert by_day[DAY1].present == len(admitted)
    sessions = {s.code: s for s in counts.sessions}
    for code in WORKSHOPS:
        assert sessions[code].registered == sum(1 for p in active if code in p.sessions)
    assert sessions["D1-OTW"].registered is None  # open session: no registration list


def test_arrivals_are_counted_per_ten_local_minutes(
    event_engine: Engine, add_attendee: AddAttendee, service: CheckInService, clock, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    from datetime import timedelta

    import checkin.services.headcount as hc

    for i in range(40):
        clock.set_local("2022-10-19 08:55")
        clock.now += timedelta(minutes=i * 37 % 90, seconds=i * 13 % 60)
        service.admit(add_attendee("Osoba", f"Numer {i}").id, Checkpoint(DAY1))
    event = service.event
    counted_in_sql = hc.arrivals(event_engine, event, DAY1)
    monkeypatch.setattr(hc, "_offsets_whole_tens", lambda *_: False)  # the plain Python path
    assert counted_in_sql == hc.arrivals(event_engine, event, DAY1)
    assert sum(n for _, n in counted_in_sql) == 40
    first_bucket = counted_in_sql[0][0]
    assert (first_bucket.hour, first_bucket.minute, first_bucket.utcoffset()) == (8, 50, timedelta(hours=2))
