# SPDX-License-Identifier: MIT
"""Printing a badge PDF through Qt's print support: any installed printer, no dialog, actual size.

How a PDF reaches the printer: PySide6-Essentials has QtPrintSupport but not QtPdf (that is in the
~100 MB PySide6-Addons), and a desk cannot rely on poppler's `pdftoppm` being installed (Windows).
So each page is rasterised with pypdfium2 (PDFium, a few MB, BSD/Apache) at the printer's resolution
(capped at 300 dpi: label printers are 203/300 dpi, and 300 dpi keeps an A4 page at ~35 MB) and
drawn with QPainter onto a QPrinter whose page is exactly the PDF page: QPageSize in millimetres,
zero margins, full-page mode, the image spanning the whole paper rectangle. Nothing is scaled to
"fit", so 33 mm of QR on the PDF is 33 mm on paper, and the desk prints what the preview shows.

The same path prints to a PDF file (`output_pdf=`), which is how the tests check page size and
content without a printer. `print_pdf` blocks for the duration of the job; it touches no widgets
and may run on a worker thread (QPainter on a QPrinter is not tied to the GUI thread).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from checkin.domain.messages import say

MAX_DPI = 300
_MM_PER_PT = 25.4 / 72


class PrintError(Exception):
    """The badge could not be printed; the message says what to check."""


def ensure_app() -> None:
    """Printing needs a GUI application object; the CLI has none, and may have no display either.

    A full QApplication (not just QGuiApplication) is created: a process gets one application object
    for its lifetime, and anything later that shows a widget would abort on a QGuiApplication.
    """
    if QCoreApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        QApplication([sys.argv[0] if sys.argv else "checkin"])


def available_printers() -> list[str]:
    ensure_app()
    return list(QPrinterInfo.availablePrinterNames())


def default_printer() -> str | None:
    ensure_app()
    return QPrinterInfo.defaultPrinterName() or None


PDF_PRINTER_PREFIX = "pdf:"  # printer "pdf:FOLDER": each job becomes a PDF file there (kiosk trials, tests)


def _pdf_printer_target(printer_name: str) -> Path:
    """`pdf:FOLDER` -> the next free `job-NNN.pdf` in FOLDER; `pdf:FILE.pdf` -> that file."""
    target = Path(printer_name[len(PDF_PRINTER_PREFIX):]).expanduser()
    if target.suffix.lower() == ".pdf":
        return target
    target.mkdir(parents=True, exist_ok=True)
    n = 1
    while (target / f"job-{n:03d}.pdf").exists():
        n += 1
    return target / f"job-{n:03d}.pdf"


def _printer(printer_name: str | None, output_pdf: Path | None) -> tuple[QPrinter, str]:
    if output_pdf is None and printer_name and printer_name.startswith(PDF_PRINTER_PREFIX):
        output_pdf = _pdf_printer_target(printer_name)
    if output_pdf is not None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output_pdf))
        return printer, f"PDF file {output_pdf}"
    name = printer_name or default_printer()
    installed = available_printers()
    if not name:
        raise PrintError(say("no printer given and this computer has no default printer; installed: {installed}",
                             installed=", ".join(installed) or say("none")))
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():  # "hp laserjet" for "HP LaserJet", "Label" for "\\\\print-srv\\Label" (Windows)
        from checkin.platforms import current, match_printer

        matched = match_printer(name, installed, current())
        if matched is not None:
            info, name = QPrinterInfo.printerInfo(matched), matched
    if info.isNull():
        raise PrintError(say("no printer named '{name}'; installed: {installed}", name=name,
                             installed=", ".join(installed) or say("none")))
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    return printer, name


def _set_page(printer: QPrinter, width_mm: float, height_mm: float) -> None:
    """Exactly this paper, no margins; a landscape badge is a portrait size turned (how Qt wants it)."""
    landscape = width_mm > height_mm
    short, long_ = sorted((width_mm, height_mm))
    size = QPageSize(QSizeF(short, long_), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    layout = QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.FullPageMode)
    if not printer.setPageLayout(layout):
        raise PrintError(say("the printer does not accept a {width} x {height} mm page; set up that paper size "
                             "(label) in the printer's settings", width=f"{width_mm:g}", height=f"{height_mm:g}"))
    printer.setFullPage(True)


def print_pdf(pdf_path: Path, printer_name: str | None = None, copies: int = 1,
              page_size_mm: tuple[float, float] | None = None, *, output_pdf: Path | None = None,
              job_name: str = "checkin badge") -> str:
    """Print every page of `pdf_path` `copies` times; returns the printer used (or the PDF file).

    `page_size_mm` defaults to the PDF's own first page, so the paper always matches the badge.
    """
    import pypdfium2 as pdfium

    if copies < 1:
        raise PrintError("copies must be at least 1")
    ensure_app()
    try:
        document = pdfium.PdfDocument(str(pdf_path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise PrintError(say("cannot open {path}: {error}", path=pdf_path, error=exc)) from exc
    try:
        if len(document) == 0:
            raise PrintError(say("{path} has no pages", path=pdf_path))
        if page_size_mm is None:
            w_pt, h_pt = document[0].get_size()
            page_size_mm = (w_pt * _MM_PER_PT, h_pt * _MM_PER_PT)
        printer, used = _printer(printer_name, output_pdf)
        printer.setDocName(job_name)
        _set_page(printer, *page_size_mm)
        hardware_copies = output_pdf is None and printer.supportsMultipleCopies()
        if hardware_copies:
            printer.setCopyCount(copies)
        dpi = min(printer.resolution(), MAX_DPI)
        target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
        target.moveTo(0, 0)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(say("could not start printing on {printer} (is it online and is the queue accepting "
                                 "jobs?)", printer=used))
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # crisp QR modules
            first = True
            for _copy in range(1 if hardware_copies else copies):
                for index in range(len(document)):
                    if not first and not printer.newPage():
                        raise PrintError(say("the printer {printer} refused a new page", printer=used))
                    first = False
                    bitmap = document[index].render(scale=dpi / 72, prefer_bgrx=True)
                    buffer = bitmap.buffer
                    image = QImage(buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32)
                    painter.drawImage(target, image)
                    del image, buffer, bitmap
        finally:
            if not painter.end():
                raise PrintError(say("printing on {printer} failed while sending the job", printer=used))
        return used
    finally:
        document.close()
