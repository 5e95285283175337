# SPDX-License-Identifier: MIT
"""The self check-in kiosk as a guest meets it: their own ticket, a big welcome and a badge from
the printer; a cancelled ticket only says "please go to the desk"; the screen resets by itself;
only the organiser password closes it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from checkin.app import AppContext
from checkin.config import set_organiser_password, update_settings
from checkin.services.registration import correct_attendee
from checkin.storage import tables as t
from checkin.storage.db import write_tx
from checkin.storage.events import load_event, save_event
from checkin.ui.kiosk.kiosk_window import KioskWindow
from tests.ui.conftest import SilentPlayer, find_attendee


@pytest.fixture
def kiosk(qtbot, ctx: AppContext, tasks, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A kiosk on the demo congress at 09:12 on day 1, printing to a PDF printer (a folder)."""
    set_organiser_password(ctx.engine, "kongres2022")
    ctx.settings = update_settings(ctx.engine, printer=f"pdf:{tmp_path / 'printer'}", badge_template="a6")
    windows: list[KioskWindow] = []

    def make(language: str = "pl") -> KioskWindow:
        window = KioskWindow(ctx, tasks, language, sounds=SilentPlayer())
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.checkpoint is not None, timeout=10_000)
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.unlocked = True
        w.close()
        w.shutdown()


def visible_text(window: KioskWindow) -> str:
    return "\n".join(label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window))


def test_own_ticket_welcomes_the_guest_and_prints_their_badge(qtbot, kiosk, ctx, tmp_path):  # type: ignore[no-untyped-def]
    window = kiosk("pl")
    guest = find_attendee(ctx, "lukasz zolc")

    with qtbot.waitSignal(window.outcome_shown, timeout=10_000) as shown:
        window.handle_code(guest.external_code)  # what the handheld scanner delivers

    assert shown.args[0].welcome
    assert window.outcome.headline.text() == "Witamy, Łukasz!"
    assert "Twój identyfikator właśnie się drukuje" in visible_text(window)
    assert "Your badge is being printed" in visible_text(window)
    job = tmp_path / "printer" / "job-001.pdf"
    qtbot.waitUntil(job.exists, timeout=20_000)
    qtbot.waitUntil(lambda: printed(ctx, guest.id) == 1, timeout=10_000)  # logged once the printer took it
    document = pdfium.PdfDocument(str(job))
    width, height = document[0].get_size()
    assert len(document) == 1 and round(width / 72 * 25.4) == 105 and round(height / 72 * 25.4) == 148  # A6
    document.close()
    with ctx.engine.connect() as conn:
        scan = conn.execute(select(t.scan).where(t.scan.c.attendee_id == guest.id)).one()
    assert (scan.source, scan.result, scan.operator) == ("kiosk", "accepted", "Ania")


def printed(ctx: AppContext, attendee_id: str) -> int:
    with ctx.engine.connect() as conn:
        return len(conn.execute(select(t.badge_print).where(t.badge_print.c.attendee_id == attendee_id)).all())


def test_a_cancelled_ticket_sends_the_guest_to_the_desk_and_names_nobody(qtbot, kiosk, ctx, tmp_path):  # type: ignore[no-untyped-def]
    guest = find_attendee(ctx, "malgorzata")
    correct_attendee(ctx.engine, ctx.desk, guest.id, guest.version, status="cancelled")
    window = kiosk("pl")

    with qtbot.waitSignal(window.outcome_shown, timeout=10_000) as shown:
        window.handle_code(guest.external_code)

    assert not shown.args[0].welcome
    text = visible_text(window)
    assert "Prosimy podejść do stanowiska rejestracji" in text
    assert "Please go to the registration desk" in text
    assert guest.last_name not in text and guest.first_name not in text
    assert "anul" not in text.lower() and "cancel" not in text.lower()  # not even why
    with ctx.engine.connect() as conn:  # the attempt is logged, as a kiosk attempt
        scan = conn.execute(select(t.scan).where(t.scan.c.attendee_id == guest.id)).one()
    assert (scan.source, scan.result) == ("kiosk", "cancelled")
    qtbot.wait(500)
    assert not (tmp_path / "printer").exists()  # nothing printed


