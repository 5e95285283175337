# SPDX-License-Identifier: MIT
"""Exports: daily attendance, sessions, the attendee-by-session matrix, no-shows and the summary,
as CSV (Excel-friendly, with the delimiter Polish Excel expects), XLSX or PDF, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.reports import ExportResult
from checkin.services.event import event_and_sessions
from checkin.services.exports import EXPORTS, needs_one_day, run_export
from checkin.ui.organiser.common import ProgressRow, cancellable, failure_text, heading, message_label, show_message
from checkin.ui.tasks import Task, TaskManager

# the page offers what the use case declares, except JSON (a machine format: the CLI has it)
FORMATS = {key: tuple(f for f in kind.formats if f != "json") for key, kind in EXPORTS.items()}


class ExportsPage(QWidget):
    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.last: ExportResult | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Exports"), self))
        form = QFormLayout()
        self.kind = QComboBox(self)
        for key, label in (("attendance", self.tr("Daily attendance")), ("sessions", self.tr("Session attendance")),
                           ("matrix", self.tr("Attendees by session (matrix)")),
                           ("no_shows", self.tr("Registered but did not come")),
                           ("summary", self.tr("Event summary"))):
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("What:"), self.kind)
        event = ctx.checkin.event
        self.day = QComboBox(self)
        self.day.addItem(self.tr("All days"), "")
        for d in event.days:
            self.day.addItem(d.date.strftime("%d.%m.%Y") + (f" — {d.label}" if d.label else ""), d.date.isoformat())
        form.addRow(self.tr("Day:"), self.day)
        self.session = QComboBox(self)
        form.addRow(self.tr("Session:"), self.session)
        self.format = QComboBox(self)
        form.addRow(self.tr("Format:"), self.format)
        self.delimiter = QComboBox(self)
        self.delimiter.addItem(self.tr("Semicolon (Excel in Polish)"), ";")
        self.delimiter.addItem(self.tr("Comma"), ",")
        form.addRow(self.tr("CSV separator:"), self.delimiter)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.clicked.connect(self._choose_target)
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_folder)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = ProgressRow(self)
        layout.addWidget(self.progress)
        self.message = message_label(self)
        layout.addWidget(self.message)
        layout.addStretch(1)
        engine = ctx.engine

        def sessions(_task: object) -> list[tuple[str, str]]:
            return [(s.code, f"{s.code} — {s.title}") for s in event_and_sessions(engine)[1]]

        tasks.run(sessions).success(self._fill_sessions)
        self._kind_changed()

    def _fill_sessions(self, sessions: list[tuple[str, str]]) -> None:
        self.session.clear()
        self.session.addItem(self.tr("All sessions"), "")
        for code, label in sessions:
            self.session.addItem(label, code)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.format.clear()
        for fmt in FORMATS[kind]:
            self.format.addItem(fmt.upper(), fmt)
        self.day.setEnabled(EXPORTS[kind].by_day)
        self.session.setEnabled(EXPORTS[kind].by_session)

    def _choose_target(self) -> None:
        fmt = self.format.currentData()
        suggested = f"{self.kind.currentData()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the export as"), suggested, f"*.{fmt}")
        if path:
            self.export(Path(path))

    def export(self, out: Path) -> None:
        from datetime import date

        kind, fmt, delimiter = self.kind.currentData(), self.format.currentData(), self.delimiter.currentData()
        day = date.fromisoformat(self.day.currentData()) if self.day.currentData() else None
        session = self.session.currentData() or None
        if needs_one_day(kind, fmt, day):
            show_message(self.message, self.tr("A PDF list is made for one day: choose the day."), error=True)
            return
        engine = self.ctx.engine

        def work(task: Task[ExportResult]) -> ExportResult:
            """Runs on a pool thread; reads only."""
            return run_export(engine, kind, fmt, out, day=day, session=session, delimiter=delimiter,
                              progress=cancellable(task.progress, task))

        self.export_button.setEnabled(False)
        task = self.tasks.run(work)
        self.progress.track(task)
        (task.success(self._exported)
         .failure(lambda exc, _tb: show_message(self.message, failure_text(exc), error=True))
         .finally_(lambda: self.export_button.setEnabled(True)))

    def _exported(self, result: ExportResult) -> None:
        self.last = result
        self.open_button.setEnabled(True)
        show_message(self.message, self.tr("Saved {rows} rows to {path}.").format(rows=result.rows, path=result.path))

    @Slot()
    def _open_folder(self) -> None:
        if self.last is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last.path.parent)))
