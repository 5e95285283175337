# SPDX-License-Identifier: MIT
"""An organiser scripting the desk from a terminal: demo, event, scan, admit, void, headcount."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checkin.cli import main

ROOT = Path(__file__).resolve().parents[2]
LUKASZ_CODE = "KS2214983908"  # Łukasz Żółć-Ślęzak in the demo roster (registration KS22-1000)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "desk.sqlite3")
    assert run(capsys, "--db", path, "--desk", "Recepcja 1", "demo")[0] == 0
    return path


def test_demo_then_the_same_code_twice_is_accepted_then_duplicate_with_time_and_desk() -> None:
    """The README's promise, as two real processes like a person would type them."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        base = [sys.executable, "-m", "checkin", "--db", f"{tmp}/desk.sqlite3", "--desk", "Recepcja 1"]
        assert subprocess.run([*base, "demo"], cwd=ROOT, capture_output=True, timeout=120).returncode == 0
        scan = [*base, "scan", "--code", LUKASZ_CODE, "--session", "D1-OTW", "--json"]
        first = json.loads(subprocess.run(scan, cwd=ROOT, capture_output=True, text=True, timeout=60).stdout)
        second = json.loads(subprocess.run(scan, cwd=ROOT, capture_output=True, text=True, timeout=60).stdout)
    assert first["result"] == "accepted"
    assert first["attendee"]["last_name"] == "Żółć-Ślęzak"
    assert second["result"] == "duplicate"
    assert second["first_time"] == first["time"]
    assert second["first_desk"] == "Recepcja 1"


def test_text_output_says_when_and_where(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", db, "scan", "--code", LUKASZ_CODE, "--day", "2022-10-19")
    code, out, _ = run(capsys, "--db", db, "scan", "--code", LUKASZ_CODE, "--day", "2022-10-19")
    assert code == 0
    assert out.startswith("DUPLICATE: Łukasz Żółć-Ślęzak (Urząd Gminy Brzęczyszczykiewice)")
    assert "at Recepcja 1" in out


def test_json_uses_snake_case_model_names(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "scan", "--code", LUKASZ_CODE, "--day", "2022-10-19", "--json")
    data = json.loads(out)
    assert code == 0 and data["result"] == "accepted"
    assert {"id", "first_name", "last_name", "organisation", "position", "category", "email"} <= set(data["attendee"])
    assert data["checkpoint"]["day"] == "2022-10-19"


def test_admit_by_registration_number_then_void_then_headcount(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "admit", "--attendee", "KS22-1000", "--day", "2022-10-19", "--json")
    admitted = json.loads(out)
    assert code == 0 and admitted["result"] == "accepted"
    head = json.loads(run(capsys, "--db", db, "headcount", "--day", "2022-10-19", "--json")[1])
    assert head["days"][0]["present"] == 1
    code, out, _ = run(capsys, "--db", db, "void", admitted["scan_id"], "--json")
    assert code == 0 and json.loads(out)["result"] == "void"
    head = json.loads(run(capsys, "--db", db, "headcount", "--day", "2022-10-19", "--json")[1])
    assert head["days"][0]["present"] == 0
    code, _, err = run(capsys, "--db", db, "void", admitted["scan_id"])
    assert code == 2 and "already undone" in err


def test_workshop_seats_and_exits_from_the_command_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "scan", "--code", LUKASZ_CODE, "--session", "D1-WS-KPA", "--json")
    assert (code, json.loads(out)["result"]) == (0, "not_registered")


@pytest.mark.parametrize(("args", "message"), [
    (["scan", "--code", "X"], "not a day of"),
    (["scan", "--code", "X", "--day", "2022-10-21"], "2022-10-21 is not a day"),
    (["scan", "--code", "X", "--session", "NOPE"], "no session with code 'NOPE'"),
    (["admit", "--attendee", "nobody", "--day", "2022-10-19"], "no attendee 'nobody'"),
    (["event", "load", "/no/such/event.toml"], "file not found"),
    (["demo"], "already holds the event"),
])
def test_errors_are_one_clear_line_and_non_zero(db: str, capsys: pytest.CaptureFixture[str],
                                                args: list[str], message: str) -> None:
    code, out, err = run(capsys, "--db", db, *args)
    assert (code, out) == (2, "")
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_bad_dates_are_refused_by_the_parser(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--db", db, "scan", "--code", "X", "--day", "19.10.2022"])
    assert exc.value.code == 2
    assert "is not a date like 2022-10-19" in capsys.readouterr().err


def test_event_load_and_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "org.sqlite3")
    event_file = tmp_path / "event.toml"
    event_file.write_text(
        '[event]\nid = "szkolenie-2023"\nname = "Szkolenie sekretarzy — Łódź"\n'
        '[[days]]\ndate = 2023-03-02\n'
        '[[sessions]]\ncode = "WS1"\nday = 2023-03-02\ntitle = "Warsztat KPA"\nstarts = "10:00"\nends = "12:00"\n'
        'capacity = 20\nkind = "workshop"\n', encoding="utf-8")
    assert run(capsys, "--db", db, "event", "load", str(event_file))[0] == 0
    code, out, _ = run(capsys, "--db", db, "event", "show", "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["name"] == "Szkolenie sekretarzy — Łódź"
    assert shown["sessions"][0] | {"starts": "10:00", "capacity": 20} == shown["sessions"][0]


def test_event_file_errors_name_the_entry_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[event]\nid = "x"\nname = "X"\n[[days]]\ndate = 2023-03-02\n'
                   '[[sessions]]\ncode = "WS1"\nday = 2023-03-05\n', encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "x.sqlite3"), "event", "load", str(bad))
    assert code == 2
    assert "[[sessions]] #1 (WS1): day 2023-03-05 is not one of the event's [[days]]" in err
