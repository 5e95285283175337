# SPDX-License-Identifier: MIT
"""The kiosk's screens: welcome (scan, or type surname + code), the outcome, the exit password.

Presentation only: the window decides what to show; these widgets show it large, in two languages,
and emit what the guest typed. Nothing here lists or looks up people.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.ui.desk.camera_view import PreviewBox
from checkin.ui.kiosk.wording import both, phrase


def _label(text: str, size: int, *, bold: bool = False, color: str = "#1d2b38",
           align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> QLabel:
    label = QLabel(text)
    label.setProperty("base_pt", size)  # scaled with the screen (see scale_fonts)
    font = QFont(label.font())
    font.setPointSize(size)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAlignment(align)
    label.setStyleSheet(f"color:{color};")
    return label


def scale_fonts(root: QWidget, factor: float) -> None:
    """Text sized for 1366x768 grows with a larger screen, so a 1920x1080 kiosk reads as large."""
    for widget in root.findChildren(QWidget):
        base = widget.property("base_pt")
        if base:
            font = QFont(widget.font())
            font.setPointSize(max(1, round(int(base) * factor)))
            widget.setFont(font)


class WelcomePage(QWidget):
    """'Welcome — scan your ticket', a camera preview, and the typed look-up when the event allows."""

    typed_submitted = Signal(str, str)  # surname, booking code or phone digits

    def __init__(self, language: str, lookup: tuple[str, ...], camera: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        title, title_other = both("welcome", language)
        scan, scan_other = both("scan", language)
        hint_key = "scan_hint_camera" if camera else "scan_hint_reader"
        hint, hint_other = both(hint_key, language)
        self.title = _label(title, 54, bold=True)
        self.title_other = _label(title_other, 24, color="#4d5f70")
        self.instruction = _label(scan, 30, bold=True)
        self.instruction_other = _label(scan_other, 20, color="#4d5f70")
        self.hint = _label(f"{hint}\n{hint_other}", 15, color="#4d5f70")
        text = QVBoxLayout()
        text.addStretch(1)
        for w in (self.title, self.title_other):
            text.addWidget(w)
        text.addSpacing(28)
        for w in (self.instruction, self.instruction_other):
            text.addWidget(w)
        text.addSpacing(12)
        text.addWidget(self.hint)
        text.addStretch(1)
        self.form: QFrame | None = None
        self.surname: QLineEdit | None = None
        self.secret: QLineEdit | None = None
        self.submit: QPushButton | None = None
        if lookup:
            self.form = self._typed_form(lookup)
            text.addWidget(self.form)
        row = QHBoxLayout(self)
        row.setContentsMargins(48, 24, 48, 24)
        row.addLayout(text, 3)
        self.preview: PreviewBox | None = None
        if camera:
            self.preview = PreviewBox()
            self.preview.setMinimumSize(440, 330)
            self.preview.setMaximumSize(760, 570)
            row.addSpacing(32)
            row.addWidget(self.preview, 2, Qt.AlignmentFlag.AlignVCenter)

    def _typed_form(self, lookup: tuple[str, ...]) -> QFrame:
        lang = self.language
        form = QFrame()
        form.setObjectName("typedForm")
        form.setStyleSheet("#typedForm { background:#eef2f6; border-radius:14px; }")
        title, title_other = both("typed_title", lang)
        key = "booking_code+phone" if len(lookup) == 2 else lookup[0]
        self.surname = QLineEdit()
        self.secret = QLineEdit()
        self.submit = QPushButton("\n".join(both("check_me_in", lang)))
        for w in (self.surname, self.secret, self.submit):
            w.setProperty("base_pt", 17)
            f = QFont(w.font())
            f.setPointSize(17)
            w.setFont(f)
            w.setMinimumHeight(52)
        self.submit.setStyleSheet("QPushButton { background:#1f6f43; color:white; border-radius:8px; padding:0 22px; }")
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        for row, (field_key, edit) in enumerate((("surname", self.surname), (key, self.secret))):
            caption = _label("\n".join(both(field_key, lang)), 11, color="#4d5f70",
                             align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            caption.setMaximumWidth(250)
            grid.addWidget(caption, row, 0)
            grid.addWidget(edit, row, 1)
        self.submit.setMinimumHeight(110)
        grid.addWidget(self.submit, 0, 2, 2, 1)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        layout = QVBoxLayout(form)
        layout.setContentsMargins(22, 14, 22, 18)
        layout.addWidget(_label(f"{title}  ·  {title_other}", 16, bold=True,
                                align=Qt.AlignmentFlag.AlignLeft))
        layout.addLayout(grid)
        self.submit.clicked.connect(self._submit)
        self.secret.returnPressed.connect(self._submit)
        self.surname.returnPressed.connect(self.secret.setFocus)
        return form

    def _submit(self) -> None:
        if self.surname is None or self.secret is None:
            return
        surname, secret = self.surname.text().strip(), self.secret.text().strip()
        if surname and secret:
            self.typed_submitted.emit(surname, secret)

    def clear(self) -> None:
        for w in (self.surname, self.secret):
            if w is not None:
                w.clear()


class OutcomePage(QFrame):
    """One outcome, full screen: green welcome with the guest's own name, or 'please go to the desk'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcome")
        self.state = ""
        self.headline = _label("", 60, bold=True, color="white")
        self.headline_other = _label("", 28, color="white")
        self.detail = _label("", 26, color="white")
        self.detail_other = _label("", 19, color="white")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addStretch(1)
        for w in (self.headline, self.headline_other):
            layout.addWidget(w)
        layout.addSpacing(40)
        for w in (self.detail, self.detail_other):
            layout.addWidget(w)
        layout.addStretch(1)

    def _paint(self, state: str, color: str) -> None:
        self.state = state
        self.setStyleSheet(f"#outcome {{ background:{color}; border-radius:18px; }}")

    def show_welcome(self, language: str, first_name: str, full_name: str) -> None:
        self._paint("welcome", "#1f7a45")
        self.headline.setText(phrase("hello", language, name=first_name))
        other = "en" if language == "pl" else "pl"
        self.headline_other.setText(phrase("hello", other, name=full_name))
        self.show_printing(language)

    def show_printing(self, language: str) -> None:
        self.detail.setText(both("printing", language)[0])
        self.detail_other.setText(both("printing", language)[1])

    def show_collect_badge(self, language: str) -> None:
        self.detail.setText(both("collect_badge", language)[0])
        self.detail_other.setText(both("collect_badge", language)[1])

    def show_go_to_desk(self, language: str) -> None:
        """The same words whatever went wrong: the kiosk never says why, or whose ticket it was."""
        self._paint("desk", "#b5541c")
        self.headline.setText(both("go_to_desk", language)[0])
        self.headline_other.setText(both("go_to_desk", language)[1])
        self.detail.setText(both("go_to_desk_detail", language)[0])
        self.detail_other.setText(both("go_to_desk_detail", language)[1])

    def show_wait(self, language: str) -> None:
        self._paint("wait", "#34506b")
        self.headline.setText(both("wait", language)[0])
        self.headline_other.setText(both("wait", language)[1])
        self.detail.setText("")
        self.detail_other.setText("")


class ExitDialog(QDialog):
    """The organiser password, and only that, closes the kiosk."""

    password_entered = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setWindowTitle(phrase("exit_title", language))
        self.setModal(True)
        self.prompt = QLabel(phrase("exit_prompt", language))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel("")
        self.error.setStyleSheet("color:#b3261e;")
        self.ok = QPushButton(phrase("close", language))
        self.cancel = QPushButton(phrase("cancel", language))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        for w in (self.prompt, self.password, self.error):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.ok.clicked.connect(lambda: self.password_entered.emit(self.password.text()))
        self.password.returnPressed.connect(self.ok.click)
        self.cancel.clicked.connect(self.reject)

    def refuse(self) -> None:
        self.password.clear()
        self.error.setText(phrase("exit_wrong", self.language))
