# SPDX-License-Identifier: MIT
"""Printing a badge at the desk when the printer is not there: the volunteer is told why, and the
badge is not lost: its PDF is named so it can be printed from another computer."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from checkin.config import update_settings
from tests.ui.conftest import find_attendee


def test_a_missing_printer_is_explained_and_the_badge_pdf_kept(qtbot, make_window, ctx):  # type: ignore[no-untyped-def]
    # the desk was set up with the cloakroom label printer, which is not connected today
    ctx.settings = update_settings(ctx.engine, printer="Brother QL-820NWB w szatni")
    window = make_window("pl")
    desk = window.desk
    lukasz = find_attendee(ctx, "lukasz zolc")
    desk.badges.print_badge(lukasz, ask_if_printed=False)
    notice = desk.print_notice
    qtbot.waitUntil(lambda: notice.state == "failed", timeout=15_000)
    detail = notice.text.text()
    assert "nie został wydrukowany" in detail and "Łukasz Żółć-Ślęzak" in detail
    assert "nie ma drukarki o nazwie „Brother QL-820NWB w szatni”" in detail
    assert notice.again.isVisible() and notice.elsewhere.isVisible()
    saved = re.search(r"Identyfikator zapisano jako (\S+\.pdf)\.", detail)
    assert saved is not None, detail
    pdf = Path(saved.group(1))
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Łukasz" in text and "Żółć-Ślęzak" in text
    assert desk.badges.last_pdf == pdf


def test_a_walk_in_without_a_printer_stays_admitted_and_ctrl_z_still_undoes_it(qtbot, make_window, ctx):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from checkin.domain.results import ScanResult
    from checkin.services.headcount import headcount

    ctx.settings = update_settings(ctx.engine, printer="Brother QL-820NWB w szatni")
    window = make_window("pl")
    desk = window.desk
    desk.open_walk_in()
    dialog = desk.dialog
    assert dialog is not None
    dialog.fields["first_name"].setText("Zdzisław")
    dialog.fields["last_name"].setText("Chrząszczewski")
    dialog.fields["organisation"].setText("Urząd Gminy Brzęczyszczykiewice")
    assert dialog.print_badge.isChecked()
    dialog._submit()
    qtbot.waitUntil(lambda: desk.print_notice.state == "failed", timeout=15_000)
    # the person is in: the panel stays green with the welcome, the printer problem sits beside it
    assert desk.result.state == "ok" and desk.result.headline.text() == "Witamy"
    assert desk.result.name.text() == "Zdzisław Chrząszczewski"
    assert headcount(ctx.engine).days[0].present == 1

    # a duplicate of someone else in between must not take the undo away
    desk.handle_code("KS2214983908")
    qtbot.waitUntil(lambda: desk.result.name.text() == "Łukasz Żółć-Ślęzak", timeout=5_000)
    desk.handle_code("KS2214983908")
    qtbot.waitUntil(lambda: desk.result.state == "warn", timeout=5_000)
    qtbot.waitUntil(lambda: bool(desk.recent.items) and desk.recent.items[0].scan.result is ScanResult.DUPLICATE,
                    timeout=5_000)
    assert desk.recent.undo.isEnabled()

    # Ctrl+Z from the keyboard, wherever the focus is, undoes the last admission (Łukasz's)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3_000)  # back from the walk-in form
    qtbot.keyClick(window.focusWidget() or desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.result.state == "void", timeout=5_000)
    assert desk.result.name.text() == "Łukasz Żółć-Ślęzak"
    assert headcount(ctx.engine).days[0].present == 1  # Zdzisław is still in

    # and again: now Zdzisław's walk-in, the one whose badge did not print
    qtbot.waitUntil(lambda: any(r.voided for r in desk.recent.items), timeout=5_000)
    qtbot.keyClick(window.focusWidget() or desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.result.state == "void" and desk.result.name.text() == "Zdzisław Chrząszczewski",
                    timeout=5_000)
    assert headcount(ctx.engine).days[0].present == 0
