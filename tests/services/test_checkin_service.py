# SPDX-License-Identifier: MIT
"""The volunteer's day at the door, through CheckInService against a real SQLite file."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select

from checkin.domain.models import Checkpoint, Desk
from checkin.domain.results import Direction, ScanResult, Source
from checkin.services.checkin import CheckInService, VoidError
from checkin.services.event import resolve_checkpoint
from checkin.services.headcount import headcount
from checkin.storage import tables as t
from tests.conftest import DAY1, DAY2, AddAttendee, Clock


def entrance(day=DAY1) -> Checkpoint:  # type: ignore[no-untyped-def]
    return Checkpoint(day)


def session(engine: Engine, service: CheckInService, code: str) -> Checkpoint:
    return resolve_checkpoint(engine, service.event, session_code=code)


def count(engine: Engine, table: t.Table, *where: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())  # type: ignore[arg-type]


def test_first_scan_admits_and_writes_scan_attendance_and_outbox_together(
    service: CheckInService, add_attendee: AddAttendee, event_engine: Engine
) -> None:
    lukasz = add_attendee(external_code="KS22-0001")
    decision = service.scan("KS22-0001", entrance())
    assert decision.result is ScanResult.ACCEPTED
    assert decision.attendee is not None and decision.attendee.full_name == "Łukasz Żółć-Ślęzak"
    assert count(event_engine, t.scan) == 1
    assert count(event_engine, t.attendance, t.attendance.c.attendee_id == lukasz.id) == 1
    assert count(event_engine, t.outbox, t.outbox.c.kind == "scan", t.outbox.c.ref_id == decision.scan_id) == 1


def test_second_scan_is_duplicate_with_first_time_and_desk_and_never_counted_twice(
    service: CheckInService, add_attendee: AddAttendee, event_engine: Engine, clock: Clock
) -> None:
    add_attendee(external_code="KS22-0001")
    first = service.scan("KS22-0001", entrance())
    clock.now += timedelta(minutes=40)
    again = service.scan("KS22-0001", entrance())
    assert again.result is ScanResult.DUPLICATE
    assert again.first_time == first.device_time
    assert again.first_desk == "Desk 1"
    assert headcount(event_engine, DAY1).days[0].present == 1


def test_duplicate_names_the_other_desk(
    service: CheckInService, add_attendee: AddAttendee, event_engine: Engine, clock: Clock
) -> None:
    add_attendee(external_code="KS22-0002")
    desk2 = Desk("desk-2-id", "Desk 2")
    with event_engine.begin() as conn:
        conn.execute(t.desk.insert().values(id=desk2.id, name=desk2.name))
    CheckInService(event_engine, desk2, clock=clock).scan("KS22-0002", entrance())
    decision = service.scan("KS22-0002", entrance())
    assert (decision.result, decision.first_desk) == (ScanResult.DUPLICATE, "Desk 2")


def test_one_day_registration_is_refused_on_the_other_day(
    service: CheckInService, add_attendee: AddAttendee
) -> None:
    add_attendee(external_code="KS22-0003", days=(DAY2,))
    decision = service.scan("KS22-0003", entrance(DAY1))
    assert (decision.result, decision.reason) == (ScanResult.NOT_REGISTERED, "day_not_registered")
    assert service.scan("KS22-0003", entrance(DAY2)).result is ScanResult.ACCEPTED


def test_cancelled_attendee_is_refused_and_the_attempt_is_logged(
    service: CheckInService, add_attendee: AddAttendee, event_engine: Engine
) -> None:
    add_attendee(external_code="KS22-0004", status="cancelled")
    decision = service.scan("KS22-0004", entrance())
    assert decision.result is ScanResult.CANCELLED
    assert count(event_engine, t.scan, t.scan.c.result == "cancelled") == 1
    assert count(event_engine, t.attendance) == 0


def test_unknown_and_malformed_codes_are_logged_as_rejections(
    service: CheckInService, event_engine: Engine
) -> None:
    assert service.scan("KS22-9999", entrance()).result is ScanResult.UNKNOWN
    assert service.scan("\x00\x01garbage", entrance()).result is ScanResult.INVALID
    assert service.scan("x" * 3000, entrance()).reason == "too_long"
    rows = count(event_engine, t.scan, t.scan.c.desk_id == service.desk.id, t.scan.c.operator == "test")
    assert rows == 3


def test_workshop_needs_registration_and_marks_the_day(
    service: CheckInService, add_attendee: AddAttendee, event_engine: Engine
) -> None:
    add_attendee(external_code="KS22-0005", sessions=("D1-WS-KPA",))
    add_attendee("Anna", "Nowak", external_code="KS22-0006")
    kpa = session(event_engine, service, "D1-WS-KPA")
    assert service.scan("KS22-0006", kpa).result is ScanResult.NOT_REGISTERED
    assert service.scan("KS22-0005", kpa).result is ScanResult.ACCEPTED
    # attending a session also marks the day: the entrance now says "already checked in"
    assert service.scan("KS22-0005", entrance()).result is ScanResult.DUPLICATE
    assert headcount(event_engine, DAY1).days[0].present == 1


def test_full_workshop_turns_newcomers_away(
    service: CheckInService, add_attendee: AddAttendee, event_engine: Engine
) -> None:
    rodo = session(event_engine, service, "D1-WS-RODO")  # 30 seats
    for i in range(30):
        add_attendee("Osoba", f"Numer{i}", external_code=f"RODO-{i}", sessions=("D1-WS-RODO",))
        assert service.scan(f"RODO-{i}", rodo).result is ScanResult.ACCEPTED
    add_attendee("Spóźniona", "Osoba", external_code="RODO-LATE", sessions=("D1-WS-RODO",))
    assert service.scan("RODO-LATE", rodo).result is ScanResult.FULL
    # someone leaves (exits are counted in workshops): the seat frees up
    assert service.scan("RODO-0", rodo, direction=Direction.OUT).result is ScanResult.ACCEPTED
    assert service.scan("RODO-LATE", rodo).result is ScanResult.ACCEPTED
    hc = {s.code: s for s in headcount(event_engine, DAY1).sessions}
    assert (hc["D1-WS-RODO"].present, hc["D1-WS-RODO"].inside) == (31, 30)


def test_exit_without_entry_is_kept_but_makes_nobody_present(service: CheckInService, add_attendee: AddAttendee,
                                                              event_engine: Engine) -> None:
    """Where exits are counted, the entry may still be on its way from another door: the exit is
    recorded (it pairs with that entry once it arrives) but counts nobody in."""
    add_attendee(external_code="KS22-0007", sessions=("D1-WS-KPA",))
    kpa = session(event_engine, service, "D1-WS-KPA")
    exit_ = service.scan("KS22-0007", kpa, direction=Direction.OUT)
    assert (exit_.result, exit_.reason, exit_.direction) == (ScanResult.ACCEPTED, "exit_unmatched", Direction.OUT)
    hc = {s.code: s for s in headcount(event_engine, DAY1).sessions}
    assert (hc["D1-WS-KPA"].present, hc["D1-WS-KPA"].inside) == (0, 0)
    # where exits are not counted (the opening plenary), an exit needs an entry
    assert service.scan("KS22-0007", session(event_engine, service, "D1-OTW"),
                        direction=Direction.OUT).result is ScanResult.NOT_INSIDE


def test_void_undoes_an_admission_without_deleting_anything(
    service: CheckInService, add_attendee: AddAttendee, event_engine: Engine, clock: Clock
) -> None:
    add_attendee(external_code="KS22-0008")
    admitted = service.scan("KS22-0008", entrance())
    void = service.void(admitted.scan_id, reason="wrong person")
    assert void.result is ScanResult.VOID
    assert count(event_engine, t.scan) == 2  # the admission is still in the log
    assert headcount(event_engine, DAY1).days[0].present == 0
    with pytest.raises(VoidError, match="already undone"):
        service.void(admitted.scan_id)
    clock.now += timedelta(minutes=1)
    again = service.scan("KS22-0008", entrance())
    assert again.result is ScanResult.ACCEPTED  # not a duplicate of the voided one
    assert headcount(event_engine, DAY1).days[0].present == 1


def test_void_refuses_rejections_and_old_scans(
    service: CheckInService, add_attendee: AddAttendee, clock: Clock
) -> None:
    add_attendee(external_code="KS22-0009", status="cancelled")
    rejected = service.scan("KS22-0009", entrance())
    with pytest.raises(VoidError, match="only admissions"):
        service.void(rejected.scan_id)
    add_attendee("Anna", "Nowak", external_code="KS22-0010")
    admitted = service.scan("KS22-0010", entrance())
    clock.now += timedelta(minutes=10)
    with pytest.raises(VoidError, match="older than"):
        service.void(admitted.scan_id, max_age=timedelta(minutes=5))
    with pytest.raises(VoidError, match="no scan"):
        service.void("nope")


def test_voiding_the_first_of_two_desks_admissions_keeps_the_person_present(
    service: CheckInService, add_attendee: AddAttendee, event_engine: Engine, clock: Clock
) -> None:
    """Offline desks can both admit; undoing one must not erase the other's admission."""
    person = add_attendee(external_code="KS22-0011")
    first = service.scan("KS22-0011", entrance())
    with event_engine.begin() as conn:
        conn.execute(t.desk.insert().values(id="d2", name="Desk 2"))
        conn.execute(t.scan.insert().values(
            id="offline-scan", event_id=service.event.id, desk_id="d2", operator="", day=DAY1,
            device_time=clock.now + timedelta(minutes=3), checkpoint=entrance().key, direction="in",
            source="camera", result="accepted", attendee_id=person.id, detail=""))
    service.void(first.scan_id)
    with event_engine.connect() as conn:
        row = conn.execute(select(t.attendance).where(t.attendance.c.attendee_id == person.id,
                                                      t.attendance.c.checkpoint == entrance().key)).one()
    assert (row.active, row.scan_id, row.desk_id) == (True, "offline-scan", "d2")


