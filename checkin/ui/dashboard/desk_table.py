# SPDX-License-Identifier: MIT
"""Per desk: scans and admissions in the last 15 minutes, last scan, last sync.

A desk that has gone quiet while others are busy usually means a problem (camera, printer, a
volunteer on a break, a queue at the other door), which is why the last activity is shown as
"3 min ago" and quiet desks turn amber.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from checkin.services.dashboard import DeskStatus
from checkin.ui.dashboard.common import AMBER, ago, local_time, mark_icon

QUIET_AFTER = timedelta(minutes=10)


class DeskTable(QTableWidget):
    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Desk"), self.tr("Scans (15 min)"), self.tr("Admitted (15 min)"),
            self.tr("Last scan"), self.tr("Last sync"),
        ])
        self.setAccessibleName(self.tr("Desks"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)  # compact rows
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def fit_rows(self, most: int = 12) -> None:
        """As tall as its rows (up to `most`, then it scrolls): a short table leaves its space to others."""
        rows = min(self.rowCount(), most)
        height = self.horizontalHeader().height() + 2 * self.frameWidth() + 2
        height += sum(self.rowHeight(r) for r in range(rows)) if rows else self.verticalHeader().defaultSectionSize()
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        self.setMaximumHeight(height)

    def set_desks(self, desks: list[DeskStatus], tz: ZoneInfo, now: datetime) -> None:
        self.setRowCount(len(desks))
        busy = any(d.scans_recent for d in desks)
        for row, d in enumerate(desks):
            name = d.name + (" " + self.tr("(this desk)") if d.this_desk else "")
            last_scan = (f"{local_time(d.last_scan, tz)} ({ago(d.last_scan, now)})" if d.last_scan
                         else self.tr("no scans yet"))
            if d.this_desk and d.last_sync is None:
                last_sync = self.tr("not synced yet")
            else:
                last_sync = local_time(d.last_sync, tz) if d.last_sync else "—"
            quiet = busy and (d.last_scan is None or now - d.last_scan > QUIET_AFTER)
            for col, text in enumerate([name, str(d.scans_recent), str(d.accepted_recent), last_scan, last_sync]):
                item = self.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    if col in (1, 2):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.setItem(row, col, item)
                if item.text() != text:
                    item.setText(text)
                if col == 3 and quiet:
                    item.setForeground(QBrush(AMBER))
                    item.setIcon(mark_icon("⚠", AMBER.name()))  # a shape as well as the colour
                    item.setToolTip(self.tr("No scans here for over 10 minutes while other desks are busy"))
                else:
                    item.setData(Qt.ItemDataRole.ForegroundRole, None)
                    item.setData(Qt.ItemDataRole.DecorationRole, None)
                    item.setToolTip("")
