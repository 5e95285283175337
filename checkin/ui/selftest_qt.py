# SPDX-License-Identifier: MIT
"""Qt part of `checkin --self-test`: the platform plugin loads, a window renders, print support works.

A frozen build that lost its Qt plugins fails here with Qt's own message rather than at the desk.
"""

from __future__ import annotations

import tempfile
from pathlib import Path


def check_qt() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QPageSize, QPainter
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(["checkin-selftest"])
    if not isinstance(app, QApplication):
        raise AssertionError(f"a {type(app).__name__} exists already; widgets need a QApplication")
    label = QLabel("Łukasz Żółć-Ślęzak")
    label.resize(300, 60)
    image = label.grab().toImage()
    if image.isNull() or image.width() < 100:
        raise AssertionError("a Qt widget could not be rendered")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "qt.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
        painter = QPainter()
        if not painter.begin(printer):
            raise AssertionError("Qt print support could not start a print job")
        painter.drawText(100, 100, "Żółć")
        painter.end()
        size = out.stat().st_size
    label.deleteLater()
    return f"PySide6 {pyside_version}, platform '{app.platformName()}', print to PDF {size} bytes"