def test_manual_admission_from_search(service: CheckInService, add_attendee: AddAttendee,
                                      event_engine: Engine) -> None:
    person = add_attendee()
    decision = service.admit(person.id, entrance())
    assert decision.result is ScanResult.ACCEPTED
    with event_engine.connect() as conn:
        source = conn.execute(select(t.scan.c.source).where(t.scan.c.id == decision.scan_id)).scalar_one()
    assert source == Source.SEARCH.value
    assert service.admit("no-such-person", entrance()).result is ScanResult.UNKNOWN


def test_external_codes_refused_when_the_event_requires_signed_tickets(
    service: CheckInService, add_attendee: AddAttendee, event_engine: Engine
) -> None:
    add_attendee(external_code="KS22-0012")
    with event_engine.begin() as conn:
        conn.execute(t.event.update().values(settings={"accept_external_codes": False}))
    service.reload()
    assert service.scan("KS22-0012", entrance()).result is ScanResult.INVALID


def test_a_walk_in_badge_with_the_bare_ticket_id_is_accepted_but_not_when_reissued(
    service: CheckInService, add_attendee: AddAttendee, event_engine: Engine
) -> None:
    """Desks hold no signing key, so a badge printed for a walk-in carries the random ticket id."""
    walk_in = add_attendee("Jadwiga", "Łęcka")
    assert service.scan(walk_in.ticket_id.upper(), entrance()).result is ScanResult.ACCEPTED
    with event_engine.begin() as conn:
        conn.execute(t.ticket.update().values(revoked_at=service.clock()))
        conn.execute(t.attendee.update().values(ticket_id=None))
    decision = service.scan(walk_in.ticket_id, entrance())
    assert (decision.result, decision.reason) == (ScanResult.CANCELLED, "ticket_reissued")
    assert service.scan("0" * 32, entrance()).result is ScanResult.UNKNOWN
