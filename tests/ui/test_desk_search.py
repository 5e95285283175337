# SPDX-License-Identifier: MIT
"""A volunteer searches without Polish letters, admits the person, fixes a typo, and undoes a mistake."""

from __future__ import annotations

from PySide6.QtCore import Qt

from checkin.domain.results import ScanResult
from checkin.services.headcount import headcount


def present_day1(ctx) -> int:  # type: ignore[no-untyped-def]
    return headcount(ctx.engine).days[0].present


def test_search_without_diacritics_finds_and_admits(qtbot, make_window, ctx):
    window = make_window()
    desk = window.desk
    qtbot.keyClick(desk, Qt.Key.Key_F2)
    assert desk.stack.currentWidget() is desk.search
    qtbot.keyClicks(desk.search.box, "lukasz zolc", delay=70)  # human typing speed
    qtbot.waitUntil(lambda: desk.search.shown_query == "lukasz zolc", timeout=5_000)
    first = desk.search.results[0]
    assert first.attendee.full_name == "Łukasz Żółć-Ślęzak"
    assert desk.search.table.item(0, 1).text() == "not yet"

    qtbot.keyClick(desk.search.box, Qt.Key.Key_Return)  # Enter admits the selected person
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    assert desk.result.name.text() == "Łukasz Żółć-Ślęzak"
    assert desk.stack.currentWidget() is desk.camera_view  # back to scanning
    assert present_day1(ctx) == 1

    desk.open_search("zolc slezak")
    qtbot.waitUntil(lambda: bool(desk.search.results) and desk.search.results[0].present_since is not None,
                    timeout=5_000)
    assert desk.search.table.item(0, 1).text() == "present since 09:12 (Desk 1)"


def test_undo_takes_the_check_in_back_out_of_the_headcount(qtbot, make_window, ctx):
    window = make_window()
    desk = window.desk
    desk.handle_code("KS2214983908")  # Łukasz's ticket number, typed by the handheld scanner
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    qtbot.waitUntil(lambda: desk.recent.latest_undoable() is not None, timeout=5_000)
    assert present_day1(ctx) == 1

    qtbot.keyClick(desk, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.result.decision is not None
                    and desk.result.decision.result is ScanResult.VOID, timeout=5_000)
    assert desk.result.headline.text() == "Check-in undone"
    assert window.sounds.played[-1] == "void"
    assert present_day1(ctx) == 0
    qtbot.waitUntil(lambda: desk.present == 0, timeout=5_000)
    qtbot.waitUntil(lambda: desk.recent.items and desk.recent.items[0].voided, timeout=5_000)
    assert "undone" in desk.recent.list.item(0).text()

    # after the undo window nothing is left to undo, and the desk says so instead of guessing
    desk.handle_code("KS2214983908")
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    qtbot.waitUntil(lambda: desk.recent.latest_undoable() is not None, timeout=5_000)
    ctx.checkin.clock.set_local("2022-10-19 09:30")
    desk.undo_last()
    assert desk.result.headline.text() == "Nothing to undo"
    assert present_day1(ctx) == 1


def test_correcting_a_misspelt_institution(qtbot, make_window, ctx):
    window = make_window()
    desk = window.desk
    desk.open_search("cwiakalska")
    qtbot.waitUntil(lambda: bool(desk.search.results), timeout=5_000)
    desk.search.correct.click()
    dialog = desk.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.fields["organisation"].setText("Starostwo Powiatowe w Łęcznej — Wydział Organizacyjny")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: desk.search.results and desk.search.results[0].attendee.organisation.endswith(
        "Wydział Organizacyjny"), timeout=5_000)
    assert desk.search.results[0].attendee.version == 2

    desk.search.correct.click()
    dialog = desk.dialog
    dialog.fields["last_name"].setText("")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5_000)
    assert dialog.isVisible()  # nothing saved, the volunteer sees why
    assert "last" in dialog.error.text().lower() or "surname" in dialog.error.text().lower()


def test_a_walk_in_is_registered_checked_in_and_found(qtbot, make_window, ctx):
    window = make_window()
    desk = window.desk
    qtbot.keyClick(desk, Qt.Key.Key_F3)
    dialog = desk.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.fields["first_name"].setText("Zdzisław")
    dialog.fields["last_name"].setText("Chrząszczewski")
    dialog.fields["organisation"].setText("Urząd Gminy Brzęczyszczykiewice")
    dialog.fields["email"].setText("z.chrzaszczewski@example.gov.pl")
    dialog.print_badge.setChecked(False)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    assert not dialog.isVisible()
    assert desk.result.name.text() == "Zdzisław Chrząszczewski"
    assert desk.result.decision is not None and desk.result.decision.checkpoint.key == "day:2022-10-19"
    assert present_day1(ctx) == 1

    desk.open_search("zdzislaw chrzaszczewski")
    qtbot.waitUntil(lambda: bool(desk.search.results) and desk.search.results[0].present_since is not None,
                    timeout=5_000)


def test_walk_in_mistakes_are_explained_in_polish_next_to_the_field(qtbot, make_window, ctx):
    window = make_window("pl")
    desk = window.desk
    qtbot.keyClick(desk, Qt.Key.Key_F3)
    dialog = desk.dialog
    dialog.fields["first_name"].setText("Zdzisław")
    dialog.fields["email"].setText("z.chrzaszczewski(at)example.gov.pl")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.error.text() == "Wpisz nazwisko."
    assert "border" in dialog.fields["last_name"].styleSheet()
    dialog.fields["last_name"].setText("Chrząszczewski")
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == ("„z.chrzaszczewski(at)example.gov.pl” nie wygląda na adres e-mail "
                                   "(nazwa@przyklad.pl).")
    assert present_day1(ctx) == 0  # nothing registered while the form is wrong
