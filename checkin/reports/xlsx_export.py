# SPDX-License-Identifier: MIT
"""XLSX exports, written with XlsxWriter in constant-memory (streaming) mode.

Why not openpyxl, which the project uses to *read* rosters: its write-only mode does keep the
features these sheets need (freeze panes, auto-filter and column widths are written in the sheet's
head), but it spends about 25 µs of Python per cell, and a 20,000-person day is ~200,000 cells:
5+ s of CPU against a 5 s target (bench/exports.py). XlsxWriter writes the same sheet in well
under half that, and streams rows to disk so memory stays flat.

It is also the safer writer: `write_string` never turns text into a formula (openpyxl stores any
string starting with `=` as one), and the workbook is opened with `strings_to_formulas`,
`strings_to_numbers` and `strings_to_urls` off. Text that a spreadsheet could take for a formula
when the cell is edited gets the `quote_prefix` format, which is what Excel itself records when a
user types `'=1+1` (see `safe.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import xlsxwriter

from checkin.reports.output import Progress, atomic_output, report_progress
from checkin.reports.safe import DANGEROUS_FIRST, xml_text
from checkin.reports.sheets import Sheet

_WORKBOOK_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
                     "strings_to_urls": False, "in_memory": False}


class _Formats:
    def __init__(self, wb: Any) -> None:
        self.header = wb.add_format({"bold": True, "bg_color": "#DDE3EA", "text_wrap": True, "valign": "vcenter",
                                     "border": 1, "border_color": "#9AA3AD"})
        self.time = wb.add_format({"num_format": "hh:mm"})
        self.date = wb.add_format({"num_format": "yyyy-mm-dd"})
        self.quoted = wb.add_format({"quote_prefix": True})


def _write_sheet(wb: Any, fmt: _Formats, sheet: Sheet, done: int, total: int, progress: Progress | None) -> int:
    ws = wb.add_worksheet(sheet.title)
    for i, width in enumerate(sheet.widths()):
        ws.set_column(i, i, width)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(sheet.rows), 1), len(sheet.headers) - 1)
    ws.repeat_rows(0)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    for col, header in enumerate(sheet.headers):
        ws.write_string(0, col, header, fmt.header)
    write_string, write_number, write_datetime = ws.write_string, ws.write_number, ws.write_datetime
    for r, row in enumerate(sheet.rows, 1):
        for c, value in enumerate(row):
            if type(value) is str:
                if not value:
                    continue
                if not value.isprintable():
                    value = xml_text(value)
                if value.startswith(DANGEROUS_FIRST):
                    write_string(r, c, value, fmt.quoted)
                else:
                    write_string(r, c, value)
            elif value is None:
                continue
            elif isinstance(value, bool):
                write_string(r, c, "tak" if value else "nie")
            elif isinstance(value, int | float):
                write_number(r, c, value)
            elif isinstance(value, time):
                write_datetime(r, c, value, fmt.time)
            elif isinstance(value, date | datetime):
                write_datetime(r, c, value, fmt.date)
            else:
                write_string(r, c, str(value))
        done += 1
        report_progress(progress, done, total)
    return done


def write_xlsx(out: str | Path, sheets: Sequence[Sheet], *, progress: Progress | None = None) -> int:
    """Write one worksheet per `Sheet`; returns the number of data rows."""
    total = sum(len(s.rows) for s in sheets)
    done = 0
    with atomic_output(out) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), _WORKBOOK_OPTIONS)
        try:
            fmt = _Formats(wb)
            titles: set[str] = set()
            for sheet in sheets:
                title, n = sheet.title, 2
                while title.lower() in titles:  # Excel sheet names are unique, case-insensitively
                    suffix = f" ({n})"
                    title, n = sheet.title[: 31 - len(suffix)] + suffix, n + 1
                titles.add(title.lower())
                sheet.title = title
                done = _write_sheet(wb, fmt, sheet, done, total, progress)
        finally:
            wb.close()
    return total
