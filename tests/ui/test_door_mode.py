# SPDX-License-Identifier: MIT
"""Door mode at a two-seat workshop, on the small screens volunteers carry to room doors.

The whole story through the real window: scans typed by the handheld scanner (through the
app-wide filter), the IN/OUT switch flipped with the key and with the printed OUT card, and at
every step nothing on screen overlapping or cut off, at 800×480 and at 1024×600.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from sqlalchemy import text

from checkin.services.door import DIRECTION_CARD
from checkin.services.event import resolve_checkpoint
from checkin.storage.db import write_tx

# three people registered for the RODO workshop (Sala Moniuszko, 15:45–17:15, exits counted)
DOROTA, JADWIGA, ELZBIETA = "KS2232408723", "KS2220822915", "KS2263298945"


def scan(qtbot, window, code: str) -> None:  # type: ignore[no-untyped-def]
    """As the handheld scanner does it: fast keys into whatever has the focus, then Enter."""
    target = QApplication.focusWidget() or window
    qtbot.keyClicks(target, code)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def assert_fits(door, window) -> None:  # type: ignore[no-untyped-def]
    """Every part inside the window, no two parts overlapping, no text cut off."""
    for _ in range(3):  # let pending layout requests run, as the next paint would
        QApplication.processEvents()
    parts = {"header": door.header, "result": door.result, "in": door.in_button, "out": door.out_button,
             "hint": door.switch_hint, "auto": door.auto_box, "preview": door.preview,
        "icon": door.result.icon, "word": door.result.word, "name": door.result.name, "detail": door.result.detail,
             "last title": door.last_title, "lock": door.lock_button,
             **{f"last {i}": label for i, label in enumerate(door.last_labels)}}
    area = window.rect()
    rects = {name: rect_in(w, window) for name, w in parts.items() if w.isVisibleTo(window)}
    inner = {k: rects.pop(k) for k in ("icon", "word", "name", "detail") if k in rects}
    for a, ra in inner.items():  # the result's own parts: inside it and apart from each other
        assert rects["result"].contains(ra), f"{a} {ra} leaves the result {rects['result']}"
        for b, rb in inner.items():
            assert a == b or not ra.intersects(rb), f"{a} {ra} overlaps {b} {rb}"
    for name, r in rects.items():
        assert area.contains(r), f"{name} {r} leaves the {area.width()}×{area.height()} window"
        assert r.height() > 0 and r.width() > 0, name
    names = list(rects)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not rects[a].intersects(rects[b]), f"{a} {rects[a]} overlaps {b} {rects[b]}"
    for label in (door.result.word, door.present_label, door.inside_label):
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width() + 1, label.text()
    for label in (door.result.name, door.result.detail, door.title_label, door.switch_hint):
        if label.text():
            assert label.heightForWidth(label.width()) <= label.height() + 2, f"cut off: {label.text()!r}"
    for button in (door.in_button, door.out_button, door.lock_button):
        if button.isVisibleTo(window):
            assert button.fontMetrics().horizontalAdvance(button.text()) <= button.width() - 8, button.text()
    if door.auto_box.isVisibleTo(window):
        box = door.auto_box
        assert box.fontMetrics().horizontalAdvance(box.text()) + 22 <= box.width(), box.text()
    for label in door.last_labels:
        assert isinstance(label, QLabel)


@pytest.mark.parametrize("size", [(800, 480), (1024, 600)])
def test_two_seats_in_in_full_out_in(qtbot, make_window, ctx, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    with write_tx(ctx.engine) as conn:
        conn.execute(text("UPDATE session SET capacity = 2 WHERE code = 'D1-WS-RODO'"))
    ctx.checkin.clock.now = datetime(2022, 10, 19, 13, 40, tzinfo=UTC)  # 15:40 in Warsaw
    window = make_window()
    rodo = resolve_checkpoint(ctx.engine, ctx.event(), session_code="D1-WS-RODO")
    door = window.enter_door_mode(rodo, fullscreen=False)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0] and window.size().height() == size[1], timeout=3_000)
    qtbot.waitUntil(lambda: door.status is not None, timeout=5_000)
    assert not window.menuBar().isVisible()
    assert door.room_label.text() == "Sala Moniuszko"
    assert door.present_label.text() == "Present 0" and door.inside_label.text() == "Inside now 0 / 2"
    assert door.mode == "in"
    assert_fits(door, window)

    def shown(word: str, name: str) -> None:
        qtbot.waitUntil(lambda: (door.result.word.text(), door.result.name.text()) == (word, name), timeout=5_000)
        def refreshed() -> bool:
            return bool(door.status is not None and door.status.last
                        and door.status.last[0].time == door.result.decision.device_time)

        try:
            qtbot.waitUntil(refreshed, timeout=5_000)
        except Exception:
            raise AssertionError(f"{door.status} {door.result.decision}") from None
        assert_fits(door, window)

    def scan_at_door(code: str) -> None:
        scan(qtbot, window, code)

    scan_at_door(DOROTA)
    shown("COME IN", "Dorota Andrzejewska")
    assert door.result.state == "ok"
    scan_at_door(JADWIGA)
    shown("COME IN", "Jadwiga Malinowska")
    assert door.present_label.text() == "Present 2" and door.inside_label.text() == "Inside now 2 / 2"
    scan_at_door(ELZBIETA)
    shown("FULL", "Elżbieta Rutkowska-Laskowska")
    assert door.result.state == "error" and door.result.detail.text() == "The session is full."
    assert door.sounds.played[-1] == "rejected"

    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F9)  # the IN/OUT key
    assert door.mode == "out" and door.out_button.isChecked()
    scan_at_door(DOROTA)
    shown("EXIT", "Dorota Andrzejewska")
    assert door.result.decision.direction.value == "out"
    assert door.inside_label.text() == "Inside now 1 / 2" and door.present_label.text() == "Present 2"

    scan(qtbot, window, DIRECTION_CARD)  # the printed OUT card flips it back
    qtbot.waitUntil(lambda: door.mode == "in", timeout=3_000)
    scan_at_door(ELZBIETA)
    shown("COME IN", "Elżbieta Rutkowska-Laskowska")
    assert door.present_label.text() == "Present 3" and door.inside_label.text() == "Inside now 2 / 2"
    assert [s.name for s in door.status.last[:3]] == ["Elżbieta Rutkowska-Laskowska", "Dorota Andrzejewska",
                                                      "Elżbieta Rutkowska-Laskowska"]
    assert door.last_labels[0].text().endswith("Elżbieta Rutkowska-Laskowska")


def test_auto_direction_and_leaving_needs_the_organiser_password(qtbot, make_window, ctx) -> None:  # type: ignore[no-untyped-def]
    from checkin.config import set_organiser_password

    set_organiser_password(ctx.engine, "tajne-haslo")
    ctx.checkin.clock.now = datetime(2022, 10, 19, 13, 40, tzinfo=UTC)
    window = make_window()
    rodo = resolve_checkpoint(ctx.engine, ctx.event(), session_code="D1-WS-RODO")
    door = window.enter_door_mode(rodo, auto=True, fullscreen=False)
    assert door.mode == "auto"
    scan(qtbot, window, DOROTA)
    qtbot.waitUntil(lambda: door.result.word.text() == "COME IN", timeout=5_000)
    ctx.checkin.clock.now = datetime(2022, 10, 19, 14, 30, tzinfo=UTC)  # 50 minutes later, the same person
    scan(qtbot, window, DOROTA)
    qtbot.waitUntil(lambda: door.result.word.text() == "EXIT", timeout=5_000)

    door.lock_button.click()
    qtbot.waitUntil(lambda: getattr(window, "door_dialog", None) is not None
                    and window.door_dialog.isVisible(), timeout=5_000)
    dialog = window.door_dialog
    dialog.password.setText("zgaduję")
    dialog.leave_button.click()
    qtbot.waitUntil(lambda: "not the organiser password" in dialog.message.text(), timeout=10_000)
    assert window.door is door  # still locked
    dialog.password.setText("tajne-haslo")
    dialog.leave_button.click()
    qtbot.waitUntil(lambda: window.door is None, timeout=10_000)
    assert window.pages.currentWidget() is window.tabs and window.menuBar().isVisibleTo(window)


def test_reception_desk_scans_exits_where_the_session_counts_them(qtbot, make_window, ctx) -> None:  # type: ignore[no-untyped-def]
    window = make_window()  # 09:12: the day's entrance is preselected
    ctx.checkin.clock.now = datetime(2022, 10, 19, 13, 40, tzinfo=UTC)
    window.resize(1024, 600)
    desk = window.desk
    assert not desk.direction_switch.isVisibleTo(window)  # the day's entrance: entries only
    assert desk.picker.select_key(resolve_checkpoint(ctx.engine, ctx.event(), session_code="D1-WS-RODO").key)
    assert desk.direction_switch.isVisibleTo(window)
    for _ in range(3):
        QApplication.processEvents()
    header_parts = [desk.picker, desk.count_label, desk.direction_switch]
    rects = [rect_in(w, window) for w in header_parts]
    assert all(window.rect().contains(r) for r in rects)
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])

    desk.setFocus()
    scan(qtbot, window, DOROTA)
    qtbot.waitUntil(lambda: desk.result.headline.text() == "Welcome", timeout=5_000)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F9)
    assert desk.direction_switch.out_button.isChecked()
    ctx.checkin.clock.now = datetime(2022, 10, 19, 14, 0, tzinfo=UTC)
    scan(qtbot, window, DOROTA)
    qtbot.waitUntil(lambda: desk.result.headline.text() == "Goodbye", timeout=5_000)
    assert desk.result.decision.direction.value == "out"
    scan(qtbot, window, DIRECTION_CARD)
    qtbot.waitUntil(lambda: desk.direction_switch.in_button.isChecked(), timeout=3_000)
    scan(qtbot, window, DOROTA)
    qtbot.waitUntil(lambda: desk.result.headline.text() == "Welcome back", timeout=5_000)
    assert desk.result.decision.reason == "re_entry"


def test_the_door_dialog_saves_the_out_card(qtbot, make_window, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_door_dialog()
    qtbot.waitUntil(lambda: getattr(window, "door_dialog", None) is not None and window.door_dialog.isVisible(),
                    timeout=5_000)
    dialog = window.door_dialog
    assert dialog.card_button.isVisible() and not dialog.password.isVisible()  # entering needs no password
    card = tmp_path / "karta-wyjscie.pdf"
    dialog.save_out_card(str(card))
    qtbot.waitUntil(lambda: "Saved" in dialog.message.text(), timeout=10_000)
    assert card.read_bytes().startswith(b"%PDF")
    dialog.ok_button.click()  # start door mode for the preselected checkpoint
    qtbot.waitUntil(lambda: window.door is not None, timeout=5_000)
    assert window.door.checkpoint.key == dialog.checkpoint().key
