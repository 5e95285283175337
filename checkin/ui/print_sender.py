# SPDX-License-Identifier: MIT
"""The printer the badge-print use case is handed, for the desk and the CLI alike.

`services.badge_printing.print_badge` takes a `send(pdf, printer, copies, page_mm, job)` so it stays
free of Qt; this is the one such `send`: Qt print support (`checkin.ui.printing.print_pdf`), or a
PDF file instead of paper. Importing this module loads no Qt: a build without QtPrintSupport gets
`PrintingUnavailable` at print time and still keeps the rendered badge. Any thread (the desk calls
it on the pool; QPainter on a QPrinter is not bound to the GUI thread).
"""

from __future__ import annotations

from pathlib import Path

from checkin.services.badge_printing import PrintingUnavailable, Send


def qt_sender(output_pdf: Path | None = None) -> Send:
    def send(pdf: Path, printer: str | None, copies: int, page_mm: tuple[float, float], job: str) -> str:
        try:
            from checkin.ui.printing import print_pdf
        except ImportError as exc:
            raise PrintingUnavailable(f"printing needs Qt's print support, which is not available: {exc}") from exc
        return str(print_pdf(pdf, printer, copies, page_mm, output_pdf=output_pdf, job_name=job))

    return send
