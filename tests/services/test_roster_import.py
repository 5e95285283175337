# SPDX-License-Identifier: MIT
"""A coordinator imports the attendee list in whatever form the registration office sends it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import Engine, select

from checkin.domain.models import Attendee
from checkin.services.roster import import_roster, read_roster
from checkin.services.roster_merge import _search_key
from checkin.storage import tables as t
from checkin.storage.attendees import search, search_key_for, to_attendee
from tests.conftest import DAY1, DAY2, ROOT

EVENT = "kongres-sekretarzy-2022"
DEMO_ROSTER = ROOT / "resources" / "demo" / "roster.csv"
PL_HEADER = "Nr zgłoszenia;Imię;Nazwisko;Instytucja;Stanowisko;E-mail;Telefon;Kategoria;Dni;Sesje;Kod biletu"


def write_text(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def pl_rows(*rows: str) -> list[str]:
    return [PL_HEADER, *rows]


LUKASZ = ("KS-1;Łukasz;Żółć-Ślęzak;Urząd Gminy Brzęczyszczykiewice;Sekretarz Gminy;lukasz@example.gov.pl;"
          "+48 600 100 200;Uczestnik;2022-10-19, 2022-10-20;D1-WS-KPA;T-0001")
GRAZYNA = ("KS-2;Grażyna;Wąsowska-Źrebiec;Starostwo Powiatowe w Łęcznej;Skarbnik;grazyna@example.gov.pl;;"
           "Prelegent;19.10.2022;;T-0002")
JOZEF = "KS-3;Józef;Chrząszcz;Urząd Miasta i Gminy Końskie;Wójt;jozef@example.gov.pl;;Partner;;D2-WS-LIDER;T-0003"


def attendees(engine: Engine) -> dict[str, Attendee]:
    """Everyone stored, by registration id (or name for people without one)."""
    with engine.connect() as conn:
        rows = conn.execute(select(t.attendee).where(t.attendee.c.event_id == EVENT)).all()
    return {(a.external_ref or a.full_name): a for a in map(to_attendee, rows)}


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every roster-related row, to prove that a refused import changed nothing at all."""
    out = {}
    with engine.connect() as conn:
        for table in (t.attendee, t.ticket, t.attendee_change, t.outbox):
            out[table.name] = sorted(tuple(map(str, r)) for r in conn.execute(select(table)))
    return out


def test_demo_roster_utf8_bom_semicolons_polish_headers(event_engine: Engine) -> None:
    report = import_roster(event_engine, EVENT, DEMO_ROSTER)
    assert (report.added, report.updated, report.cancelled) == (420, 0, 0)
    assert report.source == "UTF-8 with BOM text, semicolon-separated"
    assert report.warnings == []
    people = attendees(event_engine)
    lukasz = people["KS22-1000"]
    assert (lukasz.first_name, lukasz.last_name) == ("Łukasz", "Żółć-Ślęzak")
    assert lukasz.organisation == "Urząd Gminy Brzęczyszczykiewice"
    assert lukasz.days == ()  # both days written out = registered for the whole event
    assert lukasz.external_code == "KS2214983908" and len(lukasz.ticket_id) == 32
    assert people["KS22-1001"].category == "speaker" and people["KS22-1001"].sessions == ("D2-WS-ZAMOW",)
    assert {a.category for a in people.values()} == {"participant", "speaker", "partner", "media", "organiser"}
    with event_engine.connect() as conn:
        assert [a.full_name for a in search(conn, EVENT, "lukasz zolc")] == ["Łukasz Żółć-Ślęzak"]
        tickets = {r.attendee_id for r in conn.execute(select(t.ticket))}
        outbox = [r.ref_id for r in conn.execute(select(t.outbox).where(t.outbox.c.kind == "attendee"))]
        changes = conn.execute(select(t.attendee_change)).all()
    assert tickets == {a.id for a in people.values()}
    assert sorted(outbox) == sorted(a.id for a in people.values())
    assert {c.fields["origin"] for c in changes} == {"import"} and len(changes) == 420


