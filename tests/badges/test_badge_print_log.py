# SPDX-License-Identifier: MIT
"""Every print is logged with its outbox row; a reprint says when and where the first copy came out."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select

from checkin.badges.log import (
    auto_print_enabled,
    previous_prints,
    record_print,
    reprint_warning,
    set_auto_print,
    should_auto_print,
)
from checkin.cli import main
from checkin.config import load_settings
from checkin.domain.models import Desk
from checkin.storage import tables as t
from checkin.storage.db import write_tx
from tests.conftest import AddAttendee, Clock


def _other_desk_print(engine: Engine, attendee_id: str, at: datetime, desk_name: str = "Desk 2") -> None:
    """What sync brings in from another desk: its desk row and its badge_print row."""
    desk_id = str(uuid.uuid4())
    with write_tx(engine) as conn:
        conn.execute(t.desk.insert().values(id=desk_id, name=desk_name))
        conn.execute(t.badge_print.insert().values(id=str(uuid.uuid4()), attendee_id=attendee_id, desk_id=desk_id,
                                                   printed_at=at, template="a6", copy_no=1, printer="HP LaserJet"))


def test_each_print_is_logged_with_the_next_copy_number_and_an_outbox_row(
        event_engine: Engine, desk: Desk, add_attendee: AddAttendee, clock: Clock) -> None:
    person = add_attendee()
    first = record_print(event_engine, desk, person.id, "a6", "Brother QL-820NWB", clock=clock)
    clock.set_local("2022-10-19 09:20")
    second = record_print(event_engine, desk, person.id, "label-62x100", "Brother QL-820NWB", clock=clock)
    assert (first.copy_no, second.copy_no) == (1, 2)
    log = previous_prints(event_engine, person.id)
    assert [(r.copy_no, r.template, r.desk_name) for r in log] == [(1, "a6", "Desk 1"), (2, "label-62x100", "Desk 1")]
    with event_engine.connect() as conn:
        outbox = conn.execute(select(t.outbox.c.kind, t.outbox.c.ref_id).where(t.outbox.c.kind == "badge_print")).all()
    assert sorted(ref for _, ref in outbox) == sorted([first.id, second.id])
    assert previous_prints(event_engine, add_attendee("Ewa", "Nowak").id) == []


def test_a_reprint_names_the_time_and_the_desk_of_the_earlier_copy_even_from_another_desk(
        event_engine: Engine, desk: Desk, add_attendee: AddAttendee, clock: Clock) -> None:
    person = add_attendee()
    _other_desk_print(event_engine, person.id, datetime(2022, 10, 19, 7, 14, tzinfo=UTC))  # 09:14 in Warsaw
    log = previous_prints(event_engine, person.id)
    now = clock()
    warning = reprint_warning(log, ZoneInfo("Europe/Warsaw"), now)
    assert warning == "already printed at 09:14 at Desk 2 (copy 1)"
    clock.set_local("2022-10-19 09:30")
    again = record_print(event_engine, desk, person.id, "a6", "HP", clock=clock)
    assert again.copy_no == 2
    next_day = datetime(2022, 10, 20, 8, 0, tzinfo=UTC)
    assert reprint_warning(previous_prints(event_engine, person.id), ZoneInfo("Europe/Warsaw"), next_day) == \
        "already printed at 2022-10-19 09:30 at Desk 1 (copy 2); 2 copies so far"
    assert reprint_warning([], ZoneInfo("Europe/Warsaw")) is None


def test_auto_print_is_a_desk_setting_and_fires_only_for_a_first_badge(
        event_engine: Engine, desk: Desk, add_attendee: AddAttendee) -> None:
    person = add_attendee()
    assert auto_print_enabled(event_engine) is False
    set_auto_print(event_engine, True)
    assert auto_print_enabled(event_engine) is True
    assert load_settings(event_engine).auto_print is True  # the desk setting the desk app reads
    assert should_auto_print(event_engine, person.id, setting_enabled=True) is True
    assert should_auto_print(event_engine, person.id, setting_enabled=False) is False
    _other_desk_print(event_engine, person.id, datetime(2022, 10, 19, 7, 0, tzinfo=UTC))
    assert should_auto_print(event_engine, person.id, setting_enabled=True) is False
    set_auto_print(event_engine, False)
    assert auto_print_enabled(event_engine) is False


def test_cli_refuses_a_reprint_without_yes_and_logs_each_copy(
        event_engine: Engine, desk: Desk, add_attendee: AddAttendee, db_path: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    person = add_attendee("Małgorzata", "Brzęczyszczykiewicz-Wójcik", external_ref="KS22-1001")
    earlier = datetime.now(UTC) - timedelta(minutes=5)
    _other_desk_print(event_engine, person.id, earlier)
    base = ["--db", str(db_path), "--desk", "Desk 1"]
    code = main([*base, "print", "--attendee", "KS22-1001", "--to-pdf", str(tmp_path / "p.pdf")])
    err = capsys.readouterr().err
    assert code == 2
    local_dt = earlier.astimezone(ZoneInfo("Europe/Warsaw"))
    today = datetime.now(UTC).astimezone(ZoneInfo("Europe/Warsaw")).date()
    local = local_dt.strftime("%H:%M" if local_dt.date() == today else "%Y-%m-%d %H:%M")
    assert f"already printed at {local} at Desk 2 (copy 1); use --yes to print copy 2" in err
    assert not (tmp_path / "p.pdf").exists()
    assert main([*base, "print", "--attendee", "KS22-1001", "--to-pdf", str(tmp_path / "p.pdf"), "--yes",
                 "--copies", "2"]) == 0
    assert "copy 2, 3" in capsys.readouterr().out
    log = previous_prints(event_engine, person.id)
    assert [(r.copy_no, r.desk_name) for r in log] == [(1, "Desk 2"), (2, "Desk 1"), (3, "Desk 1")]
    assert (tmp_path / "p.pdf").stat().st_size > 10_000


def test_cli_writes_badges_and_lists_templates(event_engine: Engine, desk: Desk, add_attendee: AddAttendee,
                                               db_path: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    add_attendee("Łukasz", "Żółć-Ślęzak", external_ref="KS22-1000")
    add_attendee("Anna", "Łącka", category="speaker")
    add_attendee("Ewa", "Lis", category="speaker")
    add_attendee("Piotr", "Cancelled", status="cancelled")
    base = ["--db", str(db_path)]
    assert main([*base, "badge", "templates"]) == 0
    listing = capsys.readouterr().out
    assert "a6 " in listing and "label-62x100" in listing and "8 per page" in listing
    assert main([*base, "badge", "--attendee", "KS22-1000", "--out", str(tmp_path / "one.pdf")]) == 0
    assert main([*base, "badges", "--out", str(tmp_path / "all.pdf")]) == 0
    captured = capsys.readouterr()
    assert "3 badges on 3 pages" in captured.out and "Badges: 3/3" in captured.err
    assert main([*base, "badges", "--category", "speaker", "--out", str(tmp_path / "sp.pdf"), "--lang", "en"]) == 0
    from tests.badges.conftest import pdftotext

    assert "Lis" in pdftotext(tmp_path / "sp.pdf", 1) and "Łącka" in pdftotext(tmp_path / "sp.pdf", 2)  # Polish order
    assert "SPEAKER" in pdftotext(tmp_path / "sp.pdf", 1)
    assert main([*base, "badges", "--category", "wizard", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "unknown category 'wizard'" in capsys.readouterr().err
    assert main([*base, "badge", "--attendee", "nobody", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "no attendee 'nobody'" in capsys.readouterr().err
