# SPDX-License-Identifier: MIT
"""Exports: daily attendance, sessions, the attendee-by-session matrix, no-shows and the summary,
as CSV (Excel-friendly, with the delimiter Polish Excel expects), XLSX or PDF, off the GUI thread;
numbered certificates of attendance in a batch, their register, and the photographers' list.

A certificate batch runs in two steps: choosing and numbering on the writer lane (it writes the
register), then drawing the PDFs on the pool with progress and Cancel (read-only). Every file
written is recorded (writer lane) so the end-of-event wipe can remove it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
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
# certificate batches and their register are not plain exports: they number people in the register
FORMATS.update({"certificates": ("pdf",), "certificate_register": ("csv", "xlsx", "pdf")})
COMBINED_NAME = "zaswiadczenia_wszystkie.pdf"


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
                           ("summary", self.tr("Event summary")),
                           ("certificates", self.tr("Certificates of attendance (numbered, with hours)")),
                           ("certificate_register", self.tr("Register of issued certificates")),
                           ("photographers", self.tr("Photographers' list (no consent to photos)"))):
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
        self.organisation = QLineEdit(self)
        self.organisation.setPlaceholderText(self.tr("all institutions"))
        form.addRow(self.tr("Institution contains:"), self.organisation)
        self.language = QComboBox(self)
        self.language.addItem("Polski", "pl")  # each language in its own name
        self.language.addItem("English", "en")
        form.addRow(self.tr("Certificate language:"), self.language)
        self.zip_box = QCheckBox(self.tr("Also a ZIP file per institution"), self)
        form.addRow("", self.zip_box)
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
        spec = EXPORTS.get(kind)
        self.day.setEnabled(spec.by_day if spec else kind == "certificates")
        self.session.setEnabled(bool(spec and spec.by_session))
        self.delimiter.setEnabled("csv" in FORMATS[kind])
        for widget in (self.organisation, self.language, self.zip_box):
            widget.setEnabled(kind == "certificates")

    def _choose_target(self) -> None:
        if self.kind.currentData() == "certificates":
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the certificates"))
            if folder:
                self.export_certificates(Path(folder))
            return
        fmt = self.format.currentData()
        suggested = f"{self.kind.currentData()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the export as"), suggested, f"*.{fmt}")
        if path:
            self.export(Path(path))

    def export(self, out: Path) -> None:
        from datetime import date

        kind, fmt, delimiter = self.kind.currentData(), self.format.currentData(), self.delimiter.currentData()
        day = date.fromisoformat(self.day.currentData()) if self.day.currentData() else None
        if kind == "certificate_register":
            self._export_register(out, fmt, delimiter)
            return
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

    def _record(self, paths: list[Path], kind: str) -> None:
        from checkin.services.written_files import record_written

        engine = self.ctx.engine
        self.tasks.run_write(lambda _task: record_written(engine, paths, kind))

    def _export_register(self, out: Path, fmt: str, delimiter: str) -> None:
        from checkin.reports.paperwork import RegisterExport, export_register

        engine = self.ctx.engine

        def work(_task: Task[RegisterExport]) -> RegisterExport:
            """Runs on the writer lane: the laptop's copy of the register is refreshed from the hub first."""
            return export_register(engine, fmt, out, delimiter=delimiter)

        def done(exported: RegisterExport) -> None:
            self._exported(exported.result)
            if exported.stale:
                show_message(self.message, self.message.text() + " " + self.tr(
                    "The venue hub could not be read: numbers issued on other laptops may be missing."), error=True)

        self.export_button.setEnabled(False)
        (self.tasks.run_write(work).success(done)
         .failure(lambda exc, _tb: show_message(self.message, failure_text(exc), error=True))
         .finally_(lambda: self.export_button.setEnabled(True)))

    def export_certificates(self, folder: Path) -> None:
        """Number (writer lane), then draw (pool, with progress and Cancel) into `folder`."""
        from datetime import date

        from checkin.services.certificate_batch import PreparedBatch, prepare_batch
        from checkin.services.certificates import Selection

        day = date.fromisoformat(self.day.currentData()) if self.day.currentData() else None
        selection = Selection(day=day, organisation=self.organisation.text().strip())
        lang, with_zip = self.language.currentData(), self.zip_box.isChecked()
        engine, desk_id = self.ctx.engine, self.ctx.desk.id

        def number(_task: Task[PreparedBatch]) -> PreparedBatch:
            """Runs on the writer lane: allocates register numbers (on the hub when there is one)."""
            return prepare_batch(engine, desk_id, selection, lang=lang)

        self.export_button.setEnabled(False)
        show_message(self.message, self.tr("Numbering the certificates in the register…"))
        task = self.tasks.run_write(number)
        self.progress.track(task)
        task.success(lambda batch: self._draw(batch, folder, with_zip)).failure(self._certificates_failed)

    def _draw(self, batch: Any, folder: Path, with_zip: bool) -> None:
        from checkin.services.certificate_batch import BatchReport, write_batch

        def work(task: Task[BatchReport]) -> BatchReport:
            """Runs on a pool thread; reads only, writes the PDF files."""
            return write_batch(batch, out_dir=folder, combined=folder / COMBINED_NAME, zip_by_organisation=with_zip,
                               progress=cancellable(task.progress, task))

        task = self.tasks.run(work)
        self.progress.track(task)
        (task.success(self._certified).failure(self._certificates_failed)
         .finally_(lambda: self.export_button.setEnabled(True)))

    def _certificates_failed(self, exc: BaseException, _tb: str) -> None:
        show_message(self.message, failure_text(exc), error=True)
        self.export_button.setEnabled(True)

    def _certified(self, report: Any) -> None:
        self._record(report.written, "certificate")
        self.last = ExportResult(report.combined, "pdf", len(report.certificates))
        self.open_button.setEnabled(True)
        where = self.tr("the venue hub") if report.register == "hub" else self.tr("this computer")
        show_message(self.message, self.tr(
            "{issued} new and {reissued} re-issued certificates (register: {where}) saved in {folder}, "
            "and all of them in {combined}.").format(issued=report.issued, reissued=report.reissued, where=where,
                                                     folder=report.combined.parent, combined=report.combined.name))

    def _exported(self, result: ExportResult) -> None:
        self._record([result.path], "export")
        self.last = result
        self.open_button.setEnabled(True)
        show_message(self.message, self.tr("Saved {rows} rows to {path}.").format(rows=result.rows, path=result.path))

    @Slot()
    def _open_folder(self) -> None:
        if self.last is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last.path.parent)))
