# SPDX-License-Identifier: MIT
"""Who is at the desk, and the supervisor's PIN for the actions the event reserves for supervisors.

When the organiser has issued PINs (`checkin volunteer add`), the desk asks the volunteer to sign in
with their name (picked from the list: no free-text operator names) and PIN; the name is then the
operator of every scan. `VolunteerGate.require(action, then)` runs `then` at once when the action
is not gated (or a supervisor is signed in) and otherwise asks for a supervisor's PIN first.
Without volunteers defined nothing is asked: a solo desk works as it always did.

GUI thread only; a PIN check is one scrypt hash (tens of milliseconds), done in place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.domain.models import Event
from checkin.services import volunteers as v


class SignInDialog(QDialog):
    """Name from the organiser's list + PIN. Cannot be dismissed without signing in."""

    signed_in = Signal(object)  # Volunteer

    def __init__(self, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_info = event
        self.setWindowTitle(self.tr("Sign in at the desk"))
        self.setModal(True)
        self.names = QComboBox()
        self.names.addItems([p.name for p in v.volunteers(event)])
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.error = QLabel("")
        self.error.setStyleSheet("color:#b3261e;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Volunteer"), self.names)
        form.addRow(self.tr("PIN"), self.pin)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.try_sign_in)
        self.pin.returnPressed.connect(self.try_sign_in)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose your name and type the PIN the organiser gave you.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def try_sign_in(self) -> None:
        try:
            volunteer = v.sign_in(self.event_info, self.names.currentText(), self.pin.text())
        except v.VolunteerError as exc:
            self.pin.clear()
            self.error.setText(str(exc))
            return
        self.signed_in.emit(volunteer)
        self.accept()

    def reject(self) -> None:  # Esc does not get past the sign-in
        self.error.setText(self.tr("Sign in to use this desk."))


class SupervisorDialog(QDialog):
    """'This needs a supervisor' + the PIN of any supervisor."""

    confirmed = Signal(object)  # Volunteer (the supervisor)

    def __init__(self, event: Event, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_info = event
        self.setWindowTitle(self.tr("Supervisor needed"))
        self.setModal(True)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.error = QLabel("")
        self.error.setStyleSheet("color:#b3261e;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_confirm)
        buttons.rejected.connect(super().reject)
        self.pin.returnPressed.connect(self.try_confirm)
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("{what}: a supervisor confirms with their PIN.").format(what=what))
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_confirm(self) -> None:
        try:
            supervisor = v.supervisor_for_pin(self.event_info, self.pin.text())
        except v.VolunteerError as exc:
            self.pin.clear()
            self.error.setText(str(exc))
            return
        self.confirmed.emit(supervisor)
        self.accept()


class VolunteerGate(QObject):
    """The desk's signed-in volunteer and its supervisor checks (see module docstring)."""

    volunteer_changed = Signal(object)  # Volunteer | None

    def __init__(self, event: Event | Callable[[], Event], parent: QWidget) -> None:
        super().__init__(parent)
        self._load = event if callable(event) else (lambda: event)
        self.event_info = self._load()
        self.parent_widget = parent
        self.volunteer: v.Volunteer | None = None
        self.dialog: QDialog | None = None

    @property
    def required(self) -> bool:
        return v.sign_in_required(self.event_info)

    def action_label(self, action: str) -> str:
        return {
            "undo_old": self.tr("Undoing an older check-in"),
            "walk_in": self.tr("Registering a walk-in"),
            "correct": self.tr("Correcting details"),
            "reprint": self.tr("Printing a badge again"),
            "checkpoint": self.tr("Changing the checkpoint"),
        }.get(action, action)

    def ask_sign_in(self) -> SignInDialog:
        dialog = SignInDialog(self.event_info, self.parent_widget)
        dialog.signed_in.connect(self._signed_in)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _signed_in(self, volunteer: v.Volunteer) -> None:
        self.volunteer = volunteer
        self.volunteer_changed.emit(volunteer)

    def sign_out(self) -> None:
        self.volunteer = None
        self.volunteer_changed.emit(None)
        if self.required:
            self.ask_sign_in()

    def reload(self) -> None:
        """GUI thread: take the event's current volunteers and rules (after sync or the organiser's edit)."""
        self.event_info = self._load()

    def needs_supervisor(self, action: str) -> bool:
        return v.needs_supervisor(self.event_info, action, self.volunteer)

    def require(self, action: str, then: Callable[[v.Volunteer | None], None]) -> None:
        """Run `then(supervisor or None)` now, or once a supervisor confirmed with their PIN."""
        self.reload()
        if not self.needs_supervisor(action):
            then(None)
            return
        dialog = SupervisorDialog(self.event_info, self.action_label(action), self.parent_widget)
        dialog.confirmed.connect(then)
        self.dialog = dialog
        dialog.open()
