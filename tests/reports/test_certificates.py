# SPDX-License-Identifier: MIT
"""Certificates in batches: who gets one, for which sessions, how many hours, which number.

The congress fixture (reportdata.py) is day 1 and 2 of the demo event; hours come from the demo
event file's `[[sessions]] hours`, read here independently of the code under test.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
from reportdata import DAY1, DAY2, Congress, pdftotext
from sqlalchemy import select

from checkin.cli import main
from checkin.domain.models import Checkpoint
from checkin.reports import ReportError
from checkin.services.certificate_batch import issue_certificates
from checkin.services.certificates import Selection
from checkin.services.checkin import CheckInService
from checkin.storage import tables as t
from checkin.storage.events import session_by_code

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "event.toml"
LONG_NAME = ("Małgorzata", "Wójcik-Jabłońska-Szczebrzeszyńska")
LONG_ORG = "Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach"


def demo_hours() -> dict[str, tuple[float, str, bool]]:
    """code -> (hours, day, needs registration), straight from the event file."""
    data = tomllib.loads(DEMO.read_text(encoding="utf-8"))
    return {s["code"]: (float(s["hours"]), str(s["day"]), bool(s.get("registration_required")))
            for s in data["sessions"] if "hours" in s}


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def admit_to(congress: Congress, service: Any, clock: Any, attendee_id: str, code: str, when: str) -> None:
    with congress.engine.connect() as conn:
        session = session_by_code(conn, "kongres-sekretarzy-2022", code)
    assert session is not None
    clock.set_local(when)
    assert service.admit(attendee_id, Checkpoint(session.day, session)).result.value == "accepted"


@pytest.fixture
def fresh_service(congress: Congress, desk: Any, clock: Any) -> CheckInService:
    """A desk program started anew: its clock may be set back to day 1 (a running one never goes back)."""
    return CheckInService(congress.engine, desk, operator="test", clock=clock)


@pytest.fixture
def workshop_goer(congress: Congress, add_attendee: Any, fresh_service: CheckInService, clock: Any) -> Any:
    """The longest name and institution, in two workshops she registered for, both days."""
    service = fresh_service
    person = add_attendee(*LONG_NAME, organisation=LONG_ORG, position="Sekretarz Województwa",
                          sessions=("D1-WS-KPA", "D2-WS-LIDER"), external_ref="KS22-2000")
    clock.set_local("2022-10-19 08:40")
    service.admit(person.id, Checkpoint(DAY1))
    admit_to(congress, service, clock, person.id, "D1-WS-KPA", "2022-10-19 15:40")
    clock.set_local("2022-10-20 08:30")
    service.admit(person.id, Checkpoint(DAY2))
    admit_to(congress, service, clock, person.id, "D2-WS-LIDER", "2022-10-20 13:25")
    return person


def test_hours_add_up_to_the_sessions_listed(congress: Congress, workshop_goer: Any, desk: Any,
                                            tmp_path: Path) -> None:
    """Present both days: every open session with hours, plus the two workshops she was scanned into
    (not the two she was not registered for); the total is their sum, on paper too."""
    hours = demo_hours()
    report = issue_certificates(congress.engine, desk.id, out_dir=tmp_path,
                                selection=Selection(attendees=("KS22-2000",)))
    cert = report.certificates[0]
    codes = [s.session.code for s in cert.sessions]
    expected = [c for c, (_, _, closed) in hours.items() if not closed] + ["D1-WS-KPA", "D2-WS-LIDER"]
    assert sorted(codes) == sorted(expected)
    assert "D1-WS-RODO" not in codes and "D2-WS-ZAMOW" not in codes and "D1-OBIAD" not in codes
    total = sum(hours[c][0] for c in expected)
    assert cert.total_hours == total == 11.25
    assert sum(s.hours for s in cert.sessions) == cert.total_hours
    text = " ".join(pdftotext(report.files[0]).split())
    assert "Łączny wymiar godzin: 11,25 godz." in text
    rows = [line for line in pdftotext(report.files[0]).splitlines() if re.match(r"\s*\d+\s+\d\d\.10\.2022\s", line)]
    assert len(rows) == len(expected)
    printed = [float(line.split()[-1].replace(",", ".")) for line in rows]
    assert sum(printed) == total  # the hours column on the page adds up to the printed total


def test_one_day_certificates_count_only_that_day(congress: Congress, workshop_goer: Any, desk: Any,
                                                  tmp_path: Path) -> None:
    hours = demo_hours()
    report = issue_certificates(congress.engine, desk.id, out_dir=tmp_path, selection=Selection(day=DAY2))
    names = {c.person.full_name: c for c in report.certificates}
    assert set(names) == {"Łukasz Żółć-Ślęzak", "Ścibor Śliwa", " ".join(LONG_NAME)}  # day 2's people
    day2_open = sum(h for h, day, closed in hours.values() if day == "2022-10-20" and not closed)
    assert names["Ścibor Śliwa"].total_hours == day2_open
    assert names[" ".join(LONG_NAME)].total_hours == day2_open + hours["D2-WS-LIDER"][0]


def test_a_batch_writes_a_pdf_each_one_combined_file_and_a_zip_per_institution(
        congress: Congress, workshop_goer: Any, desk: Any, tmp_path: Path) -> None:
    out = tmp_path / "zaswiadczenia"
    out.mkdir()
    combined = tmp_path / "wszystkie.pdf"
    report = issue_certificates(congress.engine, desk.id, out_dir=out, combined=combined, zip_by_organisation=True)
    people = [c.person.full_name for c in report.certificates]
    # everyone actually present; not the voided Grzegorz, not the cancelled or absent
    assert people == ["Źdźisława Ćwiąkalska", "@SUMA Formułowa", "Stefan Sowa", "Ścibor Śliwa",
                      " ".join(LONG_NAME), "Łukasz Żółć-Ślęzak"]
    assert [c.number for c in report.certificates] == [f"KS/2022/{n:04d}" for n in range(1, 7)]
    assert len(report.files) == 6 and all(pages(p) == 1 for p in report.files)
    assert pages(combined) == 6
    assert any(p.name.startswith("KS-2022-0005_wojcik-jablonska-szczebrzeszynska_malgorzata") for p in report.files)
    zips = {z.name: sorted(zipfile.ZipFile(z).namelist()) for z in report.zips}
    assert "urzad_marszalkowski_wojewodztwa_swietokrzyskiego_w_kielcach.zip" in zips
    assert sum(len(v) for v in zips.values()) == 6

    # printed again: same numbers, each re-issue logged, nothing new in the register
    again = issue_certificates(congress.engine, desk.id, out_dir=out)
    assert [c.number for c in again.certificates] == [c.number for c in report.certificates]
    assert again.issued == 0 and again.reissued == 6
    with congress.engine.connect() as conn:
        assert len(conn.execute(select(t.certificate)).all()) == 6
        actions = sorted(r.action for r in conn.execute(select(t.certificate_issue)))
    assert actions == ["issue"] * 6 + ["reissue"] * 6


def test_the_longest_name_and_institution_fit_on_one_page(congress: Congress, workshop_goer: Any, desk: Any,
                                                          tmp_path: Path) -> None:
    """Looked at as PNG (see the report): the name stays on one line, the institution is whole."""
    report = issue_certificates(congress.engine, desk.id, out_dir=tmp_path,
                                selection=Selection(organisation="swietokrzyskiego"))
    pdf = report.files[0]
    assert pages(pdf) == 1
    layout = pdftotext(pdf)
    assert any(" ".join(LONG_NAME) in line for line in layout.splitlines())  # one line, not broken
    assert LONG_ORG in " ".join(layout.split())
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page.png").stat().st_size > 10_000


def test_nobody_to_certify_is_an_error_not_an_empty_file(congress: Congress, desk: Any, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(ReportError, match="nobody from an institution matching 'Ministerstwo'"):
        issue_certificates(congress.engine, desk.id, out_dir=tmp_path, selection=Selection(organisation="Ministerstwo"))
    with pytest.raises(ReportError, match="Brzęczyszczykiewicz has no recorded attendance"):
        issue_certificates(congress.engine, desk.id, out_dir=tmp_path,
                           selection=Selection(attendees=(congress.people["grzegorz"].id,)))
    assert list(tmp_path.iterdir()) == []


def test_cli_certificates_and_the_register(congress: Congress, workshop_goer: Any, db_path: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code = main(["--db", str(db_path), "export", "certificates", "--out", str(out), "--day", "2022-10-19",
                 "--organisation", "urzad", "--combined", str(tmp_path / "all.pdf")])
    assert code == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    assert "Issued 3 new certificate(s)" in said and "register: this computer" in said
    assert len(list(out.glob("*.pdf"))) == 3 and pages(tmp_path / "all.pdf") == 3
    register = tmp_path / "ewidencja.csv"
    assert main(["--db", str(db_path), "export", "certificate-register", "--format", "csv", "--out",
                 str(register)]) == 0
    rows = register.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("Lp.,Numer,Data wydania,Nazwisko,Imię")
    assert [r.split(",")[1] for r in rows[1:]] == ["KS/2022/0001", "KS/2022/0002", "KS/2022/0003"]
    assert main(["--db", str(db_path), "export", "certificate-register", "--out", str(tmp_path / "e.xlsx")]) == 0
    assert main(["--db", str(db_path), "export", "certificate-register", "--out", str(tmp_path / "e.pdf")]) == 0
    assert "Ewidencja wydanych zaświadczeń" in pdftotext(tmp_path / "e.pdf")
    assert main(["--db", str(db_path), "export", "certificates"]) == 2
    assert "--out DIR" in capsys.readouterr().err


def test_event_file_errors_name_the_key(tmp_path: Path) -> None:
    from checkin.services.event import EventFileError, parse_event_file

    text = DEMO.read_text(encoding="utf-8")
    bad = tmp_path / "e.toml"
    bad.write_text(text.replace('number = "KS/{year}/{seq:04d}"', 'number = "KS/{year}"'), encoding="utf-8")
    with pytest.raises(EventFileError, match=r"number 'KS/\{year\}' needs \{seq\}"):
        parse_event_file(bad)
    bad.write_text(text.replace("hours = 0.75", 'hours = "dużo"'), encoding="utf-8")
    with pytest.raises(EventFileError, match=r"#12 \(D2-ZAMK\): 'hours' must be a number"):
        parse_event_file(bad)


def test_a_workshop_left_early_is_not_credited(congress: Congress, workshop_goer: Any, desk: Any, clock: Any,
                                               fresh_service: CheckInService, add_attendee: Any,
                                               tmp_path: Path) -> None:
    """D1-WS-KPA scans exits: in at 15:45, out at 16:05 is 20 of 90 minutes, under the event's share."""
    from checkin.domain.results import Direction

    service = CheckInService(congress.engine, desk, operator="door", clock=clock)
    leaver = add_attendee("Jędrzej", "Kręcisz", organisation="Gmina Szczebrzeszyn", sessions=("D1-WS-KPA",))
    admit_to(congress, service, clock, leaver.id, "D1-WS-KPA", "2022-10-19 15:45")
    with congress.engine.connect() as conn:
        kpa = session_by_code(conn, "kongres-sekretarzy-2022", "D1-WS-KPA")
    clock.set_local("2022-10-19 16:05")
    assert service.admit(leaver.id, Checkpoint(DAY1, kpa), direction=Direction.OUT).result.value == "accepted"
    report = issue_certificates(congress.engine, desk.id, out_dir=tmp_path,
                                selection=Selection(attendees=(leaver.id, workshop_goer.id)))
    by_name = {c.person.last_name: [s.session.code for s in c.sessions] for c in report.certificates}
    assert "D1-WS-KPA" not in by_name["Kręcisz"]
    assert "D1-WS-KPA" in by_name[LONG_NAME[1]]  # she stayed (no exit scanned: counted to the end)


def test_the_rodo_clause_is_under_the_attendance_list_and_on_the_certificate(congress: Congress, desk: Any,
                                                                              tmp_path: Path) -> None:
    from checkin.reports import export_attendance
    from checkin.reports.pdf_list import rows_per_page

    clause = tomllib.loads(DEMO.read_text(encoding="utf-8"))["rodo"]["clause"]
    lista = tmp_path / "lista.pdf"
    export_attendance(congress.engine, DAY1, "pdf", lista)
    text = " ".join(pdftotext(lista).split())
    assert " ".join(clause.split()[:8]) in text and "skargi do Prezesa UODO" in text
    assert rows_per_page(clause) < rows_per_page()  # the clause takes room from the rows, never overlaps them
    report = issue_certificates(congress.engine, desk.id, out_dir=tmp_path,
                                selection=Selection(attendees=("KS22-1000",)))
    assert "skargi do Prezesa UODO" in " ".join(pdftotext(report.files[0]).split())
