# SPDX-License-Identifier: MIT
"""The badge printer's answer, in a strip of its own under the result panel.

A printer problem is not an admission problem: the person is in (the result panel stays green), only
the badge is missing. So a failed print never repaints the result panel red; it shows here, with a
printer mark and the word, and two ways on: print again (same printer, after fixing paper or cable)
or print elsewhere (another printer of this computer, or keep the PDF to print at another desk).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from checkin.domain.models import Attendee

STYLES = {  # (background, text): both readable at 4.5:1 or better
    "failed": ("#fff1c2", "#3d2c00"),
    "printed": ("#e3f1e7", "#123d20"),
}


class PrintNotice(QFrame):
    reprint_requested = Signal(object)  # Attendee, same printer
    elsewhere_requested = Signal(object, str)  # Attendee, printer name ("" = keep the PDF)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printNotice")
        self.setAccessibleName(self.tr("Badge printing"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.attendee: Attendee | None = None
        self.state = ""
        self.printers: list[str] = []
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.again = QPushButton(self.tr("Print again (Ctrl+Shift+P)"))
        self.again.setAccessibleName(self.tr("Print the badge again"))
        self.elsewhere = QPushButton(self.tr("Print elsewhere…"))
        self.elsewhere.setAccessibleName(self.tr("Print the badge on another printer"))
        self.close_button = QPushButton("×")
        self.close_button.setAccessibleName(self.tr("Close the printing notice"))
        self.close_button.setFixedWidth(32)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.again)
        buttons.addWidget(self.elsewhere)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.again.clicked.connect(self._again)
        self.elsewhere.clicked.connect(self._elsewhere)
        self.close_button.clicked.connect(self.clear)
        self.hide()

    def show_failed(self, attendee: Attendee, why: str) -> None:
        """GUI thread: the admission stands; only the badge is missing."""
        self.attendee = attendee
        self._paint("failed")
        self.text.setText("⚠ " + self.tr("Badge of {name} not printed: {why}").format(name=attendee.full_name,
                                                                                        why=why))
        self.again.show()
        self.elsewhere.show()
        self.show()

    def show_printed(self, attendee: Attendee, printer: str) -> None:
        self.attendee = attendee
        self._paint("printed")
        self.text.setText("✔ " + self.tr("Badge of {name} sent to the printer {printer}.").format(
            name=attendee.full_name, printer=printer))
        self.again.hide()
        self.elsewhere.hide()
        self.show()

    def clear(self) -> None:
        self.state = ""
        self.attendee = None
        self.hide()

    def _paint(self, state: str) -> None:
        self.state = state
        bg, fg = STYLES[state]
        self.setStyleSheet(f"#printNotice {{ background:{bg}; border:2px solid {fg}; border-radius:8px; }}"
                           f" #printNotice QLabel {{ color:{fg}; background:transparent; }}")

    def _again(self) -> None:
        if self.attendee is not None:
            self.reprint_requested.emit(self.attendee)

    def _elsewhere(self) -> None:
        """A menu of this computer's other printers, and "keep the PDF" for a printer elsewhere."""
        if self.attendee is None:
            return
        attendee = self.attendee
        menu = QMenu(self)
        for name in self.printers:
            menu.addAction(name).triggered.connect(lambda _c=False, n=name: self.elsewhere_requested.emit(attendee, n))
        if self.printers:
            menu.addSeparator()
        menu.addAction(self.tr("Save the badge as a PDF to print at another desk")).triggered.connect(
            lambda _c=False: self.elsewhere_requested.emit(attendee, ""))
        self.menu = menu
        menu.popup(self.elsewhere.mapToGlobal(self.elsewhere.rect().bottomLeft()))
