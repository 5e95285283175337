# SPDX-License-Identifier: MIT
"""Organiser tools → Volunteers: issue PINs, take them back, choose what needs a supervisor.

The same service as `checkin volunteer …`; a new PIN is shown once, here, to hand over in person
(only its hash is stored). Desks get the list with the event (`checkin hub publish`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from checkin.services import volunteers as v
from checkin.ui.organiser.common import failure_text, heading, message_label, show_message
from checkin.ui.tasks import TaskManager


class VolunteersPage(QWidget):
    event_changed = Signal()

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Desk volunteers"), self))
        intro = QLabel(self.tr("With volunteers listed here, each desk asks for a name and PIN when it starts, and "
                               "the actions ticked below need a supervisor's PIN. With nobody listed, desks work "
                               "without signing in."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        form = QHBoxLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Name and surname"))
        self.supervisor_box = QCheckBox(self.tr("Supervisor"), self)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setPlaceholderText(self.tr("PIN (empty: a random one)"))
        self.add_button = QPushButton(self.tr("Issue PIN"), self)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        for w in (self.name_edit, self.supervisor_box, self.pin_edit, self.add_button, self.remove_button):
            form.addWidget(w)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Needs a supervisor's PIN:"), self))
        gated = QHBoxLayout()
        labels = {"undo_old": self.tr("undo after a few minutes"), "walk_in": self.tr("walk-ins"),
                  "correct": self.tr("corrections"), "reprint": self.tr("reprints"),
                  "checkpoint": self.tr("changing the checkpoint")}
        self.gate_boxes: dict[str, QCheckBox] = {}
        for action in v.ACTIONS:
            box = QCheckBox(labels[action], self)
            box.toggled.connect(self._save_gates)
            self.gate_boxes[action] = box
            gated.addWidget(box)
        gated.addStretch(1)
        layout.addLayout(gated)
        self.message = message_label(self)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.issue)
        self.remove_button.clicked.connect(self.remove)
        self.refresh()

    def refresh(self) -> None:
        event = self.ctx.event()
        people = v.volunteers(event)
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            self.table.setItem(row, 0, QTableWidgetItem(person.name))
            role = self.tr("supervisor") if person.supervisor else self.tr("volunteer")
            self.table.setItem(row, 1, QTableWidgetItem(role))
        gated = set(v.gated_actions(event))
        for action, box in self.gate_boxes.items():
            box.blockSignals(True)
            box.setChecked(action in gated)
            box.blockSignals(False)

    def issue(self) -> None:
        engine = self.ctx.engine
        name, pin = self.name_edit.text(), self.pin_edit.text().strip() or None
        role = "supervisor" if self.supervisor_box.isChecked() else "volunteer"
        self.tasks.run_write(lambda _t: v.add_volunteer(engine, name, role, pin)).success(
            self._issued).failure(self._failed)

    def _issued(self, answer: tuple[v.Volunteer, str]) -> None:
        volunteer, pin = answer
        self.name_edit.clear()
        self.pin_edit.clear()
        self.supervisor_box.setChecked(False)
        self.refresh()
        show_message(self.message, self.tr("{name}: PIN {pin} — hand it over in person; it is not shown again.")
                     .format(name=volunteer.name, pin=pin))
        self.event_changed.emit()

    def remove(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        engine, name = self.ctx.engine, item.text()
        self.tasks.run_write(lambda _t: v.remove_volunteer(engine, name)).success(
            lambda _r: self._changed()).failure(self._failed)

    def _save_gates(self, _on: bool = False) -> None:
        engine = self.ctx.engine
        actions = [a for a, box in self.gate_boxes.items() if box.isChecked()]
        self.tasks.run_write(lambda _t: v.set_gated_actions(engine, actions)).success(
            lambda _r: self._changed()).failure(self._failed)

    def _changed(self) -> None:
        self.refresh()
        self.event_changed.emit()

    def _failed(self, exc: BaseException, trace: Any) -> None:
        show_message(self.message, failure_text(exc) if not isinstance(exc, v.VolunteerError) else str(exc),
                     error=True)
