# SPDX-License-Identifier: MIT
"""The certificate of attendance (zaświadczenie o udziale), Polish or English, one page per person.

What a municipal employer or a funder checks on it: the register number, who (name, position,
institution), which event, organised by whom, where and when, the sessions the person actually
attended with their topics and hours, the total hours (wymiar godzin), the place and date of issue,
and the signatory. It is drawn from the same derived attendance as every other report, so a voided
check-in never appears on a certificate. The organiser's RODO clause is printed at the foot.

`certificate_story` makes one person's page as platypus flowables, so a batch can write one file
per person and one combined file from the same code.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from checkin.reports.fonts import register_fonts
from checkin.reports.output import Progress, atomic_output
from checkin.reports.query import ReportContext, ReportError
from checkin.services.certificate_config import CertificateSettings
from checkin.services.certificates import PersonCertificate, hours_text

MONTHS_PL = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
             "października", "listopada", "grudnia")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
NAVY = colors.HexColor("#1f3a5f")
GREY = colors.HexColor("#555555")
TEXT_WIDTH = A4[0] - 44 * mm


@dataclass(frozen=True, slots=True)
class Wording:
    certify: str
    attended: str
    organised: str
    held: str
    heading: str
    cols: tuple[str, str, str, str]
    total: str
    hours_unit: str
    number: str
    signature: str


PL = Wording("Zaświadcza się, że", "uczestniczył(a) w", "zorganizowanym przez {organiser}", "{dates}, {place}",
             "Zajęcia, w których uczestniczył(a), i ich wymiar godzin",
             ("Lp.", "Data", "Zajęcia i tematyka", "Godz."), "Łączny wymiar godzin: {hours}", "godz.",
             "Nr {number}", "podpis")
EN = Wording("This is to certify that", "attended", "organised by {organiser}", "{dates}, {place}",
             "Sessions attended and their hours", ("No.", "Date", "Session and topics", "Hours"),
             "Total hours: {hours}", "h", "No. {number}", "signature")


def format_date(d: date, lang: str) -> str:
    if lang == "pl":
        return f"{d.day} {MONTHS_PL[d.month - 1]} {d.year} r."
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def format_range(days: tuple[date, ...], lang: str) -> str:
    """'w dniach 19–20 października 2022 r.' / 'on 19–20 October 2022'; spans months and years correctly."""
    if not days:
        return ""
    first, last = min(days), max(days)
    prefix = "" if lang == "pl" else "on "
    if first == last:
        return ("w dniu " if lang == "pl" else prefix) + format_date(first, lang)
    months = MONTHS_PL if lang == "pl" else MONTHS_EN
    suffix = " r." if lang == "pl" else ""
    lead = "w dniach " if lang == "pl" else prefix
    if (first.year, first.month) == (last.year, last.month):
        return f"{lead}{first.day}–{last.day} {months[last.month - 1]} {last.year}{suffix}"
    if first.year == last.year:
        return f"{lead}{first.day} {months[first.month - 1]} – {last.day} {months[last.month - 1]} {last.year}{suffix}"
    return f"{lead}{format_date(first, lang)} – {format_date(last, lang)}"


def place_of(ctx: ReportContext, settings: CertificateSettings | None = None) -> str:
    """The town for the 'place, date' line: [certificates] place, the event's `city`, else the venue's
    last part ("..., 00-120 Warszawa" -> "Warszawa")."""
    if settings is not None and settings.place:
        return settings.place
    city = str(ctx.event.settings.get("city") or "").strip()
    if city:
        return city
    last = ctx.event.venue.split(",")[-1].strip()
    parts = last.split()
    if parts and any(ch.isdigit() for ch in parts[0]):
        last = " ".join(parts[1:])
    return last


def _frame(canvas: Canvas, _doc: object) -> None:
    w, h = A4
    canvas.saveState()
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(2)
    canvas.rect(12 * mm, 12 * mm, w - 24 * mm, h - 24 * mm)
    canvas.setLineWidth(0.5)
    canvas.rect(14.5 * mm, 14.5 * mm, w - 29 * mm, h - 29 * mm)
    canvas.restoreState()


class _Styles:
    def __init__(self) -> None:
        self.regular, self.bold = register_fonts()

    def __call__(self, name: str, size: float, bold: bool = False, align: int = TA_CENTER, space: float = 4,
                 color: colors.Color = colors.black, leading: float = 1.25) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=self.bold if bold else self.regular, fontSize=size,
                              leading=size * leading, alignment=align, spaceAfter=space, textColor=color)


def _one_line_size(text: str, font: str, size: float, smallest: float, width: float = TEXT_WIDTH - 14) -> float:
    """A name is never broken in the middle: shrink it to fit one line (down to `smallest`, then wrap)."""
    fitting = size * width / max(1.0, stringWidth(text, font, size))
    return max(smallest, min(size, fitting * 0.98))


def _image(data: bytes, max_w: float, max_h: float) -> Image:
    from reportlab.lib.utils import ImageReader

    reader = ImageReader(io.BytesIO(data))
    iw, ih = reader.getSize()
    scale = min(max_w / iw, max_h / ih)
    return Image(io.BytesIO(data), width=iw * scale, height=ih * scale)


def certificate_story(ctx: ReportContext, settings: CertificateSettings, cert: PersonCertificate, lang: str,
                      issued: date) -> list[Flowable]:
    """One person's certificate page."""
    if lang not in ("pl", "en"):
        raise ReportError(f"language '{lang}' is not available for certificates; use pl or en")
    words = PL if lang == "pl" else EN
    st = _Styles()
    person = cert.person
    story: list[Flowable] = []
    number = Paragraph(escape(words.number.format(number=cert.number)) if cert.number else "",
                       st("number", 9.5, True, TA_RIGHT, 0, NAVY))
    organiser = Paragraph(escape(settings.organiser), st("org", 9, False, TA_LEFT, 0, GREY)) \
        if settings.organiser else Spacer(1, 1)
    logo: Flowable = _image(settings.logo, 40 * mm, 18 * mm) if settings.logo else organiser
    top = Table([[logo, number]], colWidths=[TEXT_WIDTH * 0.6, TEXT_WIDTH * 0.4],
                style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("FONT", (0, 0), (-1, -1), st.regular, 9),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story += [top, Spacer(1, 10 * mm)]
    title = settings.title_pl if lang == "pl" else settings.title_en
    story += [Paragraph(escape(title), st("title", 21, True, space=10, color=NAVY)),
              Paragraph(words.certify, st("certify", 11.5, space=5))]
    name_size = _one_line_size(person.full_name, st.bold, 19, 13)
    story.append(Paragraph(escape(person.full_name), st("name", name_size, True, space=3)))
    if person.position:
        story.append(Paragraph(escape(person.position), st("position", 10.5, space=1, color=GREY)))
    if person.organisation:
        org_size = _one_line_size(person.organisation, st.regular, 11, 9)
        story.append(Paragraph(escape(person.organisation), st("institution", org_size, space=2)))
    story += [Spacer(1, 4 * mm), Paragraph(words.attended, st("attended", 11.5, space=3)),
              Paragraph(escape(ctx.event.name), st("event", 14, True, space=4, color=NAVY))]
    if settings.organiser:
        story.append(Paragraph(escape(words.organised.format(organiser=settings.organiser)),
                               st("organised", 10.5, space=2)))
    dates = settings.dates or format_range(ctx.event.dates, lang)
    where = ctx.event.venue or place_of(ctx, settings)
    story.append(Paragraph(escape(words.held.format(dates=dates, place=where).strip(", ")),
                           st("held", 10.5, space=2)))
    wording = settings.wording_pl if lang == "pl" else settings.wording_en
    if wording:
        story.append(Paragraph(escape(wording), st("wording", 10, space=2)))
    story.append(Spacer(1, 6 * mm))
    story += _sessions_table(st, words, cert, lang)
    story.append(Spacer(1, 2.5 * mm))
    story.append(Paragraph(escape(words.total.format(hours=f"{hours_text(cert.total_hours, lang)} {words.hours_unit}")),
                           st("total", 11, True, TA_LEFT, 0)))
    story.append(Spacer(1, 9 * mm))
    story.append(_signature_block(st, words, settings, ctx, issued, lang))
    rodo = settings.rodo
    if rodo:
        story += [Spacer(1, 6 * mm), Paragraph(escape(rodo), st("rodo", 6.5, align=TA_LEFT, space=0, color=GREY,
                                                                 leading=1.2))]
    return story


def _sessions_table(st: _Styles, words: Wording, cert: PersonCertificate, lang: str) -> list[Flowable]:
    cell = st("cell", 8.8, align=TA_LEFT, space=0)
    topic = st("topic", 7.8, align=TA_LEFT, space=0, color=GREY)
    rows: list[list[object]] = [list(words.cols)]
    for i, line in enumerate(cert.sessions, 1):
        parts: list[Flowable] = [Paragraph(escape(line.session.title), cell)]
        parts += [Paragraph("• " + escape(t), topic) for t in line.topics]
        rows.append([str(i), line.session.day.strftime("%d.%m.%Y"), parts, hours_text(line.hours, lang)])
    table = Table(rows, colWidths=[10 * mm, 22 * mm, TEXT_WIDTH - 50 * mm, 18 * mm], repeatRows=1, hAlign="LEFT",
                  style=TableStyle([
                      ("FONT", (0, 0), (-1, 0), st.bold, 8.8), ("FONT", (0, 1), (-1, -1), st.regular, 8.8),
                      ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde3ea")),
                      ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa3ad")),
                      ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                      ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                      ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
    return [Paragraph(escape(words.heading), st("heading", 10.5, True, TA_LEFT, 3)), table]


def _signature_block(st: _Styles, words: Wording, settings: CertificateSettings, ctx: ReportContext, issued: date,
                     lang: str) -> Flowable:
    place = place_of(ctx, settings)
    place_line = f"{place}, {format_date(issued, lang)}" if place else format_date(issued, lang)
    right: list[Flowable] = []
    if settings.signature:
        right.append(_image(settings.signature, 50 * mm, 16 * mm))
    else:
        right.append(Spacer(1, 14 * mm))
    right.append(Paragraph("." * 60, st("dots", 8, space=0, color=GREY)))
    if settings.signatory:
        right.append(Paragraph(escape(settings.signatory), st("signatory", 10, True, space=0)))
    if settings.signatory_role:
        right.append(Paragraph(escape(settings.signatory_role), st("role", 8.5, space=0, color=GREY)))
    if not settings.signatory:
        right.append(Paragraph(words.signature, st("sig", 7.5, space=0, color=GREY)))
    table = Table([[Paragraph(escape(place_line), st("place", 10.5, align=TA_LEFT, space=0)), right]],
                  colWidths=[TEXT_WIDTH * 0.45, TEXT_WIDTH * 0.55],
                  style=TableStyle([("VALIGN", (0, 0), (0, 0), "BOTTOM"), ("VALIGN", (1, 0), (1, 0), "BOTTOM"),
                                    ("FONT", (0, 0), (-1, -1), st.regular, 9),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([table])


def render_certificates(out: str | Path, ctx: ReportContext, settings: CertificateSettings,
                        certs: Sequence[PersonCertificate], lang: str, issued: date, *,
                        progress: Progress | None = None, done_before: int = 0, total: int | None = None) -> int:
    """One PDF holding each certificate on its own page(s); returns the number of certificates."""
    story: list[Flowable] = []
    for i, cert in enumerate(certs):
        if i:
            story.append(PageBreak())
        story += certificate_story(ctx, settings, cert, lang, issued)
        if progress is not None:
            progress(done_before + i + 1, total or len(certs))
    title = settings.title_pl if lang == "pl" else settings.title_en
    with atomic_output(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm,
                                topMargin=20 * mm, bottomMargin=18 * mm, title=title.capitalize(),
                                author=settings.organiser or ctx.event.name, creator="checkin",
                                initialFontName=register_fonts()[0])
        doc.build(story, onFirstPage=_frame, onLaterPages=_frame)
    return len(certs)
