# SPDX-License-Identifier: MIT
"""The queue forecast: one sentence of advice and the next quarter hours (arrivals, what the open
desks can admit, the queue at the end). The model is `checkin.services.forecast` (docs/forecast.md)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkin.services.forecast import Forecast
from checkin.ui.dashboard.common import local_time

ROWS = 4  # the next hour


class ForecastPanel(QGroupBox):
    """Read-only; `set_forecast(None)` on a day that is not today."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Queue forecast"), parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        font = QFont(self.advice.font())
        font.setBold(True)
        self.advice.setFont(font)
        layout.addWidget(self.advice)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("From"), self.tr("Arriving"), self.tr("Can admit"),
                                              self.tr("Queue")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows_height = ROWS * self.table.verticalHeader().defaultSectionSize()
        # the next hour when there is room; on a 1024×600 screen two rows, the rest scroll
        header_height = self.table.horizontalHeader().sizeHint().height() + 4
        self.table.setMaximumHeight(rows_height + header_height)
        self.table.setMinimumHeight(2 * self.table.verticalHeader().defaultSectionSize() + header_height)
        layout.addWidget(self.table)
        layout.addStretch(1)

    def set_forecast(self, forecast: Forecast | None, tz: ZoneInfo) -> None:
        if forecast is None:
            self.advice.setText(self.tr("The forecast is for today only."))
            self.table.setRowCount(0)
            return
        self.advice.setText(forecast.sentence(tz))
        rows = forecast.slots[:ROWS]
        self.table.setRowCount(len(rows))
        for row, slot in enumerate(rows):
            values = [local_time(slot.start, tz), f"{slot.arrivals:.0f}", f"{slot.capacity:.0f}", f"{slot.queue:.0f}"]
            for col, value in enumerate(values):
                item = self.table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, col, item)
                item.setText(value)

    def rows(self) -> list[list[str]]:
        """The table's cells (tests read this)."""
        return [[self.table.item(r, c).text() for c in range(4)] for r in range(self.table.rowCount())]  # type: ignore[union-attr]
