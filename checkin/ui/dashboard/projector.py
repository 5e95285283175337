# SPDX-License-Identifier: MIT
"""Full-screen projector mode: the same numbers in large type on a dark background.

The whole screen is used: the day's numbers and the arrivals side by side on top, the sessions
across the full width below, their titles wrapped rather than cut. Every colour pair (text, bars,
grid) reaches 4.5:1 against its background (tests/ui/test_contrast.py).

A separate top-level window so the dashboard tab stays usable on the laptop screen while a second
screen (or the projector, as the only screen) shows this. It draws whatever snapshot the dashboard
hands it; it never queries anything itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from checkin.services.dashboard import DashboardData
from checkin.ui.dashboard.arrivals_chart import ArrivalsChart
from checkin.ui.dashboard.common import local_date, local_time
from checkin.ui.dashboard.day_panel import DayPanel
from checkin.ui.dashboard.session_table import SessionTable

BACKGROUND = QColor("#111827")
FOREGROUND = QColor("#f9fafb")
HINT = QColor("#9ca3af")
ALTERNATE = QColor("#1f2937")
BAR = QColor("#60a5fa")


class ProjectorWindow(QWidget):
    """Escape, F11 or a double click closes it."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Check-in — projector"))
        pal = self.palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase,
                     QPalette.ColorRole.Button):
            pal.setColor(role, BACKGROUND if role != QPalette.ColorRole.AlternateBase else QColor("#1f2937"))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            pal.setColor(role, FOREGROUND)
        self.setPalette(pal)
        self.setAutoFillBackground(True)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.setFont(big)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        header = QHBoxLayout()
        self.event_label = QLabel(self)
        title_font = QFont(big)
        title_font.setPointSizeF(big.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.event_label.setFont(title_font)
        self.event_label.setWordWrap(True)
        self.clock_label = QLabel(self)
        self.clock_label.setFont(title_font)
        header.addWidget(self.event_label, 1)
        header.addWidget(self.clock_label)
        layout.addLayout(header)

        grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        self.day_panel = DayPanel(self, scale=1.7, dark=True)
        self.chart = ArrivalsChart(self)
        self.chart.bar_color = BAR
        self.arrivals_title = QLabel(self.tr("Arrivals per 10 minutes"), self)
        self.sessions = SessionTable(self)
        self.sessions.setStyleSheet(
            "QTableWidget { background: #111827; alternate-background-color: #1f2937; color: #f9fafb;"
            " gridline-color: #6b7280; border: none; }"
            "QHeaderView::section { background: #1f2937; color: #f9fafb; border: none; padding: 4px; }")
        self.sessions.setColumnHidden(2, True)  # room: the projector is for counts; the desk tab has it
        self.sessions.setColumnHidden(5, True)  # registered
        self.sessions.setWordWrap(True)
        self.sessions.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.sessions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sessions.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        chart_box = QVBoxLayout()
        chart_box.addWidget(self.arrivals_title)
        chart_box.addWidget(self.chart, 1)
        grid.addWidget(self.day_panel, 0, 0)
        grid.addLayout(chart_box, 0, 1)
        grid.addWidget(self.sessions, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        layout.addLayout(grid, 1)
        self.hint = QLabel(self.tr("Esc closes the projector view"), self)
        self.hint.setStyleSheet(f"color: {HINT.name()};")
        layout.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignRight)

    def set_data(self, data: DashboardData) -> None:
        tz = data.event.tz
        self.event_label.setText(data.event.name)
        self.clock_label.setText(local_time(data.now, tz))
        day = next((d for d in data.event.days if d.date == data.day), None)
        title = local_date(data.day) + (f" — {day.label}" if day and day.label else "")
        self.day_panel.set_day(title, data.counts.days[0] if data.counts.days else None)
        self.chart.set_arrivals(data.arrivals, data.now.astimezone(tz))
        self.sessions.set_sessions(data.counts.sessions, data.sessions, tz, data.now)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: object) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
