# SPDX-License-Identifier: MIT
"""`checkin badge auto-print on|off` at the command line changes what the running desk does: the
desk reads the one stored setting at each admission (it used to read a copy the CLI never wrote)."""

from __future__ import annotations

from checkin.cli import main
from checkin.config import update_settings
from tests.ui.conftest import find_attendee


def test_the_cli_auto_print_switch_drives_the_desk(qtbot, make_window, ctx, tasks):  # type: ignore[no-untyped-def]
    # the cloakroom label printer is not connected today: an attempt to print shows up as a notice
    ctx.settings = update_settings(ctx.engine, printer="Brother QL-820NWB w szatni")
    db = ctx.engine.url.database
    assert main(["--db", db, "badge", "auto-print", "on"]) == 0
    window = make_window()
    desk = window.desk
    notices: list[str] = []  # what the printer said, for whom
    desk.badges.print_failed.connect(lambda who, _why: notices.append(f"not printed: {who.full_name}"))
    desk.badges.print_done.connect(lambda who, _printer: notices.append(f"printed: {who.full_name}"))

    desk.admit(find_attendee(ctx, "lukasz zolc"))  # found by search and admitted: first check-in
    qtbot.waitUntil(lambda: notices == ["not printed: Łukasz Żółć-Ślęzak"], timeout=15_000)

    # switched off from the command line while the desk keeps running
    assert main(["--db", db, "badge", "auto-print", "off"]) == 0
    notices.clear()
    other = find_attendee(ctx, "malgorzata")
    with qtbot.waitSignal(desk.decision_shown, timeout=10_000):
        desk.admit(other)
    assert desk.result.headline.text() == "Welcome"
    tasks.wait(10_000)
    qtbot.wait(200)
    assert notices == []  # nothing was sent to the printer
