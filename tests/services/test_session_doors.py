# SPDX-License-Identifier: MIT
"""A workshop door with two seats: entries, exits, re-entries and minutes of presence."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from checkin.domain.models import Checkpoint, Desk
from checkin.domain.results import Direction, ScanResult
from checkin.services.checkin import CheckInService
from checkin.services.event import EventFileError, parse_event_file, resolve_checkpoint
from checkin.services.headcount import headcount
from checkin.services.presence import presence_for_session
from checkin.storage import scans as scan_repo
from checkin.storage.db import write_tx
from checkin.storage.meta import ensure_desk
from tests.conftest import DAY1, DEMO_EVENT, AddAttendee, Clock


def two_seats(engine: Engine, service: CheckInService) -> Checkpoint:
    """The RODO workshop (15:45–17:15, exits counted) cut down to two seats."""
    with write_tx(engine) as conn:
        conn.execute(text("UPDATE session SET capacity = 2 WHERE code = 'D1-WS-RODO'"))
    return resolve_checkpoint(engine, service.event, session_code="D1-WS-RODO")


def test_full_room_admits_again_after_someone_leaves_and_a_re_entry_counts_once(
        service: CheckInService, add_attendee: AddAttendee, event_engine: Engine, clock: Clock) -> None:
    for n in range(3):
        add_attendee("Osoba", f"Numer{n}", external_code=f"R-{n}", sessions=("D1-WS-RODO",))
    rodo = two_seats(event_engine, service)
    clock.set_local("2022-10-19 15:40")
    assert service.scan("R-0", rodo).result is ScanResult.ACCEPTED
    assert service.scan("R-1", rodo).result is ScanResult.ACCEPTED
    full = service.scan("R-2", rodo)
    assert (full.result, full.reason) == (ScanResult.FULL, "capacity_reached")
    out = service.scan("R-0", rodo, direction=Direction.OUT)
    assert (out.result, out.reason, out.to_json()["direction"]) == (ScanResult.ACCEPTED, "exit", "out")
    assert service.scan("R-2", rodo).result is ScanResult.ACCEPTED
    # R-0 comes back while the room is full again: full; after R-1 leaves, a re-entry (not a duplicate)
    assert service.scan("R-0", rodo).result is ScanResult.FULL
    service.scan("R-1", rodo, direction=Direction.OUT)
    back = service.scan("R-0", rodo)
    assert (back.result, back.reason) == (ScanResult.ACCEPTED, "re_entry")
    hc = {s.code: s for s in headcount(event_engine, DAY1).sessions}
    assert (hc["D1-WS-RODO"].present, hc["D1-WS-RODO"].inside) == (3, 2)  # R-0 counted once


def test_auto_direction_second_scan_of_someone_inside_is_leaving(
        service: CheckInService, add_attendee: AddAttendee, event_engine: Engine, clock: Clock) -> None:
    add_attendee(external_code="R-9", sessions=("D1-WS-RODO",))
    rodo = two_seats(event_engine, service)
    clock.set_local("2022-10-19 15:44")
    assert service.scan("R-9", rodo, direction=None).direction is Direction.IN
    clock.now += timedelta(seconds=5)  # the scanner fired twice: still inside, not out
    twice = service.scan("R-9", rodo, direction=None)
    assert (twice.direction, twice.result) == (Direction.IN, ScanResult.DUPLICATE)
    clock.now += timedelta(minutes=50)
    leaving = service.scan("R-9", rodo, direction=None)
    assert (leaving.direction, leaving.reason) == (Direction.OUT, "exit")
    clock.now += timedelta(minutes=5)
    assert service.scan("R-9", rodo, direction=None).reason == "re_entry"


def test_minutes_from_two_doors_clipped_and_closed_at_the_end(
        service: CheckInService, add_attendee: AddAttendee, event_engine: Engine, clock: Clock) -> None:
    anna = add_attendee("Anna", "Nowak", external_code="R-A", sessions=("D1-WS-RODO",))
    lukasz = add_attendee(external_code="R-L", sessions=("D1-WS-RODO",))
    rodo = two_seats(event_engine, service)
    back_door = CheckInService(event_engine, ensure_desk(event_engine, "Drzwi tylne"), clock=clock)
    clock.set_local("2022-10-19 15:30")  # before the start: clipped
    service.scan("R-A", rodo)
    clock.set_local("2022-10-19 16:00")
    service.scan("R-L", rodo)
    clock.set_local("2022-10-19 17:00")
    back_door.scan("R-A", rodo, direction=Direction.OUT)  # Anna leaves through the back door
    # Łukasz never scans out: closed at 17:15
    people = {p.attendee_id: p for p in presence_for_session(event_engine, "D1-WS-RODO",
                                                             now=clock.now + timedelta(hours=2)).people}
    assert (people[anna.id].span.minutes, people[anna.id].span.attended) == (75, True)  # 75 of 90 ≥ 80 %
    assert (people[lukasz.id].span.minutes, people[lukasz.id].span.attended) == (75, True)
    data = people[anna.id].to_json(service.event)
    assert data["first_in"] == "2022-10-19T15:30:00+02:00" and data["last_out"] == "2022-10-19T17:00:00+02:00"
    assert people[lukasz.id].to_json(service.event)["last_out"] is None


def test_a_voided_entry_gives_no_minutes(service: CheckInService, add_attendee: AddAttendee,
                                         event_engine: Engine, clock: Clock) -> None:
    add_attendee(external_code="R-V", sessions=("D1-WS-RODO",))
    rodo = two_seats(event_engine, service)
    clock.set_local("2022-10-19 15:50")
    admitted = service.scan("R-V", rodo)
    service.void(admitted.scan_id, reason="wrong person")
    assert presence_for_session(event_engine, "D1-WS-RODO", now=clock.now + timedelta(hours=3)).people == []


def test_event_file_sets_the_presence_rules(tmp_path: Path) -> None:
    source = DEMO_EVENT.read_text(encoding="utf-8")
    good = tmp_path / "good.toml"
    good.write_text(source + '\n[presence]\nmissing_exit = "ignore"\nattended_share = 0.5\n', encoding="utf-8")
    rules = parse_event_file(good).event.settings["presence"]
    assert rules == {"missing_exit": "ignore", "clip_to_session": True, "attended_share": 0.5}
    bad = tmp_path / "bad.toml"
    bad.write_text(source + "\n[presence]\nattended_share = 80\n", encoding="utf-8")
    with pytest.raises(EventFileError, match=r"bad.toml: \[presence\] attended_share must be a fraction"):
        parse_event_file(bad)


def test_inside_now_and_presence_read_through_their_indexes(event_engine: Engine, desk: Desk) -> None:
    """The door's scan path counts who is inside on every scan: it must not walk the table."""
    with event_engine.connect() as conn:
        inside = " ".join(str(r[-1]) for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM attendance WHERE checkpoint = 'x' AND active = 1 "
            "AND inside = 1")))
        moves = " ".join(str(r[-1]) for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT attendee_id FROM scan WHERE checkpoint = 'x' ORDER BY device_time")))
        assert scan_repo.inside_now(conn, "x") == 0
        # ...and the per-person re-derivation after every scan must stay on the person's own rows, not
        # walk the room's scans in time order because that saves a sort
        compiled = scan_repo._ACCEPTED_AT_CHECKPOINT.compile(dialect=conn.dialect)
        params = {**compiled.params, "attendee_id": "a", "checkpoint": "x"}
        person = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + compiled.string, tuple(params[k] for k in compiled.positiontup or ())))
    assert "ix_attendance_checkpoint_inside" in inside
    assert "ix_scan_checkpoint_time" in moves
    assert "(attendee_id=?" in person and "ix_scan_checkpoint_time" not in person
