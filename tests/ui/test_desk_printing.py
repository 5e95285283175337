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
    qtbot.waitUntil(lambda: desk.result.headline.text() == "Identyfikator nie został wydrukowany", timeout=15_000)
    detail = desk.result.detail.text()
    assert "no printer named 'Brother QL-820NWB w szatni'" in detail
    saved = re.search(r"Identyfikator zapisano jako (\S+\.pdf)\.", detail)
    assert saved is not None, detail
    pdf = Path(saved.group(1))
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Łukasz" in text and "Żółć-Ślęzak" in text
    assert desk.badges.last_pdf == pdf
