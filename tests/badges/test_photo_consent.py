# SPDX-License-Identifier: MIT
"""Consent to the use of one's image (wizerunek): read from the roster's Polish or English column,
changed at the desk, shown as a discreet dot on the badge, and listed for the photographers with the
name and the mark only."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from checkin.badges.render import render_badges
from checkin.badges.templates import TemplateError, load_template
from checkin.domain.models import Desk
from checkin.reports.paperwork import NO_PHOTO_MARK, export_photographers
from checkin.services.registration import RegistrationError, correct_attendee
from checkin.services.roster import import_roster
from checkin.storage import tables as t
from checkin.storage.attendees import get_attendee
from checkin.storage.events import load_event
from tests.conftest import AddAttendee


def _event(engine: Engine):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return load_event(conn)


def _pixel(pdf: Path, tmp_path: Path, x_mm: float, y_mm: float) -> tuple[int, int, int]:
    """The colour printed at (x, y) mm from the badge's top-left corner (rendered at 100 dpi)."""
    stem = tmp_path / f"px-{pdf.stem}"
    subprocess.run(["pdftoppm", "-r", "100", "-singlefile", str(pdf), str(stem)], check=True)
    data = stem.with_suffix(".ppm").read_bytes()
    parts = data.split(b"\n", 3)  # P6, "w h", 255, pixels
    width = int(parts[1].split()[0])
    px, py = round(x_mm / 25.4 * 100), round(y_mm / 25.4 * 100)
    offset = (py * width + px) * 3
    r, g, b = parts[3][offset:offset + 3]
    return r, g, b


@pytest.mark.parametrize("header,yes,no", [("Zgoda na wizerunek", "tak", "nie"), ("Photo consent", "yes", "no"),
                                           ("Wizerunek", "X", "brak zgody")])
def test_the_roster_column_is_read_in_polish_or_english(event_engine: Engine, desk: Desk, tmp_path: Path,
                                                        header: str, yes: str, no: str) -> None:
    roster = tmp_path / "lista.csv"
    roster.write_text(f"Imię;Nazwisko;Instytucja;{header}\nŁukasz;Żółć-Ślęzak;Gmina Pcim;{yes}\n"
                      f"Małgorzata;Wójcik-Jabłońska-Szczebrzeszyńska;Urząd Marszałkowski;{no}\n"
                      "Ścibor;Śliwa;Gmina Żółkiewka;\n", encoding="utf-8")
    import_roster(event_engine, "kongres-sekretarzy-2022", roster, desk_id=desk.id)
    with event_engine.connect() as conn:
        consent = {r.last_name: r.photo_consent for r in conn.execute(select(t.attendee))}
    assert consent == {"Żółć-Ślęzak": "yes", "Wójcik-Jabłońska-Szczebrzeszyńska": "no", "Śliwa": ""}


def test_an_unreadable_consent_cell_is_named_by_row_and_column(event_engine: Engine, desk: Desk,
                                                               tmp_path: Path) -> None:
    from checkin.services.roster import RosterError

    roster = tmp_path / "lista.csv"
    roster.write_text("Imię;Nazwisko;Zgoda na wizerunek\nŁukasz;Żółć-Ślęzak;może\n", encoding="utf-8")
    with pytest.raises(RosterError, match=r'row 2, field "Zgoda na wizerunek": "może" is not a yes/no answer'):
        import_roster(event_engine, "kongres-sekretarzy-2022", roster, desk_id=desk.id)


def test_no_consent_puts_a_discreet_dot_on_the_badge_and_consent_does_not(
        event_engine: Engine, add_attendee: AddAttendee, tmp_path: Path) -> None:
    refuses = add_attendee("Małgorzata", "Wójcik-Jabłońska-Szczebrzeszyńska", photo_consent="no")
    agrees = add_attendee("Łukasz", "Żółć-Ślęzak", photo_consent="yes")
    template = load_template("a6")
    mark = template.no_photo_mark.box
    centre = (mark.x + mark.w / 2, mark.y + mark.h / 2)
    for person, dark in ((refuses, True), (agrees, False)):
        out = tmp_path / f"{person.last_name[:5]}.pdf"
        render_badges([person], _event(event_engine), template, out)
        r, g, b = _pixel(out, tmp_path, *centre)
        assert (max(r, g, b) < 90) is dark, (person.last_name, (r, g, b))
    # the mark is where the photographers' list says: the top-right corner
    assert mark.x > template.width_mm * 0.8 and mark.y < 10


def test_a_template_may_move_the_mark_and_a_typo_is_refused(tmp_path: Path) -> None:
    a6 = Path(load_template("a6").source)
    moved = tmp_path / "moja.toml"
    moved.write_text(f'extends = "{a6.stem}"\n[no_photo]\nbox = [3, 3, 4, 4]\ncolour = "#B71C1C"\n',
                     encoding="utf-8")
    template = load_template(moved, [a6.parent, tmp_path])
    assert (template.no_photo_mark.box.x, template.no_photo_mark.colour) == (3, "#B71C1C")
    moved.write_text(f'extends = "{a6.stem}"\n[no_photo]\nbox = [3, 3, 4, 4]\ncolor = "#B71C1C"\n',
                     encoding="utf-8")
    with pytest.raises(TemplateError, match=r"\[no_photo\] has unknown key\(s\) color"):
        load_template(moved, [a6.parent, tmp_path])


def test_the_photographers_list_holds_names_and_the_mark_only(event_engine: Engine, add_attendee: AddAttendee,
                                                              desk: Desk, tmp_path: Path) -> None:
    add_attendee("Małgorzata", "Wójcik-Jabłońska-Szczebrzeszyńska", photo_consent="no",
                 organisation="Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach", email="mw@um.pl")
    add_attendee("Łukasz", "Żółć-Ślęzak", photo_consent="yes")
    changed_at_desk = add_attendee("Ścibor", "Śliwa")
    # at the desk: "please, no photos" — a roster correction like any other (synced, logged)
    correct_attendee(event_engine, desk, changed_at_desk.id, changed_at_desk.version, photo_consent="no")
    with event_engine.connect() as conn:
        assert get_attendee(conn, changed_at_desk.id).no_photos  # type: ignore[union-attr]
    with pytest.raises(RegistrationError):
        correct_attendee(event_engine, desk, changed_at_desk.id, 2, photo_consent="perhaps")
    out = tmp_path / "fotografowie.csv"
    result = export_photographers(event_engine, "csv", out, delimiter=";")
    assert result.rows == 2
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["Lp.;Nazwisko;Imię;Znak na identyfikatorze", f"1;Śliwa;Ścibor;{NO_PHOTO_MARK}",
                     f"2;Wójcik-Jabłońska-Szczebrzeszyńska;Małgorzata;{NO_PHOTO_MARK}"]
    pdf = export_photographers(event_engine, "pdf", tmp_path / "fotografowie.pdf")
    text = subprocess.run(["pdftotext", str(pdf.path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Wójcik-Jabłońska-Szczebrzeszyńska" in text and "Kielcach" not in text and "mw@um.pl" not in text
