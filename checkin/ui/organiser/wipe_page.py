# SPDX-License-Identifier: MIT
"""End-of-event wipe: delete personal data from this desk once everything has reached the hub.

Refuses, with a sentence saying why and what to do, while any scan (or roster change or badge
print) is still waiting in the outbox: wiping then would lose attendance that exists nowhere else.
The final check happens inside the wipe's own transaction (see `checkin.services.admin`), so the
screen cannot be fooled by a scan recorded after it was drawn.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from checkin.app import AppContext
from checkin.services.admin import DeskWipeReport, WipePreview, WipeRefusedError, wipe_desk, wipe_preview
from checkin.ui.organiser.common import failure_text, heading, message_label, show_message
from checkin.ui.tasks import TaskManager


class WipePage(QWidget):
    data_wiped = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.preview: WipePreview | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("End-of-event wipe"), self))
        intro = QLabel(self.tr(
            "After the event, delete every attendee, check-in and badge print from this computer. The event, "
            "its sessions and this desk's settings stay, so the desk can be reused. This cannot be undone."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.counts_label = QLabel(self)
        self.counts_label.setWordWrap(True)
        layout.addWidget(self.counts_label)
        self.state_label = message_label(self)
        layout.addWidget(self.state_label)
        confirm_row = QHBoxLayout()
        self.confirm_label = QLabel(self)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.textChanged.connect(self._update_button)
        confirm_row.addWidget(self.confirm_label)
        confirm_row.addWidget(self.confirm_edit, 1)
        layout.addLayout(confirm_row)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check again"), self)
        self.check_button.clicked.connect(self.refresh)
        self.wipe_button = QPushButton(self.tr("Wipe personal data"), self)
        self.wipe_button.setStyleSheet("QPushButton:enabled { background: #c62828; color: white; padding: 4px 12px; }")
        self.wipe_button.clicked.connect(self.wipe)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.wipe_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = message_label(self)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.wipe_button.setEnabled(False)
        self.refresh()

    @property
    def confirm_word(self) -> str:
        return self.ctx.checkin.event.id

    @Slot()
    def refresh(self) -> None:
        engine = self.ctx.engine
        self.tasks.run(lambda _task: wipe_preview(engine)).success(self._show).failure(
            lambda exc, _tb: show_message(self.message, failure_text(exc), error=True))

    def _show(self, preview: WipePreview) -> None:
        self.preview = preview
        self.counts_label.setText(self.tr(
            "On this desk: {attendees} attendees, {scans} check-in records, {prints} badge prints.").format(
            attendees=preview.attendees, scans=preview.scans, prints=preview.badge_prints))
        if preview.allowed:
            show_message(self.state_label, self.tr("Everything has reached the venue database; the wipe is allowed."))
        else:
            show_message(self.state_label, self.refusal(preview), error=True)
        self.confirm_label.setText(self.tr("To confirm, type the event code {code}:").format(code=self.confirm_word))
        self.confirm_label.setEnabled(preview.allowed)
        self.confirm_edit.setEnabled(preview.allowed)
        self._update_button()

    def refusal(self, preview: WipePreview) -> str:
        return self.tr(
            "Wiping is not possible yet: {scans} check-ins and {other} roster changes or badge prints from this "
            "desk have not reached the venue database. Connect to the venue network and sync until nothing is "
            "pending, then wipe.").format(scans=preview.pending_scans, other=preview.pending_other)

    def _update_button(self) -> None:
        self.wipe_button.setEnabled(bool(self.preview and self.preview.allowed)
                                    and self.confirm_edit.text().strip() == self.confirm_word)

    @Slot()
    def wipe(self) -> None:
        if not self.wipe_button.isEnabled():
            return
        engine = self.ctx.engine
        self.wipe_button.setEnabled(False)
        self.tasks.run_write(lambda _task: wipe_desk(engine)).success(self._wiped).failure(self._failed)

    def _failed(self, exc: BaseException, _tb: str) -> None:
        if isinstance(exc, WipeRefusedError):
            show_message(self.message, self.refusal(exc.preview), error=True)
        else:
            show_message(self.message, failure_text(exc), error=True)
        self.refresh()

    def _wiped(self, desk_report: DeskWipeReport) -> None:
        report = desk_report.database
        assert report is not None
        show_message(self.message, self.tr(
            "Wiped: {attendees} attendees, {scans} check-in records and {prints} badge prints were deleted "
            "and the database file was compacted.").format(
            attendees=report.attendees, scans=report.scans, prints=report.badge_prints) + " " + self.tr(
            "{files} file(s) checkin wrote (exports, tickets, badge PDFs, backups) were deleted too.").format(
            files=len(desk_report.files)))
        self.confirm_edit.clear()
        self.refresh()
        self.data_wiped.emit()
