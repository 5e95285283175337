# SPDX-License-Identifier: MIT
"""Attendance reports and exports: daily and session attendance, the attendee-by-session matrix,
no-shows, certificates and the event summary, as CSV, XLSX, PDF or JSON.

The public functions below are what the CLI (`checkin export ...`) and the organiser tools call.
"""

from __future__ import annotations

from checkin.reports.exports import (
    ExportResult,
    export_attendance,
    export_certificate,
    export_matrix,
    export_no_shows,
    export_sessions,
    export_summary,
)
from checkin.reports.output import Progress
from checkin.reports.query import ReportError

__all__ = [
    "ExportResult",
    "Progress",
    "ReportError",
    "export_attendance",
    "export_certificate",
    "export_matrix",
    "export_no_shows",
    "export_sessions",
    "export_summary",
]
