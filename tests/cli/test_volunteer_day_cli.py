# ruff: noqa: E501 (roster rows are kept whole, as in the file)
# SPDX-License-Identifier: MIT
"""The organiser at a terminal the day before: delegations in the roster, a group admitted in one
command, PINs for the volunteers, a rehearsal on a desk of its own that leaves nothing behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from checkin.cli import main
from checkin.services.kiosk import find_by_surname
from checkin.services.volunteers import VolunteerError, sign_in, supervisor_for_pin
from checkin.storage import tables as t
from checkin.storage.db import open_database
from checkin.storage.events import load_event

ROOT = Path(__file__).resolve().parents[2]
GROUPS = """Nr zgłoszenia;Imię;Nazwisko;Instytucja;Nr zamówienia;Telefon
KS22-9001;Małgorzata;Wójcik-Jabłońska-Szczebrzeszyńska;Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach;ZAM/2022/117;+48 600 100 200
KS22-9002;Łukasz;Żółć-Ślęzak;Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach;ZAM/2022/117;+48 600 100 201
KS22-9003;Jędrzej;Kręcisz;Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach;ZAM/2022/117;
KS22-9004;Zofia;Kręcisz;Gmina Żółkiewka;;+48 600 100 201
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "desk.sqlite3")
    assert run(capsys, "--db", path, "--desk", "Recepcja 1", "demo")[0] == 0
    roster = tmp_path / "zamowienia.csv"
    roster.write_text(GROUPS, encoding="utf-8")
    assert run(capsys, "--db", path, "import", str(roster), "--keep-missing")[0] == 0
    return path


def test_a_group_is_admitted_in_one_command_with_one_decision_per_member(capsys, db) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "--db", db, "admit", "--attendee", "KS22-9003", "--day", "2022-10-19")[0] == 0
    code, out, _ = run(capsys, "--db", db, "admit", "--group", "ZAM/2022/117", "--day", "2022-10-19", "--json")
    assert code == 0
    decisions = json.loads(out)
    assert [(d["attendee"]["last_name"], d["result"]) for d in decisions] == [
        ("Kręcisz", "duplicate"), ("Wójcik-Jabłońska-Szczebrzeszyńska", "accepted"), ("Żółć-Ślęzak", "accepted")]
    assert len({d["scan_id"] for d in decisions}) == 3  # each their own scan
    assert all(d["attendee"]["group"] == "ZAM/2022/117" for d in decisions)

    code, _, err = run(capsys, "--db", db, "admit", "--group", "ZAM/1999/1", "--day", "2022-10-19")
    assert code == 2 and "no group ZAM/1999/1" in err


def test_volunteer_pins_are_issued_hashed_and_survive_an_event_reload(capsys, db) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", db, "volunteer", "add", "Ania Kowalska", "--json")
    pin = json.loads(out)["pin"]
    assert code == 0 and len(pin) == 6 and pin.isdigit()
    assert run(capsys, "--db", db, "volunteer", "add", "Zofia Śliwińska", "--supervisor", "--pin", "9753")[0] == 0
    code, _, err = run(capsys, "--db", db, "volunteer", "add", "Jan", "--pin", "12")
    assert code == 2 and "4 to 8 digits" in err
    assert run(capsys, "--db", db, "volunteer", "require", "undo_old", "reprint")[0] == 0
    # the organiser reloads the event file: PINs and the choice of gated actions stay
    assert run(capsys, "--db", db, "event", "load", str(ROOT / "resources" / "demo" / "event.toml"))[0] == 0

    engine = open_database(db)
    try:
        with engine.connect() as conn:
            event = load_event(conn)
            stored = json.dumps(conn.execute(select(t.event.c.settings)).scalar())
    finally:
        engine.dispose()
    assert pin not in stored and "9753" not in stored and "scrypt$" in stored
    assert sign_in(event, "Ania Kowalska", pin).role == "volunteer"
    with pytest.raises(VolunteerError):
        sign_in(event, "Ania Kowalska", "000000" if pin != "000000" else "111111")
    assert supervisor_for_pin(event, "9753").name == "Zofia Śliwińska"
    with pytest.raises(VolunteerError):
        supervisor_for_pin(event, pin)
    code, out, _ = run(capsys, "--db", db, "volunteer", "list", "--json")
    assert json.loads(out)["supervisor_actions"] == ["undo_old", "reprint"]


