# SPDX-License-Identifier: MIT
"""Choosing the door's checkpoint, and the organiser password that guards changing it.

Opened with `open()` (never `exec()`), so the scan path keeps running behind them. The password is
checked on a pool thread (scrypt takes a noticeable moment on purpose). A desk without an
organiser password says so plainly instead of pretending the door is locked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.config import check_organiser_password, has_organiser_password
from checkin.domain.models import Checkpoint, Session
from checkin.services.desk_queries import CheckpointChoices
from checkin.ui.desk import wording
from checkin.ui.tasks import TaskManager


def checkpoint_items(choices: CheckpointChoices) -> list[tuple[str, Checkpoint]]:
    """Sessions first (doors are mostly room doors), then each day's entrance."""
    items: list[tuple[str, Checkpoint]] = []
    sessions: list[Session] = sorted(choices.sessions, key=lambda s: (s.day, s.starts_at or s.day, s.code))
    for s in sessions:
        exits = " ⇄" if s.tracks_inside else ""
        items.append((f"{s.code} — {s.title}{exits}", Checkpoint(s.day, s)))
    for d in choices.event.days:
        entrance = QCoreApplication.translate("DoorDialog", "Entrance")
        items.append((f"{entrance} — {wording.local_date(d.date)}", Checkpoint(d.date)))
    return items


class DoorDialog(QDialog):
    """`enter`: pick the checkpoint for door mode. `unlock`: the organiser password, then change
    the checkpoint or leave door mode."""

    chosen = Signal(object, bool)  # Checkpoint, auto-direction
    leave_requested = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager, choices: CheckpointChoices,
                 current: Checkpoint | None, *, unlock: bool, auto: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.unlock = ctx, tasks, unlock
        self.setWindowTitle(self.tr("Door mode"))
        self.setMinimumWidth(460)
        self.items = checkpoint_items(choices)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.combo = QComboBox()
        for text, _cp in self.items:
            self.combo.addItem(text)
        keys = [cp.key for _t, cp in self.items]
        preferred = current.key if current is not None else (choices.default.key if choices.default else "")
        if preferred in keys:
            self.combo.setCurrentIndex(keys.index(preferred))
        self.auto_box = QCheckBox(self.tr("Auto-direction: a second scan of someone inside means leaving"))
        self.auto_box.setChecked(auto)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Organiser password"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#b3261e;")
        self.ok_button = QPushButton(self.tr("Change the door") if unlock else self.tr("Start door mode"))
        self.ok_button.setDefault(True)
        self.leave_button = QPushButton(self.tr("Leave door mode"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.card_button = QPushButton(self.tr("Save the OUT card (PDF)…"))
        self.card_button.setToolTip(self.tr("Print it and keep it at the door: scanning it flips IN/OUT."))
        self.card_button.clicked.connect(self._ask_card_path)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ok_button)
        if unlock:
            buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        buttons.addWidget(self.card_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.combo)
        layout.addWidget(self.auto_box)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.has_password = has_organiser_password(ctx.engine)
        self.password.setVisible(unlock and self.has_password)
        self.leave_button.setVisible(unlock)
        if not unlock:
            self.explanation.setText(self.tr(
                "The door scans for one session (or a day's entrance) only, full screen. Changing it or "
                "leaving door mode needs the organiser password."))
        elif self.has_password:
            self.explanation.setText(self.tr("Enter the organiser password to change this door or leave door mode."))
        else:
            self.explanation.setText(self.tr(
                "No organiser password is set on this desk, so the door is not really locked: set one in "
                "the organiser tools."))
        self.ok_button.clicked.connect(lambda: self._submit(leave=False))
        self.leave_button.clicked.connect(lambda: self._submit(leave=True))
        self.cancel_button.clicked.connect(self.reject)
        self.password.returnPressed.connect(lambda: self._submit(leave=False))

    def _ask_card_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the OUT card"), "karta-wyjscie.pdf", "PDF (*.pdf)")
        if path:
            self.save_out_card(path)

    def save_out_card(self, path: str) -> None:
        """Write the OUT card PDF on a pool thread; the dialog says where it went."""
        ctx, checkpoint = self.ctx, self.checkpoint()

        def work(_t: object) -> str:
            from checkin.services.door import write_direction_card

            return str(write_direction_card(path, ctx.event(), checkpoint))

        self.tasks.run(work).success(lambda written: self._say(
            self.tr("Saved {path}. Print it and keep it at the door.").format(path=written), error=False)).failure(
            lambda exc, _tb: self._say(self.tr("The OUT card could not be saved: {error}").format(error=exc)))

    def _say(self, text: str, error: bool = True) -> None:
        self.message.setStyleSheet("color:#b3261e;" if error else "color:#1e7b3c;")
        self.message.setText(text)

    def checkpoint(self) -> Checkpoint:
        return self.items[self.combo.currentIndex()][1]

    def _submit(self, leave: bool) -> None:
        if not self.unlock or not self.has_password:
            self._done(True, leave)
            return
        engine, password = self.ctx.engine, self.password.text()
        self.ok_button.setEnabled(False)
        self.leave_button.setEnabled(False)
        self.tasks.run(lambda _t: check_organiser_password(engine, password)).success(
            lambda ok: self._done(ok, leave))

    def _done(self, ok: bool, leave: bool) -> None:
        self.ok_button.setEnabled(True)
        self.leave_button.setEnabled(True)
        if not ok:
            self.password.clear()
            self._say(self.tr("That is not the organiser password. The door stays as it is."))
            return
        self.accept()
        if leave:
            self.leave_requested.emit()
        else:
            self.chosen.emit(self.checkpoint(), self.auto_box.isChecked())
