# SPDX-License-Identifier: MIT
"""Badges as the volunteer hands them out: every Polish letter printed, fonts embedded, QR scannable."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from sqlalchemy import Engine

from checkin.badges import templates as tpl
from checkin.badges.preview import LONG_ORGANISATION, sample_event
from checkin.badges.render import BadgePainter, format_dates, new_canvas, qr_payload, render_badges
from checkin.badges.templates import load_template
from checkin.storage.events import load_event
from checkin.tickets.token import SignedTicket, parse_code, verify_ticket
from tests.badges.conftest import normalised, pdffonts, pdftotext, scan_page
from tests.conftest import AddAttendee

DIACRITICS = "ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż"


def _event(engine: Engine):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return load_event(conn)


def test_every_polish_letter_is_printed_verbatim_in_an_embedded_font(
        event_engine: Engine, add_attendee: AddAttendee, tmp_path: Path) -> None:
    people = [
        add_attendee("Łukasz", "Żółć-Ślęzak"),
        add_attendee("Źdźisława", "Ćwiąkalska", organisation=DIACRITICS, position="Główna Księgowa"),
        add_attendee("Małgorzata", "Brzęczyszczykiewicz-Wójcik", category="speaker",
                     organisation="Urząd Marszałkowski Województwa Kujawsko-Pomorskiego"),
        add_attendee("Jędrzej", "Ąćęłńóśźż-ĄĆĘŁŃÓŚŹŻ", organisation=LONG_ORGANISATION, category="media"),
    ]
    out = tmp_path / "badges.pdf"
    pages = render_badges(people, _event(event_engine), load_template("a6"), out)
    assert pages == 4 and len(PdfReader(out).pages) == 4
    for page, person in enumerate(people, start=1):
        text = normalised(pdftotext(out, page))
        for value in (person.first_name, person.last_name, person.organisation):
            assert normalised(value) in text, f"page {page}: {value!r} missing from {text!r}"
        assert "Ogólnopolski Kongres Sekretarzy i Kadry Samorządowej 2022" in text
        assert "19–20 października 2022" in text
        assert "■" not in text
    assert "PRELEGENT" in pdftotext(out, 3) and "MEDIA" in pdftotext(out, 4)
    fonts = pdffonts(out)
    assert {f["name"].split("+")[-1] for f in fonts} == {"DejaVuSans", "DejaVuSans-Bold"}
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in fonts)


def test_the_qr_on_a_printed_badge_scans_back_to_the_signed_ticket(
        event_engine: Engine, add_attendee: AddAttendee, tmp_path: Path, signing_key: Ed25519PrivateKey) -> None:
    event = _event(event_engine)
    person = add_attendee("Łukasz", "Żółć-Ślęzak")
    out = tmp_path / "badge.pdf"
    render_badges([person], event, load_template("a6"), out, signing_key=signing_key)
    codes = scan_page(out, tmp_path)
    assert codes == [qr_payload(person, event, signing_key)]
    ticket = parse_code(codes[0])
    assert isinstance(ticket, SignedTicket) and ticket.ticket_id == person.ticket_id
    verify_ticket(ticket, {ticket.key_id: signing_key.public_key()}, event.id, datetime(2022, 10, 19, tzinfo=UTC))


@pytest.mark.parametrize("name", sorted(tpl.template_files([tpl.bundled_dir()])))
def test_each_template_prints_a_scannable_qr_at_a_webcam_friendly_size(
        name: str, event_engine: Engine, add_attendee: AddAttendee, tmp_path: Path,
        signing_key: Ed25519PrivateKey) -> None:
    template = load_template(name)
    event = _event(event_engine)
    people = [add_attendee("Małgorzata", "Brzęczyszczykiewicz-Wójcik", organisation=LONG_ORGANISATION,
                           category="speaker"),
              add_attendee("Ewa", "Nowak", external_code="KS2214983908")]
    out = tmp_path / f"{name}.pdf"
    pages = render_badges(people, event, template, out, signing_key=signing_key)
    assert pages == (1 if template.sheet else 2)
    box = PdfReader(out).pages[0].mediabox
    w, h = template.page_size_mm
    assert abs(float(box.width) - w * mm) < 0.01 and abs(float(box.height) - h * mm) < 0.01
    found = set(scan_page(out, tmp_path))
    if template.sheet is None:
        found |= set(scan_page(out, tmp_path, page=2))
    assert found == {qr_payload(p, event, signing_key) for p in people}
    assert template.qr is not None and min(template.qr.box.w, template.qr.box.h) >= 24


def test_without_a_key_the_qr_carries_the_registration_ticket_number(
        event_engine: Engine, add_attendee: AddAttendee, tmp_path: Path) -> None:
    event = _event(event_engine)
    walk_in = add_attendee("Anna", "Kowalska", external_code="KS2268568307")
    no_code = add_attendee("Ewa", "Nowak")
    assert qr_payload(walk_in, event) == "KS2268568307"
    assert qr_payload(no_code, event) == no_code.ticket_id
    out = tmp_path / "b.pdf"
    render_badges([walk_in], event, load_template("label-62x100"), out)
    assert scan_page(out, tmp_path) == ["KS2268568307"]


def test_every_drawn_line_fits_its_box_on_the_real_badge(event_engine: Engine, add_attendee: AddAttendee) -> None:
    event = _event(event_engine)
    person = add_attendee("Anna-Maria Magdalena", "Grzegorzewska-Szczebrzeszyńska-Wiśniewska",
                          organisation="X" * 30 + " " + LONG_ORGANISATION[:89],
                          position="Zastępca Dyrektora ds. Administracyjno-Finansowych i Kontroli Zarządczej")
    for template in tpl.list_templates([tpl.bundled_dir()]):
        painter = BadgePainter(template, event)
        painter.draw(new_canvas(io.BytesIO(), template), person)
        assert {key for key, _, _ in painter.drawn} >= {"first_name", "last_name", "organisation"}
        for key, fitted, box in painter.drawn:
            for line in fitted.lines:
                assert stringWidth(line, fitted.font, fitted.size) <= box.w * mm + 1e-6, (template.id, key, line)
            assert fitted.block_height <= box.h * mm + 1e-6, (template.id, key)


def test_english_labels_and_dates_on_request(event_engine: Engine, add_attendee: AddAttendee, tmp_path: Path) -> None:
    out = tmp_path / "en.pdf"
    render_badges([add_attendee(category="speaker"), add_attendee(category="staff")], _event(event_engine),
                  load_template("a7"), out, language="en")
    assert "SPEAKER" in pdftotext(out, 1) and "STAFF" in pdftotext(out, 2)
    assert format_dates(_event(event_engine).dates, "en") == "19–20 October 2022"
    assert format_dates([datetime(2022, 9, 30).date(), datetime(2022, 10, 2).date()]) == \
        "30 września – 2 października 2022"


def _png(path: Path, rgb: tuple[int, int, int]) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(rgb) * 40 for _ in range(20))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 20, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_an_organiser_adds_a_logo_by_naming_an_image_in_the_template(
        event_engine: Engine, add_attendee: AddAttendee, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    _png(folder / "logo.png", (200, 16, 46))
    (folder / "a6-logo.toml").write_text('extends = "a6"\n[logo]\nfile = "logo.png"\nbox = [4, 4, 20, 10]\n',
                                         encoding="utf-8")
    monkeypatch.setattr(tpl, "user_dir", lambda: folder)
    out = tmp_path / "logo.pdf"
    render_badges([add_attendee(), add_attendee()], _event(event_engine), load_template("a6-logo"), out)
    reader = PdfReader(out)
    images = [reader.pages[i].images for i in range(2)]
    assert all(len(imgs) == 1 for imgs in images)
    assert out.stat().st_size < 60_000  # the image is stored once, not per badge


def test_a_sheet_places_eight_cards_per_a4_page(event_engine: Engine, add_attendee: AddAttendee,
                                                tmp_path: Path) -> None:
    people = [add_attendee("Osoba", f"Numer {i}") for i in range(11)]
    out = tmp_path / "sheet.pdf"
    done: list[int] = []
    pages = render_badges(people, _event(event_engine), load_template("a4-2x4-card"), out, progress=done.append)
    assert pages == 2 and done[-1] == 11 and done == list(range(1, 12))
    assert normalised(pdftotext(out, 1)).count("Osoba") == 8
    assert normalised(pdftotext(out, 2)).count("Osoba") == 3


def test_sample_event_preview_renders_every_category() -> None:
    event = sample_event()
    assert event.dates and event.name


def test_badges_follow_the_events_language_unless_the_template_names_one(
        event_engine: Engine, add_attendee: AddAttendee, tmp_path: Path) -> None:
    """The desk's interface language plays no part: the event (and a template naming its own) decides."""
    from dataclasses import replace

    from checkin.badges.templates import badge_language

    person = add_attendee(category="participant")
    polish_event = _event(event_engine)
    english_event = replace(polish_event, settings={**polish_event.settings, "badge_language": "en"})
    a6 = load_template("a6")
    assert a6.language == "" and badge_language(a6, polish_event) == "pl"
    assert badge_language(a6, english_event) == "en"
    out = tmp_path / "event-en.pdf"
    render_badges([person], english_event, a6, out)
    assert "PARTICIPANT" in pdftotext(out) and "October" in pdftotext(out)
    out = tmp_path / "event-pl.pdf"
    render_badges([person], polish_event, a6, out)
    assert "UCZESTNIK" in pdftotext(out) and "października" in pdftotext(out)
    # a template that names its language overrides the event
    english_template = replace(a6, language="en")
    assert badge_language(english_template, polish_event) == "en"
    assert a6.title_for("pl") == "A6 pionowy, 105 × 148 mm" and a6.title_for("en") == "A6 portrait, 105 × 148 mm"