def test_windows_1250_file_from_polish_excel(event_engine: Engine, tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", [
        "Imię;Nazwisko;Urząd;Funkcja;Adres e-mail;Typ uczestnika;Dzień;Warsztaty",
        "Łukasz;Żółć-Ślęzak;Urząd Gminy Brzęczyszczykiewice;Sekretarz;lukasz@example.gov.pl;Gość;19.10.2022;"
        "d1-ws-kpa",
        "Źdźisława;Ćwiąkalska;Starostwo Powiatowe w Łęcznej;Skarbnik;zdzislawa@example.gov.pl;Obsługa;;",
    ], encoding="cp1250")
    assert "Ż".encode("cp1250") in path.read_bytes()  # really a Windows-1250 file, not UTF-8
    report = import_roster(event_engine, EVENT, path)
    assert report.added == 2 and report.source == "Windows-1250 text, semicolon-separated"
    people = attendees(event_engine)
    lukasz = people["Łukasz Żółć-Ślęzak"]
    assert lukasz.organisation == "Urząd Gminy Brzęczyszczykiewice" and lukasz.position == "Sekretarz"
    assert (lukasz.category, lukasz.days, lukasz.sessions) == ("guest", (DAY1,), ("D1-WS-KPA",))
    assert people["Źdźisława Ćwiąkalska"].category == "staff"


def test_utf8_commas_english_headers_quoted_values(event_engine: Engine, tmp_path: Path) -> None:
    path = write_text(tmp_path / "export.csv", [
        "Registration ID,First name,Surname,Company,Job title,Email,Phone,Type,Days,Workshops,Barcode,Notes",
        'R-7,Anna,Nowak,"Urząd Miasta Łodzi, Wydział Organizacyjny",Inspektor,anna@example.pl,600100200,'
        'Speaker,"2022-10-19; 2022-10-20","D1-WS-RODO|D2-WS-ZAMOW",B-7,"wegetarianka,\ndojazd własny"',
    ])
    report = import_roster(event_engine, EVENT, path)
    assert report.added == 1 and report.source == "UTF-8 text, comma-separated"
    anna = attendees(event_engine)["R-7"]
    assert anna.organisation == "Urząd Miasta Łodzi, Wydział Organizacyjny"
    assert anna.category == "speaker" and anna.external_code == "B-7" and anna.phone == "600100200"
    assert anna.days == () and anna.sessions == ("D1-WS-RODO", "D2-WS-ZAMOW")
    assert anna.notes == "wegetarianka,\ndojazd własny"


def test_tab_separated_with_one_full_name_column(event_engine: Engine, tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.txt", [
        "Imię i nazwisko\tInstytucja\tE-mail",
        "Anna Maria Nowak-Kowalska\tUrząd Gminy Żółkiewka\tanna.maria@example.pl",
        "Kowalski, Jan\tUrząd Gminy Żółkiewka\tjan@example.pl",
    ])
    report = import_roster(event_engine, EVENT, path)
    assert report.source == "UTF-8 text, tab-separated"
    people = {a.email: a for a in attendees(event_engine).values()}
    assert (people["anna.maria@example.pl"].first_name, people["anna.maria@example.pl"].last_name) == \
        ("Anna Maria", "Nowak-Kowalska")
    assert (people["jan@example.pl"].first_name, people["jan@example.pl"].last_name) == ("Jan", "Kowalski")


def make_xlsx(path: Path, rows: list[list[Any]], sheet: str = "Uczestnicy", first_sheet: str | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    if first_sheet:  # a cover sheet before the list, as offices like to add
        ws.title = first_sheet
        ws.append(["Lista uczestników — wersja robocza"])
        ws = wb.create_sheet(sheet)
    else:
        ws.title = sheet
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_xlsx_with_real_dates_and_numbers(event_engine: Engine, tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "lista.xlsx", [
        ["Nr zgłoszenia", "Imię", "Nazwisko", "Jednostka", "Telefon", "Kategoria", "Dni", "Kod biletu"],
        [1001, "Łukasz", "Żółć-Ślęzak", "Urząd Gminy Brzęczyszczykiewice", 48600100200, "Mówca",
         datetime(2022, 10, 20), 12345678],
        [1002.0, "Grażyna", "Wąsowska", "Starostwo Powiatowe w Łęcznej", None, "Media", date(2022, 10, 19), None],
    ])
    report = import_roster(event_engine, EVENT, path)
    assert report.added == 2 and report.source == 'Excel workbook, sheet "Uczestnicy"'
    people = attendees(event_engine)
    lukasz = people["1001"]
    assert (lukasz.phone, lukasz.category, lukasz.days, lukasz.external_code) == \
        ("48600100200", "speaker", (DAY2,), "12345678")
    assert people["1002"].days == (DAY1,) and people["1002"].category == "media"


def test_xlsx_named_sheet(event_engine: Engine, tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "lista.xlsx", [["Imię", "Nazwisko"], ["Józef", "Chrząszcz"]],
                     sheet="Lista", first_sheet="Okładka")
    report = import_roster(event_engine, EVENT, path, sheet="Lista")
    assert report.added == 1 and "Józef Chrząszcz" in attendees(event_engine)


def test_explicit_mapping_overrides_and_unknown_columns_are_reported(event_engine: Engine, tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", [
        "Imię;Nazwisko;Kolumna X;Nazwa;Rozmiar koszulki",
        "Łukasz;Żółć-Ślęzak;Urząd Gminy Brzęczyszczykiewice;Sekretarz;XL",
    ])
    report = import_roster(event_engine, EVENT, path, mapping={"Kolumna X": "organisation", "nazwa": "Stanowisko"})
    lukasz = attendees(event_engine)["Łukasz Żółć-Ślęzak"]
    assert (lukasz.organisation, lukasz.position) == ("Urząd Gminy Brzęczyszczykiewice", "Sekretarz")
    assert report.warnings == ['column "Rozmiar koszulki" is not used: its heading is not known '
                               '(to use it: --map "Rozmiar koszulki=FIELD")']


