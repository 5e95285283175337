# SPDX-License-Identifier: MIT
"""Printed lists on A4: the attendance list (lista obecności) with a signature column, and the
same layout for session lists and no-shows.

Drawn straight onto a reportlab canvas rather than through platypus tables: rows have a fixed
height (room for a signature), so the number of pages is known before drawing and "Strona 3 z 12"
needs no second pass, and 20,000 rows render in seconds instead of the minutes a split platypus
table takes. Every page repeats the event header, the list's title and the column headings.
Text that does not fit shrinks a little and is then shortened with an ellipsis, never drawn over
the next column. DejaVu Sans is embedded, so Polish letters print everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from checkin.reports.fonts import register_fonts
from checkin.reports.output import Progress, atomic_output, report_progress

PAGE_W, PAGE_H = A4
MARGIN_X = 14 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 12 * mm
HEADER_H = 27 * mm  # event name, venue, list title and subtitle
TABLE_HEAD_H = 7 * mm
FOOTER_H = 8 * mm
ROW_H = 8.5 * mm  # enough to sign in
GREY = (0.42, 0.45, 0.5)

# A cell is one or two lines: (main line, second line in small grey type).
Cell = tuple[str, str]
Row = Sequence[Cell]


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    weight: float  # share of the printable width
    align: str = "left"  # left | right | center
    bold: bool = False
    second_grey: bool = True  # the second line is secondary information (position, desk)
    wrap: bool = False  # a main line too long for one line may take the second line too


@dataclass
class ListSection:
    """One list (a day, a session): starts on a new page, has its own title and numbering."""

    title: str
    subtitle: str
    rows: Sequence[Row]
    empty_text: str = "Brak osób na liście."


@dataclass
class ListDocument:
    event_name: str
    venue: str
    columns: Sequence[Column]
    sections: Sequence[ListSection]
    footer_note: str = ""
    generated: datetime | None = None
    pdf_title: str = "Lista obecności"
    clause: str = ""  # the organiser's RODO clause, printed small at the foot of every page
    _widths: list[float] = field(default_factory=list)


CLAUSE_SIZE = 6.3
CLAUSE_LEADING = CLAUSE_SIZE * 1.2


def clause_lines(text: str) -> list[str]:
    """The clause wrapped to the page width (people sign on every page, so every page carries it)."""
    if not text.strip():
        return []
    from reportlab.lib.utils import simpleSplit

    return simpleSplit(" ".join(text.split()), register_fonts()[0], CLAUSE_SIZE, PAGE_W - 2 * MARGIN_X)


def clause_height(text: str) -> float:
    lines = clause_lines(text)
    return len(lines) * CLAUSE_LEADING + 2 * mm if lines else 0.0


def rows_per_page(clause: str = "") -> int:
    usable = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM - HEADER_H - TABLE_HEAD_H - FOOTER_H - clause_height(clause)
    return int(usable // ROW_H)


def page_count(sections: Sequence[ListSection], clause: str = "") -> int:
    per = rows_per_page(clause)
    return sum(max(1, math.ceil(len(s.rows) / per)) for s in sections)


@lru_cache(maxsize=65536)
def fit(text: str, font: str, size: float, width: float, min_size: float) -> tuple[str, float]:
    """Shrink `text` down to `min_size`, then shorten it with an ellipsis, to fit `width`."""
    if not text:
        return "", size
    w = stringWidth(text, font, size)
    if w <= width:
        return text, size
    smaller = max(min_size, size * width / w)
    if stringWidth(text, font, smaller) <= width:
        return text, smaller
    lo, hi = 0, len(text)
    while lo < hi:  # longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid].rstrip() + "…", font, min_size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…", min_size


@lru_cache(maxsize=65536)
def wrap2(text: str, font: str, size: float, width: float, min_size: float) -> tuple[str, str, float]:
    """Break `text` into at most two lines, shrinking to `min_size`; the last line may end with '…'."""
    words = text.split()
    trial = size
    while True:
        line1: list[str] = []
        for i, word in enumerate(words):
            if stringWidth(" ".join([*line1, word]), font, trial) <= width:
                line1.append(word)
                continue
            rest = " ".join(words[i:])
            if line1 and stringWidth(rest, font, trial) <= width:
                return " ".join(line1), rest, trial
            break
        else:
            return " ".join(line1), "", trial
        if trial <= min_size:
            if not line1:  # one word longer than the line
                shown, _ = fit(text, font, min_size, width, min_size)
                return shown, "", min_size
            rest, _ = fit(" ".join(words[len(line1):]), font, min_size, width, min_size)
            return " ".join(line1), rest, min_size
        trial = max(min_size, trial - 0.5)


class _Painter:
    def __init__(self, c: Canvas, doc: ListDocument, total_pages: int) -> None:
        self.c = c
        self.doc = doc
        self.total = total_pages
        self.page = 0
        self.regular, self.bold = register_fonts()
        inner = PAGE_W - 2 * MARGIN_X
        weight = sum(col.weight for col in doc.columns)
        self.widths = [inner * col.weight / weight for col in doc.columns]
        self.xs = [MARGIN_X + sum(self.widths[:i]) for i in range(len(self.widths))]

    def text(self, x: float, y: float, text: str, font: str, size: float, width: float, align: str = "left",
             min_size: float | None = None, color: tuple[float, float, float] | None = None) -> None:
        shown, size = fit(text, font, size, width, min_size if min_size is not None else size * 0.8)
        if not shown:
            return
        c = self.c
        c.setFont(font, size)
        if color:
            c.setFillColorRGB(*color)
        if align == "right":
            c.drawRightString(x + width, y, shown)
        elif align == "center":
            c.drawCentredString(x + width / 2, y, shown)
        else:
            c.drawString(x, y, shown)
        if color:
            c.setFillColorRGB(0, 0, 0)

    def start_page(self, section: ListSection, continued: bool) -> float:
        """Header, title and column headings; returns the y of the first row's top edge."""
        self.page += 1
        c, doc = self.c, self.doc
        inner = PAGE_W - 2 * MARGIN_X
        top = PAGE_H - MARGIN_TOP
        self.text(MARGIN_X, top - 4 * mm, doc.event_name, self.bold, 11, inner, min_size=8)
        self.text(MARGIN_X, top - 8.5 * mm, doc.venue, self.regular, 8.5, inner, min_size=7, color=GREY)
        c.setLineWidth(0.6)
        c.line(MARGIN_X, top - 10.5 * mm, PAGE_W - MARGIN_X, top - 10.5 * mm)
        title = section.title + (" (cd.)" if continued else "")
        self.text(MARGIN_X, top - 17 * mm, title, self.bold, 13, inner, min_size=9)
        self.text(MARGIN_X, top - 22.5 * mm, section.subtitle, self.regular, 9, inner, min_size=7)
        y = top - HEADER_H
        c.setFillColorRGB(0.87, 0.89, 0.92)
        c.rect(MARGIN_X, y - TABLE_HEAD_H, inner, TABLE_HEAD_H, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        for col, x, w in zip(self.doc.columns, self.xs, self.widths, strict=True):
            self.text(x + 1.5 * mm, y - TABLE_HEAD_H + 2.4 * mm, col.header, self.bold, 8.5, w - 3 * mm,
                      align=col.align)
        self._footer()
        return y - TABLE_HEAD_H

    def _footer(self) -> None:
        inner = PAGE_W - 2 * MARGIN_X
        y = MARGIN_BOTTOM
        self.c.setLineWidth(0.3)
        self.c.line(MARGIN_X, y + 4.5 * mm, PAGE_W - MARGIN_X, y + 4.5 * mm)
        note = self.doc.footer_note
        if self.doc.generated is not None:
            note = (note + " · " if note else "") + "Wygenerowano " + self.doc.generated.strftime("%d.%m.%Y %H:%M")
        self.text(MARGIN_X, y, note, self.regular, 7, inner * 0.7, color=GREY)
        self.text(MARGIN_X, y, f"Strona {self.page} z {self.total}", self.regular, 8, inner, align="right")
        lines = clause_lines(self.doc.clause)
        self.c.setFont(self.regular, CLAUSE_SIZE)
        self.c.setFillColorRGB(*GREY)
        for i, line in enumerate(lines):
            self.c.drawString(MARGIN_X, y + FOOTER_H + (len(lines) - 1 - i) * CLAUSE_LEADING, line)
        self.c.setFillColorRGB(0, 0, 0)

    def rows(self, top: float, rows: Sequence[Row]) -> None:
        c = self.c
        inner_right = PAGE_W - MARGIN_X
        bottom = top - ROW_H * len(rows)
        for i, row in enumerate(rows):
            y = top - ROW_H * (i + 1)
            for col, x, w, cell in zip(self.doc.columns, self.xs, self.widths, row, strict=True):
                main, second = cell
                font = self.bold if col.bold else self.regular
                cw = w - 3 * mm
                if col.wrap and main and fit(main, font, 8.5, cw, 7)[0] != main:
                    text = f"{main}, {second}" if second else main
                    line1, line2, size = wrap2(text, font, 7.5, cw, 6)
                    self.text(x + 1.5 * mm, y + ROW_H - 3.6 * mm, line1, font, size, cw, col.align, size)
                    self.text(x + 1.5 * mm, y + 1.8 * mm, line2, font, size, cw, col.align, size)
                elif second:
                    self.text(x + 1.5 * mm, y + ROW_H - 3.6 * mm, main, font, 8.5, cw, col.align, 6.5)
                    self.text(x + 1.5 * mm, y + 1.8 * mm, second, self.regular, 7.5, cw, col.align, 5.5,
                              color=GREY if col.second_grey else None)
                else:
                    self.text(x + 1.5 * mm, y + ROW_H / 2 - 1.1 * mm, main, font, 8.5, w - 3 * mm, col.align, 6.5)
        # the grid: one path per page keeps the file small
        path = c.beginPath()
        for i in range(len(rows) + 1):
            yy = top - ROW_H * i
            path.moveTo(MARGIN_X, yy)
            path.lineTo(inner_right, yy)
        for x in [*self.xs, inner_right]:
            path.moveTo(x, top)
            path.lineTo(x, bottom)
        c.setLineWidth(0.4)
        c.setStrokeColorRGB(0.55, 0.57, 0.6)
        c.drawPath(path, stroke=1, fill=0)
        c.setStrokeColorRGB(0, 0, 0)


def render_list(out: str | Path, doc: ListDocument, *, progress: Progress | None = None) -> int:
    """Write the PDF; returns the number of pages."""
    per = rows_per_page(doc.clause)
    total_pages = page_count(doc.sections, doc.clause)
    total_rows = sum(len(s.rows) for s in doc.sections)
    done = 0
    with atomic_output(out) as tmp:
        c = Canvas(str(tmp), pagesize=A4, pageCompression=1, initialFontName=register_fonts()[0])
        c.setTitle(doc.pdf_title)
        c.setAuthor(doc.event_name)
        c.setCreator("checkin")
        painter = _Painter(c, doc, total_pages)
        for section in doc.sections:
            chunks = [section.rows[i:i + per] for i in range(0, len(section.rows), per)] or [[]]
            for n, chunk in enumerate(chunks):
                top = painter.start_page(section, continued=n > 0)
                if chunk:
                    painter.rows(top, chunk)
                else:
                    painter.text(MARGIN_X + 1.5 * mm, top - 6 * mm, section.empty_text, painter.regular, 9,
                                 PAGE_W - 2 * MARGIN_X)
                c.showPage()
                done += len(chunk)
                report_progress(progress, done, total_rows, every=1)
        c.save()
    return total_pages


def signature_columns() -> list[Column]:
    """Lp. | Nazwisko i imię | Instytucja, stanowisko | Wejście | Podpis."""
    return [Column("Lp.", 0.05, "right"), Column("Nazwisko i imię", 0.25, bold=True, second_grey=False),
            Column("Instytucja / stanowisko", 0.35, wrap=True), Column("Wejście", 0.11, "center"),
            Column("Podpis", 0.24)]


