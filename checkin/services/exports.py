# SPDX-License-Identifier: MIT
"""The export use case: which reports exist, in which formats, what each needs, and one entry to make one.

The organiser tools' Exports page and `checkin export …` both read `EXPORTS` (formats, whether a
day or a session applies) and call `run_export`; the rule "the PDF attendance list is made for one
day" is `domain.exports.needs_one_day`, which the report itself enforces and the page checks
before asking for a file name. The report builders stay in `checkin.reports`.

Thread: any (the app runs it on the pool; reads only).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from checkin.domain.exports import EXPORTS, ExportKind, needs_one_day
from checkin.reports import (
    ExportResult,
    Progress,
    export_attendance,
    export_matrix,
    export_no_shows,
    export_sessions,
    export_summary,
)

__all__ = ["EXPORTS", "ExportKind", "needs_one_day", "run_export"]  # declarations: checkin.domain.exports


def run_export(engine: Engine, kind: str, fmt: str | None, out: str | Path, *, day: date | None = None,
               session: str | None = None, delimiter: str = ",", with_email: bool = False,
               progress: Progress | None = None, **extra: Any) -> ExportResult:
    """Write one report; ReportError says what is wrong with the request (day, session, format).

    `extra` goes to the report builder as it is (a report's own option, e.g. `minutes=True` for
    the matrix), so a new option needs no change here.
    """
    spec = EXPORTS[kind]
    options: dict[str, Any] = {"delimiter": delimiter, "progress": progress, **extra}
    if spec.with_email:
        options["with_email"] = with_email
    if kind == "attendance":
        if session is not None:  # one session's list instead of a day's (entry, exit, minutes)
            options["session"] = session
        return export_attendance(engine, day, fmt, out, **options)
    if kind == "sessions":
        return export_sessions(engine, session, fmt, out, **options)
    if kind == "matrix":
        return export_matrix(engine, fmt, out, **options)
    if kind == "no_shows":
        return export_no_shows(engine, day, fmt, out, **options)
    if kind == "photographers":
        from checkin.reports.paperwork import export_photographers

        return export_photographers(engine, fmt, out, **options)
    return export_summary(engine, fmt, out, **options)
