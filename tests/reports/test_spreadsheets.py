# SPDX-License-Identifier: MIT
"""The coordinator opens the exports in Excel: read them back as Excel would."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import time
from pathlib import Path

import openpyxl
import pytest
from reportdata import DAY1, EVIL_ORG, Congress

from checkin.reports import (
    ReportError,
    export_attendance,
    export_matrix,
    export_no_shows,
    export_sessions,
    export_summary,
)


def read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM to read Polish letters"
    text = raw[3:].decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), "rows must end with CRLF"
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_daily_csv_for_polish_excel(congress: Congress, tmp_path: Path) -> None:
    out = tmp_path / "obecnosc.csv"
    seen: list[tuple[int, int]] = []
    result = export_attendance(congress.engine, DAY1, "csv", out, delimiter=";", with_email=True,
                               progress=lambda done, total: seen.append((done, total)))
    rows = read_csv(out, ";")
    header, body = rows[0], rows[1:]
    assert header == ["Lp.", "Nazwisko", "Imię", "Instytucja", "Stanowisko", "Kategoria", "E-mail", "Data",
                      "Godzina wejścia", "Punkt rejestracji", "Sesje"]
    assert result.rows == len(body) == 4 and seen[-1] == (4, 4)
    by_name = {r[1]: dict(zip(header, r, strict=True)) for r in body}
    assert [r[1] for r in body] == ["Ćwiąkalska", "Formułowa", "Sowa", "Żółć-Ślęzak"]
    lukasz = by_name["Żółć-Ślęzak"]
    assert (lukasz["Imię"], lukasz["Godzina wejścia"], lukasz["Punkt rejestracji"]) == ("Łukasz", "09:12", "Desk 1")
    assert lukasz["Instytucja"] == "Urząd Gminy Brzęczyszczykiewice"
    assert lukasz["E-mail"] == "lukasz.zolc@example.gov.pl"
    assert by_name["Sowa"]["Sesje"] == "D1-OTW"
    evil = by_name["Formułowa"]
    assert evil["Instytucja"] == "'" + EVIL_ORG  # shown as text by Excel and LibreOffice
    assert evil["Imię"] == "'@SUMA" and evil["Stanowisko"] == "'+48 600 100 200"
    assert "Brzęczyszczykiewicz" not in {r[1] for r in body}  # check-in undone


def test_default_csv_is_comma_separated_and_quotes_commas(congress: Congress, tmp_path: Path) -> None:
    out = tmp_path / "nieobecni.csv"
    export_no_shows(congress.engine, DAY1, None, out)
    rows = read_csv(out)
    assert rows[0][:3] == ["Lp.", "Nazwisko", "Imię"] and "E-mail" not in rows[0]
    grzegorz = rows[1]
    assert grzegorz[1:4] == ["Brzęczyszczykiewicz", "Grzegorz", "Urząd Gminy Chrząszczyżewoszyce, powiat Łękołody"]
    assert [r[1] for r in rows[1:]] == ["Brzęczyszczykiewicz", "Cudny", "Śliwa"]


def test_xlsx_has_a_sheet_per_day_frozen_header_filters_and_text_not_formulas(congress: Congress,
                                                                              tmp_path: Path) -> None:
    out = tmp_path / "obecnosc.xlsx"
    export_attendance(congress.engine, None, None, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["2022-10-19", "2022-10-20"] and "Podsumowanie" in wb.sheetnames
    ws = wb["2022-10-19"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:J5"
    assert ws.column_dimensions["C"].width >= len("Instytucja")
    assert ws.column_dimensions["D"].width >= len("Urząd Gminy Brzęczyszczykiewice")
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["Ćwiąkalska", "Formułowa", "Sowa", "Żółć-Ślęzak"]
    lukasz = rows[3]
    assert lukasz[7] == time(9, 12) and lukasz[8] == "Desk 1"
    evil_org = ws.cell(row=3, column=4)
    assert evil_org.value == EVIL_ORG and evil_org.data_type == "s" and evil_org.quotePrefix
    evil_name = ws.cell(row=3, column=3)
    assert evil_name.value == "@SUMA" and evil_name.quotePrefix
    with zipfile.ZipFile(out) as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml, "no cell may be stored as a formula"
    summary = {str(r[0])[:10]: r for r in wb["Podsumowanie"].iter_rows(min_row=2, values_only=True)}
    assert summary["2022-10-19"][2:5] == (7, 4, 3)  # registered, present, no-shows


def test_session_and_matrix_exports(congress: Congress, tmp_path: Path) -> None:
    export_sessions(congress.engine, "D1-OTW", "xlsx", tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx")["D1-OTW"]
    assert [c.value for c in ws[2]][1:3] == ["Sowa", "Stefan"]
    assert ws.max_row == 2

    all_csv = tmp_path / "sesje.csv"
    export_sessions(congress.engine, None, "csv", all_csv)
    rows = read_csv(all_csv)
    assert [r[1] for r in rows[1:]] == ["Sowa"]  # one admission across every session

    export_matrix(congress.engine, "csv", tmp_path / "m.csv")
    rows = read_csv(tmp_path / "m.csv")
    header = rows[0]
    assert header[6:8] == ["19.10.2022", "20.10.2022"] and "D1-OTW" in header
    by_name = {r[1]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert "Anulowana" not in by_name
    assert (by_name["Żółć-Ślęzak"]["19.10.2022"], by_name["Żółć-Ślęzak"]["20.10.2022"]) == ("X", "X")
    assert by_name["Sowa"]["D1-OTW"] == "X" and by_name["Sowa"]["Sesje"] == "1"
    assert by_name["Brzęczyszczykiewicz"]["19.10.2022"] == ""
    assert by_name["Żółć-Ślęzak"]["Dni"] == "2"

    export_matrix(congress.engine, "xlsx", tmp_path / "m.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "m.xlsx")
    assert wb.sheetnames == ["Obecność", "Sesje"] and wb["Obecność"].freeze_panes == "A2"


def test_summary_json_and_csv(congress: Congress, tmp_path: Path) -> None:
    import json

    export_summary(congress.engine, "json", tmp_path / "s.json")
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert data["timezone"] == "Europe/Warsaw"
    assert data["days"][0] == {"day": "2022-10-19", "label": "Dzień 1 — środa", "registered": 7, "present": 4,
                               "no_shows": 3, "present_unregistered": 0}
    assert {"day": "2022-10-19", "hour": "09:00", "arrivals": 3} in data["arrivals"]
    export_summary(congress.engine, "csv", tmp_path / "s.csv", delimiter=";")
    rows = read_csv(tmp_path / "s.csv", ";")
    assert rows[0] == ["Podsumowanie"] and ["Punkty rejestracji"] in rows


def test_bad_requests_are_refused_without_touching_an_existing_file(congress: Congress, tmp_path: Path) -> None:
    folder = tmp_path / "eksport"
    folder.mkdir()
    out = folder / "lista.pdf"
    out.write_bytes(b"earlier export")
    with pytest.raises(ReportError, match="made per day: add --day"):
        export_attendance(congress.engine, None, None, out)
    with pytest.raises(ReportError, match="format 'docx'"):
        export_attendance(congress.engine, DAY1, "docx", out)
    with pytest.raises(ReportError, match="2022-10-25 is not a day"):
        export_attendance(congress.engine, DAY1.replace(day=25), "pdf", out)
    with pytest.raises(ReportError, match=r"folder .* does not exist"):
        export_attendance(congress.engine, DAY1, "csv", tmp_path / "nie-ma" / "a.csv")
    assert out.read_bytes() == b"earlier export"
    assert sorted(p.name for p in folder.iterdir()) == ["lista.pdf"]  # no temporary files left behind


def test_an_export_that_fails_half_way_leaves_the_previous_file(congress: Congress, tmp_path: Path) -> None:
    out = tmp_path / "obecnosc.xlsx"
    out.write_bytes(b"yesterday's export")

    def interrupted(done: int, total: int) -> None:
        raise OSError("disk full")

    for fmt in ("xlsx", "csv"):
        with pytest.raises(OSError, match="disk full"):
            export_attendance(congress.engine, DAY1, fmt, out, progress=interrupted)
    assert out.read_bytes() == b"yesterday's export"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
