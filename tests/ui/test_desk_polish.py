# SPDX-License-Identifier: MIT
"""A Polish volunteer sees a Polish desk: every desk string is translated and shown translated."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget

from tests.ui.translation_check import compiled_matches

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "checkin_desk_pl.ts"
QM = TS.with_suffix(".qm")


def messages() -> list[tuple[str, str, str, str]]:
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        for m in ctx.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            out.append((ctx.findtext("name") or "", m.findtext("source") or "", tr.text or "",
                        tr.get("type", "")))
    return out


def test_every_desk_string_has_a_finished_polish_translation():
    found = messages()
    assert len(found) > 100
    unfinished = [(c, s) for c, s, t, kind in found if not t.strip() or kind in ("unfinished", "vanished", "obsolete")]
    assert unfinished == []
    placeholders = [(s, t) for _c, s, t, _k in found
                    if sorted(re.findall(r"\{\w+\}", s)) != sorted(re.findall(r"\{\w+\}", t))]
    assert placeholders == []  # every {name} survives translation
    assert compiled_matches(TS, QM), "run pyside6-lrelease after editing the .ts"


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel | QAbstractButton) and w.text():
            texts.append(w.text())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
    texts += [a.text() for a in root.menuBar().actions()] if hasattr(root, "menuBar") else []
    return texts


def test_the_polish_desk_shows_no_english_and_speaks_polish_after_scans(qtbot, make_window, ctx):
    window = make_window("pl")
    desk = window.desk
    english = {s for _c, s, t, _k in messages() if s != t}
    shown = visible_texts(window)
    assert "Gotowe do skanowania" in shown
    assert "Recepcja" in shown and "Szukaj (F2)" in shown
    leaked = [text for text in shown if text in english]
    assert leaked == []

    desk.handle_code("KS2214983908")
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    assert desk.result.headline.text() == "Witamy"
    assert desk.result.category.text() == "UCZESTNIK"
    desk.handle_code("KS2214983908")
    qtbot.waitUntil(lambda: desk.result.state == "warn", timeout=5_000)
    assert desk.result.detail.text() == "Już zarejestrowany o 09:12 przy stanowisku Desk 1."
    desk.open_search("zolc")
    qtbot.waitUntil(lambda: bool(desk.search.results) and desk.search.table.item(0, 1) is not None, timeout=5_000)
    assert desk.search.table.item(0, 1).text() == "obecny od 09:12 (Desk 1)"
    leaked = [text for text in visible_texts(window) if text in english]
    assert leaked == []


def test_switching_to_english_from_the_menu_rebuilds_the_desk_and_remembers_it(qtbot, make_window, ctx):
    window = make_window("pl")
    assert window.desk.result.headline.text() == "Gotowe do skanowania"
    window.switch_language("en")
    assert window.desk.result.headline.text() == "Ready to scan"
    assert window.tabs.tabText(0) == "Reception desk"
    qtbot.waitUntil(lambda: window.desk.picker.choices is not None, timeout=5_000)
    window.tasks.wait(5_000)
    assert ctx.reload_settings().language == "en"
