# SPDX-License-Identifier: MIT
"""`checkin scan --exit`, `checkin presence` and the session attendance export, as an organiser types them."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from checkin.cli import main
from checkin.domain.results import Direction
from checkin.services.checkin import CheckInService
from checkin.services.event import resolve_checkpoint
from checkin.storage.db import open_database
from checkin.storage.meta import ensure_desk

DOROTA, JADWIGA = "KS2232408723", "KS2220822915"  # both registered for D1-WS-RODO (15:45–17:15)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "desk.sqlite3")
    assert run(capsys, "--db", path, "--desk", "Drzwi Moniuszko", "demo")[0] == 0
    return path


def test_scan_exit_json_says_direction_out(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--db", db, "scan", "--code", DOROTA, "--session", "D1-WS-RODO", "--json"]
    code, out, _ = run(capsys, *base)
    assert (code, json.loads(out)["direction"]) == (0, "in")
    code, out, _ = run(capsys, *base, "--exit")
    left = json.loads(out)
    assert (code, left["result"], left["reason"], left["direction"]) == (0, "accepted", "exit", "out")


def test_presence_json_and_the_session_export(db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    engine = open_database(db)
    moment = [datetime(2022, 10, 19, 13, 40, tzinfo=UTC)]  # 15:40 in Warsaw

    def clock() -> datetime:
        return moment[0]

    door = CheckInService(engine, ensure_desk(engine, "Drzwi Moniuszko"), clock=clock)
    rodo = resolve_checkpoint(engine, door.event, session_code="D1-WS-RODO")
    door.scan(DOROTA, rodo)
    moment[0] += timedelta(minutes=15)  # 15:55
    door.scan(JADWIGA, rodo)
    moment[0] += timedelta(minutes=45)  # 16:40
    door.scan(JADWIGA, rodo, direction=Direction.OUT)
    engine.dispose()

    code, out, _ = run(capsys, "--db", db, "presence", "--session", "D1-WS-RODO", "--json")
    assert code == 0
    rows = {r["last_name"]: r for r in json.loads(out)}
    assert set(rows["Andrzejewska"]) >= {"attendee_id", "first_in", "last_out", "minutes", "attended"}
    assert (rows["Andrzejewska"]["minutes"], rows["Andrzejewska"]["attended"]) == (90, True)  # closed at 17:15
    assert rows["Andrzejewska"]["last_out"] is None
    assert (rows["Malinowska"]["first_in"], rows["Malinowska"]["last_out"]) == (
        "2022-10-19T15:55:00+02:00", "2022-10-19T16:40:00+02:00")
    assert (rows["Malinowska"]["minutes"], rows["Malinowska"]["attended"]) == (45, False)

    code, out, _ = run(capsys, "--db", db, "presence", "--session", "D1-WS-RODO")
    assert code == 0 and "1 attended of 2" in out

    out_csv = tmp_path / "rodo.csv"
    code, _, err = run(capsys, "--db", db, "export", "attendance", "--session", "D1-WS-RODO", "--out", str(out_csv))
    assert code == 0, err
    with out_csv.open(encoding="utf-8-sig") as fh:
        table = list(csv.DictReader(fh))
    by_name = {r["Nazwisko"]: r for r in table}
    assert (by_name["Malinowska"]["Godzina wejścia"], by_name["Malinowska"]["Godzina wyjścia"],
            by_name["Malinowska"]["Minuty obecności"], by_name["Malinowska"]["Obecność zaliczona"]) == (
        "15:55", "16:40", "45", "nie")
    assert by_name["Andrzejewska"]["Minuty obecności"] == "90"

    matrix = tmp_path / "m.csv"
    assert run(capsys, "--db", db, "export", "matrix", "--minutes", "--out", str(matrix))[0] == 0
    with matrix.open(encoding="utf-8-sig") as fh:
        cells = {(r["Imię"], r["Nazwisko"]): r for r in csv.DictReader(fh)}  # the demo has several Malinowska
    assert (cells[("Jadwiga", "Malinowska")]["D1-WS-RODO"], cells[("Dorota", "Andrzejewska")]["D1-WS-RODO"]) == (
        "45", "90")


def test_presence_of_an_unknown_session_lists_the_codes(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", db, "presence", "--session", "NOPE")
    assert code == 2 and "no session with code 'NOPE'" in err and "D1-WS-RODO" in err


def test_door_prints_the_out_card(db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    card = tmp_path / "karta-wyjscie.pdf"
    code, out, _ = run(capsys, "--db", db, "door", "--session", "D1-WS-RODO", "--out-card", str(card), "--json")
    assert code == 0 and json.loads(out)["code"] == "CHECKIN-DOOR-OUT"
    assert card.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is needed to read the printed card back")
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(card), str(tmp_path / "card")], check=True, timeout=60)
    import cv2

    from checkin.scanner.decode import make_decoder

    found = make_decoder().decode(cv2.imread(str(tmp_path / "card-1.png")))
    assert [c.text for c in found] == ["CHECKIN-DOOR-OUT"]  # what the door flips on


def test_checkin_door_opens_the_app_in_door_mode_or_says_which_sessions_exist(db: str) -> None:
    import os
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CHECKIN_EXIT_WHEN_READY": "1"}
    base = [sys.executable, "-m", "checkin", "--db", db, "--camera", ""]
    ok = subprocess.run([*base, "door", "--session", "D1-WS-RODO", "--windowed"], capture_output=True, text=True,
                        timeout=120, env=env)
    assert ok.returncode == 0 and ok.stdout.startswith("ready"), ok.stderr
    bad = subprocess.run([*base, "--door", "D9-NOPE"], capture_output=True, text=True, timeout=120, env=env)
    assert bad.returncode == 2 and "no session with code 'D9-NOPE'" in bad.stderr and "D1-WS-RODO" in bad.stderr


def test_a_polish_door_volunteer_reads_entry_exit_and_duplicate_in_polish(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--lang", "pl", "--db", db]
    code, out, _ = run(capsys, *base, "scan", "--code", DOROTA, "--session", "D1-WS-RODO")
    assert code == 0 and "— Witamy" in out
    code, out, _ = run(capsys, *base, "scan", "--code", DOROTA, "--session", "D1-WS-RODO", "--exit")
    assert code == 0 and "— Wyjście zarejestrowane" in out and "Welcome" not in out
    run(capsys, *base, "scan", "--code", JADWIGA, "--day", "2022-10-19")
    code, out, _ = run(capsys, *base, "scan", "--code", JADWIGA, "--day", "2022-10-19")
    assert "— Osoba już zarejestrowana o " in out and ", stanowisko Drzwi Moniuszko" in out
    code, out, _ = run(capsys, "--lang", "en", "--db", db, "scan", "--code", DOROTA, "--session", "D1-WS-RODO",
                       "--exit", "--json")
    assert '"direction": "out"' in out
