# SPDX-License-Identifier: MIT
"""Fitting text into a box: shrink, then wrap, and as a last resort break inside a word.

Pure geometry over reportlab's font metrics (no canvas), so the same numbers drive drawing and the
tests that prove nothing overflows: every line of a `FittedText` is at most the box width and the
block is at most the box height, measured with `pdfmetrics.stringWidth` like the PDF itself.

Order of preference, chosen for badges read at arm's length:
1. one line at the largest size down to `wrap_below` (names: down to the minimum size);
2. the fewest lines at the largest size, breaking at spaces, or if that is not enough also after
   hyphens (`Brzęczyszczykiewicz-` / `Wójcik`), up to `max_lines` and the box height;
3. the same at the minimum size, breaking inside words when one word alone is too wide;
4. below the minimum size (below `ABSOLUTE_MIN` only for absurd input) rather than cut anything off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

LEADING = 1.12  # line pitch as a multiple of the font size
SIZE_STEP = 0.5  # points
ABSOLUTE_MIN = 3.0  # points; below this a printed letter is unreadable anyway
_BREAKS = re.compile(r"[^\s\-–]+[\-–]?|[\-–]")
_SPACES = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class FittedText:
    """Text laid out for one box: lines, font size, and the geometry to draw them (points)."""

    lines: tuple[str, ...]
    font: str
    size: float
    ascent: float
    descent: float  # negative, as reportlab reports it
    leading: float

    @property
    def block_height(self) -> float:
        if not self.lines:
            return 0.0
        return self.ascent - self.descent + (len(self.lines) - 1) * self.leading

    def widths(self) -> list[float]:
        return [pdfmetrics.stringWidth(line, self.font, self.size) for line in self.lines]

    def baselines(self, box_height: float, valign: str = "middle") -> list[float]:
        """Baseline of each line, measured down from the top of the box."""
        free = max(0.0, box_height - self.block_height)
        top = {"top": 0.0, "bottom": free}.get(valign, free / 2)
        return [top + self.ascent + i * self.leading for i in range(len(self.lines))]


@lru_cache(maxsize=8)
def _ascent_descent(font: str) -> tuple[float, float]:
    ascent, descent = pdfmetrics.getAscentDescent(font, 1.0)
    return float(ascent), float(descent)


def _width1(text: str, font: str) -> float:
    return float(pdfmetrics.stringWidth(text, font, 1.0))


def tokens(text: str, *, hyphens: bool = True) -> list[tuple[str, bool]]:
    """Break opportunities: (piece, followed_by_space). A hyphen stays at the end of its piece.

    Polish typesetting keeps a one-letter word (`i`, `w`, `z`, `o`, `a`, `u`) with the word after
    it, so `Spraw Wewnętrznych i` / `Administracji` becomes `Spraw Wewnętrznych` / `i Administracji`.
    """
    out: list[tuple[str, bool]] = []
    pattern = _BREAKS if hyphens else _SPACES
    for match in pattern.finditer(text):
        end = match.end()
        piece, space_after = match.group(), end < len(text) and text[end].isspace()
        if out and len(out[-1][0]) == 1 and out[-1][0].isalpha() and out[-1][1]:
            piece = out.pop()[0] + " " + piece
        out.append((piece, space_after))
    return out


def wrap(text: str, font: str, size: float, width: float, *, break_words: bool = False,
         hyphens: bool = True) -> list[str]:
    """Greedy wrap (fewest lines for a width). Words wider than `width` stay whole unless `break_words`."""
    lines: list[str] = []
    current = ""
    pending_space = False
    for piece, space_after in tokens(text, hyphens=hyphens):
        candidate = current + (" " if pending_space and current else "") + piece
        if not current or _width1(candidate, font) * size <= width:
            current = candidate
        else:
            lines.append(current)
            current = piece
        if break_words and _width1(current, font) * size > width:
            chunks = _split_word(current, font, size, width)
            lines.extend(chunks[:-1])
            current = chunks[-1]
        pending_space = space_after
    if current:
        lines.append(current)
    return lines


def _split_word(word: str, font: str, size: float, width: float) -> list[str]:
    chunks: list[str] = []
    current = ""
    for ch in word:
        if current and _width1(current + ch, font) * size > width:
            chunks.append(current)
            current = ch
        else:
            current += ch
    chunks.append(current)
    return chunks


def fit_text(
    text: str,
    font: str,
    width: float,
    height: float,
    *,
    max_size: float,
    min_size: float,
    max_lines: int = 1,
    wrap_below: float | None = None,
) -> FittedText:
    """Lay out `text` in a `width` x `height` box (points); see the module docstring for the order."""
    text = " ".join(text.split())
    asc1, desc1 = _ascent_descent(font)

    def make(lines: list[str], size: float) -> FittedText:
        return FittedText(tuple(lines), font, size, asc1 * size, desc1 * size, LEADING * size)

    def lines_fitting(size: float) -> int:
        extra = height - (asc1 - desc1) * size
        if extra < 0:
            return 0
        return min(max_lines, 1 + int(extra // (LEADING * size) + 1e-9))

    if not text:
        return make([], max_size)
    one_line = _width1(text, font)
    floor = max(min_size, wrap_below if wrap_below is not None else min_size)
    # 1. one line, as large as the box allows
    size = min(max_size, width / one_line if one_line else max_size)
    size = _step_down(size)
    while size >= floor and lines_fitting(size) < 1:
        size -= SIZE_STEP
    if size >= floor:
        return make([text], size)
    # 2. and 3. wrapping, then breaking words at the minimum size
    size = max_size
    while size >= min_size:
        n = lines_fitting(size)
        if n >= 1:
            for hyphens in (False, True):  # `Kujawsko-` / `Pomorskiego` only when spaces are not enough
                lines = wrap(text, font, size, width, hyphens=hyphens)
                if len(lines) <= n and all(_width1(li, font) * size <= width for li in lines):
                    return make(lines, size)
        size -= SIZE_STEP
    # 4. last resort: break inside words, shrinking below the minimum if it must. Below ABSOLUTE_MIN the
    # text is unreadable, but it is still all there (search, copy, screen readers): never cut.
    size = min_size
    while True:
        n = lines_fitting(size)
        if n >= 1:
            lines = wrap(text, font, size, width, break_words=True)
            if len(lines) <= n:
                return make(lines, size)
        size -= SIZE_STEP if size > ABSOLUTE_MIN else SIZE_STEP / 4
        if size <= SIZE_STEP / 4:
            return make(wrap(text, font, SIZE_STEP / 4, width, break_words=True), SIZE_STEP / 4)


def _step_down(size: float) -> float:
    """Round down to the size grid, so sizes are stable and comparable."""
    return int(size / SIZE_STEP + 1e-9) * SIZE_STEP
