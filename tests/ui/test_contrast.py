# SPDX-License-Identifier: MIT
"""Colours a volunteer or a room reads from a distance reach WCAG's 4.5:1 contrast.

The desk's result panel (text on green/amber/red), the print notice, and projector mode (text,
category bars, arrival bars on the dark page) are checked with the WCAG 2 relative-luminance formula.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor


def luminance(colour: str) -> float:
    c = QColor(colour)

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # famously just below AA


def test_result_panel_and_print_notice_colours() -> None:
    from checkin.ui.desk.print_notice import STYLES
    from checkin.ui.desk.result_panel import COLOURS

    for state, (background, text) in COLOURS.items():
        assert contrast(background, text) >= 4.5, state
    assert contrast("#ffffff", "#1b1b1b") >= 4.5  # the alerts strip
    for state, (background, text) in STYLES.items():
        assert contrast(background, text) >= 4.5, state


def test_projector_colours(qapp) -> None:  # type: ignore[no-untyped-def]
    from checkin.ui.dashboard.day_panel import DayPanel
    from checkin.ui.dashboard.projector import ALTERNATE, BACKGROUND, BAR, FOREGROUND, HINT

    page, rows = BACKGROUND.name(), ALTERNATE.name()
    for text in (FOREGROUND.name(), HINT.name()):
        assert contrast(page, text) >= 4.5
    assert contrast(rows, FOREGROUND.name()) >= 4.5
    assert contrast(page, BAR.name()) >= 4.5  # arrival bars
    chunk = DayPanel.DARK_BARS.split("::chunk { background: ")[1][:7]
    groove = DayPanel.DARK_BARS.split("QProgressBar { background: ")[1][:7]
    assert contrast(page, chunk) >= 4.5  # category bars: dark on dark no more
    assert contrast(groove, chunk) >= 3.0  # the filled part stands out from the empty groove
