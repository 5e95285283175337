# SPDX-License-Identifier: MIT
"""The print log: every badge printed, at which desk, when, on which template, which copy.

Each print is a `badge_print` row written with its `outbox` row in one local transaction, so sync
carries it to the hub and to other desks. Rows are never updated or deleted (a reprint is a new row
with the next copy number), which keeps the merge of two desks a plain set union. Desk names come
from the `desk` table, so once sync has pulled another desk's prints and desk row, a reprint warning
here says "at Desk 2" without any extra work.

Auto-print on first check-in is the desk setting `auto_print` (checkin.config): the CLI switch and
the desk's settings page write it, and the desk reads it at each admission.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select

from checkin.domain.models import Desk
from checkin.services.rehearsal import active_id
from checkin.storage import tables as t
from checkin.storage.db import write_tx
from checkin.storage.outbox import enqueue
from checkin.storage.types import utcnow


@dataclass(frozen=True, slots=True)
class PrintRecord:
    id: str
    attendee_id: str
    desk_id: str
    desk_name: str  # "" when the desk row has not reached this desk yet
    printed_at: datetime  # UTC
    template: str
    copy_no: int
    printer: str

    def where(self) -> str:
        return self.desk_name or f"another desk ({self.desk_id[:8]})"


def previous_prints(engine: Engine, attendee_id: str) -> list[PrintRecord]:
    """Every copy printed for this attendee on any desk this database knows of, oldest first."""
    b, d = t.badge_print, t.desk
    query = (
        select(b, d.c.name.label("desk_name"))
        .select_from(b.outerjoin(d, d.c.id == b.c.desk_id))
        .where(b.c.attendee_id == attendee_id)
        .order_by(b.c.printed_at, b.c.copy_no)
    )
    with engine.connect() as conn:
        return [
            PrintRecord(row.id, row.attendee_id, row.desk_id, row.desk_name or "", row.printed_at,
                        row.template, row.copy_no, row.printer or "")
            for row in conn.execute(query)
        ]


def record_print(engine: Engine, desk: Desk, attendee_id: str, template: str, printer: str, *,
                 clock: Callable[[], datetime] = utcnow) -> PrintRecord:
    """Log one printed copy (copy number = copies known so far + 1) with its outbox row, atomically.

    Call it after the printer accepted the job: a log entry for a badge that never came out would
    make the next volunteer think it exists.
    """
    now = clock()
    record_id = str(uuid.uuid4())
    with write_tx(engine) as conn:
        count = conn.execute(
            select(func.count()).select_from(t.badge_print).where(t.badge_print.c.attendee_id == attendee_id)
        ).scalar_one()
        copy_no = int(count) + 1
        conn.execute(t.badge_print.insert().values(
            id=record_id, attendee_id=attendee_id, desk_id=desk.id, printed_at=now, template=template,
            copy_no=copy_no, printer=printer[:200], rehearsal_id=active_id(conn),
        ))
        enqueue(conn, "badge_print", record_id, now)
    return PrintRecord(record_id, attendee_id, desk.id, desk.name, now, template, copy_no, printer[:200])


def describe_print(record: PrintRecord, tz: ZoneInfo, now: datetime | None = None) -> str:
    """`09:14 at Desk 2 (copy 1)`, with the date when it was not today (venue time)."""
    local = record.printed_at.astimezone(tz)
    today = (now or utcnow()).astimezone(tz).date()
    when = local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")
    return f"{when} at {record.where()} (copy {record.copy_no})"


def reprint_warning(records: list[PrintRecord], tz: ZoneInfo, now: datetime | None = None) -> str | None:
    """What to tell the volunteer before printing again, or None for a first print."""
    if not records:
        return None
    last = records[-1]
    text = f"already printed at {describe_print(last, tz, now)}"
    if len(records) > 1:
        text += f"; {len(records)} copies so far"
    return text


def next_copy_no(records: list[PrintRecord]) -> int:
    return len(records) + 1


def auto_print_enabled(engine: Engine) -> bool:
    from checkin.config import load_settings

    return load_settings(engine).auto_print


def set_auto_print(engine: Engine, enabled: bool) -> None:
    from checkin.config import update_settings

    update_settings(engine, auto_print=enabled)


def should_auto_print(engine: Engine, attendee_id: str, setting_enabled: bool | None = None) -> bool:
    """Print without asking only when the desk wants it and no copy exists anywhere we know of.

    `setting_enabled=None` reads the desk setting from the store now, so a switch made with
    `checkin badge auto-print` while the desk app runs takes effect at the next check-in.
    """
    if setting_enabled is None:
        setting_enabled = auto_print_enabled(engine)
    if not setting_enabled:
        return False
    with engine.connect() as conn:
        printed = conn.execute(
            select(t.badge_print.c.id).where(t.badge_print.c.attendee_id == attendee_id).limit(1)
        ).first()
    return printed is None
