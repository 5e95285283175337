# SPDX-License-Identifier: MIT
"""Unicode fonts for the PDF reports.

The PDF base-14 Helvetica cannot draw `Ł`, `ś` or `ż`, so every report embeds DejaVu Sans (a
subset of it, by reportlab's TTF support). Registration is shared with the badges
(`checkin.badges.fonts`): one registry entry per font name in the process, whichever PDF is made
first, so a badge and a report rendered on two threads never re-register a font under the other's
feet. A missing font file is a clear error, never a silent fall-back to black boxes.
"""

from __future__ import annotations

from functools import cache

from checkin.badges import fonts as shared


class FontMissingError(FileNotFoundError):
    """DejaVu Sans is not in resources/fonts/ (a broken installation)."""


@cache
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular, bold) once per process; returns their reportlab names."""
    try:
        pair = shared.register_fonts()
    except FileNotFoundError as exc:
        raise FontMissingError(f"{exc}; reinstall checkin (the PDF reports need DejaVu Sans)") from exc
    return pair.regular, pair.bold
