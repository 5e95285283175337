# SPDX-License-Identifier: MIT
"""Printing one attendee's badge, with the reprint rule: one entry for the desk and `checkin print`.

The rule: a first copy prints straight away; if any copy was printed before (at any desk this
database knows of), nothing is printed unless the caller says the reprint is wanted — the refusal
(`ReprintNeedsConfirmation`) carries the earlier copies, so the desk can ask "already printed at
09:14 at Desk 2 — print again?" and the CLI can say "use --yes". Auto-print at check-in is the
same call with `reprint_ok=False`, where a refusal simply means "no".

Order: render the PDF, hand it to the printer, and only then log the copies (with their outbox
rows): a logged badge that never came out would mislead the next volunteer. When the printer
fails, `BadgeNotPrinted` says where the PDF was saved, so it can be printed elsewhere.

The printer itself is passed in (`send`: the Qt print path of `checkin.ui.printing.print_pdf`), so
this module stays free of Qt. Thread: any worker thread — rendering and printing take a while and
must not hold the scan writer; the log entry is one short write transaction that queues behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from checkin.badges.log import PrintRecord, previous_prints, record_print, reprint_warning
from checkin.domain.models import Attendee, Desk, Event
from checkin.storage.types import utcnow

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# send(pdf, printer name or None, copies, page size mm, job name) -> the printer actually used
Send = Callable[[Path, str | None, int, tuple[float, float], str], str]


class ReprintNeedsConfirmation(Exception):
    """Copies exist already; `.records` are they, oldest first. Nothing was printed."""

    def __init__(self, attendee: Attendee, records: list[PrintRecord], warning: str) -> None:
        super().__init__(f"{attendee.full_name}: {warning}")
        self.attendee = attendee
        self.records = records


class PrintingUnavailable(Exception):
    """This computer has no print support (a `send` raises it); the badge PDF is still made."""


class BadgeNotPrinted(Exception):
    """The printer refused or is missing; `.pdf` is the rendered badge, kept for printing elsewhere."""

    def __init__(self, cause: BaseException, pdf: Path) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.pdf = pdf


@dataclass(frozen=True, slots=True)
class BadgeJob:
    """What to print and how; the same for the desk and the command line."""

    attendee: Attendee
    event: Event
    template: str  # template id or .toml path
    printer: str | None = None  # None: the system default printer
    copies: int = 1
    language: str | None = None
    signing_key: Ed25519PrivateKey | None = None


@dataclass(frozen=True, slots=True)
class BadgePrinted:
    pdf: Path
    printer: str
    records: list[PrintRecord]


def check_reprint(engine: Engine, job: BadgeJob, now: datetime | None = None) -> list[PrintRecord]:
    """The earlier copies, or ReprintNeedsConfirmation when there are any (the reprint rule)."""
    earlier = previous_prints(engine, job.attendee.id)
    warning = reprint_warning(earlier, job.event.tz, now)
    if warning:
        raise ReprintNeedsConfirmation(job.attendee, earlier, warning)
    return earlier


def print_badge(engine: Engine, desk: Desk, job: BadgeJob, send: Send, folder: Path, *, reprint_ok: bool = False,
                printer_label: str | None = None, clock: Callable[[], datetime] = utcnow) -> BadgePrinted:
    """Render `job` into `folder`, print it, log each copy. See the module docstring for the rule.

    `printer_label` is what the log records as the printer when it is not the device name
    (`checkin print --to-pdf F` logs the file).
    """
    from checkin.badges.render import render_badges
    from checkin.badges.templates import load_template

    if job.copies < 1:
        raise ValueError("copies must be at least 1")
    if not reprint_ok:
        check_reprint(engine, job, clock())
    template = load_template(job.template)
    pdf = folder / f"badge-{job.attendee.id[:8]}.pdf"
    render_badges([job.attendee], job.event, template, pdf, signing_key=job.signing_key, language=job.language,
                  title=f"{job.attendee.full_name} — {job.event.name}")
    try:
        used = send(pdf, job.printer, job.copies, template.page_size_mm, f"Badge {job.attendee.full_name}")
    except Exception as exc:
        raise BadgeNotPrinted(exc, pdf) from exc
    label = printer_label or used
    records = [record_print(engine, desk, job.attendee.id, template.id, label, clock=clock)
               for _ in range(job.copies)]
    return BadgePrinted(pdf, used, records)
