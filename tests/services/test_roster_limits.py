# SPDX-License-Identifier: MIT
"""Roster files are read with limits: a workbook that unpacks to gigabytes, one with too many rows or
columns, or with XML that is broken or hostile (billion laughs) is refused with one clear sentence,
before memory runs out and never as "unexpected error"."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from checkin.services import roster_io
from checkin.services.roster_io import RosterFileError, read_table
from tests.services.test_roster_import import make_xlsx

PEOPLE = [["Imię", "Nazwisko", "Instytucja"],
          ["Małgorzata", "Wójcik-Jabłońska-Szczebrzeszyńska", "Urząd Marszałkowski Województwa Świętokrzyskiego"],
          ["Łukasz", "Żółć-Ślęzak", "Gmina Żółkiewka"]]


def _replace_sheet(path: Path, xml: bytes) -> Path:
    """The same workbook with its first sheet's XML replaced (as a hostile or broken tool would)."""
    out = path.with_name("edited-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, xml if item.filename == "xl/worksheets/sheet1.xml" else data)
    return out


def test_a_workbook_that_unpacks_to_far_more_than_a_roster_is_refused_before_reading(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "lista.xlsx", PEOPLE)
    padding = b"<c/>" * 3_000_000  # 12 MB of empty cells: compresses to a few kilobytes
    huge = _replace_sheet(path, b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                b"<sheetData><row r=\"1\">" + padding + b"</row></sheetData></worksheet>")
    assert huge.stat().st_size < 200_000
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(roster_io, "MAX_XLSX_UNCOMPRESSED", 5 * 2**20)
        with pytest.raises(RosterFileError) as caught:
            read_table(huge)
    assert str(caught.value).startswith("edited-lista.xlsx unpacks to 11 MB, more than the 5 MB a roster may take")
    assert read_table(path).rows[0][1][1] == "Wójcik-Jabłońska-Szczebrzeszyńska"  # a normal list still reads


def test_too_many_rows_or_columns_are_refused_with_the_limit(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(roster_io, "MAX_ROWS", 1)
    with pytest.raises(RosterFileError, match="has more than 1 rows; a roster may have at most 1 attendees"):
        read_table(make_xlsx(tmp_path / "dluga.xlsx", PEOPLE))
    monkeypatch.setattr(roster_io, "MAX_ROWS", 100)
    monkeypatch.setattr(roster_io, "MAX_COLUMNS", 2)
    with pytest.raises(RosterFileError, match="row 1 has values beyond column 2"):
        read_table(make_xlsx(tmp_path / "szeroka.xlsx", PEOPLE))


def test_broken_or_hostile_xml_gets_one_line_not_unexpected_error(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "lista.xlsx", PEOPLE)
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
                         for i in range(1, 10))
              + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    for xml in (laughs, b"<worksheet><sheetData><row r=\"1\"><c"):
        with pytest.raises(RosterFileError) as caught:
            read_table(_replace_sheet(path, xml))
        message = str(caught.value)
        assert message.startswith("edited-lista.xlsx: the workbook's XML is damaged or uses constructs")
        assert "\n" not in message
