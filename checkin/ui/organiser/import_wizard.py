# SPDX-License-Identifier: MIT
"""Roster import wizard: file -> preview -> column mapping -> problems by row -> apply.

Every step calls `checkin.services.roster` off the GUI thread. Nothing is written before the last
step, and the import itself is all or nothing, so a bad file or a Cancel never leaves a half-imported
roster. The check step runs the real importer as a dry run, so the counts it shows ("312 to add,
4 to update, 2 to cancel") are exactly what Import will do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.services.roster import ImportReport, ParsedRoster, RosterError, import_roster, preview_roster
from checkin.services.roster_io import RawTable, read_table
from checkin.services.roster_mapping import FIELDS, IGNORE
from checkin.ui.organiser.common import ProgressRow, cancellable, failure_text, heading, message_label, show_message
from checkin.ui.tasks import Task, TaskManager

PREVIEW_ROWS = 20
STEPS = ("file", "preview", "mapping", "check", "done")


@dataclass(frozen=True)
class CheckResult:
    parsed: ParsedRoster
    report: ImportReport | None  # the dry run, when the file has no errors


class ImportWizard(QWidget):
    event_changed = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.path: Path | None = None
        self.table: RawTable | None = None
        self.detected: dict[str, str] = {}
        self.check: CheckResult | None = None
        self.report: ImportReport | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Import the roster"), self))
        self.steps_label = QLabel(self)
        layout.addWidget(self.steps_label)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        self._build_file_step()
        self._build_preview_step()
        self._build_mapping_step()
        self._build_check_step()
        self._build_done_step()
        self.progress = ProgressRow(self)
        layout.addWidget(self.progress)
        self.message = message_label(self)
        layout.addWidget(self.message)
        nav = QHBoxLayout()
        nav.addStretch(1)
        self.back_button = QPushButton(self.tr("< Back"), self)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Next >"), self)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)
        self._go("file")

    # ------------------------------------------------------------------ steps
    def _build_file_step(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr(
            "Choose the roster exported from the registration system: CSV (any common encoding, comma or "
            "semicolon) or Excel XLSX. The first row must hold the column headings."), page)
        intro.setWordWrap(True)  # a 1024-pixel screen must not be widened by one sentence
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(page)
        self.path_edit.setPlaceholderText(self.tr("roster file…"))
        browse = QPushButton(self.tr("Choose file…"), page)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.cancel_missing = QCheckBox(self.tr(
            "Cancel registrations of people who are no longer in the file"), page)
        self.cancel_missing.setChecked(True)
        layout.addWidget(self.cancel_missing)
        layout.addStretch(1)
        self.stack.addWidget(page)

    def _build_preview_step(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.source_label = QLabel(page)
        self.source_label.setWordWrap(True)
        layout.addWidget(self.source_label)
        self.preview = QTableWidget(0, 0, page)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview, 1)
        self.stack.addWidget(page)

    def _build_mapping_step(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr(
            "Check what each column means. Columns set to \u201cnot imported\u201d are left out."), page))
        self.mapping = QTableWidget(0, 3, page)
        self.mapping.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Example"),
                                                self.tr("Imported as")])
        self.mapping.verticalHeader().hide()
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.mapping, 1)
        self.stack.addWidget(page)

    def _build_check_step(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.check_label = QLabel(page)
        self.check_label.setWordWrap(True)
        layout.addWidget(self.check_label)
        self.errors = QTableWidget(0, 4, page)
        self.errors.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                               self.tr("Problem")])
        self.errors.verticalHeader().hide()
        self.errors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.errors.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.errors, 1)
        self.stack.addWidget(page)

    def _build_done_step(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.done_label = QLabel(page)
        self.done_label.setWordWrap(True)
        layout.addWidget(self.done_label)
        again = QPushButton(self.tr("Import another file"), page)
        again.clicked.connect(lambda: self._go("file"))
        layout.addWidget(again)
        layout.addStretch(1)
        self.stack.addWidget(page)

    @property
    def step(self) -> str:
        return STEPS[self.stack.currentIndex()]

    def _go(self, step: str) -> None:
        self.stack.setCurrentIndex(STEPS.index(step))
        names = [self.tr("1 File"), self.tr("2 Preview"), self.tr("3 Columns"), self.tr("4 Check"),
                 self.tr("5 Import")]
        current = STEPS.index(step)
        self.steps_label.setText("  ›  ".join(f"<b>{n}</b>" if i == current else n for i, n in enumerate(names)))
        self.back_button.setEnabled(step in ("preview", "mapping", "check"))
        self.next_button.setVisible(step != "done")
        can_import = step == "check" and self.check is not None and self.check.parsed.ok
        self.next_button.setText(self.tr("Import") if step == "check" else self.tr("Next >"))
        self.next_button.setEnabled(step != "check" or can_import)

    @Slot()
    def back(self) -> None:
        if not self.progress.running:
            self._go(STEPS[max(0, STEPS.index(self.step) - 1)])

    @Slot()
    def next(self) -> None:
        if self.progress.running:
            return
        self.message.clear()
        if self.step == "file":
            self.read_file()
        elif self.step == "preview":
            self._go("mapping")
        elif self.step == "mapping":
            self.run_check()
        elif self.step == "check":
            self.apply()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Roster file"), "",
                                              self.tr("Rosters (*.csv *.txt *.xlsx);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    # ------------------------------------------------------------------ work
    def _start(self, fn: Callable[[Task[Any]], Any], on_success: Callable[[Any], Any]) -> Task[Any]:
        self.next_button.setEnabled(False)
        task = self.tasks.run(fn)
        self.progress.track(task)
        task.success(on_success).failure(self._failed).finally_(lambda: self._go(self.step))
        return task

    def _failed(self, exc: BaseException, _tb: str) -> None:
        show_message(self.message, failure_text(exc), error=True)

    @Slot()
    def read_file(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            show_message(self.message, self.tr("Choose a roster file first."), error=True)
            return
        self.path = Path(text)
        engine, event_id, path = self.ctx.engine, self.ctx.checkin.event.id, self.path

        def read(_task: object) -> tuple[RawTable, ParsedRoster]:
            """Runs on a pool thread."""
            return read_table(path), preview_roster(engine, event_id, path)

        self._start(read, self._show_preview)

    def _show_preview(self, result: tuple[RawTable, ParsedRoster]) -> None:
        table, parsed = result
        self.table, self.detected, self.check = table, dict(parsed.columns), None
        self.source_label.setText(self.tr("{file}: {rows} rows ({source}). The first {n} are shown.").format(
            file=parsed.path.name, rows=parsed.data_rows, source=parsed.source or "", n=PREVIEW_ROWS))
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setHorizontalHeaderLabels(table.headers)
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        self.preview.setVerticalHeaderLabels([str(n) for n, _ in shown])
        for r, (_n, cells) in enumerate(shown):
            for c, value in enumerate(cells[:len(table.headers)]):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()
        self._fill_mapping(table, parsed.columns)
        self._go("preview")

    def _fill_mapping(self, table: RawTable, columns: dict[str, str]) -> None:
        labels = self.field_labels()
        self.mapping.setRowCount(len(table.headers))
        for row, heading_text in enumerate(table.headers):
            name = heading_text or f"column {row + 1}"
            self.mapping.setItem(row, 0, QTableWidgetItem(name))
            example = next((cells[row] for _n, cells in table.rows if row < len(cells) and cells[row]), "")
            self.mapping.setItem(row, 1, QTableWidgetItem(example))
            combo = QComboBox(self.mapping)
            combo.addItem(self.tr("not imported"), IGNORE)
            for field in FIELDS:
                combo.addItem(labels.get(field, field), field)
            combo.setCurrentIndex(max(0, combo.findData(columns.get(name, IGNORE))))
            self.mapping.setCellWidget(row, 2, combo)

    def field_labels(self) -> dict[str, str]:
        return {"external_ref": self.tr("registration number"), "first_name": self.tr("first name"),
                "last_name": self.tr("last name"), "full_name": self.tr("full name"),
                "organisation": self.tr("organisation"), "position": self.tr("position"),
                "email": self.tr("e-mail"), "phone": self.tr("phone"), "category": self.tr("category"),
                "days": self.tr("days"), "sessions": self.tr("sessions"), "external_code": self.tr("ticket code"),
                "notes": self.tr("notes"), "gender": self.tr("gender (for Polish grammar)"),
                "vip": self.tr("VIP (shown on scan)"),
                "green_room": self.tr("speaker to the green room (shown on scan)"),
                "accessibility": self.tr("accessibility needs (shown on scan)"),
                "dietary": self.tr("dietary needs (shown on scan)"),
                "see_organiser": self.tr("see the organiser (shown on scan)")}

    def chosen_mapping(self) -> dict[str, str]:
        """Column heading -> field as set in the mapping step (only where it differs from detection)."""
        chosen: dict[str, str] = {}
        for row in range(self.mapping.rowCount()):
            item = self.mapping.item(row, 0)
            combo = self.mapping.cellWidget(row, 2)
            if item is None or not isinstance(combo, QComboBox):
                continue
            field = str(combo.currentData())
            if self.detected.get(item.text(), IGNORE) != field:
                chosen[item.text()] = field
        return chosen

    def set_field(self, heading_text: str, field: str) -> None:
        """Choose what a column means (what the user does with the combo box)."""
        for row in range(self.mapping.rowCount()):
            item = self.mapping.item(row, 0)
            combo = self.mapping.cellWidget(row, 2)
            if item is not None and item.text() == heading_text and isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(field))
                return
        raise KeyError(heading_text)

    @Slot()
    def run_check(self) -> None:
        assert self.path is not None
        engine, event_id, path = self.ctx.engine, self.ctx.checkin.event.id, self.path
        mapping, cancel_missing = self.chosen_mapping() or None, self.cancel_missing.isChecked()

        def check(_task: object) -> CheckResult:
            """Runs on a pool thread: validation, then the importer as a dry run (writes nothing)."""
            parsed = preview_roster(engine, event_id, path, mapping)
            if not parsed.ok:
                return CheckResult(parsed, None)
            report = import_roster(engine, event_id, path, mapping=mapping, dry_run=True,
                                   cancel_missing=cancel_missing)
            return CheckResult(parsed, report)

        self._start(check, self._show_check)

    def _show_check(self, result: CheckResult) -> None:
        self.check = result
        errors = result.parsed.errors
        self.errors.setRowCount(len(errors))
        for row, error in enumerate(errors):
            for col, value in enumerate((str(error.row) if error.row else "", error.field, error.value,
                                         error.message)):
                self.errors.setItem(row, col, QTableWidgetItem(value))
        self.errors.setVisible(bool(errors))
        if errors:
            self.check_label.setText(self.tr(
                "{n} problems found in {file}. Nothing will be imported until they are corrected: fix the file "
                "(the row numbers are as Excel shows them) and choose it again, or fix the column mapping."
            ).format(n=len(errors), file=result.parsed.path.name))
            self.check_label.setStyleSheet("color: #c62828;")
        else:
            r = result.report
            assert r is not None
            warnings = "".join(f"<br>• {w}" for w in (r.warnings or result.parsed.warnings)[:8])
            self.check_label.setText(self.tr(
                "No problems: {rows} rows are ready. Import will add {added}, update {updated}, cancel {cancelled} "
                "and reactivate {reactivated}; {unchanged} stay unchanged.").format(
                rows=len(result.parsed.rows), added=r.added, updated=r.updated, cancelled=r.cancelled,
                reactivated=r.reactivated, unchanged=r.unchanged) + warnings)
            self.check_label.setStyleSheet("")
        self._go("check")

    @Slot()
    def apply(self) -> None:
        assert self.path is not None and self.check is not None and self.check.parsed.ok
        engine, event_id, path, desk_id = self.ctx.engine, self.ctx.checkin.event.id, self.path, self.ctx.desk.id
        mapping, cancel_missing = self.chosen_mapping() or None, self.cancel_missing.isChecked()

        def write(task: Task[ImportReport]) -> ImportReport:
            """Runs on the writer lane; all or nothing (a Cancel while reading writes nothing)."""
            return import_roster(engine, event_id, path, mapping=mapping, cancel_missing=cancel_missing,
                                 progress=cancellable(task.progress, task), desk_id=desk_id)

        self.next_button.setEnabled(False)
        task = self.tasks.run_write(write)
        self.progress.track(task)
        task.success(self._imported).failure(self._import_failed).finally_(lambda: self._go(self.step))

    def _import_failed(self, exc: BaseException, tb: str) -> None:
        if isinstance(exc, RosterError):  # the file changed between the check and the import
            show_message(self.message, self.tr("Nothing was imported: {error}").format(error=exc), error=True)
        else:
            self._failed(exc, tb)

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        self.done_label.setText(self.tr(
            "Imported {file}: {added} added, {updated} updated, {cancelled} cancelled, {reactivated} reactivated, "
            "{unchanged} unchanged.").format(file=self.path.name if self.path else "", added=report.added,
                                             updated=report.updated, cancelled=report.cancelled,
                                             reactivated=report.reactivated, unchanged=report.unchanged))
        self._go("done")
        self.event_changed.emit()
