# SPDX-License-Identifier: MIT
"""Use cases with one entry each, the same for the desk and the command line: the walk-in
(registered and checked in together, or not at all) and printing a badge with the reprint rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from checkin.cli.badge_cmds import qt_sender
from checkin.config import update_settings
from checkin.domain.models import Checkpoint, Desk
from checkin.domain.results import ScanResult
from checkin.services.badge_printing import (
    BadgeJob,
    BadgeNotPrinted,
    ReprintNeedsConfirmation,
    print_badge,
)
from checkin.services.checkin import CheckInService
from checkin.services.registration import RegistrationError
from checkin.services.walk_in import walk_in
from checkin.storage import outbox
from checkin.storage import tables as t
from checkin.storage.events import load_event
from tests.conftest import DAY1, AddAttendee


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_a_walk_in_is_registered_and_checked_in_in_one_go(event_engine: Engine, service: CheckInService) -> None:
    result = walk_in(service, Checkpoint(DAY1), first_name="Małgorzata",
                     last_name="Wójcik-Jabłońska-Szczebrzeszyńska",
                     organisation="Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach")
    assert result.decision.result is ScanResult.ACCEPTED
    assert result.attendee.days == (DAY1,)
    assert result.print_badge is False  # not asked for, auto-print off
    with event_engine.connect() as conn:
        assert [k for _s, k, _r in outbox.oldest(conn, 10)] == ["desk", "attendee", "scan"]


def test_auto_print_on_means_the_walk_in_gets_a_badge(event_engine: Engine, service: CheckInService) -> None:
    update_settings(event_engine, auto_print=True)
    result = walk_in(service, Checkpoint(DAY1), first_name="Łukasz", last_name="Żółć-Ślęzak")
    assert result.print_badge is True


def test_a_walk_in_that_cannot_be_checked_in_is_not_registered_either(event_engine: Engine, desk: Desk) -> None:
    class PowerCut(CheckInService):
        """The real service, losing power between the registration and the check-in."""

        def admit_in(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            raise OSError("power cut")

    before = _count(event_engine, t.attendee)
    with pytest.raises(OSError):
        walk_in(PowerCut(event_engine, desk), Checkpoint(DAY1), first_name="Łukasz", last_name="Żółć-Ślęzak")
    assert _count(event_engine, t.attendee) == before  # rolled back with the failed check-in
    with pytest.raises(RegistrationError) as refused:
        walk_in(CheckInService(event_engine, desk), Checkpoint(DAY1), first_name="", last_name="Żółć")
    assert refused.value.field == "first_name"
    assert _count(event_engine, t.scan) == 0


def test_a_badge_prints_once_and_a_reprint_needs_a_yes(event_engine: Engine, desk: Desk,
                                                       add_attendee: AddAttendee, tmp_path: Path) -> None:
    person = add_attendee()
    with event_engine.connect() as conn:
        event = load_event(conn)
    job = BadgeJob(person, event, "a6")
    printed = print_badge(event_engine, desk, job, qt_sender(tmp_path / "paper.pdf"), tmp_path)
    assert [r.copy_no for r in printed.records] == [1]
    assert (tmp_path / "paper.pdf").stat().st_size > 1000

    with pytest.raises(ReprintNeedsConfirmation, match="already printed at") as asked:
        print_badge(event_engine, desk, job, qt_sender(tmp_path / "again.pdf"), tmp_path)
    assert [r.copy_no for r in asked.value.records] == [1]
    assert not (tmp_path / "again.pdf").exists()  # nothing printed without a yes

    again = print_badge(event_engine, desk, job, qt_sender(tmp_path / "again.pdf"), tmp_path, reprint_ok=True)
    assert [r.copy_no for r in again.records] == [2]


def test_a_missing_printer_logs_nothing_and_keeps_the_pdf(event_engine: Engine, desk: Desk,
                                                          add_attendee: AddAttendee, tmp_path: Path) -> None:
    person = add_attendee()
    with event_engine.connect() as conn:
        event = load_event(conn)
    job = BadgeJob(person, event, "a6", printer="Brother QL-820NWB w szatni")
    with pytest.raises(BadgeNotPrinted) as failed:
        print_badge(event_engine, desk, job, qt_sender(), tmp_path)
    assert failed.value.pdf.exists()
    assert _count(event_engine, t.badge_print) == 0
