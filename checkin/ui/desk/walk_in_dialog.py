# SPDX-License-Identifier: MIT
"""Walk-in registration and name corrections: short forms, big fields, errors next to the field.

Both dialogs only collect values: the desk view runs the write on the DB-writer lane and either
closes the dialog or shows the error on the field the service named. The dialogs are window-modal
but opened with `open()`, so the event loop (camera, handheld scanner, timers) keeps running.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.domain.models import Attendee, Category
from checkin.ui.desk.wording import category_label

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class _Form(QDialog):
    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.fields: dict[str, QLineEdit] = {}
        self.form = QFormLayout()
        self.form.setVerticalSpacing(10)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b3261e; font-weight:bold;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        for b in self.buttons.buttons():
            b.setMinimumHeight(42)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _line(self, key: str, label: str, value: str = "") -> QLineEdit:
        edit = QLineEdit(value)
        edit.setMinimumHeight(38)
        f = edit.font()
        f.setPointSize(13)
        edit.setFont(f)
        self.fields[key] = edit
        self.form.addRow(label, edit)
        return edit

    def values(self) -> dict[str, Any]:
        return {k: e.text().strip() for k, e in self.fields.items()}

    def _submit(self) -> None:
        self.error.hide()
        for e in self.fields.values():
            e.setStyleSheet("")
        problem = self._first_problem(self.values())
        if problem is not None:
            self.show_error(*problem)
            return
        self.buttons.setEnabled(False)
        self.submitted.emit(self.values())

    def _first_problem(self, values: dict[str, Any]) -> tuple[str, str] | None:
        """The mistakes a volunteer makes most, said in the desk's language before the service is
        asked (the service checks again and stays the authority; its rarer messages are English)."""
        if "first_name" in values and not values["first_name"]:
            return self.tr("Enter the first name."), "first_name"
        if "last_name" in values and not values["last_name"]:
            return self.tr("Enter the surname."), "last_name"
        email = values.get("email", "")
        if email and not _EMAIL.fullmatch(email):
            return self.tr('"{email}" does not look like an e-mail address (name@example.pl).').format(
                email=email), "email"
        return None

    def show_error(self, message: str, field: str = "") -> None:
        """Called by the desk view when the service refused the values (GUI thread)."""
        self.buttons.setEnabled(True)
        self.error.setText(message)
        self.error.show()
        edit = self.fields.get(field)
        if edit is not None:
            edit.setStyleSheet("border: 2px solid #b3261e;")
            edit.setFocus()


class WalkInDialog(_Form):
    """Name, institution, category, e-mail -> ticket -> check-in -> badge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register a walk-in"))
        intro = QLabel(self.tr("For someone who is not on the list. They get a ticket and are checked in "
                               "at once."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self._line("first_name", self.tr("First name")).setFocus()
        self._line("last_name", self.tr("Surname"))
        self._line("organisation", self.tr("Institution"))
        self._line("position", self.tr("Position"))
        self.category = QComboBox()
        self.category.setMinimumHeight(38)
        for c in Category:
            self.category.addItem(category_label(c.value), c.value)
        self.form.addRow(self.tr("Category"), self.category)
        self._line("email", self.tr("E-mail"))
        self.print_badge = QCheckBox(self.tr("Print the badge after check-in"))
        self.print_badge.setChecked(True)
        self.form.addRow(self.print_badge)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Register and check in"))

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["category"] = self.category.currentData()
        return values


class CorrectDialog(_Form):
    """Fix a misspelt name or institution (keeps the version the edit started from)."""

    def __init__(self, attendee: Attendee, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attendee = attendee
        self.setWindowTitle(self.tr("Correct {name}").format(name=attendee.full_name))
        self._line("first_name", self.tr("First name"), attendee.first_name)
        self._line("last_name", self.tr("Surname"), attendee.last_name)
        self._line("organisation", self.tr("Institution"), attendee.organisation)
        self._line("position", self.tr("Position"), attendee.position)
        # "please, no photos": the badge gets the discreet mark, the photographers' list the name
        self.no_photos = QCheckBox(self.tr("No consent to photos (wizerunek)"))
        self.no_photos.setChecked(attendee.no_photos)
        self.form.addRow(self.no_photos)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save"))

    def values(self) -> dict[str, Any]:
        values = super().values()
        if self.no_photos.isChecked():
            values["photo_consent"] = "no"
        else:  # unticked after "no" means consent given now; otherwise leave what the roster said
            values["photo_consent"] = "yes" if self.attendee.no_photos else self.attendee.photo_consent
        return values

    def changes(self) -> dict[str, Any]:
        return {k: v for k, v in self.values().items() if v != getattr(self.attendee, k)}
