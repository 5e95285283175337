# SPDX-License-Identifier: MIT
"""Group check-in at the desk: the group of one person (order, group, delegation) with each
member's status, the ones standing at the desk ticked, admitted in one action.

Presentation only: the list comes from `checkin.services.groups.members` (pool thread) and the
admission goes through the desk's ordinary check-in path, one decision and scan per person; the
badges of those admitted print as one batch.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkin.domain.models import Attendee
from checkin.domain.results import ScanResult
from checkin.services.groups import GroupMember


class GroupDialog(QDialog):
    admit_requested = Signal(object, bool)  # list[Attendee], print badges as a batch

    def __init__(self, group: str, members: list[GroupMember], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self.members = members
        self.setWindowTitle(self.tr("Group {group}").format(group=group))
        self.setModal(True)
        self.resize(760, 460)
        self.table = QTableWidget(len(members), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Organisation"), self.tr("Status")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, m in enumerate(members):
            name = QTableWidgetItem(m.attendee.full_name)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked if m.admissible else Qt.CheckState.Unchecked)
            if not m.admissible:
                name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(m.attendee.organisation))
            self.table.setItem(row, 2, QTableWidgetItem(self.status_text(m.expected)))
        self.table.resizeColumnsToContents()
        self.print_badges = QCheckBox(self.tr("Print their badges (one batch)"))
        self.print_badges.setChecked(True)
        self.summary = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.admit_button = QPushButton()
        self.admit_button.setDefault(True)
        buttons.addButton(self.admit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.admit_button.clicked.connect(self._admit)
        self.table.itemChanged.connect(lambda _item: self._update())
        layout = QVBoxLayout(self)
        present = sum(1 for m in members if m.present)
        layout.addWidget(QLabel(self.tr("{n} people in this group, {present} already checked in here.")
                                .format(n=len(members), present=present)))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.print_badges)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self._update()

    def status_text(self, expected: ScanResult) -> str:
        return {
            ScanResult.ACCEPTED: self.tr("not checked in yet"),
            ScanResult.DUPLICATE: self.tr("already checked in"),
            ScanResult.CANCELLED: self.tr("registration cancelled"),
            ScanResult.NOT_REGISTERED: self.tr("not registered for this checkpoint"),
            ScanResult.FULL: self.tr("session full"),
        }.get(expected, expected.value)

    def chosen(self) -> list[Attendee]:
        out = []
        for row, m in enumerate(self.members):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(m.attendee)
        return out

    def set_chosen(self, attendee_ids: set[str]) -> None:
        for row, m in enumerate(self.members):
            item = self.table.item(row, 0)
            if item is not None:
                item.setCheckState(Qt.CheckState.Checked if m.attendee.id in attendee_ids else Qt.CheckState.Unchecked)

    def _update(self) -> None:
        n = len(self.chosen())
        self.admit_button.setText(self.tr("Check in {n} selected").format(n=n))
        self.admit_button.setEnabled(n > 0)

    def _admit(self) -> None:
        people = self.chosen()
        if people:
            self.admit_requested.emit(people, self.print_badges.isChecked())
            self.accept()
