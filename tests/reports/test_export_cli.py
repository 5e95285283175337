# SPDX-License-Identifier: MIT
"""The organiser exports from the command line after day one: `checkin export ...`."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from reportdata import Congress, pdftotext

from checkin.cli import main


def run(capsys: pytest.CaptureFixture[str], congress: Congress, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(congress.engine.url.database), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_every_export_command_writes_its_file(congress: Congress, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    csv_out = tmp_path / "obecnosc-2022-10-19.csv"
    code, out, err = run(capsys, congress, "export", "attendance", "--day", "2022-10-19", "--format", "csv",
                         "--out", str(csv_out), "--delimiter", ";")
    assert (code, err) == (0, "")
    assert out.strip() == f"Wrote attendance for 2022-10-19: 4 row(s) to {csv_out}"
    assert csv_out.read_text(encoding="utf-8-sig").splitlines()[0].startswith("Lp.;Nazwisko;Imię;")

    code, out, _ = run(capsys, congress, "export", "attendance", "--day", "2022-10-19", "--out",
                       str(tmp_path / "lista.pdf"), "--json")
    assert code == 0 and json.loads(out) == {"path": str(tmp_path / "lista.pdf"), "format": "pdf", "rows": 4,
                                             "pages": 1}

    cases = [
        (["sessions", "--session", "D1-OTW", "--format", "xlsx"], "s.xlsx"),
        (["sessions", "--format", "pdf"], "s.pdf"),
        (["matrix"], "m.xlsx"),
        (["no-shows", "--day", "2022-10-19", "--with-email"], "n.csv"),
        (["certificate", "--attendee", "KS22-1000", "--lang", "en"], "c.pdf"),
        (["summary", "--format", "json"], "summary.json"),
    ]
    for args, name in cases:
        code, out, err = run(capsys, congress, "export", *args, "--out", str(tmp_path / name))
        assert (code, err) == (0, ""), (args, err)
        assert (tmp_path / name).stat().st_size > 0 and str(tmp_path / name) in out
    assert "CERTIFICATE OF ATTENDANCE" in pdftotext(tmp_path / "c.pdf")  # --lang en reached the certificate
    assert openpyxl.load_workbook(tmp_path / "m.xlsx")["Obecność"].max_row == 9  # header + 8 people
    assert json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))["days"][0]["present"] == 4


@pytest.mark.parametrize(("args", "message"), [
    (["attendance", "--out", "x.pdf"], "the PDF attendance list is made per day: add --day, e.g. --day 2022-10-19"),
    (["attendance", "--day", "2022-10-21", "--out", "x.csv"], "2022-10-21 is not a day of"),
    (["attendance", "--day", "2022-10-19", "--out", "x.txt"],
     "no --format given and 'x.txt' does not end in a known extension"),
    (["sessions", "--session", "D9-XX", "--out", "x.csv"], "no session with code 'D9-XX' in this event (codes: D1-OTW"),
    (["certificate", "--attendee", "KS22-1000", "--out", "x.docx"], "a certificate is a PDF"),
    (["certificate", "--attendee", "nikt", "--out", "x.pdf"], "no attendee 'nikt'"),
])
def test_mistakes_get_one_clear_line(congress: Congress, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     args: list[str], message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, congress, "export", *args)
    assert code == 2 and out == ""
    assert err.startswith("checkin: error: ") and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not any(p.name.startswith("x.") for p in tmp_path.iterdir())


def test_unknown_delimiter_is_refused_by_the_parser(congress: Congress, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(capsys, congress, "export", "matrix", "--out", "m.csv", "--delimiter", "|")
    assert exc.value.code == 2
    assert "'|' is not a CSV delimiter" in capsys.readouterr().err
