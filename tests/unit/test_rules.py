# SPDX-License-Identifier: MIT
"""Who may enter where: each rule as the volunteer would meet it at the door."""

from __future__ import annotations

from datetime import UTC, date, datetime

from checkin.domain.models import Attendance, Attendee, Checkpoint, Session
from checkin.domain.results import Direction, ScanResult
from checkin.domain.rules import CheckpointState, decide

DAY1, DAY2 = date(2022, 10, 19), date(2022, 10, 20)
T = datetime(2022, 10, 19, 7, 0, tzinfo=UTC)
NONE = CheckpointState(None, 0)


def person(**kw: object) -> Attendee:
    return Attendee(id="a", event_id="e", first_name="Anna", last_name="Nowak", **kw)  # type: ignore[arg-type]


def workshop(capacity: int | None = 2, tracks: bool = True, reg: bool = True) -> Session:
    return Session("s", "e", DAY1, "WS", "Warsztat", capacity=capacity, requires_registration=reg,
                   tracks_inside=tracks)


def present(inside: bool = True) -> Attendance:
    return Attendance("a", "x", DAY1, None, "scan1", T, "desk1", inside=inside)


def test_registered_person_enters_day() -> None:
    assert decide(person(), Checkpoint(DAY1), NONE).result is ScanResult.ACCEPTED


def test_one_day_registration_is_refused_on_the_other_day() -> None:
    v = decide(person(days=(DAY2,)), Checkpoint(DAY1), NONE)
    assert (v.result, v.reason) == (ScanResult.NOT_REGISTERED, "day_not_registered")


def test_second_scan_is_duplicate_not_a_second_admission() -> None:
    assert decide(person(), Checkpoint(DAY1), CheckpointState(present(), 1)).result is ScanResult.DUPLICATE


def test_cancelled_outranks_everything() -> None:
    assert decide(person(status="cancelled"), Checkpoint(DAY1), NONE).result is ScanResult.CANCELLED


def test_workshop_needs_registration() -> None:
    v = decide(person(), Checkpoint(DAY1, workshop()), NONE)
    assert v.reason == "session_not_registered"
    assert decide(person(sessions=("WS",)), Checkpoint(DAY1, workshop()), NONE).result is ScanResult.ACCEPTED


def test_full_workshop_refuses_newcomers_but_not_people_already_seated() -> None:
    p = person(sessions=("WS",))
    assert decide(p, Checkpoint(DAY1, workshop()), CheckpointState(None, 2)).result is ScanResult.FULL
    seated = CheckpointState(present(inside=True), 2)
    assert decide(p, Checkpoint(DAY1, workshop()), seated).result is ScanResult.DUPLICATE


def test_exit_and_re_entry_where_exits_are_counted() -> None:
    p, cp = person(sessions=("WS",)), Checkpoint(DAY1, workshop(capacity=None))
    assert decide(p, cp, CheckpointState(present(True), 1), Direction.OUT).result is ScanResult.ACCEPTED
    # the entry may have been scanned at another door and not be here yet: the exit is still recorded
    unmatched = decide(p, cp, NONE, Direction.OUT)
    assert (unmatched.result, unmatched.reason) == (ScanResult.ACCEPTED, "exit_unmatched")
    re_entry = decide(p, cp, CheckpointState(present(False), 0))
    assert (re_entry.result, re_entry.reason) == (ScanResult.ACCEPTED, "re_entry")


def test_re_entry_still_respects_capacity() -> None:
    p, cp = person(sessions=("WS",)), Checkpoint(DAY1, workshop(capacity=1))
    assert decide(p, cp, CheckpointState(present(False), 1)).result is ScanResult.FULL


def test_open_session_admits_anyone_registered_that_day() -> None:
    plenary = Session("p", "e", DAY1, "PLEN", "Plenary")
    assert decide(person(), Checkpoint(DAY1, plenary), NONE).result is ScanResult.ACCEPTED
    assert decide(person(days=(DAY2,)), Checkpoint(DAY1, plenary), NONE).result is ScanResult.NOT_REGISTERED


def test_exit_where_exits_are_not_counted_needs_an_entry() -> None:
    plenary = Checkpoint(DAY1, Session("p", "e", DAY1, "PLEN", "Plenary"))
    assert decide(person(), plenary, NONE, Direction.OUT).result is ScanResult.NOT_INSIDE
    assert decide(person(), plenary, CheckpointState(present(True), 1), Direction.OUT).reason == "exit"


def test_full_room_admits_again_when_inside_drops_below_capacity() -> None:
    p, cp = person(sessions=("WS",)), Checkpoint(DAY1, workshop(capacity=2))
    assert decide(p, cp, CheckpointState(None, 2)).result is ScanResult.FULL
    assert decide(p, cp, CheckpointState(None, 1)).result is ScanResult.ACCEPTED
