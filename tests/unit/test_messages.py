# SPDX-License-Identifier: MIT
"""Sentences the core builds for people exist in Polish, and a Polish organiser reads them so."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from checkin.domain import messages
from checkin.domain.messages import POLISH, say, set_language

CHECKIN = Path(__file__).resolve().parents[2] / "checkin"


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    set_language("en")


def templates_in_code() -> set[str]:
    found: set[str] = set()
    for path in CHECKIN.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "say" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return found


def test_every_template_the_core_uses_has_a_polish_sentence() -> None:
    from checkin.services.roster import _NEEDS
    from checkin.services.roster_model import ONE_PROBLEM

    used = templates_in_code() | set(_NEEDS.values()) | {ONE_PROBLEM}
    used |= {"the first name is required", "the last name is required"}  # built from the field name
    assert len(used) > 20
    assert sorted(used - POLISH.keys()) == []


def test_polish_keeps_every_placeholder() -> None:
    import string

    for english, polish in POLISH.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(polish) if f}, english


def test_unknown_language_falls_back_to_english() -> None:
    assert set_language("de") == "en"
    assert say('"{value}" is not an e-mail address', value="x") == '"x" is not an e-mail address'
    assert messages.language() == "en"


def test_a_polish_organiser_reads_row_problems_in_polish(event_engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from checkin.services.roster import RosterError, import_roster

    bad = tmp_path / "zgloszenia.csv"
    bad.write_text("Imię;Nazwisko;E-mail;Kategoria\nAnna;;anna(at)example.pl;Astronauta\n", encoding="cp1250")
    set_language("pl")
    with pytest.raises(RosterError) as exc:
        import_roster(event_engine, "kongres-sekretarzy-2022", bad)
    text = str(exc.value)
    assert "zgloszenia.csv: znaleziono problemy (3), nic nie zaimportowano" in text
    assert 'wiersz 2, kolumna „Nazwisko”: puste; każdy uczestnik musi mieć nazwisko' in text
    assert "„anna(at)example.pl” to nie jest adres e-mail" in text
    assert "„Astronauta” to nie jest kategoria" in text


def test_every_scan_decision_the_cli_prints_has_a_polish_sentence() -> None:
    from checkin.services.checkin import EXIT_MESSAGE, MESSAGES

    missing = [m for m in [*MESSAGES.values(), EXIT_MESSAGE] if m not in POLISH]
    assert missing == []
