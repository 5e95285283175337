# SPDX-License-Identifier: MIT
"""The registration office sends the list again (and again): nobody is duplicated or lost."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, func, select

from checkin.domain.models import Desk
from checkin.services.registration import correct_attendee, register_walk_in
from checkin.services.roster import import_roster
from checkin.storage import tables as t
from tests.services.test_roster_import import (
    EVENT,
    GRAZYNA,
    JOZEF,
    LUKASZ,
    attendees,
    pl_rows,
    snapshot,
    write_text,
)


def count(engine: Engine, table: t.Table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_same_file_twice_changes_nothing(event_engine: Engine, tmp_path: Path) -> None:
    path = write_text(tmp_path / "lista.csv", pl_rows(LUKASZ, GRAZYNA, JOZEF))
    import_roster(event_engine, EVENT, path)
    before = snapshot(event_engine)
    report = import_roster(event_engine, EVENT, path)
    assert (report.added, report.updated, report.unchanged, report.cancelled, report.changes) == (0, 0, 3, 0, [])
    assert snapshot(event_engine) == before


def test_updated_file_adds_updates_cancels_and_reactivates(event_engine: Engine, tmp_path: Path) -> None:
    import_roster(event_engine, EVENT, write_text(tmp_path / "v1.csv", pl_rows(LUKASZ, GRAZYNA, JOZEF)))
    v1 = attendees(event_engine)
    outbox_v1 = count(event_engine, t.outbox)

    # v2: Grażyna moved to another office, Józef withdrew, Zenon registered late
    zenon = "KS-4;Zenon;Źdźbło;Urząd Gminy Żółkiewka;Informatyk;zenon@example.gov.pl;;;;;T-0004"
    moved = GRAZYNA.replace("Starostwo Powiatowe w Łęcznej", "Urząd Marszałkowski Województwa Lubelskiego")
    report = import_roster(event_engine, EVENT, write_text(tmp_path / "v2.csv", pl_rows(LUKASZ, moved, zenon)))
    assert (report.added, report.updated, report.unchanged, report.cancelled) == (1, 1, 1, 1)
    v2 = attendees(event_engine)
    assert len(v2) == 4
    grazyna = v2["KS-2"]
    assert grazyna.organisation == "Urząd Marszałkowski Województwa Lubelskiego"
    assert (grazyna.id, grazyna.ticket_id, grazyna.version) == (v1["KS-2"].id, v1["KS-2"].ticket_id, 2)
    assert v2["KS-3"].status == "cancelled" and v2["KS-3"].version == 2
    assert v2["KS-1"].version == 1
    update = next(c for c in report.changes if c.action == "update")
    assert update.fields == {"organisation": ("Starostwo Powiatowe w Łęcznej",
                                              "Urząd Marszałkowski Województwa Lubelskiego")}
    assert count(event_engine, t.outbox) == outbox_v1 + 3  # one per changed attendee
    with event_engine.connect() as conn:
        change = conn.execute(select(t.attendee_change).where(
            t.attendee_change.c.attendee_id == grazyna.id, t.attendee_change.c.base_version == 1)).one()
    assert change.fields["changes"] == {"organisation": ["Starostwo Powiatowe w Łęcznej",
                                                         "Urząd Marszałkowski Województwa Lubelskiego"]}

    # v3: Józef is coming after all
    report = import_roster(event_engine, EVENT, write_text(tmp_path / "v3.csv",
                                                           pl_rows(LUKASZ, moved, zenon, JOZEF)))
    assert (report.added, report.reactivated, report.unchanged) == (0, 1, 3)
    jozef = attendees(event_engine)["KS-3"]
    assert (jozef.status, jozef.id, jozef.ticket_id, jozef.version) == ("active", v1["KS-3"].id,
                                                                        v1["KS-3"].ticket_id, 3)


def test_dry_run_reports_but_writes_nothing(event_engine: Engine, tmp_path: Path) -> None:
    import_roster(event_engine, EVENT, write_text(tmp_path / "v1.csv", pl_rows(LUKASZ, GRAZYNA, JOZEF)))
    before = snapshot(event_engine)
    changed = LUKASZ.replace("Sekretarz Gminy", "Zastępca Wójta")
    report = import_roster(event_engine, EVENT, write_text(tmp_path / "v2.csv", pl_rows(changed, GRAZYNA)),
                           dry_run=True)
    assert report.dry_run and (report.updated, report.cancelled, report.unchanged) == (1, 1, 1)
    assert [c.describe() for c in report.changes] == [
        "update     KS-1 Łukasz Żółć-Ślęzak (row 2): position 'Sekretarz Gminy' -> 'Zastępca Wójta'",
        "cancel     KS-3 Józef Chrząszcz",
    ]
    assert snapshot(event_engine) == before


def test_keep_missing_leaves_absent_people_alone(event_engine: Engine, tmp_path: Path) -> None:
    import_roster(event_engine, EVENT, write_text(tmp_path / "v1.csv", pl_rows(LUKASZ, GRAZYNA)))
    report = import_roster(event_engine, EVENT, write_text(tmp_path / "extra.csv", pl_rows(JOZEF)),
                           cancel_missing=False)
    assert (report.added, report.cancelled) == (1, 0)
    assert {a.status for a in attendees(event_engine).values()} == {"active"}


def test_walk_ins_survive_an_import_and_are_adopted_when_listed(event_engine: Engine, desk: Desk,
                                                                tmp_path: Path) -> None:
    import_roster(event_engine, EVENT, write_text(tmp_path / "v1.csv", pl_rows(LUKASZ)))
    walk_in = register_walk_in(event_engine, desk, first_name="Zenon", last_name="Źdźbło",
                               organisation="Urząd Gminy Żółkiewka", email="zenon@example.gov.pl")
    other = register_walk_in(event_engine, desk, first_name="Halina", last_name="Kiepska")
    report = import_roster(event_engine, EVENT, write_text(tmp_path / "v1b.csv", pl_rows(LUKASZ)))
    assert report.cancelled == 0 and report.warnings == [
        "2 people registered at a desk are not in the file and were kept"]

    # the office registers Zenon properly: same person, now with a registration id, no duplicate
    zenon = "KS-4;Zenon;Źdźbło;Urząd Gminy Żółkiewka;Informatyk;zenon@example.gov.pl;;;;;T-0004"
    report = import_roster(event_engine, EVENT, write_text(tmp_path / "v2.csv", pl_rows(LUKASZ, zenon)))
    assert (report.added, report.updated, report.cancelled) == (0, 1, 0)
    people = attendees(event_engine)
    assert len(people) == 3
    assert people["KS-4"].id == walk_in.id and people["KS-4"].position == "Informatyk"
    assert people["Halina Kiepska"].id == other.id and people["Halina Kiepska"].status == "active"


def test_identity_by_email_then_by_name_when_the_file_has_no_ids(event_engine: Engine, tmp_path: Path) -> None:
    v1 = ["Imię;Nazwisko;Instytucja;E-mail", "Łukasz;Żółć;UG Brzęczyszczykiewice;lukasz@example.pl",
          "Józef;Chrząszcz;UG Końskie;"]
    import_roster(event_engine, EVENT, write_text(tmp_path / "v1.csv", v1))
    ids = {a.full_name: a.id for a in attendees(event_engine).values()}
    v2 = ["Imię;Nazwisko;Instytucja;E-mail", "Łukasz;Żółć-Ślęzak;UG Brzęczyszczykiewice;LUKASZ@example.pl",
          "JÓZEF;chrząszcz;ug końskie;"]
    report = import_roster(event_engine, EVENT, write_text(tmp_path / "v2.csv", v2))
    assert (report.added, report.cancelled, report.updated) == (0, 0, 2)
    people = attendees(event_engine)
    assert people["Łukasz Żółć-Ślęzak"].id == ids["Łukasz Żółć"]
    assert people["JÓZEF chrząszcz"].id == ids["Józef Chrząszcz"]


def test_columns_missing_from_the_file_keep_their_values(event_engine: Engine, desk: Desk, tmp_path: Path) -> None:
    import_roster(event_engine, EVENT, write_text(tmp_path / "v1.csv", pl_rows(LUKASZ)))
    lukasz = attendees(event_engine)["KS-1"]
    correct_attendee(event_engine, desk, lukasz.id, lukasz.version, notes="prosi o fakturę")
    slim = ["Nr zgłoszenia;Imię;Nazwisko", "KS-1;Łukasz;Żółć-Ślęzak"]
    report = import_roster(event_engine, EVENT, write_text(tmp_path / "slim.csv", slim))
    assert report.unchanged == 1
    after = attendees(event_engine)["KS-1"]
    assert (after.phone, after.notes, after.sessions) == ("+48 600 100 200", "prosi o fakturę", ("D1-WS-KPA",))


def test_someone_cancelled_at_a_desk_stays_cancelled(event_engine: Engine, desk: Desk, tmp_path: Path) -> None:
    path = write_text(tmp_path / "v1.csv", pl_rows(LUKASZ, JOZEF))
    import_roster(event_engine, EVENT, path)
    jozef = attendees(event_engine)["KS-3"]
    correct_attendee(event_engine, desk, jozef.id, jozef.version, status="cancelled")
    report = import_roster(event_engine, EVENT, path)
    assert report.reactivated == 0 and report.unchanged == 2
    assert report.warnings == ["row 3: Józef Chrząszcz was cancelled at a desk and stays cancelled; "
                               "reactivate them at the desk if they are coming after all"]
    assert attendees(event_engine)["KS-3"].status == "cancelled"


def test_a_partial_file_warns_about_mass_cancellation_and_the_full_list_undoes_it(
        event_engine: Engine, tmp_path: Path) -> None:
    rows = [f"N-{i};Jan;Kowalski{i};;;;;;;;" for i in range(40)]
    full = write_text(tmp_path / "full.csv", pl_rows(*rows))
    import_roster(event_engine, EVENT, full)
    report = import_roster(event_engine, EVENT, write_text(tmp_path / "part.csv", pl_rows(*rows[:10])), dry_run=True)
    assert report.cancelled == 30 and report.warnings == [
        "30 of 40 registered people are missing from the file and would be cancelled; if the file is only part "
        "of the list, import the full list again (it reactivates them) or use --keep-missing"]
    import_roster(event_engine, EVENT, write_text(tmp_path / "part.csv", pl_rows(*rows[:10])))
    report = import_roster(event_engine, EVENT, full)
    assert report.reactivated == 30 and {a.status for a in attendees(event_engine).values()} == {"active"}
