# SPDX-License-Identifier: MIT
"""This desk's latest scans, with undo (a void event) for a few minutes after an admission."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checkin.domain.results import ScanResult
from checkin.services.desk_queries import RecentScan
from checkin.ui.desk.wording import headline, local_time, source_label

MARKS = {"ok": ("✔", "#1e7b3c"), "warn": ("●", "#9a6a00"), "error": ("✖", "#b3261e")}


class RecentScans(QWidget):
    undo_requested = Signal(object)  # Scan

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.tz = ZoneInfo("UTC")
        self.undo_minutes = 5
        self.older_with_supervisor = False  # volunteer roles: older check-ins undone with a supervisor's PIN
        self.items: list[RecentScan] = []
        self.title = QLabel(self.tr("Recent scans at this desk"))
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.list = QListWidget()
        self.list.setMinimumHeight(64)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("Recent scans at this desk"))
        lf = self.list.font()
        lf.setPointSize(11)
        self.list.setFont(lf)
        self.undo = QPushButton(self.tr("Undo check-in (Ctrl+Z)"))
        self.undo.setMinimumHeight(36)
        self.undo.setAccessibleName(self.tr("Undo the last check-in"))
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.undo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        self.undo.clicked.connect(self._undo_selected)
        self.list.currentRowChanged.connect(lambda _r: self._update_button())
        self._update_button()

    def set_scans(self, scans: list[RecentScan]) -> None:
        self.items = scans
        self.list.clear()
        for r in scans:
            s = r.scan
            mark, colour = MARKS[s.result.severity]
            who = r.name or self.tr("unknown code")
            text = f"{local_time(s.device_time, self.tz)}  {mark}  {who}  ·  {headline(s.result)}  ·  " \
                   f"{source_label(s.source.value)}"
            if r.voided:
                text += "  ·  " + self.tr("undone")
            if s.rehearsal_id:
                text += "  ·  " + self.tr("REHEARSAL")
            item = QListWidgetItem(text)
            item.setForeground(QBrush(QColor("#7a8592" if r.voided else colour)))
            f = item.font()
            f.setStrikeOut(r.voided)
            item.setFont(f)
            self.list.addItem(item)
        if scans:  # the newest is what a volunteer means to undo
            self.list.setCurrentRow(0)
        self._update_button()

    @property
    def selected(self) -> RecentScan | None:
        i = self.list.currentRow()
        return self.items[i] if 0 <= i < len(self.items) else None

    def undoable(self, r: RecentScan) -> bool:
        return (r.scan.result is ScanResult.ACCEPTED and not r.voided
                and (self.older_with_supervisor
                     or self.clock() - r.scan.device_time <= timedelta(minutes=self.undo_minutes)))

    def latest_undoable(self) -> RecentScan | None:
        return next((r for r in self.items if self.undoable(r)), None)

    def target(self) -> RecentScan | None:
        """The selected scan when it can be undone, else the latest admission that can (a duplicate or a
        refusal shown after an admission must not block undoing that admission)."""
        r = self.selected
        return r if r is not None and self.undoable(r) else self.latest_undoable()

    def _update_button(self) -> None:
        self.undo.setEnabled(self.target() is not None)

    def _undo_selected(self) -> None:
        r = self.target()
        if r is not None:
            self.undo_requested.emit(r.scan)
