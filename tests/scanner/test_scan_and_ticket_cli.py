# SPDX-License-Identifier: MIT
"""The organiser and a volunteer at the terminal: keys, tickets, re-issue and `checkin scan`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import cv2
import pytest
from sqlalchemy import Engine

from checkin.cli import main
from checkin.domain.models import Attendee
from checkin.scanner.synth import webcam_frame
from tests.conftest import AddAttendee


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def roster(event_engine: Engine, add_attendee: AddAttendee) -> list[Attendee]:
    return [add_attendee(external_ref="KS22-0001", email="lukasz@ug.example.pl"),
            add_attendee("Agnieszka", "Wójcik-Łączyńska", external_ref="KS22-0002")]


def test_organiser_makes_a_key_issues_tickets_and_a_volunteer_scans_a_photo(
    tmp_path: Path, db_path: Path, roster: list[Attendee], capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    key = tmp_path / "organizator.key"
    code, out, _ = _run(capsys, "--db", db, "keys", "generate", "--out", str(key))
    assert code == 0 and len(out.strip()) == 8  # the key id
    key_id = out.strip()
    code, out, _ = _run(capsys, "--db", db, "keys", "list", "--json")
    assert [(k["key_id"], k["active"]) for k in json.loads(out)] == [(key_id, True)]

    code, out, _ = _run(capsys, "--db", db, "tickets", "--key", str(key), "--out", str(tmp_path / "bilety"))
    assert code == 0 and "2 tickets written" in out
    rows = list(csv.DictReader((tmp_path / "bilety" / "tickets.csv").open(encoding="utf-8-sig")))
    lukasz = next(r for r in rows if r["external_ref"] == "KS22-0001")

    photo = tmp_path / "zdjęcie biletu.jpg"
    cv2.imwrite(str(photo), webcam_frame(lukasz["code"], condition="tilt", seed=5))
    code, out, _ = _run(capsys, "--db", db, "scan", "--image", str(photo), "--day", "2022-10-19", "--json")
    assert code == 0
    [decision] = [json.loads(line) for line in out.splitlines()]
    assert decision["result"] == "accepted" and decision["attendee"]["last_name"] == "Żółć-Ślęzak"
    assert decision["checkpoint"]["day"] == "2022-10-19" and decision["scan_id"]
    assert 0 < decision["decode_ms"] <= decision["total_ms"]

    code, out, _ = _run(capsys, "--db", db, "scan", "--code", lukasz["code"], "--day", "2022-10-19")
    assert out.startswith("DUPLICATE: Łukasz Żółć-Ślęzak")


def test_lost_ticket_is_reissued_and_the_old_code_refused(
    tmp_path: Path, db_path: Path, roster: list[Attendee], capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    key = tmp_path / "org.key"
    _run(capsys, "--db", db, "keys", "generate", "--out", str(key))
    _run(capsys, "--db", db, "tickets", "--key", str(key), "--out", str(tmp_path / "stare"))
    old = next(r for r in csv.DictReader((tmp_path / "stare" / "tickets.csv").open(encoding="utf-8-sig"))
               if r["external_ref"] == "KS22-0002")["code"]

    code, out, _ = _run(capsys, "--db", db, "tickets", "reissue", "--attendee", "KS22-0002", "--key", str(key),
                        "--out", str(tmp_path / "nowe"))
    assert code == 0 and "old code is now rejected" in out
    new = next(csv.DictReader((tmp_path / "nowe" / "tickets.csv").open(encoding="utf-8-sig")))["code"]
    assert new != old

    _, out, _ = _run(capsys, "--db", db, "scan", "--code", old, "--code", new, "--day", "2022-10-19", "--json")
    first, second = (json.loads(line) for line in out.splitlines())
    assert (first["result"], first["reason"]) == ("cancelled", "ticket_reissued")
    assert second["result"] == "accepted" and second["attendee"]["first_name"] == "Agnieszka"


def test_folder_and_video_scans_print_one_object_per_decision(
    tmp_path: Path, db_path: Path, roster: list[Attendee], capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    key = tmp_path / "org.key"
    _run(capsys, "--db", db, "keys", "generate", "--out", str(key))
    _run(capsys, "--db", db, "tickets", "--key", str(key), "--out", str(tmp_path / "t"))
    codes = [r["code"] for r in csv.DictReader((tmp_path / "t" / "tickets.csv").open(encoding="utf-8-sig"))]
    folder = tmp_path / "klatki"
    folder.mkdir()
    for i, text in enumerate([codes[0], codes[0], None, codes[1]]):
        cv2.imwrite(str(folder / f"{i:02d}.jpg"), webcam_frame(text, condition="noise", seed=i))
    code, out, _ = _run(capsys, "--db", db, "scan", "--folder", str(folder), "--session", "D1-OTW", "--json")
    decisions = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(decisions) == 2, "two frames of the same ticket are one scan"
    assert {d["checkpoint"]["session"] for d in decisions} == {"D1-OTW"}
    assert all(set(d) >= {"result", "attendee", "checkpoint", "scan_id", "decode_ms", "total_ms"}
               for d in decisions)


def test_scan_errors_are_one_clear_line(
    tmp_path: Path, db_path: Path, roster: list[Attendee], capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    code, _, err = _run(capsys, "--db", db, "scan", "--folder", str(tmp_path / "brak"), "--day", "2022-10-19")
    assert code == 2 and err.strip() == f"checkin: error: folder {tmp_path / 'brak'} does not exist"
    code, _, err = _run(capsys, "--db", db, "scan", "--camera", "9", "--day", "2022-10-19")
    assert code == 2 and "camera 9 could not be opened" in err and "Traceback" not in err
    code, _, err = _run(capsys, "--db", db, "scan", "--image", str(tmp_path), "--decoder", "zbarr",
                        "--day", "2022-10-19")
    assert code == 2 and "unknown decoder 'zbarr'" in err
    code, _, err = _run(capsys, "--db", db, "tickets", "--key", str(tmp_path / "brak.key"), "--out", str(tmp_path))
    assert code == 2 and "signing key" in err and "not found" in err
    key = tmp_path / "unregistered.key"
    from checkin.tickets.keys import generate_keypair

    generate_keypair(key)
    code, _, err = _run(capsys, "--db", db, "tickets", "--key", str(key), "--out", str(tmp_path / "x"))
    assert code == 2 and "desks would reject these tickets" in err
