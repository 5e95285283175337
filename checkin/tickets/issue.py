# SPDX-License-Identifier: MIT
"""Issuing tickets: one signed QR per attendee as PNG and SVG, optional printable PDF, and a CSV
that a mail merge can use to send each attendee their own files.

Runs on the organiser's machine (it needs the private key). The database only ever learns the
ticket ids, which are random and carry no personal data.
"""

from __future__ import annotations

import csv
import re
import sys
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, select

from checkin.domain.models import Attendee, Event
from checkin.domain.text import fold
from checkin.storage import tables as t
from checkin.storage.attendees import find_attendee_id, to_attendee
from checkin.storage.db import write_tx
from checkin.storage.events import load_event
from checkin.tickets.qr import draw_qr, qr_png, qr_svg
from checkin.tickets.token import encode_ticket

Progress = Callable[[int, int], None]
CSV_COLUMNS = ("attendee_id", "external_ref", "first_name", "last_name", "email", "organisation",
               "png_file", "svg_file", "pdf_file", "code")
FONT_CANDIDATES = (
    "fonts/DejaVuSans.ttf",  # relative to resources/
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)


class IssueError(Exception):
    """Tickets cannot be issued as asked (unknown attendee, no font for the PDF...)."""


@dataclass
class IssueReport:
    out_dir: Path
    csv_path: Path
    issued: int = 0
    assigned_ticket_ids: int = 0  # attendees who had no ticket id yet and got one
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (attendee id, why)
    files: list[Path] = field(default_factory=list)


def ticket_text(private_key: Ed25519PrivateKey, event_id: str, attendee: Attendee) -> str:
    """The QR text of an attendee's current ticket."""
    if not attendee.ticket_id:
        raise IssueError(f"attendee {attendee.id} ({attendee.full_name}) has no ticket id yet")
    return encode_ticket(private_key, event_id, attendee.ticket_id)


