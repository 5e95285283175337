# SPDX-License-Identifier: MIT
"""Badges to PDF with reportlab: one badge or a thousand, one template, DejaVu Sans throughout.

Memory: attendees are consumed one at a time from any iterable (a database cursor), and each page
is compressed when it is finished. reportlab keeps finished pages until `save()`, so memory grows by
the compressed page (~3 KB a badge: vector QR, subset fonts), not by the roster or the drawing.
The QR is drawn as vector rectangles from a boolean matrix: sharp at any printer resolution and
smaller than an image per badge.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from checkin.badges.fonts import register_fonts
from checkin.badges.layout import FittedText, fit_text
from checkin.badges.templates import BadgeTemplate, Box, TextStyle, badge_language
from checkin.domain.models import Attendee, Event
from checkin.tickets.qr import draw_qr

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

Progress = Callable[[int], None]

_MONTHS_PL = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
              "października", "listopada", "grudnia")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def format_dates(dates: Iterable[date], language: str = "pl") -> str:
    """`19–20 października 2022`, `30 września – 2 października 2022`, or `19 October 2022`."""
    days = sorted(dates)
    if not days:
        return ""
    months = _MONTHS_PL if language == "pl" else _MONTHS_EN
    first, last = days[0], days[-1]

    def full(d: date) -> str:
        return f"{d.day} {months[d.month - 1]} {d.year}"

    if first == last:
        return full(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{full(last)}"
    if first.year == last.year:
        return f"{first.day} {months[first.month - 1]} – {full(last)}"
    return f"{full(first)} – {full(last)}"


def qr_payload(attendee: Attendee, event: Event, signing_key: Ed25519PrivateKey | None = None) -> str:
    """What the badge's QR says: a signed ticket when we hold the key, else the plain codes we have."""
    if signing_key is not None and attendee.ticket_id:
        from checkin.tickets.issue import ticket_text  # imports the database layer: only when signing

        return ticket_text(signing_key, event.id, attendee)
    return attendee.external_code or attendee.ticket_id


