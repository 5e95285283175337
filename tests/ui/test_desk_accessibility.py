# SPDX-License-Identifier: MIT
"""A volunteer who cannot tell red from green, works without a mouse, uses a screen reader or a larger
system font can run the desk: marks and words beside colours, every action on a key, names on widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from checkin.config import update_settings
from checkin.domain.results import ScanResult


def _unnamed(root: QWidget) -> list[str]:
    """Interactive widgets a screen reader could not name (no accessible name and no text)."""
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or _inside_a_view(w, root):
            continue
        if isinstance(w, QAbstractButton) and not (w.accessibleName() or w.text().strip()):
            out.append(f"button {w.objectName()}")
        elif isinstance(w, QComboBox | QLineEdit | QAbstractItemView) and not w.accessibleName():
            out.append(type(w).__name__)
    return out


def _inside_a_view(w: QWidget, root: QWidget) -> bool:
    """Headers, corner buttons, clear buttons and line edits of a table, combo box or search box."""
    parent = w.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractItemView | QComboBox | QLineEdit):
            return True
        parent = parent.parentWidget()
    return False


def test_results_carry_a_mark_and_a_word_and_every_control_has_a_name(qtbot, make_window, ctx):
    window = make_window("pl")
    desk = window.desk
    assert _unnamed(desk) == []
    desk.handle_code("KS2214983908")
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    marks = {desk.result.mark.text()}
    desk.handle_code("KS2214983908")
    qtbot.waitUntil(lambda: desk.result.state == "warn", timeout=5_000)
    marks.add(desk.result.mark.text())
    desk.handle_code("not-a-ticket")
    qtbot.waitUntil(lambda: desk.result.state == "error", timeout=5_000)
    marks.add(desk.result.mark.text())
    assert marks == {"✔", "●", "✖"}  # three shapes for three colours
    assert desk.result.headline.text() == "Brak wstępu"
    assert "Brak wstępu" in desk.result.accessibleDescription()
    search_visible = desk.open_search("kowal")
    del search_visible
    assert _unnamed(desk) == []


def test_a_walk_in_by_keyboard_only_then_undo_and_print_again(qtbot, make_window, ctx):
    ctx.settings = update_settings(ctx.engine, printer="Brother QL-820NWB w szatni")
    window = make_window("en")
    desk = window.desk
    qtbot.keyClick(desk, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.dialog.isVisible(), timeout=3_000)
    dialog = desk.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields["first_name"], timeout=3_000)
    # typed at a person's pace (fast bursts are the handheld scanner's, see hid_filter)
    qtbot.keyClicks(dialog.fields["first_name"], "Zdzislaw", delay=60)
    qtbot.keyClick(dialog.fields["first_name"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.fields["last_name"]
    qtbot.keyClicks(dialog.fields["last_name"], "Chrzaszczewski", delay=60)
    qtbot.keyClick(dialog.fields["last_name"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=10_000)
    assert desk.result.name.text() == "Zdzislaw Chrzaszczewski"
    qtbot.waitUntil(lambda: desk.print_notice.state == "failed", timeout=15_000)
    # print again from the keyboard: still no printer, so the notice comes back
    attempts = []
    desk.badges.print_failed.connect(lambda who, _why: attempts.append(who.full_name))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3_000)
    qtbot.keyClick(window.focusWidget() or desk, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: attempts == ["Zdzislaw Chrzaszczewski"], timeout=15_000)
    qtbot.keyClick(window.focusWidget() or desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.result.decision is not None
                    and desk.result.decision.result is ScanResult.VOID, timeout=5_000)


def test_a_larger_system_font_makes_the_result_larger(qtbot, make_window, ctx):
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    try:
        bigger = QFont(before)
        bigger.setPointSizeF(before.pointSizeF() * 1.4)
        app.setFont(bigger)
        window = make_window("en")
        assert window.desk.result.font_scale > 1.3
    finally:
        app.setFont(before)
    normal = make_window("en")
    assert normal.desk.result.font_scale < 1.2
