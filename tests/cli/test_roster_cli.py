# SPDX-License-Identifier: MIT
"""The organiser's command line: `checkin demo`, `checkin import`, `checkin attendees`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checkin.cli import main
from tests.conftest import ROOT

DEMO_ROSTER = ROOT / "resources" / "demo" / "roster.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "desk.sqlite3")
    code, out, _ = run(capsys, "--db", db, "demo")
    assert code == 0 and "420 attendees" in out
    return db


def test_demo_then_accent_insensitive_search(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "attendees", "--search", "lukasz zolc", "--json")
    assert code == 0
    [lukasz] = json.loads(out)
    assert (lukasz["first_name"], lukasz["last_name"], lukasz["external_ref"]) == ("Łukasz", "Żółć-Ślęzak",
                                                                                   "KS22-1000")
    assert set(lukasz) >= {"id", "organisation", "position", "category", "email", "status", "days", "sessions"}
    code, out, _ = run(capsys, "--db", demo_db, "attendees", "--search", "ŻÓŁĆ")
    assert code == 0 and "Łukasz Żółć-Ślęzak" in out and "Urząd Gminy Brzęczyszczykiewice" in out


def test_listing_by_category_with_todays_check_ins(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "attendees", "--category", "Prelegent", "--limit", "500", "--json")
    speakers = json.loads(out)
    assert code == 0 and len(speakers) == 24 and {s["category"] for s in speakers} == {"speaker"}
    run(capsys, "--db", demo_db, "admit", "--attendee", "KS22-1000", "--day", "2022-10-19")
    code, out, _ = run(capsys, "--db", demo_db, "attendees", "--search", "lukasz zolc", "--day", "2022-10-19")
    assert code == 0 and re.search(r"Łukasz Żółć-Ślęzak .* participant active  \d\d:\d\d$", out.strip())
    code, out, _ = run(capsys, "--db", demo_db, "attendees", "--search", "KS22-1001", "--day", "2022-10-19")
    assert out.strip().endswith("active  -")
    code, _, err = run(capsys, "--db", demo_db, "attendees", "--category", "Kierowca")
    assert code == 2 and '--category: "Kierowca" is not a category' in err


def test_import_dry_run_lists_changes_then_import_applies_them(demo_db: str, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    lines = DEMO_ROSTER.read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace("Sekretarz Gminy", "Zastępca Wójta")
    del lines[2]  # KS22-1001 withdrew
    changed = tmp_path / "lista-v2.csv"
    changed.write_text("\n".join(lines) + "\n", encoding="cp1250")

    code, out, _ = run(capsys, "--db", demo_db, "import", str(changed), "--dry-run")
    assert code == 0
    assert "418 unchanged, 1 cancelled" in out and "(dry run: nothing was written)" in out
    assert "update     KS22-1000 Łukasz Żółć-Ślęzak (row 2): position 'Sekretarz Gminy' -> 'Zastępca Wójta'" in out
    assert "cancel     KS22-1001 Małgorzata Brzęczyszczykiewicz-Wójcik" in out

    code, out, _ = run(capsys, "--db", demo_db, "import", str(changed), "--json")
    report = json.loads(out)
    assert code == 0 and (report["updated"], report["cancelled"], report["dry_run"]) == (1, 1, False)
    code, out, _ = run(capsys, "--db", demo_db, "import", str(changed), "--keep-missing")
    assert code == 0 and "0 added, 0 updated, 419 unchanged, 0 cancelled" in out
    code, out, _ = run(capsys, "--db", demo_db, "attendees", "--status", "cancelled", "--json")
    assert [a["external_ref"] for a in json.loads(out)] == ["KS22-1001"]


def test_import_with_mapping_and_sheet(demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Dopisani"
    ws.append(["Imię", "Nazwisko", "Kolumna X"])
    ws.append(["Zenon", "Źdźbło", "Urząd Gminy Żółkiewka"])
    path = tmp_path / "dopisani.xlsx"
    wb.save(path)
    code, out, _ = run(capsys, "--db", demo_db, "import", str(path), "--sheet", "Dopisani", "--keep-missing",
                       "--map", "Kolumna X=organisation")
    assert code == 0 and "1 added" in out
    code, out, _ = run(capsys, "--db", demo_db, "attendees", "--search", "zdzblo")
    assert "Zenon Źdźbło" in out and "Urząd Gminy Żółkiewka" in out


def test_bad_file_is_one_clear_error_and_exit_2(demo_db: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "zla.csv"
    path.write_text("Imię;Nazwisko;E-mail\nJan;Kowalski;jan.kowalski@\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", demo_db, "import", str(path))
    assert code == 2 and out == ""
    assert err.startswith("checkin: error: zla.csv: 1 problem found, nothing was imported")
    assert 'row 2, field "E-mail": "jan.kowalski@" is not an e-mail address' in err
    assert "Traceback" not in err
    with pytest.raises(SystemExit) as exited:  # argparse refuses a malformed --map before anything runs
        main(["--db", demo_db, "import", str(path), "--map", "Kolumna"])
    assert exited.value.code == 2 and "'Kolumna' is not COLUMN=FIELD" in capsys.readouterr().err
    code, out, _ = run(capsys, "--db", demo_db, "attendees", "--limit", "1000", "--json")
    assert len(json.loads(out)) == 420
