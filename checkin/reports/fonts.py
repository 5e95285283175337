# SPDX-License-Identifier: MIT
"""Unicode fonts for the PDF reports.

The PDF base-14 Helvetica cannot draw `Ł`, `ś` or `ż`, so every report embeds DejaVu Sans (a
subset of it, by reportlab's TTF support). The font is looked up in the bundled resources first
(`resources/fonts/`, what a frozen build ships) and then in the usual Linux location; a missing
font is a clear error, never a silent fall-back to a font that prints black boxes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from checkin.resources import resources_root

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_SYSTEM_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
                Path("/usr/local/share/fonts"), Path("/Library/Fonts"))


class FontMissingError(FileNotFoundError):
    """DejaVu Sans was found neither in the bundled resources nor on the system."""


def _find(filename: str) -> Path:
    for folder in (resources_root() / "fonts", *_SYSTEM_DIRS):
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    raise FontMissingError(
        f"font {filename} not found in resources/fonts/ or the system font folders; "
        "install the DejaVu fonts (Debian/Ubuntu: apt-get install fonts-dejavu-core)"
    )


@cache
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular, bold) once per process; returns their reportlab names."""
    for name, filename in _FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(_find(filename))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
