# SPDX-License-Identifier: MIT
"""Sample badges for looking at a template before the roster exists (`checkin badge preview`).

The samples are the hard cases on purpose: every Polish diacritic, a double-barrelled surname, the
longest organisation names real Polish offices have, and a 120-character one. The PNGs under
docs/badges are made from these.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checkin.badges.render import render_badges
from checkin.badges.templates import BadgeTemplate
from checkin.domain.models import Attendee, Category, Event, EventDay

LONG_ORGANISATION = ("Regionalny Ośrodek Polityki Społecznej przy Urzędzie Marszałkowskim Województwa "
                     "Kujawsko-Pomorskiego w Toruniu, Oddział Zamiejscowy")


def sample_event() -> Event:
    return Event("kongres-sekretarzy-2022", "Ogólnopolski Kongres Sekretarzy i Kadry Samorządowej 2022",
                 "Europe/Warsaw", (EventDay(date(2022, 10, 19)), EventDay(date(2022, 10, 20))))


def sample_attendees(event_id: str = "kongres-sekretarzy-2022") -> list[Attendee]:
    rows = [
        ("Łukasz", "Żółć-Ślęzak", "Urząd Gminy Brzęczyszczykiewice", "Sekretarz Gminy", Category.PARTICIPANT),
        ("Małgorzata", "Brzęczyszczykiewicz-Wójcik", "Urząd Marszałkowski Województwa Kujawsko-Pomorskiego",
         "Dyrektor Departamentu Organizacyjnego", Category.SPEAKER),
        ("Źdźisława", "Ćwiąkalska", LONG_ORGANISATION, "Zastępca Dyrektora ds. Administracyjno-Finansowych",
         Category.PARTNER),
        ("Jędrzej", "Ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ", "Gazeta Samorządowa", "Dziennikarz", Category.MEDIA),
        ("Ewa", "Nowak", "Fundacja Rozwoju Demokracji Lokalnej", "", Category.ORGANISER),
        ("Grzegorz", "Ślusarczyk", "Hotel Mercure Warszawa Centrum", "Obsługa techniczna", Category.STAFF),
        ("Anna", "Kowalska", "Ministerstwo Spraw Wewnętrznych i Administracji", "Gość honorowy", Category.GUEST),
    ]
    return [
        Attendee(id=f"sample-{i}", event_id=event_id, first_name=first, last_name=last, organisation=org,
                 position=pos, category=cat.value, external_code=f"KS22{i:08d}", ticket_id=f"{i:032x}")
        for i, (first, last, org, pos, cat) in enumerate(rows, start=1)
    ]


def render_preview(template: BadgeTemplate, out: Path, *, language: str | None = None,
                   count: int | None = None) -> int:
    """A PDF of the sample badges on `template`; returns the page count."""
    event = sample_event()
    people = sample_attendees(event.id)
    if count is not None:
        people = people[:count]
    return render_badges(people, event, template, out, language=language, title=f"Preview: {template.title}")


def pdf_to_pngs(pdf: Path, out_stem: Path, dpi: int = 100, first_page_only: bool = True) -> list[Path]:
    """Rasterise pages with pypdfium2 (no poppler needed at a desk); returns the PNG paths."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    written: list[Path] = []
    try:
        pages = [0] if first_page_only else range(len(doc))
        for index in pages:
            image = doc[index].render(scale=dpi / 72).to_pil()
            suffix = ".png" if first_page_only else f"-{index + 1}.png"
            target = out_stem.with_name(out_stem.name + suffix)
            image.save(target, optimize=True)
            written.append(target)
    finally:
        doc.close()
    return written
