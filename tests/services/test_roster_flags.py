# SPDX-License-Identifier: MIT
"""Gender and flag columns of a roster (VIP, green room, accessibility, diet, "see the organiser") reach
the desk: kept as "Heading: value" lines in the notes, read back as alerts and as grammatical gender."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from checkin.domain.alerts import AlertRules, grammatical_gender
from checkin.services.roster import import_roster
from tests.services.test_roster_import import EVENT, attendees, write_text


def test_flag_and_gender_columns_become_alerts_at_the_desk(event_engine: Engine, tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", [
        "Imię;Nazwisko;Instytucja;Płeć;VIP;Dieta;Dostępność;Uwagi",
        "Małgorzata;Wójcik-Jabłońska-Szczebrzeszyńska;Urząd Marszałkowski;K;tak;wegańska;;",
        "Kuba;Nowak;Urząd Gminy;M;;;wózek, miejsce w 1. rzędzie;przyjedzie później",
        "Alex;Kowalski;Starostwo;;nie;;;",
    ])
    report = import_roster(event_engine, EVENT, path)
    assert report.added == 3 and report.warnings == []
    people = {a.first_name: a for a in attendees(event_engine).values()}
    m, k, a = people["Małgorzata"], people["Kuba"], people["Alex"]
    assert m.notes == "Płeć: K\nVIP: tak\nDieta: wegańska"
    assert k.notes == "przyjedzie później\nPłeć: M\nDostępność: wózek, miejsce w 1. rzędzie"

    rules = AlertRules.for_event({})
    assert [(x.kind, x.icon) for x in rules.alerts(m.notes)] == [("vip", "★"), ("dietary", "♨")]
    assert rules.rings(rules.alerts(m.notes))  # a VIP rings the flagged sound
    assert [x.kind for x in rules.alerts(k.notes)] == ["accessibility"]
    assert rules.alerts(a.notes) == []  # "VIP: nie" is no alert
    # gender: the column wins (Kuba ends in -a but is a man), else the first name, else neutral
    assert grammatical_gender(m.first_name, m.notes) == "f"
    assert grammatical_gender(k.first_name, k.notes) == "m"
    assert grammatical_gender(a.first_name, a.notes) == ""  # Alex: no safe guess
    assert grammatical_gender("Ewa") == "f" and grammatical_gender("Łukasz") == "m"


def test_an_event_configures_its_own_alerts() -> None:
    rules = AlertRules.for_event({"alerts": {"vip": ["Gość Marszałka"], "off": ["dietary"], "sound": []}})
    notes = "Gość Marszałka: tak\nDieta: bezglutenowa"
    assert [x.kind for x in rules.alerts(notes)] == ["vip"]
    assert not rules.rings(rules.alerts(notes))