def test_a_rehearsal_on_a_desk_alone_removes_exactly_what_it_made(capsys, db) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "--db", db, "admit", "--attendee", "KS22-9001", "--day", "2022-10-19")[0] == 0  # real
    assert run(capsys, "--db", db, "rehearsal", "start")[0] == 0
    code, out, _ = run(capsys, "--db", db, "rehearsal", "status", "--json")
    assert json.loads(out)["running"] is True
    assert run(capsys, "--db", db, "admit", "--group", "ZAM/2022/117", "--day", "2022-10-19")[0] == 0
    code, out, _ = run(capsys, "--db", db, "rehearsal", "status")
    assert "REHEARSAL running" in out and "3 scans" in out
    code, out, _ = run(capsys, "--db", db, "rehearsal", "end", "--json")
    assert code == 0 and json.loads(out)["rehearsal"]["removed_here"]["scans"] == 3
    code, out, _ = run(capsys, "--db", db, "headcount", "--day", "2022-10-19", "--json")
    assert json.loads(out)["days"][0]["present"] == 1  # the real check-in only
    code, _, err = run(capsys, "--db", db, "rehearsal", "end")
    assert code == 2 and "no rehearsal is running" in err


def test_the_kiosk_finds_only_one_person_by_surname_and_a_code_they_hold(db) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    engine = open_database(db)
    try:
        with engine.connect() as conn:
            event = load_event(conn)
        assert find_by_surname(engine, event, "Kręcisz", "KS22-9003") is None  # the event did not allow it
        event = replace(event, settings={**event.settings, "kiosk_lookup": "booking_code,phone"})
        krecisz = find_by_surname(engine, event, "krecisz", "ks22-9003")
        assert krecisz is not None
        assert find_by_surname(engine, event, "Kręcisz", "") is None  # a surname alone finds nobody
        assert find_by_surname(engine, event, "Kręcisz", "KS22-9002") is None  # someone else's number
        # two people end their phones in 0201, but only one is a Żółć-Ślęzak
        assert find_by_surname(engine, event, "Żółć-Ślęzak", "0201") is not None
        assert find_by_surname(engine, event, "Kręcisz", "0201") is not None
        assert find_by_surname(engine, event, "Kręcisz", "01") is None  # too few digits
    finally:
        engine.dispose()


def test_kiosk_check_ins_are_marked_in_the_attendance_export(capsys, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from checkin.domain.models import Checkpoint
    from checkin.services.checkin import CheckInService
    from checkin.services.kiosk import check_in_code
    from checkin.storage.meta import ensure_desk

    assert run(capsys, "--db", db, "admit", "--attendee", "KS22-9001", "--day", "2022-10-19")[0] == 0  # at the desk
    engine = open_database(db)
    try:
        kiosk = CheckInService(engine, ensure_desk(engine), operator="kiosk")
        outcome = check_in_code(kiosk, "KS2214983908", Checkpoint(kiosk.event.dates[0]))  # Łukasz, at the kiosk
        assert outcome.welcome
    finally:
        engine.dispose()
    out = tmp_path / "obecnosc.csv"
    assert run(capsys, "--db", db, "export", "attendance", "--day", "2022-10-19", "--format", "csv",
               "--out", str(out))[0] == 0
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    lukasz = next(r for r in rows if "Żółć-Ślęzak" in r and "Gminy" in r)
    malgorzata = next(r for r in rows if "Wójcik-Jabłońska-Szczebrzeszyńska" in r)
    assert "Recepcja 1 (kiosk)" in lukasz and "(kiosk)" not in malgorzata