def contrast_text_colour(background: str) -> str:
    """Black or white, whichever has the higher WCAG contrast ratio against `background`."""
    lum = relative_luminance(background)
    return "#FFFFFF" if (1.05 / (lum + 0.05)) >= ((lum + 0.05) / 0.05) else "#000000"


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class BadgePainter:
    """Draws badges of one template onto a reportlab canvas; keeps what is the same on every badge."""

    def __init__(self, template: BadgeTemplate, event: Event, *, language: str | None = None,
                 signing_key: Ed25519PrivateKey | None = None) -> None:
        self.fonts = register_fonts()
        self.template = template
        self.event = event
        self.language = language or badge_language(template, event)
        self.signing_key = signing_key
        self._colours: dict[str, Color] = {}
        self._constant = {
            "event": event.name,
            "dates": format_dates(event.dates, self.language),
        }
        self._constant_fits: dict[str, FittedText] = {}
        self._logo: Any = None
        if template.logo is not None:
            from reportlab.lib.utils import ImageReader

            self._logo = ImageReader(str(template.logo.path))
        self.drawn: list[tuple[str, FittedText, Box]] = []  # last badge's text, for tests and previews

    def colour(self, hex_colour: str) -> Color:
        colour = self._colours.get(hex_colour)
        if colour is None:
            colour = self._colours[hex_colour] = HexColor(hex_colour)
        return colour

    def fit(self, text: str, style: TextStyle) -> FittedText:
        font = self.fonts.bold if style.bold else self.fonts.regular
        return fit_text(text.upper() if style.upper else text, font, style.box.w * mm, style.box.h * mm,
                        max_size=style.max_size, min_size=style.min_size, max_lines=style.max_lines,
                        wrap_below=style.wrap_below)

    def draw(self, c: Canvas, attendee: Attendee, ox: float = 0.0, oy: float = 0.0) -> None:
        """Draw one badge with its bottom-left corner at (ox, oy) points."""
        t = self.template
        top = oy + t.height_mm * mm
        self.drawn = []
        if t.band is not None:
            cat = t.category(attendee.category)
            b = t.band.box
            c.setFillColor(self.colour(cat.colour))
            c.rect(ox + b.x * mm, top - (b.y + b.h) * mm, b.w * mm, b.h * mm, stroke=0, fill=1)
            text_colour = cat.text_colour or contrast_text_colour(cat.colour)
            label = cat.label(self.language)
            self._text(c, label, self.fit(label, t.band.text), t.band.text, ox, top, text_colour)
        values = {"first_name": attendee.first_name, "last_name": attendee.last_name,
                  "organisation": attendee.organisation, "position": attendee.position, **self._constant}
        for key, style in t.fields.items():
            text = " ".join(values.get(key, "").split())
            if not text:
                continue
            if key in self._constant:
                fitted = self._constant_fits.get(key)
                if fitted is None:
                    fitted = self._constant_fits[key] = self.fit(text, style)
            else:
                fitted = self.fit(text, style)
            self._text(c, key, fitted, style, ox, top, style.colour)
        if t.qr is not None:
            payload = qr_payload(attendee, self.event, self.signing_key)
            if payload:
                self._qr(c, payload, t.qr.box, t.qr.quiet_modules, ox, top)
        if t.logo is not None:
            b = t.logo.box
            c.drawImage(self._logo, ox + b.x * mm, top - (b.y + b.h) * mm, b.w * mm, b.h * mm,
                        preserveAspectRatio=True, anchor="c", mask="auto")
        if attendee.no_photos:
            mark = t.no_photo_mark
            b = mark.box
            radius = min(b.w, b.h) / 2 * mm
            c.setFillColor(self.colour(mark.colour))
            c.circle(ox + (b.x + b.w / 2) * mm, top - (b.y + b.h / 2) * mm, radius, stroke=0, fill=1)
        if t.outline:
            c.setStrokeColor(self.colour("#9E9E9E"))
            c.setLineWidth(0.3)
            c.rect(ox, oy, t.width_mm * mm, t.height_mm * mm, stroke=1, fill=0)

    def _text(self, c: Canvas, key: str, fitted: FittedText, style: TextStyle, ox: float, top: float,
              colour: str) -> None:
        b = style.box
        self.drawn.append((key, fitted, b))
        c.setFillColor(self.colour(colour))
        c.setFont(fitted.font, fitted.size)
        left = ox + b.x * mm
        box_top = top - b.y * mm
        for line, baseline in zip(fitted.lines, fitted.baselines(b.h * mm, style.valign), strict=True):
            y = box_top - baseline
            if style.align == "left":
                c.drawString(left, y, line)
            elif style.align == "right":
                c.drawRightString(left + b.w * mm, y, line)
            else:
                c.drawCentredString(left + b.w * mm / 2, y, line)

    def _qr(self, c: Canvas, payload: str, b: Box, quiet: int, ox: float, top: float) -> None:
        side = min(b.w, b.h) * mm
        x0 = ox + b.x * mm + (b.w * mm - side) / 2
        y0 = top - b.y * mm - (b.h * mm - side) / 2  # top edge of the square
        c.setFillColor(white)
        c.rect(x0, y0 - side, side, side, stroke=0, fill=1)
        c.setFillColor(self.colour("#000000"))
        draw_qr(c, payload, x0, y0 - side, side, quiet)