def test_the_screen_returns_to_the_welcome_page_by_itself(qtbot, kiosk, ctx):  # type: ignore[no-untyped-def]
    window = kiosk("pl")
    window.idle_seconds = 0.5
    with qtbot.waitSignal(window.outcome_shown, timeout=10_000):
        window.handle_code("KS-NIEZNANY-KOD")
    assert window.stack.currentWidget() is window.outcome
    with qtbot.waitSignal(window.returned_to_welcome, timeout=5_000):
        pass
    assert window.stack.currentWidget() is window.welcome
    assert "Zeskanuj kod QR ze swojego biletu" in visible_text(window)


def test_surname_and_booking_code_when_the_event_allows_it(qtbot, kiosk, ctx):  # type: ignore[no-untyped-def]
    with write_tx(ctx.engine) as conn:
        event = load_event(conn)
        save_event(conn, replace(event, settings={**event.settings, "kiosk_lookup": "booking_code,phone"}))
    ctx.settings = update_settings(ctx.engine, printer="")
    guest = find_attendee(ctx, "lukasz zolc")
    window = kiosk("en")
    assert window.welcome.form is not None and window.welcome.surname is not None

    # a surname alone, or someone else's code, finds nobody: the guest is sent to the desk
    with qtbot.waitSignal(window.outcome_shown, timeout=10_000) as shown:
        window.handle_typed("Żółć-Ślęzak", "KS22-1001")
    assert not shown.args[0].welcome
    window.show_welcome()
    # typed without Polish letters, with their own registration number
    with qtbot.waitSignal(window.outcome_shown, timeout=10_000) as shown:
        window.handle_typed("zolc-slezak", guest.external_ref)
    assert shown.args[0].welcome and window.outcome.headline.text() == "Welcome, Łukasz!"
    window.show_welcome()
    # the last four digits of a phone work too (+48 882 130 283)
    other = find_attendee(ctx, "brzeczyszczykiewicz-wojcik")
    with qtbot.waitSignal(window.outcome_shown, timeout=10_000) as shown:
        window.handle_typed("Brzęczyszczykiewicz-Wójcik", "0283")
    assert shown.args[0].welcome and shown.args[0].decision.attendee.id == other.id


def test_only_the_organiser_password_closes_the_kiosk(qtbot, kiosk):  # type: ignore[no-untyped-def]
    window = kiosk("pl")
    window.close()  # Alt+F4, a stray click: the kiosk stays
    assert window.isVisible()
    window.ask_to_leave()
    dialog = window.exit_dialog
    assert dialog is not None
    dialog.password.setText("haslo")
    dialog.ok.click()
    assert window.isVisible() and "To nie jest hasło organizatora." in dialog.error.text()
    dialog.password.setText("kongres2022")
    dialog.ok.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)


def test_guessing_booking_codes_rests_the_typed_look_up(qtbot, kiosk, ctx):  # type: ignore[no-untyped-def]
    with write_tx(ctx.engine) as conn:
        event = load_event(conn)
        save_event(conn, replace(event, settings={**event.settings, "kiosk_lookup": "booking_code"}))
    window = kiosk("pl")
    window.idle_seconds = 0.1
    for guess in range(5):
        with qtbot.waitSignal(window.outcome_shown, timeout=10_000) as shown:
            window.handle_typed("Żółć-Ślęzak", f"KS22-{2000 + guess}")
        assert not shown.args[0].welcome
        window.show_welcome()
    assert window.welcome.form is not None and not window.welcome.form.isEnabled()
    with ctx.engine.connect() as conn:  # every guess is in the log, as a kiosk attempt that matched nobody
        tries = conn.execute(select(t.scan).where(t.scan.c.source == "kiosk")).all()
    assert [(s.result, s.attendee_id) for s in tries] == [("unknown", None)] * 5
