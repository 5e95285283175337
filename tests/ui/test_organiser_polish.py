# SPDX-License-Identifier: MIT
# ruff: noqa: F811  (pytest fixtures imported from tests/ui/admin_fixtures.py are parameters here)
"""A Polish coordinator and organiser see no English on the dashboard and the organiser screens."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from checkin.app import AppContext
from checkin.config import set_organiser_password
from checkin.ui.dashboard.view import DashboardView
from checkin.ui.organiser.view import OrganiserView
from checkin.ui.tasks import TaskManager
from tests.ui.admin_fixtures import (  # noqa: F401 (fixtures)
    admin_demo_template,
    ctx,
    day_one,
    demo_codes,
    tasks,
    warsaw_clock,
)
from tests.ui.translation_check import compiled_matches

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "checkin_admin_pl.ts"
QM = TS.with_suffix(".qm")
SOURCES = sorted([*(ROOT / "checkin/ui/dashboard").glob("*.py"), *(ROOT / "checkin/ui/organiser").glob("*.py")])
PLACEHOLDER = re.compile(r"\{\w+\}")


def _messages(path: Path) -> list[tuple[str, str, str, str]]:
    """(context, source, translation, type) for every current message."""
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            out.append((name, m.findtext("source") or "", tr.text or "", tr.get("type", "")))
    return out


def test_every_string_has_a_finished_polish_translation_with_the_same_placeholders() -> None:
    messages = [m for m in _messages(TS) if m[3] not in ("vanished", "obsolete")]
    assert len(messages) > 200
    for context, source, translation, kind in messages:
        assert kind == "" and translation.strip(), f"{context}: '{source}' is not translated"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (context, source)


def test_the_catalogue_matches_the_code(tmp_path: Path) -> None:
    """A string added in the code but not run through lupdate would show up in English."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *map(str, SOURCES), "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {(c, s) for c, s, _, _ in _messages(fresh)}
    in_catalogue = {(c, s) for c, s, _, k in _messages(TS) if k not in ("vanished", "obsolete")}
    assert in_code - in_catalogue == set(), "run pyside6-lupdate and translate the new strings"
    assert compiled_matches(TS, QM), "run pyside6-lrelease after editing the .ts"


@pytest.fixture
def polish(qapp: QCoreApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def _english() -> set[str]:
    """Source strings whose Polish differs (so seeing them on screen means a missed translation)."""
    return {s for _, s, t, k in _messages(TS) if s != t and k not in ("vanished", "obsolete")}


def _visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            texts.extend(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QTableWidget):
            texts.extend(w.horizontalHeaderItem(c).text() for c in range(w.columnCount()) if w.horizontalHeaderItem(c))
    return [t for t in texts if t]


def _untranslated(root: QWidget) -> list[str]:
    english = _english()
    found = []
    for text in _visible_texts(root):
        plain = re.sub(r"<[^>]+>", " ", text)
        for source in english:
            if "{" in source:
                pattern = re.escape(source)
                pattern = re.sub(r"\\\{\w+\\\}", ".*", pattern)
                if re.fullmatch(pattern, text, re.S):
                    found.append(text)
            elif source == text or source == plain.strip():
                found.append(text)
    return found


def test_dashboard_in_polish(qtbot, polish: QTranslator, ctx: AppContext, tasks: TaskManager) -> None:
    for code, _ in demo_codes(ctx, limit=5):
        ctx.checkin.scan(code, day_one(ctx))
    view = DashboardView(ctx, tasks)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.refreshed, timeout=5000):
        view.show()
    assert view.sessions.horizontalHeaderItem(6).text() == "Teraz na sali"
    assert "zarejestrowanych" in view.day_panel.registered_label.text()
    assert "Uczestnicy" in view.day_panel.category_counts()
    assert _untranslated(view) == []
    view.toggle_projector()
    assert view.projector is not None
    qtbot.addWidget(view.projector)
    assert _untranslated(view.projector) == []
    view.projector.close()