def issue_tickets(engine: Engine, private_key: Ed25519PrivateKey, out_dir: Path, *, pdf: bool = False,
                  attendee_ids: Iterable[str] | None = None, progress: Progress | None = None) -> IssueReport:
    """Write PNG + SVG (+ PDF) per attendee and tickets.csv; cancelled attendees are skipped."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with engine.connect() as conn:
        event = load_event(conn)
    attendees = _select_attendees(engine, event.id, attendee_ids)
    report = IssueReport(out_dir=out_dir, csv_path=out_dir / "tickets.csv")
    font = _register_font() if pdf else ""
    rows: list[dict[str, str]] = []
    for done, attendee in enumerate(attendees, start=1):
        if attendee.cancelled:
            report.skipped.append((attendee.id, "registration cancelled"))
        else:
            if not attendee.ticket_id:
                attendee = _assign_ticket_id(engine, attendee)
                report.assigned_ticket_ids += 1
            rows.append(_write_one(private_key, event, attendee, out_dir, font, report))
            report.issued += 1
        if progress is not None:
            progress(done, len(attendees))
    with report.csv_path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows({k: _csv_safe(v) for k, v in row.items()} for row in rows)
    return report


def _select_attendees(engine: Engine, event_id: str, attendee_ids: Iterable[str] | None) -> list[Attendee]:
    with engine.connect() as conn:
        if attendee_ids is None:
            rows = conn.execute(select(t.attendee).where(t.attendee.c.event_id == event_id)
                                .order_by(t.attendee.c.last_name, t.attendee.c.first_name, t.attendee.c.id))
            return [to_attendee(r) for r in rows]
        found: list[Attendee] = []
        for ref in attendee_ids:
            resolved = find_attendee_id(conn, event_id, ref)
            if resolved is None:
                raise IssueError(f"no attendee '{ref}' in event {event_id} (give an attendee id or external ref)")
            row = conn.execute(select(t.attendee).where(t.attendee.c.id == resolved)).one()
            found.append(to_attendee(row))
        return found


def _assign_ticket_id(engine: Engine, attendee: Attendee) -> Attendee:
    """Give an attendee imported without one a ticket id (recorded as a roster change)."""
    ticket_id = uuid.uuid4().hex
    now = datetime.now(UTC)
    with write_tx(engine) as conn:
        conn.execute(t.ticket.insert().values(id=ticket_id, attendee_id=attendee.id, issued_at=now))
        conn.execute(t.attendee.update().where(t.attendee.c.id == attendee.id).values(
            ticket_id=ticket_id, version=t.attendee.c.version + 1, updated_at=now, updated_by="tickets"))
        conn.execute(t.attendee_change.insert().values(
            id=str(uuid.uuid4()), attendee_id=attendee.id, desk_id="tickets", changed_at=now,
            base_version=attendee.version, fields={"ticket_id": ticket_id}, outcome="applied"))
        row = conn.execute(select(t.attendee).where(t.attendee.c.id == attendee.id)).one()
    return to_attendee(row)


def file_stem(attendee: Attendee) -> str:
    """`zolc-slezak-lukasz_1a2b3c4d`: readable, ASCII-only (mail clients mangle other names), unique."""
    name = re.sub(r"[^a-z0-9]+", "-", fold(f"{attendee.last_name} {attendee.first_name}")).strip("-")
    return f"{name[:60] or 'attendee'}_{attendee.id.replace('-', '')[:8]}"


def _write_one(private_key: Ed25519PrivateKey, event: Event, attendee: Attendee, out_dir: Path,
               font: str, report: IssueReport) -> dict[str, str]:
    code = ticket_text(private_key, event.id, attendee)
    stem = file_stem(attendee)
    png = qr_png(code, out_dir / f"{stem}.png")
    svg = qr_svg(code, out_dir / f"{stem}.svg")
    report.files += [png, svg]
    pdf_name = ""
    if font:
        pdf_path = out_dir / f"{stem}.pdf"
        render_ticket_pdf(pdf_path, event, attendee, code, font)
        report.files.append(pdf_path)
        pdf_name = pdf_path.name
    return {"attendee_id": attendee.id, "external_ref": attendee.external_ref,
            "first_name": attendee.first_name, "last_name": attendee.last_name, "email": attendee.email,
            "organisation": attendee.organisation, "png_file": png.name, "svg_file": svg.name,
            "pdf_file": pdf_name, "code": code}


def _csv_safe(value: str) -> str:
    """Stop a spreadsheet from running a name like `=HYPERLINK(...)` as a formula."""
    return "'" + value if value[:1] in ("=", "+", "@") or (value[:1] == "-" and len(value) > 1) else value


def find_font() -> Path | None:
    from checkin.resources import resources_root

    for candidate in FONT_CANDIDATES:
        path = Path(candidate) if Path(candidate).is_absolute() else resources_root() / candidate
        if path.is_file():
            return path
    return None


def _register_font() -> str:
    """Register a TTF that has Polish letters; Helvetica would silently print black squares."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = find_font()
    if path is None:
        hint = "apt-get install fonts-dejavu-core" if sys.platform.startswith("linux") else \
            "put DejaVuSans.ttf into resources/fonts/"
        raise IssueError(f"no font with Polish letters found for the PDF tickets ({hint})")
    name = "CheckinTicketSans"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def render_ticket_pdf(path: Path, event: Event, attendee: Attendee, code: str, font: str) -> None:
    """An A6 ticket: event, dates, name, organisation and a vector QR code (sharp at any dpi)."""
    from reportlab.lib.pagesizes import A6
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    width, height = A6
    pdf = canvas.Canvas(str(path), pagesize=A6, initialFontName=font, initialFontSize=10)
    pdf.setTitle(f"{event.name} — {attendee.full_name}")
    pdf.setAuthor(event.name)
    y = height - 12 * mm
    pdf.setFont(font, 9)
    for line in simpleSplit(event.name, font, 9, width - 16 * mm)[:3]:
        pdf.drawString(8 * mm, y, line)
        y -= 4.2 * mm
    if event.days:
        first, last = event.days[0].date, event.days[-1].date
        dates = first.strftime("%d.%m.%Y") if first == last else f"{first:%d.%m}–{last:%d.%m.%Y}"
        pdf.drawString(8 * mm, y, dates)
        y -= 4.2 * mm
    for line in simpleSplit(event.venue, font, 8, width - 16 * mm)[:2]:
        pdf.setFont(font, 8)
        pdf.drawString(8 * mm, y, line)
        y -= 4 * mm
    y -= 4 * mm
    pdf.setFont(font, 16)
    for line in simpleSplit(attendee.full_name, font, 16, width - 16 * mm)[:2]:
        pdf.drawString(8 * mm, y, line)
        y -= 6.5 * mm
    pdf.setFont(font, 9)
    for line in simpleSplit(attendee.organisation, font, 9, width - 16 * mm)[:2]:
        pdf.drawString(8 * mm, y, line)
        y -= 4.2 * mm
    side = min(70 * mm, y - 16 * mm)
    x0 = (width - side) / 2
    y0 = max(13 * mm, y - side)  # right under the text, quiet zone included
    pdf.setFillColorRGB(0, 0, 0)
    draw_qr(pdf, code, x0, y0, side)
    pdf.setFont(font, 7.5)
    pdf.drawCentredString(width / 2, 8 * mm, "Pokaż ten kod przy rejestracji · Show this code at the desk")
    pdf.showPage()
    pdf.save()
