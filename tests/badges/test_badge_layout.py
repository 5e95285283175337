# SPDX-License-Identifier: MIT
"""Long Polish names and organisations shrink and wrap inside their boxes, measured like the PDF."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from checkin.badges.fonts import BOLD, POLISH_LETTERS, REGULAR, missing_glyphs, register_fonts
from checkin.badges.layout import ABSOLUTE_MIN, FittedText, fit_text, wrap
from checkin.badges.templates import list_templates

LONG_ORG_120 = ("Regionalny Ośrodek Polityki Społecznej przy Urzędzie Marszałkowskim Województwa "
                "Kujawsko-Pomorskiego w Toruniu, Oddział Zamiejscowy")
EXTREMES = {
    "first_name": ["Łukasz", "Małgorzata", "Anna-Maria Magdalena Zofia", "Źdźisław" * 4],
    "last_name": ["Żółć-Ślęzak", "Brzęczyszczykiewicz-Wójcik", "Grzegorzewska-Szczebrzeszyńska-Wiśniewska",
                  "Ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"],
    "organisation": ["Urząd Marszałkowski Województwa Kujawsko-Pomorskiego", LONG_ORG_120,
                     "Urząd Gminy Brzęczyszczykiewice", "X" * 90],
    "position": ["Zastępca Dyrektora ds. Administracyjno-Finansowych i Kontroli Zarządczej", "Sekretarz"],
    "event": ["Ogólnopolski Kongres Sekretarzy i Kadry Samorządowej 2022"],
}


def assert_fits(fitted: FittedText, width: float, height: float, text: str) -> None:
    for line in fitted.lines:
        drawn = stringWidth(line, fitted.font, fitted.size)
        assert drawn <= width + 1e-6, f"{line!r} is {drawn:.1f} pt wide in a {width:.1f} pt box"
    assert fitted.block_height <= height + 1e-6, f"{len(fitted.lines)} lines need {fitted.block_height:.1f} pt"
    joined = "".join(fitted.lines).replace(" ", "")
    assert joined == text.replace(" ", ""), "text was lost or changed"


def test_dejavu_draws_every_polish_letter() -> None:
    register_fonts()
    assert missing_glyphs(POLISH_LETTERS, REGULAR) == ""
    assert missing_glyphs(POLISH_LETTERS, BOLD) == ""
    assert missing_glyphs("Łódź 中", REGULAR) == "中"  # CJK is beyond DejaVu Sans


@pytest.mark.parametrize("template", list_templates(), ids=lambda t: t.id)
def test_extreme_names_stay_inside_every_box_of_every_template(template) -> None:  # type: ignore[no-untyped-def]
    fonts = register_fonts()
    for key, style in template.fields.items():
        for text in EXTREMES.get(key, []):
            fitted = fit_text(text, fonts.bold if style.bold else fonts.regular, style.box.w * mm, style.box.h * mm,
                              max_size=style.max_size, min_size=style.min_size, max_lines=style.max_lines,
                              wrap_below=style.wrap_below)
            assert_fits(fitted, style.box.w * mm, style.box.h * mm, text)
            assert fitted.size >= ABSOLUTE_MIN


def test_a_short_name_is_one_line_at_full_size_and_a_long_one_shrinks_first() -> None:
    register_fonts()
    short = fit_text("Ewa", BOLD, 89 * mm, 17 * mm, max_size=40, min_size=20, max_lines=2)
    assert short.lines == ("Ewa",) and short.size == 40
    long = fit_text("Brzęczyszczykiewicz-Wójcik", BOLD, 93 * mm, 15 * mm, max_size=26, min_size=13, max_lines=2)
    assert long.lines == ("Brzęczyszczykiewicz-Wójcik",) and 13 <= long.size < 26


def test_below_the_minimum_it_wraps_at_spaces_before_hyphens() -> None:
    register_fonts()
    org = fit_text("Urząd Marszałkowski Województwa Kujawsko-Pomorskiego", REGULAR, 89 * mm, 17 * mm,
                   max_size=13, min_size=7, max_lines=3, wrap_below=11)
    assert org.lines == ("Urząd Marszałkowski Województwa", "Kujawsko-Pomorskiego")
    assert org.size == 13
    name = fit_text("Grzegorzewska-Szczebrzeszyńska-Wiśniewska", BOLD, 60 * mm, 20 * mm, max_size=20, min_size=14,
                    max_lines=2)
    assert len(name.lines) == 2 and name.lines[0].endswith("-")


def test_one_letter_words_do_not_end_a_line() -> None:
    register_fonts()
    lines = wrap("Ministerstwo Spraw Wewnętrznych i Administracji", REGULAR, 13, 89 * mm)
    assert not any(line.endswith(" i") for line in lines)
    assert "i Administracji" in " ".join(lines)


def test_a_word_wider_than_the_box_is_broken_as_a_last_resort() -> None:
    register_fonts()
    fitted = fit_text("Konstantynopolitańczykowianeczka" * 3, REGULAR, 40 * mm, 12 * mm, max_size=12, min_size=7,
                      max_lines=3)
    assert len(fitted.lines) >= 2
    assert_fits(fitted, 40 * mm, 12 * mm, "Konstantynopolitańczykowianeczka" * 3)


polish_words = st.text(alphabet=POLISH_LETTERS + "abcdefghijklmnoprstuwyzABCDEFGHIJKLMNOPRSTUWYZ-", min_size=1,
                       max_size=25)


@settings(max_examples=150, deadline=None)
@given(words=st.lists(polish_words, min_size=1, max_size=12), width_mm=st.floats(20, 100),
       height_mm=st.floats(6, 30), max_lines=st.integers(1, 4))
def test_any_text_fits_any_reasonable_box(words: list[str], width_mm: float, height_mm: float, max_lines: int) -> None:
    register_fonts()
    text = " ".join(words)
    fitted = fit_text(text, BOLD, width_mm * mm, height_mm * mm, max_size=30, min_size=7, max_lines=max_lines)
    assert_fits(fitted, width_mm * mm, height_mm * mm, text)