def test_organiser_screens_in_polish(qtbot, polish: QTranslator, ctx: AppContext, tasks: TaskManager) -> None:
    view = OrganiserView(ctx, tasks)
    qtbot.addWidget(view)
    view.show()
    assert view.lock_page.unlock_button.text() == "Ustaw hasło i odblokuj"
    assert _untranslated(view) == []
    set_organiser_password(ctx.engine, "hasło-organizatora")
    view.lock_page.reset()
    assert view.lock_page.title.text() == "Narzędzia organizatora są zablokowane"
    view.lock_page.password.setText("hasło-organizatora")
    with qtbot.waitSignal(view.unlocked, timeout=10_000):
        view.lock_page.submit()
    assert view.tabs is not None
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == [
        "Wydarzenie", "Import", "Bilety", "Identyfikatory", "Eksport", "Ustawienia", "Wstrzymane", "Usuwanie danych",
        "Wolontariusze"]
    qtbot.waitUntil(lambda: view.pages["Wipe"].preview is not None, timeout=10_000)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.pages["Event"].table.rowCount() > 0, timeout=10_000)  # type: ignore[attr-defined]
    assert _untranslated(view) == []
    wipe = view.pages["Wipe"]
    assert wipe.state_label.text().startswith("Usunięcie danych nie jest jeszcze możliwe")  # type: ignore[attr-defined]


def test_held_rows_are_corrected_and_sent_again_from_the_organiser_tools(
        qtbot, polish: QTranslator, ctx: AppContext, tasks: TaskManager) -> None:
    """A check-in the venue database refused (a 135-character operator) waits on the "Held back" page:
    the organiser corrects the field the reason names and sends it again, or dismisses another."""
    from checkin.domain.models import Checkpoint
    from checkin.services.checkin import CheckInService
    from checkin.storage.outbox import oldest
    from checkin.sync.held import held_items, hold

    long_name = "Małgorzata Wójcik-Jabłońska-Szczebrzeszyńska " * 3
    careless = CheckInService(ctx.engine, ctx.desk, operator=long_name, clock=ctx.clock)
    day = Checkpoint(ctx.event().dates[0])
    with ctx.engine.connect() as conn:
        people = [r[0] for r in conn.exec_driver_sql("SELECT id FROM attendee LIMIT 2")]
        before = {seq for seq, _k, _r in oldest(conn, 100_000)}
    for person in people:
        careless.admit(person, day)
    with ctx.engine.connect() as conn:
        queued = [seq for seq, kind, _r in oldest(conn, 100_000) if seq not in before and kind == "scan"]
    for seq in queued:  # what the push does when the hub says so
        hold(ctx.engine, seq, "value too long for type character varying(100)")
    set_organiser_password(ctx.engine, "hasło-organizatora")
    view = OrganiserView(ctx, tasks)
    qtbot.addWidget(view)
    view.show()
    view.lock_page.reset()
    view.lock_page.password.setText("hasło-organizatora")
    with qtbot.waitSignal(view.unlocked, timeout=10_000):
        view.lock_page.submit()
    page = view.pages["Held"]
    view.tabs.setCurrentWidget(page)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)  # type: ignore[attr-defined]
    assert "operator is 135 characters long" in page.table.item(0, 3).text()  # type: ignore[attr-defined]
    assert _untranslated(view) == []
    page.table.selectRow(0)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.field.currentText() == "operator", timeout=10_000)  # type: ignore[attr-defined]
    assert page.value.text() == long_name  # type: ignore[attr-defined]
    page.value.setText("M. Wójcik-Jabłońska")  # type: ignore[attr-defined]
    view.resize(1366, 768)
    qtbot.wait(100)
    view.grab().save("/tmp/checkin-shots/organiser-held-pl.png")
    page.resend_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)  # type: ignore[attr-defined]
    page.table.selectRow(0)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.dismiss_button.isEnabled(), timeout=10_000)  # type: ignore[attr-defined]
    page.dismiss_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10_000)  # type: ignore[attr-defined]
    assert "Odrzucono" in page.message.text()  # type: ignore[attr-defined]
    states = sorted(h.state for h in held_items(ctx.engine, include_resolved=True))
    assert states == ["dismissed", "resent"]
    resent = next(h for h in held_items(ctx.engine, include_resolved=True) if h.state == "resent")
    with ctx.engine.connect() as conn:
        operator = conn.exec_driver_sql("SELECT operator FROM scan WHERE id = ?", (resent.ref_id,)).scalar()
    assert operator == "M. Wójcik-Jabłońska"
