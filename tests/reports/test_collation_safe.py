# SPDX-License-Identifier: MIT
"""Polish alphabetical order and formula neutralising, the two small rules every list relies on."""

from __future__ import annotations

from checkin.reports.collation import person_key, polish_key
from checkin.reports.safe import csv_cell, is_dangerous, xml_text


def test_surnames_follow_the_polish_alphabet_not_code_points() -> None:
    names = ["Żak", "Zając", "Łuczak", "Lis", "Ćwik", "Cudny", "Śliwa", "Szulc", "Sowa", "Ósma", "Owca",
             "Ąbel", "Azja", "Źrebię", "Nowak", "Nowak-Kowalska", "Nowakowski", "Ńaki"]
    assert sorted(names, key=polish_key) == [
        "Azja", "Ąbel", "Cudny", "Ćwik", "Lis", "Łuczak", "Nowak", "Nowak-Kowalska", "Nowakowski", "Ńaki",
        "Owca", "Ósma", "Sowa", "Szulc", "Śliwa", "Zając", "Źrebię", "Żak"]
    assert sorted(names)[-5:] == ["Łuczak", "Ńaki", "Śliwa", "Źrebię", "Żak"]  # what plain sorting would print


def test_case_and_foreign_accents_only_break_ties() -> None:
    assert sorted(["müller", "Muller", "muller", "Mullet"], key=polish_key) == ["muller", "Muller", "müller", "Mullet"]
    assert sorted(["ŁUKASZ", "lukasz", "Łukasz"], key=polish_key) == ["lukasz", "Łukasz", "ŁUKASZ"]


def test_people_sort_by_last_name_then_first_name() -> None:
    people = [("Żółć-Ślęzak", "Łukasz"), ("Żółć-Ślęzak", "Anna"), ("Zielińska", "Żaneta")]
    assert sorted(people, key=lambda p: person_key(*p)) == [
        ("Zielińska", "Żaneta"), ("Żółć-Ślęzak", "Anna"), ("Żółć-Ślęzak", "Łukasz")]


def test_csv_cells_that_could_be_formulas_start_with_a_quote() -> None:
    assert csv_cell('=HYPERLINK("http://x","klik")') == '\'=HYPERLINK("http://x","klik")'
    for attack in ("+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert csv_cell(attack) == "'" + attack
        assert is_dangerous(attack)
    assert csv_cell("+48 600 100 200") == "'+48 600 100 200"  # documented: phones get the quote too
    for harmless in ("Łukasz", "Urząd Gminy", "a=b", "", "O'Brien", "#N/A"):
        assert csv_cell(harmless) == harmless
    assert csv_cell(None) == ""


def test_xml_text_drops_only_characters_xlsx_cannot_hold() -> None:
    assert xml_text("Ła\x00ń\x07cut\tok\r\n") == "Łańcut\tok\r\n"
