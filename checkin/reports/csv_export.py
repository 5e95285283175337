# SPDX-License-Identifier: MIT
"""CSV that Excel opens correctly with Polish characters.

- UTF-8 with a byte order mark: without it Excel reads the file as the local ANSI code page and
  `Łukasz` turns into `Å�ukasz`.
- `,` by default; `;` for Polish Excel, whose list separator is `;` because `,` is the decimal mark.
  (A `sep=;` first line would also work, but it stops Excel honouring the BOM.)
- CRLF line ends, quoting as RFC 4180, and formula injection neutralised (see `safe.py`).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date, time
from pathlib import Path
from typing import Any

from checkin.reports.output import Progress, atomic_output, report_progress
from checkin.reports.query import ReportError
from checkin.reports.safe import DANGEROUS_FIRST, csv_cell
from checkin.reports.sheets import Sheet

DELIMITERS = (",", ";", "\t")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return csv_cell(value)


def write_csv(out: str | Path, sheets: Sequence[Sheet], *, delimiter: str = ",",
              progress: Progress | None = None) -> int:
    """Write `sheets` to one CSV; returns the number of data rows.

    Sheets with the same headers (one per day, one per session) are concatenated under a single
    header row: their own columns (Data, Sesja) tell them apart. Sheets with different headers
    (the summary) follow one another as titled blocks separated by an empty line.
    """
    if delimiter not in DELIMITERS:
        raise ReportError(f"delimiter {delimiter!r} is not supported; use ',' or ';' (or a tab)")
    total = sum(len(s.rows) for s in sheets)
    same_headers = len({tuple(s.headers) for s in sheets}) <= 1
    done = 0
    with atomic_output(out) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        for i, sheet in enumerate(sheets):
            if not same_headers:
                if i:
                    writer.writerow([])
                writer.writerow([_text(sheet.title)])
            if not same_headers or i == 0:
                writer.writerow([_text(h) for h in sheet.headers])
            for row in sheet.rows:  # plain text (most cells) stays on the fast path, without a call
                writer.writerow([v if type(v) is str and not v.startswith(DANGEROUS_FIRST) else _text(v)
                                 for v in row])
                done += 1
                report_progress(progress, done, total)
    return total
