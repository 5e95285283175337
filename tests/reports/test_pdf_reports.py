# SPDX-License-Identifier: MIT
"""The printed documents: attendance lists to sign and certificates, read back with poppler."""

from __future__ import annotations

import math
import re
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from reportdata import DAY1, Congress, pdftotext

from checkin.domain.models import Checkpoint
from checkin.reports import ReportError, export_attendance, export_certificate, export_no_shows, export_sessions
from checkin.reports.pdf_list import rows_per_page


def assert_fonts_embedded(path: Path) -> None:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    fonts = out.splitlines()[2:]
    assert fonts and all("DejaVuSans" in line for line in fonts), out
    assert all(line.split()[-5] == "yes" for line in fonts), out  # the 'emb' column


def test_attendance_list_to_sign(congress: Congress, tmp_path: Path) -> None:
    out = tmp_path / "lista.pdf"
    result = export_attendance(congress.engine, DAY1, "pdf", out)
    assert result.pages == 1
    text = pdftotext(out)
    assert "Ogólnopolski Kongres Sekretarzy i Kadry Samorządowej 2022" in text
    assert "Hotel Mercure Warszawa Centrum, ul. Złota 48/54, Warszawa" in text
    assert "Lista obecności — 19.10.2022 (Dzień 1 — środa)" in text
    for heading in ("Lp.", "Nazwisko i imię", "Instytucja / stanowisko", "Wejście", "Podpis"):
        assert heading in text
    order = [text.index(name) for name in ("Ćwiąkalska", "Formułowa", "Sowa", "Żółć-Ślęzak")]
    assert order == sorted(order), "surnames in Polish alphabetical order"
    assert "Brzęczyszczykiewicz" not in text  # the undone check-in
    # two-line rows: surname and time above, Lp. and first name below
    assert re.search(r"Żółć-Ślęzak .*09:12\s*\n\s*4\s+Łukasz", text), "Lp. 4 and the Warsaw time"
    assert "Strona 1 z 1" in text
    assert_fonts_embedded(out)


def test_long_list_repeats_the_header_and_numbers_pages(congress: Congress, add_attendee: Any, service: Any,
                                                        clock: Any) -> None:
    clock.set_local("2022-10-19 08:00")
    for i in range(70):
        person = add_attendee(f"Uczestnik{i:02d}", f"Żądło{i:02d}", organisation="Urząd Gminy Łęknica")
        clock.now += timedelta(seconds=20)
        service.admit(person.id, Checkpoint(DAY1))
    out = Path(congress.engine.url.database or "").parent / "dluga.pdf"
    result = export_attendance(congress.engine, DAY1, "pdf", out)
    expected_pages = math.ceil(74 / rows_per_page())
    assert result.pages == expected_pages >= 3
    for page in range(1, expected_pages + 1):
        text = pdftotext(out, page)
        assert "Ogólnopolski Kongres Sekretarzy i Kadry Samorządowej 2022" in text
        assert "Podpis" in text
        assert f"Strona {page} z {expected_pages}" in text
    last = pdftotext(out, expected_pages)
    assert any(line.split()[:1] == ["74"] for line in last.splitlines()), "Lp. runs on across pages"
    assert "(cd.)" in pdftotext(out, 2)


def test_session_and_no_show_lists(congress: Congress, tmp_path: Path) -> None:
    out = tmp_path / "sesje.pdf"
    result = export_sessions(congress.engine, None, "pdf", out)
    assert result.pages == 12  # one page per session of the demo programme, even the empty ones
    text = pdftotext(out, 1)
    assert "Otwarcie kongresu" in text and "D1-OTW" in text and "Sowa" in text and "Strona 1 z 12" in text
    assert "Brak osób na liście." in pdftotext(out, 2)

    out = tmp_path / "nieobecni.pdf"
    export_no_shows(congress.engine, DAY1, "pdf", out, with_email=True)
    text = pdftotext(out)
    assert "Nieobecni — 19.10.2022" in text
    order = [text.index(n) for n in ("Brzęczyszczykiewicz", "Cudny", "Śliwa")]
    assert order == sorted(order)
    assert "Anulowana" not in text and "Drugodniowa" not in text


def test_certificate_in_polish_and_english(congress: Congress, tmp_path: Path) -> None:
    """A one-person certificate is numbered in the register and lists the sessions with their hours."""
    pl = tmp_path / "zaswiadczenie.pdf"
    export_certificate(congress.engine, "KS22-1000", pl)
    text = " ".join(pdftotext(pl).split())
    assert "ZAŚWIADCZENIE O UDZIALE" in text and "Nr KS/2022/0001" in text
    assert "Łukasz Żółć-Ślęzak" in text and "Urząd Gminy Brzęczyszczykiewice" in text
    assert "w dniach 19–20 października 2022 r." in text
    assert "Otwarcie kongresu i sesja plenarna" in text and "Łączny wymiar godzin: 8,25 godz." in text
    assert "Warszawa, 20 października 2022 r." in text
    assert "Administratorem danych osobowych" in text  # the organiser's RODO clause
    assert_fonts_embedded(pl)

    en = tmp_path / "certificate.pdf"
    export_certificate(congress.engine, congress.people["stefan"].id, en, lang="en")
    text = " ".join(pdftotext(en).split())
    assert "CERTIFICATE OF ATTENDANCE" in text and "Stefan Sowa" in text and "No. KS/2022/0002" in text
    assert "Otwarcie kongresu i sesja plenarna" in text and "Total hours: 4.5 h" in text
    assert "Warszawa, 20 October 2022" in text


def test_no_certificate_for_someone_whose_check_in_was_undone(congress: Congress, tmp_path: Path) -> None:
    out = tmp_path / "z.pdf"
    with pytest.raises(ReportError, match="Grzegorz Brzęczyszczykiewicz has no recorded attendance"):
        export_certificate(congress.engine, congress.people["grzegorz"].id, out)
    with pytest.raises(ReportError, match="language 'de'"):
        export_certificate(congress.engine, "KS22-1000", out, lang="de")
    assert not out.exists()


def test_long_text_shrinks_wraps_or_ends_with_an_ellipsis_but_never_overflows() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from checkin.reports.fonts import register_fonts
    from checkin.reports.pdf_list import fit, wrap2

    regular, bold = register_fonts()
    org = "Gminny Ośrodek Pomocy Społecznej w Chrząszczyżewoszycach, powiat Łękołody, województwo lubelskie"
    text, size = fit("Brzęczyszczykiewicz-Wójcik", bold, 8.5, 100, 6.5)
    assert stringWidth(text, bold, size) <= 100 and 6.5 <= size < 8.5
    assert text.startswith("Brzęczyszczykiewicz")
    line1, line2, size = wrap2(org, regular, 7.5, 170, 6)
    assert stringWidth(line1, regular, size) <= 170 and stringWidth(line2, regular, size) <= 170
    assert line1.startswith("Gminny Ośrodek") and line2.endswith("…")  # too long even for two lines
    assert wrap2("Urząd Gminy Ząbki", regular, 7.5, 170, 6) == ("Urząd Gminy Ząbki", "", 7.5)