def _cut_marks(c: Canvas, template: BadgeTemplate, x0: float, y0: float) -> None:
    """Crop marks outside the grid at every badge edge, where the margin has room for them."""
    sheet = template.sheet
    assert sheet is not None
    w, h, gap = template.width_mm * mm, template.height_mm * mm, sheet.gap_mm * mm
    grid_w = sheet.columns * w + (sheet.columns - 1) * gap
    grid_h = sheet.rows * h + (sheet.rows - 1) * gap
    margin_x, margin_y = x0, y0
    c.setStrokeColor(HexColor("#000000"))
    c.setLineWidth(0.25)
    xs = sorted({x0 + i * (w + gap) for i in range(sheet.columns)} | {x0 + i * (w + gap) + w
                                                                       for i in range(sheet.columns)})
    ys = sorted({y0 + i * (h + gap) for i in range(sheet.rows)} | {y0 + i * (h + gap) + h for i in range(sheet.rows)})
    if margin_y >= 4 * mm:
        length = min(6 * mm, margin_y - 3 * mm)
        for x in xs:
            c.line(x, y0 - 1 * mm, x, y0 - 1 * mm - length)
            c.line(x, y0 + grid_h + 1 * mm, x, y0 + grid_h + 1 * mm + length)
    if margin_x >= 4 * mm:
        length = min(6 * mm, margin_x - 3 * mm)
        for y in ys:
            c.line(x0 - 1 * mm, y, x0 - 1 * mm - length, y)
            c.line(x0 + grid_w + 1 * mm, y, x0 + grid_w + 1 * mm + length, y)
    if margin_x < 4 * mm or margin_y < 4 * mm or gap > 0:  # no room outside: faint guides between badges
        c.setStrokeColor(HexColor("#BDBDBD"))
        c.setDash(2, 2)
        for x in xs[1:-1]:
            c.line(x, y0, x, y0 + grid_h)
        for y in ys[1:-1]:
            c.line(x0, y, x0 + grid_w, y)
        c.setDash()


def new_canvas(out: Path | BinaryIO, template: BadgeTemplate) -> Canvas:
    """A canvas whose only font is DejaVu Sans (no unused Helvetica resource on any page)."""
    fonts = register_fonts()
    pw, ph = template.page_size_mm
    target: Any = str(out) if isinstance(out, Path) else out
    return Canvas(target, pagesize=(pw * mm, ph * mm), initialFontName=fonts.regular, initialFontSize=10,
                  pageCompression=1)


def render_badges(
    attendees: Iterable[Attendee],
    event: Event,
    template: BadgeTemplate,
    out: Path | BinaryIO,
    *,
    signing_key: Ed25519PrivateKey | None = None,
    progress: Progress | None = None,
    language: str | None = None,
    title: str = "",
) -> int:
    """Render badges into one PDF and return the page count (0 attendees: one blank page, 0)."""
    painter = BadgePainter(template, event, language=language, signing_key=signing_key)
    c = new_canvas(out, template)
    c.setTitle(title or f"{event.name} — badges")
    c.setCreator("checkin")
    per_page = template.per_page
    sheet = template.sheet
    if sheet:
        w, h, gap = template.width_mm * mm, template.height_mm * mm, sheet.gap_mm * mm
        x0 = (sheet.width_mm * mm - (sheet.columns * w + (sheet.columns - 1) * gap)) / 2
        y0 = (sheet.height_mm * mm - (sheet.rows * h + (sheet.rows - 1) * gap)) / 2
    pages = 0
    slot = 0
    for done, attendee in enumerate(attendees, start=1):
        if sheet:
            col, row = slot % sheet.columns, slot // sheet.columns
            painter.draw(c, attendee, x0 + col * (w + gap), y0 + (sheet.rows - 1 - row) * (h + gap))
        else:
            painter.draw(c, attendee)
        slot += 1
        if slot == per_page:
            if sheet and sheet.cut_marks:
                _cut_marks(c, template, x0, y0)
            c.showPage()
            pages += 1
            slot = 0
        if progress is not None:
            progress(done)
    if slot:
        if sheet and sheet.cut_marks:
            _cut_marks(c, template, x0, y0)
        c.showPage()
        pages += 1
    c.save()
    return pages
