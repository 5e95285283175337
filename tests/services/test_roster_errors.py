# SPDX-License-Identifier: MIT
"""A bad roster file is refused with a message that says where and what, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from checkin.services.roster import RosterError, import_roster
from tests.services.test_roster_import import (
    EVENT,
    GRAZYNA,
    JOZEF,
    LUKASZ,
    PL_HEADER,
    make_xlsx,
    pl_rows,
    snapshot,
    write_text,
)


@pytest.fixture
def refuse(event_engine: Engine, tmp_path: Path) -> Callable[..., RosterError]:
    """Import a file that must fail over an existing roster; prove the database did not change."""
    import_roster(event_engine, EVENT, write_text(tmp_path / "first.csv", pl_rows(LUKASZ, JOZEF)))
    before = snapshot(event_engine)

    def run(path: Path, **kwargs: object) -> RosterError:
        with pytest.raises(RosterError) as caught:
            import_roster(event_engine, EVENT, path, **kwargs)  # type: ignore[arg-type]
        assert snapshot(event_engine) == before
        return caught.value

    return run


def test_missing_name_column(refuse: Callable[..., RosterError], tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", ["Imię;Instytucja;E-mail", "Łukasz;Urząd Gminy;l@example.pl"])
    err = refuse(path)
    assert 'the file has no last name column (columns found: "Imię", "Instytucja", "E-mail")' in str(err)
    assert str(err).startswith("lista.csv: 1 problem found, nothing was imported")


def test_duplicate_registration_ids_name_both_rows(refuse: Callable[..., RosterError], tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", pl_rows(LUKASZ, GRAZYNA, JOZEF.replace("KS-3;", "KS-1;")))
    err = refuse(path)
    assert [str(e) for e in err.errors] == [
        'row 4, field "Nr zgłoszenia": "KS-1" is also the registration id of row 2; registration ids must be unique'
    ]


def test_duplicate_ticket_codes(refuse: Callable[..., RosterError], tmp_path: Path) -> None:
    err = refuse(write_text(tmp_path / "lista.csv", pl_rows(LUKASZ, GRAZYNA.replace("T-0002", "t-0001"))))
    assert 'row 3, field "Kod biletu": "t-0001" is also the ticket code of row 2' in str(err)


def test_same_email_without_registration_ids(refuse: Callable[..., RosterError], tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", ["Imię;Nazwisko;E-mail", "Anna;Nowak;sekretariat@gmina.pl",
                                               "Jan;Kowalski;Sekretariat@gmina.pl"])
    assert 'row 3, field "E-mail": "Sekretariat@gmina.pl" is also the e-mail of row 2' in str(refuse(path))


def test_broken_encoding(refuse: Callable[..., RosterError], tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_bytes("Imię;Nazwisko\r\nŁukasz;Żółć\r\n".encode("cp1250") + b"Jan;Kowal\x98ski\r\n")
    assert str(refuse(path)) == (
        "lista.csv: line 3 contains byte 0x98, which is neither UTF-8 nor Windows-1250 text; the file is damaged "
        "or in another encoding; in Excel use File > Save As > CSV UTF-8")


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\r\n \r\n"])
def test_empty_file(refuse: Callable[..., RosterError], tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "lista.csv"
    path.write_bytes(content)
    assert str(refuse(path)) == "lista.csv is empty; export the attendee list with a header row"


def test_header_only(refuse: Callable[..., RosterError], tmp_path: Path) -> None:
    err = refuse(write_text(tmp_path / "lista.csv", [PL_HEADER, ";;;;;;;;;;"]))
    assert "row 1: lista.csv has a header row but no attendees below it" in str(err)


def test_row_errors_name_row_field_and_value(refuse: Callable[..., RosterError], tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", pl_rows(
        LUKASZ,
        GRAZYNA.replace("grazyna@example.gov.pl", "jan.kowalski@"),
        JOZEF.replace("Partner", "Wystawca VIP").replace(";;D2-WS-LIDER", ";21.10.2022;D2-WS-XXX"),
        "KS-4;;Nowak;;;;;;;;",
    ))
    messages = [str(e) for e in refuse(path).errors]
    assert messages[0] == 'row 3, field "E-mail": "jan.kowalski@" is not an e-mail address'
    assert messages[1].startswith('row 4, field "Kategoria": "Wystawca VIP" is not a category; use one of: '
                                  "Uczestnik/participant, Prelegent/speaker, Partner/partner")
    assert messages[2] == 'row 4, field "Dni": "2022-10-21" is not a day of the event (2022-10-19, 2022-10-20)'
    assert messages[3].startswith('row 4, field "Sesje": "D2-WS-XXX" is not a session code of the event (codes: ')
    assert messages[4] == 'row 5, field "Imię": empty; every attendee needs a first name'
    assert len(messages) == 5


def test_one_bad_row_in_a_thousand_imports_nothing(refuse: Callable[..., RosterError], tmp_path: Path) -> None:
    rows = [f"N-{i};Jan{i};Kowalski;Urząd Gminy Ząbki;;jan{i}@example.pl;;;;;" for i in range(1000)]
    rows[736] = rows[736].replace("@example.pl", "example.pl")
    err = refuse(write_text(tmp_path / "lista.csv", pl_rows(*rows)))
    assert [e.row for e in err.errors] == [738]


def test_many_errors_are_counted_and_the_first_twenty_listed(refuse: Callable[..., RosterError],
                                                            tmp_path: Path) -> None:
    rows = [f"N-{i};Jan;Kowalski{i};;;zly-adres-{i};;;;;" for i in range(25)]
    err = refuse(write_text(tmp_path / "lista.csv", pl_rows(*rows)))
    assert len(err.errors) == 25
    lines = str(err).splitlines()
    assert lines[0].startswith("lista.csv: 25 problems found, nothing was imported")
    assert len(lines) == 1 + 20 + 1 and lines[-1] == "  ... and 5 more"


def test_wrong_kinds_of_file(refuse: Callable[..., RosterError], tmp_path: Path) -> None:
    pdf = tmp_path / "lista.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert "'.pdf' files are not rosters; give a .csv or .xlsx file" in str(refuse(pdf))
    xls = tmp_path / "lista.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert "old Excel 97-2003 workbooks (.xls) cannot be read" in str(refuse(xls))
    broken = tmp_path / "lista.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert str(refuse(broken)).startswith("lista.xlsx cannot be read as an Excel workbook")
    binary = tmp_path / "zdjecie.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    assert "is not a text file" in str(refuse(binary))
    assert "file not found" in str(refuse(tmp_path / "nie-ma.csv"))


def test_missing_sheet(refuse: Callable[..., RosterError], tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "lista.xlsx", [["Imię", "Nazwisko"], ["Józef", "Chrząszcz"]])
    assert str(refuse(path, sheet="Arkusz2")) == 'lista.xlsx has no sheet "Arkusz2" (sheets: "Uczestnicy")'


def test_bad_explicit_mapping(refuse: Callable[..., RosterError], tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", ["Imię;Nazwisko;Urząd", "Józef;Chrząszcz;UG Ząbki"])
    err = refuse(path, mapping={"Urzad": "instytucja", "Kolumna Q": "notes", "Imię": "shoe_size"})
    messages = [str(e) for e in err.errors]
    assert messages[0] == 'row 1, field "Kolumna Q": no such column in the file (columns: "Imię", "Nazwisko", "Urząd")'
    assert messages[1].startswith('row 1, field "Imię": "shoe_size" is not a field; map columns to one of: ')
