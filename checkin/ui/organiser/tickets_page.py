# SPDX-License-Identifier: MIT
"""Keys and ticket issuing.

The private signing key is a file on the organiser's machine (never in the database, which every
desk holds); its public half is registered with the event so desks can verify tickets offline.
Issuing writes a PNG/SVG (and optionally a PDF) ticket per attendee plus tickets.csv for mailing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.tickets.issue import IssueReport, issue_tickets
from checkin.tickets.keys import (
    PublicKeyInfo,
    generate_keypair,
    list_public_keys,
    load_private_key,
    register_public_key,
)
from checkin.ui.organiser.common import ProgressRow, cancellable, failure_text, heading, message_label, show_message
from checkin.ui.tasks import Task, TaskManager

SIGNING_KEY = "signing_key"  # ctx.extras key: the loaded private key, for badges with signed QR codes


class TicketsPage(QWidget):
    event_changed = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Keys and tickets"), self))

        keys_box = QGroupBox(self.tr("Signing key"), self)
        kl = QVBoxLayout(keys_box)
        row = QHBoxLayout()
        self.key_path = QLineEdit(str(ctx.extras.get("signing_key_path", "")), keys_box)
        self.key_path.setPlaceholderText(self.tr("private key file (keep it on the organiser's computer only)"))
        browse = QPushButton(self.tr("Choose…"), keys_box)
        browse.clicked.connect(self._browse_key)
        self.use_button = QPushButton(self.tr("Use this key"), keys_box)
        self.use_button.clicked.connect(self.use_key)
        self.new_button = QPushButton(self.tr("Create a new key…"), keys_box)
        self.new_button.clicked.connect(self._new_key)
        for w in (self.key_path, browse, self.use_button, self.new_button):
            row.addWidget(w, 1 if w is self.key_path else 0)
        kl.addLayout(row)
        self.keys = QTableWidget(0, 3, keys_box)
        self.keys.setHorizontalHeaderLabels([self.tr("Key id"), self.tr("Registered"), self.tr("Accepted by desks")])
        self.keys.verticalHeader().hide()
        self.keys.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        kl.addWidget(self.keys)
        layout.addWidget(keys_box, 1)

        issue_box = QGroupBox(self.tr("Issue tickets"), self)
        il = QVBoxLayout(issue_box)
        row = QHBoxLayout()
        self.out_dir = QLineEdit(issue_box)
        self.out_dir.setPlaceholderText(self.tr("folder for the ticket files"))
        out_browse = QPushButton(self.tr("Choose…"), issue_box)
        out_browse.clicked.connect(self._browse_out)
        row.addWidget(self.out_dir, 1)
        row.addWidget(out_browse)
        il.addLayout(row)
        self.pdf = QCheckBox(self.tr("Also a PDF ticket per person (for e-mailing)"), issue_box)
        il.addWidget(self.pdf)
        self.issue_button = QPushButton(self.tr("Issue tickets for all active attendees"), issue_box)
        self.issue_button.clicked.connect(self.issue)
        il.addWidget(self.issue_button)
        self.progress = ProgressRow(issue_box)
        il.addWidget(self.progress)
        layout.addWidget(issue_box)
        self.message = message_label(self)
        layout.addWidget(self.message)
        self.refresh_keys()

    def refresh_keys(self) -> None:
        engine, event_id = self.ctx.engine, self.ctx.checkin.event.id
        self.tasks.run(lambda _task: list_public_keys(engine, event_id)).success(self._show_keys)

    def _show_keys(self, keys: list[PublicKeyInfo]) -> None:
        self.keys.setRowCount(len(keys))
        for row, key in enumerate(keys):
            created = key.created_at.astimezone(self.ctx.checkin.event.tz).strftime("%d.%m.%Y %H:%M")
            for col, text in enumerate((key.key_id, created, self.tr("yes") if key.active else self.tr("no"))):
                self.keys.setItem(row, col, QTableWidgetItem(text))

    def _browse_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Private key file"), "",
                                              self.tr("Keys (*.pem *.key);;All files (*)"))
        if path:
            self.key_path.setText(path)

    def _browse_out(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the tickets"))
        if path:
            self.out_dir.setText(path)

    def _new_key(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New private key file"), "signing-key.pem",
                                              self.tr("Keys (*.pem)"))
        if path:
            self.create_key(Path(path))

    def create_key(self, path: Path) -> None:
        engine, event_id = self.ctx.engine, self.ctx.checkin.event.id

        def work(_task: object) -> str:
            """Runs on the writer lane: writes the key file and registers its public half."""
            generate_keypair(path)
            return register_public_key(engine, event_id, load_private_key(path))

        self.key_path.setText(str(path))
        self.tasks.run_write(work).success(lambda key_id: self._key_ready(path, key_id)).failure(self._failed)

    @Slot()
    def use_key(self) -> None:
        path = Path(self.key_path.text().strip())
        engine, event_id = self.ctx.engine, self.ctx.checkin.event.id
        self.tasks.run_write(lambda _task: register_public_key(engine, event_id, load_private_key(path))).success(
            lambda key_id: self._key_ready(path, key_id)).failure(self._failed)

    def _key_ready(self, path: Path, key_id: str) -> None:
        self.ctx.extras["signing_key_path"] = str(path)
        show_message(self.message, self.tr("Key {key} is registered; desks accept tickets signed with it.")
                     .format(key=key_id))
        self.refresh_keys()
        self.event_changed.emit()

    def _failed(self, exc: BaseException, _tb: str) -> None:
        show_message(self.message, failure_text(exc), error=True)

    @Slot()
    def issue(self) -> None:
        key_text, out_text = self.key_path.text().strip(), self.out_dir.text().strip()
        if not key_text or not out_text:
            show_message(self.message, self.tr("Choose the signing key and the folder for the tickets first."),
                         error=True)
            return
        engine, key_path, out, pdf = self.ctx.engine, Path(key_text), Path(out_text), self.pdf.isChecked()

        def work(task: Task[IssueReport]) -> IssueReport:
            """Runs on the writer lane (new ticket ids are written to the roster)."""
            return issue_tickets(engine, load_private_key(key_path), out, pdf=pdf,
                                 progress=cancellable(task.progress, task))

        self.issue_button.setEnabled(False)
        task = self.tasks.run_write(work)
        self.progress.track(task)
        task.success(self._issued).failure(self._failed).finally_(lambda: self.issue_button.setEnabled(True))

    def _issued(self, report: IssueReport) -> None:
        from checkin.services.written_files import record_written

        engine, files = self.ctx.engine, [report.csv_path, *report.files]
        self.tasks.run_write(lambda _task: record_written(engine, files, "ticket"))  # for the wipe
        show_message(self.message, self.tr(
            "{n} tickets written to {folder} ({new} people got a new ticket id; {skipped} cancelled skipped). "
            "The list for mailing is {csv}.").format(n=report.issued, folder=report.out_dir,
                                                     new=report.assigned_ticket_ids, skipped=len(report.skipped),
                                                     csv=report.csv_path.name))
        self.event_changed.emit()
