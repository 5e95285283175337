# SPDX-License-Identifier: MIT
"""Held rows: changes of this desk the venue database refused for good (a value it cannot store).

They left the sync queue so the desk's other check-ins keep flowing; here the organiser sees each
one with the hub's reason, corrects a field and sends it again, or dismisses it (it then stays in
this desk's database, marked dismissed). The work itself is `checkin.sync.held`, shared with
`checkin sync held` on the command line.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.sync.held import TABLES, HeldItem, dismiss, held_items, held_row, resend, too_long
from checkin.ui.organiser.common import failure_text, heading, message_label, show_message
from checkin.ui.tasks import TaskManager


class HeldPage(QWidget):
    held_changed = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.items: list[HeldItem] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Held back from the venue database"), self))
        intro = QLabel(self.tr(
            "The venue database refused these changes of this desk for good, so they wait here instead of "
            "blocking the other check-ins. Correct the field named in the reason and send the row again, or "
            "dismiss it (it stays in this desk's records)."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Record"), self.tr("Held at"),
                                              self.tr("Reason")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)
        fix = QHBoxLayout()
        fix.addWidget(QLabel(self.tr("Field:"), self))
        self.field = QComboBox(self)
        self.field.currentTextChanged.connect(self._field_chosen)
        fix.addWidget(self.field)
        self.value = QLineEdit(self)
        fix.addWidget(self.value, 1)
        self.resend_button = QPushButton(self.tr("Correct and send again"), self)
        self.resend_button.clicked.connect(self.resend)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.clicked.connect(self.dismiss)
        fix.addWidget(self.resend_button)
        fix.addWidget(self.dismiss_button)
        layout.addLayout(fix)
        refresh = QPushButton(self.tr("Check again"), self)
        refresh.clicked.connect(self.refresh)
        layout.addWidget(refresh)
        self.message = message_label(self)
        layout.addWidget(self.message)
        self.row: dict[str, Any] = {}
        self._enable(False)
        self.refresh()

    def _enable(self, on: bool) -> None:
        for w in (self.field, self.value, self.resend_button, self.dismiss_button):
            w.setEnabled(on)

    @Slot()
    def refresh(self) -> None:
        engine = self.ctx.engine
        self.tasks.run(lambda _t: held_items(engine)).success(self._show).failure(
            lambda exc, _tb: show_message(self.message, failure_text(exc), error=True))

    def _show(self, items: list[HeldItem]) -> None:
        self.items = items
        self.table.clearSelection()  # a new list: nothing chosen until the organiser picks a row
        self.table.setRowCount(len(items))
        for i, h in enumerate(items):
            for col, text in enumerate((h.kind, h.ref_id, h.held_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                                        h.reason)):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if not items:
            show_message(self.message, self.tr("Nothing is held back: the venue database accepted every change."))
        self._enable(False)

    def _current(self) -> HeldItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def _selected(self) -> None:
        item = self._current()
        self._enable(item is not None)
        if item is None:
            return
        engine = self.ctx.engine
        self.tasks.run(lambda _t: held_row(engine, item.id)).success(self._row_loaded)

    def _row_loaded(self, row: dict[str, Any]) -> None:
        item = self._current()
        if item is None:
            return
        self.row = row
        table, _key = TABLES[item.kind]
        problems = {p.split(" ", 1)[0] for p in too_long(table, row)}
        fields = sorted(k for k, v in row.items() if isinstance(v, str) and k != "id")
        self.field.blockSignals(True)
        self.field.clear()
        self.field.addItems(sorted(fields, key=lambda f: (f not in problems, f)))
        self.field.blockSignals(False)
        self._field_chosen(self.field.currentText())

    def _field_chosen(self, name: str) -> None:
        self.value.setText(str(self.row.get(name, "") or ""))

    @Slot()
    def resend(self) -> None:
        item = self._current()
        if item is None:
            return
        corrections = {self.field.currentText(): self.value.text()} if self.field.currentText() else {}
        engine, by = self.ctx.engine, self.ctx.desk.name
        self.tasks.run(lambda _t: resend(engine, item.id, corrections, by=by)).success(
            lambda _r: self._done(self.tr("Queued again; it goes with the next sync."))).failure(
            lambda exc, _tb: show_message(self.message, failure_text(exc), error=True))

    @Slot()
    def dismiss(self) -> None:
        item = self._current()
        if item is None:
            return
        engine, by = self.ctx.engine, self.ctx.desk.name
        self.tasks.run(lambda _t: dismiss(engine, item.id, by=by)).success(
            lambda _r: self._done(self.tr("Dismissed; it stays in this desk's records."))).failure(
            lambda exc, _tb: show_message(self.message, failure_text(exc), error=True))

    def _done(self, text: str) -> None:
        show_message(self.message, text)
        self.held_changed.emit()
        engine = self.ctx.engine
        self.tasks.run(lambda _t: held_items(engine)).success(self._show_keep_message)

    def _show_keep_message(self, items: list[HeldItem]) -> None:
        text = self.message.text()
        self._show(items)
        show_message(self.message, text)
