# SPDX-License-Identifier: MIT
"""Per session: present, inside now, capacity and seats left, with full and nearly full sessions coloured.

Seats left follow the decision path's capacity rule: inside now where exits are scanned, else present."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from checkin.domain.models import Session
from checkin.services.headcount import SessionCount
from checkin.ui.dashboard.common import AMBER, RED, local_time, mark_icon


class SessionTable(QTableWidget):
    """Read-only table; rows are updated in place so a refresh every second does not flicker."""

    COLUMNS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Session"), self.tr("Room"), self.tr("Present"),
            self.tr("Capacity"), self.tr("Registered"), self.tr("Inside now"), self.tr("Seats left"),
        ])
        self.setAccessibleName(self.tr("Sessions"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)  # compact rows
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(2, 150)
        # titles wrap rather than end in "…": a row grows to the lines its title needs
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def fit_rows(self, least: int = 4) -> None:
        """Never so short that fewer than `least` sessions show (the rest scroll); grows with the window."""
        rows = min(self.rowCount(), least)
        height = self.horizontalHeader().height() + 2 * self.frameWidth() + 2
        height += sum(self.rowHeight(r) for r in range(rows))
        self.setMinimumHeight(min(height, 200))

    def set_sessions(self, sessions: list[SessionCount], details: dict[str, Session], tz: ZoneInfo,
                     now: datetime) -> None:
        self.setRowCount(len(sessions))
        for row, s in enumerate(sessions):
            detail = details.get(s.code)
            starts = local_time(s.starts_at, tz) if s.starts_at else "—"
            ends = detail.ends_at if detail else None
            running = bool(s.starts_at and ends and s.starts_at - timedelta(minutes=15) <= now < ends)
            full = s.seats_left == 0
            nearly = s.capacity is not None and not full and (s.seats_left or 0) <= 0.1 * s.capacity
            values = [
                starts, s.title, detail.room if detail else "", str(s.present),
                str(s.capacity) if s.capacity is not None else "—",
                str(s.registered) if s.registered is not None else "—",
                # inside now is known where exits are scanned (or someone was scanned out anyway)
                str(s.inside_now) if s.inside is not None or s.inside_now != s.present else "—",
                str(s.seats_left) if s.seats_left is not None else "—",
            ]
            for col, text in enumerate(values):
                item = self.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    if col >= 3:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.setItem(row, col, item)
                if item.text() != text:
                    item.setText(text)
                font = QFont(self.font())
                font.setBold(running and col in (0, 1))
                item.setFont(font)
                item.setToolTip(f"{s.code} — {s.title}" if col == 1 else "")
                if col in (3, 7) and (full or nearly):
                    item.setForeground(QBrush(QColor("white")))
                    item.setBackground(QBrush(RED if full else AMBER))
                    # never colour alone: a shape too, and the word for screen readers and tooltips
                    item.setIcon(mark_icon("✖" if full else "▲"))
                    item.setToolTip(self.tr("Full") if full else self.tr("Nearly full"))
                else:
                    item.setData(Qt.ItemDataRole.ForegroundRole, None)
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    item.setData(Qt.ItemDataRole.DecorationRole, None)

    def row_values(self, code_or_title: str) -> dict[str, str]:
        """The cells of the row whose title or tooltip names `code_or_title` (tests read this)."""
        for row in range(self.rowCount()):
            title = self.item(row, 1)
            if title and (code_or_title in title.toolTip() or title.text() == code_or_title):
                return {_text(self.horizontalHeaderItem(c)): _text(self.item(row, c)) for c in range(self.COLUMNS)}
        raise KeyError(code_or_title)


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