def test_preview_reads_and_checks_without_a_database(tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", pl_rows(LUKASZ, GRAZYNA.replace("grazyna@example.gov.pl", "grazyna@")))
    parsed = read_roster(path)
    assert parsed.encoding == "utf-8" and parsed.delimiter == ";"
    assert parsed.columns["Instytucja"] == "organisation" and parsed.columns["Kod biletu"] == "external_code"
    assert [r.full_name for r in parsed.rows] == ["Łukasz Żółć-Ślęzak"]
    assert [str(e) for e in parsed.errors] == ['row 3, field "E-mail": "grazyna@" is not an e-mail address']
    assert parsed.to_json()["valid_rows"] == 1


@pytest.mark.parametrize("header", ["IMIE", "imię", "First Name", "Imie"])
def test_header_spelling_does_not_matter(tmp_path: Path, header: str) -> None:
    path = write_text(tmp_path / "a.csv", [f"{header},NAZWISKO", "Łukasz,Żółć"])
    assert read_roster(path).columns == {header: "first_name", "NAZWISKO": "last_name"}


@given(st.text(alphabet=st.sampled_from("aAłŁżŻóÓ ĄęŚ\t\n\x1c-.@1ßøÆ\u00a0\u0301İ"), max_size=30)
               | st.text(max_size=30))
def test_fast_search_keys_equal_the_storage_definition(text: str) -> None:
    values = {"first_name": text, "last_name": text.upper(), "email": text.encode("ascii", "ignore").decode()}
    assert _search_key(values) == search_key_for(values)


def test_progress_is_reported_up_to_done(event_engine: Engine, tmp_path: Path) -> None:
    rows = [f"N-{i};Jan;Kowalski{i};;;;;;;;" for i in range(2500)]
    seen: list[tuple[int, int]] = []
    import_roster(event_engine, EVENT, write_text(tmp_path / "lista.csv", pl_rows(*rows)),
                  progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (1000, 5000) and seen[-1] == (5000, 5000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_name_and_surname_columns_mean_first_and_last_name(tmp_path: Path) -> None:
    parsed = read_roster(write_text(tmp_path / "export.csv", ["Name,Surname,Email", "Łukasz,Żółć,l@example.pl"]))
    assert parsed.columns == {"Name": "first_name", "Surname": "last_name", "Email": "email"}
    assert [(r.first_name, r.last_name) for r in parsed.rows] == [("Łukasz", "Żółć")]


def test_xlsx_with_a_wrong_dimension_record_loses_no_rows(event_engine: Engine, tmp_path: Path) -> None:
    import zipfile

    good = make_xlsx(tmp_path / "good.xlsx", [["Imię", "Nazwisko"]] + [["Jan", f"Kowalski{i}"] for i in range(30)])
    bad = tmp_path / "lista.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b'<dimension ref="A1:B31" />' in data
                data = data.replace(b'<dimension ref="A1:B31" />', b'<dimension ref="A1:B3" />')
            dst.writestr(item, data)
    assert import_roster(event_engine, EVENT, bad).added == 30


def test_excel_sep_hint_line(tmp_path: Path) -> None:
    parsed = read_roster(write_text(tmp_path / "lista.csv", ["sep=;", "Imię;Nazwisko;Uwagi", "Jan;Kowalski;a, b"]))
    assert parsed.delimiter == ";" and [(r.last_name, r.notes) for r in parsed.rows] == [("Kowalski", "a, b")]
    assert parsed.rows[0].row == 3
