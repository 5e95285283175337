# SPDX-License-Identifier: MIT
"""The badge fonts: DejaVu Sans (regular and bold), shipped in resources/fonts and registered once.

Why not Helvetica: the PDF base-14 fonts use a Latin-1 style encoding, and reportlab silently draws a
black square for `Ą Ć Ę Ł Ń Ś Ź Ż ą ć ę ł ń ś ź ż`, with no error. DejaVu Sans covers every Polish
letter; reportlab embeds only the glyphs a document uses (subsets), so a badge PDF stays small.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from checkin.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "fonts/DejaVuSans.ttf", BOLD: "fonts/DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False

# Every letter a Polish name can hold beyond ASCII; used by tests and by `check_coverage`.
POLISH_LETTERS = "ĄĆĘŁŃÓŚŹŻąćęłńóśźż"


@dataclass(frozen=True, slots=True)
class FontPair:
    regular: str
    bold: str


def register_fonts() -> FontPair:
    """Register DejaVu Sans with reportlab (idempotent, thread-safe) and return the font names.

    Registration parses the TTF files (~20 ms), so it runs once per process, on first use.
    """
    global _registered
    if _registered:
        return FontPair(REGULAR, BOLD)
    with _lock:
        if not _registered:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            for name, relative in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource_path(relative))))
            pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
            _registered = True
    return FontPair(REGULAR, BOLD)


def missing_glyphs(text: str, font_name: str = REGULAR) -> str:
    """The characters of `text` the font cannot draw (they would print as empty boxes)."""
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name)
    cmap = font.face.charToGlyph
    return "".join(sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap}))
