# SPDX-License-Identifier: MIT
"""The handheld scanner types into whatever has the focus; the desk still gets the code, the
search box is left clean, and a person typing at human speed is never interrupted."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_handheld_scan_lands_on_the_desk_even_while_the_search_box_has_focus(qtbot, make_window):
    window = make_window()
    desk = window.desk
    desk.open_search()
    qtbot.keyClicks(desk.search.box, "Kowal", delay=70)  # a volunteer starts typing a name...
    box = desk.search.box
    box.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is box, timeout=2_000)
    qtbot.keyClicks(box, "KS2214983908")  # ...and a scanner types a ticket at machine speed
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    assert desk.result.name.text() == "Łukasz Żółć-Ślęzak"
    assert box.text() == "Kowal"  # the scanned code was taken back out of the box
    assert desk.result.decision is not None and desk.result.decision.result.value == "accepted"


def test_a_misconfigured_scanner_gets_a_red_panel_with_the_reason(qtbot, make_window):
    window = make_window()
    desk = window.desk
    desk.setFocus()
    target = QApplication.focusWidget() or window  # keys go where the focus is, as from a real keyboard
    qtbot.keyClicks(target, "CK1" + "A" * 144)  # well-formed but not signed by the event's key
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.result.state == "error", timeout=5_000)
    assert desk.result.headline.text() == "Not admitted"


def test_on_a_day_without_the_event_nothing_is_recorded_until_the_day_is_chosen(qtbot, make_window, ctx):
    ctx.checkin.clock.now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # the demo, years later
    window = make_window()
    desk = window.desk
    assert desk.checkpoint is None
    assert desk.picker.warning.isVisibleTo(desk)
    assert "is not a day of this event" in desk.picker.warning.text()

    desk.handle_code("KS2214983908")
    assert desk.result.state == "error"
    assert desk.result.headline.text() == "Choose the day first"
    assert desk.recent.list.count() == 0

    assert desk.picker.select_key("day:2022-10-20")
    assert desk.checkpoint is not None and desk.checkpoint.day.isoformat() == "2022-10-20"
    assert "not for today" in desk.picker.warning.text()
    desk.handle_code("KS2214983908")
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    assert desk.result.decision is not None and desk.result.decision.checkpoint.key == "day:2022-10-20"
