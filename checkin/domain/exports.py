# SPDX-License-Identifier: MIT
"""Which reports exist, in which formats, what each one takes — and the rule that a PDF
attendance list is made for one day. Pure declarations: the CLI builds its options from them
without loading the report machinery, the Exports page builds its form from them, and
`checkin.reports` enforces the rule (`checkin.services.exports.run_export` is the one entry)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ExportKind:
    key: str
    formats: tuple[str, ...]
    by_day: bool = False  # a day can be chosen (none = every day)
    by_session: bool = False  # a session can be chosen (none = every session)
    with_email: bool = False  # an e-mail column can be added


EXPORTS: dict[str, ExportKind] = {k.key: k for k in (
    ExportKind("attendance", ("csv", "xlsx", "pdf"), by_day=True, with_email=True),
    ExportKind("sessions", ("csv", "xlsx", "pdf"), by_session=True, with_email=True),
    ExportKind("matrix", ("csv", "xlsx")),
    ExportKind("no_shows", ("csv", "xlsx", "pdf"), by_day=True, with_email=True),
    ExportKind("summary", ("csv", "xlsx", "json")),
    ExportKind("photographers", ("pdf", "csv", "xlsx")),  # no photo consent: name and badge mark only
)}


def needs_one_day(kind: str, fmt: str | None, day: date | None) -> bool:
    """True when a PDF attendance list (signature column, one sheet per day) is asked for without a day.

    The one statement of the rule: the report refuses such a request, the Exports page checks it
    before asking for a file name. (No-shows as PDF may span days: one section per day.)
    """
    return kind == "attendance" and (fmt or "").lower() == "pdf" and day is None
