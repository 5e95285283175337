# SPDX-License-Identifier: MIT
"""A per-person certificate of attendance (zaświadczenie o uczestnictwie), Polish or English.

Municipal training often needs a signed confirmation of who attended which day and session;
this is made from the same derived attendance as every other report, so a voided check-in never
appears on a certificate. Someone who attended nothing gets an error, not an empty certificate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from checkin.reports.fonts import register_fonts
from checkin.reports.output import atomic_output
from checkin.reports.query import PersonAttendance, ReportContext, ReportError

MONTHS_PL = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
             "października", "listopada", "grudnia")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


@dataclass(frozen=True, slots=True)
class Wording:
    title: str
    certify: str
    attended: str
    held: str
    venue: str
    days_heading: str
    day_cols: tuple[str, str, str]
    sessions_heading: str
    session_cols: tuple[str, str, str, str]
    total: str
    signature: str
    reference: str


PL = Wording("ZAŚWIADCZENIE O UCZESTNICTWIE", "Zaświadcza się, że", "wziął(-ęła) udział w wydarzeniu",
             "które odbyło się {dates}", "Miejsce: {venue}", "Obecność",
             ("Dzień", "Data", "Pierwsze wejście"), "Sesje, w których uczestniczył(a)",
             ("Data", "Godziny", "Sesja", "Wejście"), "Łącznie: dni obecności {days}, sesji {sessions}.",
             "podpis organizatora", "Nr zgłoszenia: {ref}")
EN = Wording("CERTIFICATE OF ATTENDANCE", "This is to certify that", "attended the event",
             "held {dates}", "Venue: {venue}", "Attendance", ("Day", "Date", "First entry"),
             "Sessions attended", ("Date", "Time", "Session", "Entry"),
             "In total: {days} day(s) and {sessions} session(s) attended.", "organiser's signature",
             "Registration no.: {ref}")


def format_date(d: date, lang: str) -> str:
    if lang == "pl":
        return f"{d.day} {MONTHS_PL[d.month - 1]} {d.year} r."
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def format_range(days: tuple[date, ...], lang: str) -> str:
    """'19–20 października 2022 r.' / 'on 19–20 October 2022'; spans months and years correctly."""
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


def place_of(ctx: ReportContext) -> str:
    """The town for the 'place, date' line: the event's `city` setting, else the venue's last part."""
    city = str(ctx.event.settings.get("city") or "").strip()
    if city:
        return city
    last = ctx.event.venue.split(",")[-1].strip()
    parts = last.split()
    if parts and any(ch.isdigit() for ch in parts[0]):  # "00-120 Warszawa" -> "Warszawa"
        last = " ".join(parts[1:])
    return last


def _frame(canvas: Canvas, _doc: object) -> None:
    w, h = A4
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#1f3a5f"))
    canvas.setLineWidth(2)
    canvas.rect(12 * mm, 12 * mm, w - 24 * mm, h - 24 * mm)
    canvas.setLineWidth(0.5)
    canvas.rect(14.5 * mm, 14.5 * mm, w - 29 * mm, h - 29 * mm)
    canvas.restoreState()


def render_certificate(out: str | Path, ctx: ReportContext, data: PersonAttendance, lang: str = "pl",
                       issued: date | None = None) -> None:
    if lang not in ("pl", "en"):
        raise ReportError(f"language '{lang}' is not available for certificates; use pl or en")
    if not data.days and not data.sessions:
        raise ReportError(f"{data.person.full_name} has no recorded attendance at '{ctx.event.name}'; "
                          "no certificate can be issued")
    words = PL if lang == "pl" else EN
    regular, bold = register_fonts()
    navy = colors.HexColor("#1f3a5f")

    def style(name: str, size: float, font: str = regular, align: int = TA_CENTER, space: float = 4,
              color: colors.Color = colors.black) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.25, alignment=align,
                              spaceAfter=space, textColor=color)

    title = style("title", 22, bold, space=14, color=navy)
    body = style("body", 11.5, space=6)
    name = style("name", 19, bold, space=4)
    small = style("small", 10, space=3, color=colors.HexColor("#444444"))
    event_style = style("event", 14, bold, space=6, color=navy)
    heading = style("heading", 11, bold, TA_LEFT, space=4)
    cell = style("cell", 9, align=TA_LEFT, space=0)
    person = data.person
    attended_days = tuple(d for d, _, _ in data.days) or tuple(sorted({s.day for s, _ in data.sessions}))
    story: list[object] = [Spacer(1, 14 * mm), Paragraph(words.title, title), Paragraph(words.certify, body),
                           Paragraph(escape(person.full_name), name)]
    who = ", ".join(x for x in (person.position, person.organisation) if x)
    if who:
        story.append(Paragraph(escape(who), small))
    story += [Spacer(1, 4 * mm), Paragraph(words.attended, body), Paragraph(escape(ctx.event.name), event_style),
              Paragraph(escape(words.held.format(dates=format_range(ctx.event.dates, lang)).rstrip(".") + "."),
                        body)]
    if ctx.event.venue:
        story.append(Paragraph(escape(words.venue.format(venue=ctx.event.venue)), small))
    story.append(Spacer(1, 7 * mm))

    grid = TableStyle([
        ("FONT", (0, 0), (-1, 0), bold, 9), ("FONT", (0, 1), (-1, -1), regular, 9),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde3ea")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa3ad")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])
    if data.days:
        rows: list[list[object]] = [list(words.day_cols)]
        for d, first, _desk in data.days:
            rows.append([ctx.day_label(d) or d.isoformat(), d.strftime("%d.%m.%Y"), first.strftime("%H:%M")])
        story += [Paragraph(words.days_heading, heading), Table(rows, colWidths=[86 * mm, 40 * mm, 40 * mm],
                                                                style=grid, hAlign="LEFT"), Spacer(1, 5 * mm)]
    if data.sessions:
        rows = [list(words.session_cols)]
        for s, first in data.sessions:
            hours = ""
            if s.starts_at:
                hours = ctx.local(s.starts_at).strftime("%H:%M")
                if s.ends_at:
                    hours += "–" + ctx.local(s.ends_at).strftime("%H:%M")
            rows.append([s.day.strftime("%d.%m.%Y"), hours, Paragraph(escape(s.title), cell),
                         first.strftime("%H:%M")])
        story += [Paragraph(words.sessions_heading, heading),
                  Table(rows, colWidths=[23 * mm, 25 * mm, 98 * mm, 20 * mm], style=grid, hAlign="LEFT",
                        repeatRows=1)]
    story += [Spacer(1, 4 * mm),
              Paragraph(escape(words.total.format(days=len(data.days), sessions=len(data.sessions))),
                        style("total", 10, align=TA_LEFT))]

    when = issued or max(attended_days)
    place = place_of(ctx)
    place_line = f"{place}, {format_date(when, lang)}" if place else format_date(when, lang)
    sign = Table([[place_line, "." * 48], ["", words.signature]], colWidths=[85 * mm, 80 * mm],
                 style=TableStyle([("FONT", (0, 0), (-1, -1), regular, 10.5), ("ALIGN", (1, 0), (1, -1), "CENTER"),
                                   ("FONT", (1, 1), (1, 1), regular, 8), ("TEXTCOLOR", (1, 1), (1, 1), colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]), hAlign="LEFT")
    story += [Spacer(1, 16 * mm), sign]
    if person.external_ref:
        story += [Spacer(1, 8 * mm), Paragraph(escape(words.reference.format(ref=person.external_ref)),
                                               style("ref", 7.5, align=TA_LEFT, color=colors.grey))]
    with atomic_output(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm,
                                topMargin=20 * mm, bottomMargin=20 * mm, title=words.title.capitalize(),
                                author=ctx.event.name, creator="checkin",
                                initialFontName=regular)
        doc.build(story, onFirstPage=_frame, onLaterPages=_frame)
