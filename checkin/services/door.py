# SPDX-License-Identifier: MIT
"""What a room door needs besides the scan itself: its numbers, its last scans, the OUT card.

Door mode (`checkin door`, the app's View → Door mode) locks one checkpoint and scans people in
and out through the same `CheckInService` as the reception desk. These read-only questions run on
a pool thread, one short read transaction each, from the local database only (a door never waits
for the network). The OUT card is a printed QR code that flips the door between IN and OUT, for
doors with a handheld scanner and no keyboard within reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select

from checkin.domain.models import Checkpoint, Event
from checkin.domain.results import Direction, ScanResult
from checkin.storage import scans as scan_repo
from checkin.storage import tables as t

# What the printed card's QR code holds: alphanumeric-mode QR (big modules), no Y or Z (a scanner
# on the wrong keyboard layout swaps them), nothing a ticket or a registration number looks like.
DIRECTION_CARD = "CHECKIN-DOOR-OUT"


def is_direction_card(code: str) -> bool:
    return code.strip().upper() == DIRECTION_CARD


@dataclass(frozen=True, slots=True)
class DoorScan:
    time: datetime
    name: str
    result: ScanResult
    direction: Direction
    reason: str


@dataclass(frozen=True, slots=True)
class DoorStatus:
    checkpoint_key: str
    present: int  # admitted at least once (attendance counts a re-entry once)
    inside: int | None  # entered and not left; None where exits are not scanned
    capacity: int | None
    last: tuple[DoorScan, ...]

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        occupied = self.inside if self.inside is not None else self.present
        return max(0, self.capacity - occupied)


def door_status(engine: Engine, checkpoint: Checkpoint, desk_id: str, last: int = 5) -> DoorStatus:
    """Present, inside now, capacity and this door's last scans at this checkpoint."""
    key = checkpoint.key
    with engine.connect() as conn:
        present = scan_repo.present_count(conn, key)
        inside = scan_repo.inside_now(conn, key) if checkpoint.tracks_inside else None
        rows = conn.execute(
            select(t.scan.c.device_time, t.scan.c.result, t.scan.c.direction, t.scan.c.detail,
                   t.attendee.c.first_name, t.attendee.c.last_name)
            .outerjoin(t.attendee, t.attendee.c.id == t.scan.c.attendee_id)
            .where(t.scan.c.checkpoint == key, t.scan.c.desk_id == desk_id,
                   t.scan.c.result != ScanResult.VOID.value)
            .order_by(t.scan.c.device_time.desc()).limit(last)
        ).all()
    scans = tuple(DoorScan(r[0], f"{r[4] or ''} {r[5] or ''}".strip(), ScanResult(r[1]), Direction(r[2]),
                           (r[3] or "").split(":", 1)[0]) for r in rows)
    capacity = checkpoint.session.capacity if checkpoint.session else None
    return DoorStatus(key, present, inside, capacity, scans)


def write_direction_card(path: str | Path, event: Event, checkpoint: Checkpoint | None = None) -> Path:
    """An A4 page with the OUT card (cut along the frame): scanning it flips the door IN <-> OUT."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from checkin.reports.fonts import register_fonts
    from checkin.tickets.qr import draw_qr

    regular, bold = register_fonts()
    out = Path(path)
    width, height = A4
    pdf = canvas.Canvas(str(out), pagesize=A4)
    pdf.setTitle("Karta WYJŚCIE / OUT card")
    pdf.setAuthor(event.name)
    left, top, card_w, card_h = 20 * mm, height - 20 * mm, width - 40 * mm, 180 * mm
    pdf.setDash(4, 3)
    pdf.rect(left, top - card_h, card_w, card_h, stroke=1, fill=0)
    pdf.setDash()
    pdf.setFont(bold, 40)
    pdf.drawCentredString(width / 2, top - 22 * mm, "WYJŚCIE / OUT")
    pdf.setFont(regular, 12)
    pdf.drawCentredString(width / 2, top - 32 * mm,
                          "Zeskanuj, aby przełączyć drzwi: WEJŚCIE ↔ WYJŚCIE")
    pdf.drawCentredString(width / 2, top - 38 * mm, "Scan to switch the door: IN ↔ OUT")
    side = 100 * mm
    x0, y0 = (width - side) / 2, top - card_h + 28 * mm
    draw_qr(pdf, DIRECTION_CARD, x0, y0, side)
    from reportlab.lib.utils import simpleSplit

    pdf.setFont(regular, 9)
    footer = event.name + (f" · {checkpoint.label}" if checkpoint is not None else "")
    y = top - card_h + 20 * mm
    for line in simpleSplit(footer, regular, 9, card_w - 10 * mm)[:2]:
        pdf.drawCentredString(width / 2, y, line)
        y -= 4.5 * mm
    pdf.drawCentredString(width / 2, top - card_h + 8 * mm, DIRECTION_CARD)
    pdf.showPage()
    pdf.save()
    return out


def door_checkpoint(engine: Engine, event: Event, where: str | None, now: datetime) -> Checkpoint:
    """`--door CODE`: a session code or a day (2022-10-19); none given: the session running now,
    else today's entrance. Raises `CheckpointError` with the choices when nothing fits."""
    from datetime import date

    from checkin.services.event import CheckpointError, resolve_checkpoint, session_running
    from checkin.storage.events import list_sessions

    if where:
        try:
            day = date.fromisoformat(where)
        except ValueError:
            return resolve_checkpoint(engine, event, session_code=where)
        return resolve_checkpoint(engine, event, day=day)
    with engine.connect() as conn:
        today = event.local_date(now)
        running = session_running([s for s in list_sessions(conn, event.id) if s.day == today], now)
    if running is not None:
        return Checkpoint(running.day, running)
    try:
        return resolve_checkpoint(engine, event, now=now)
    except CheckpointError as exc:
        raise CheckpointError(f"{exc}; for a room door give the session: --session CODE") from exc
