# SPDX-License-Identifier: MIT
"""The coordinator dashboard tab: registered vs present, sessions, arrivals and desks, live.

Refreshing: a 1-second timer (a cheap poll, mainly for the clock-driven parts) plus `refresh()`,
connected by the main window to the one coalescing data-changed signal (checkin.ui.refresh).
Requests are coalesced here too: a read starts at most every MIN_GAP_S, and the one read after the
gap answers every request made during it, so fifty scans a second cost three reads. Queries never
run on the GUI thread: they go to the task pool, one at a time. A tick asks
first for a cheap fingerprint and skips the full read when nothing changed; a requested refresh
always reads. Every request carries a generation number and only the result of the latest one is
applied, so a slow answer for a day the coordinator has already switched away from is dropped
(pretix's "Prevent race condition" guard).
"""

from __future__ import annotations

import time
from datetime import date

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.app import AppContext
from checkin.services.dashboard import DashboardData, activity_fingerprint, dashboard_snapshot
from checkin.ui.dashboard.arrivals_chart import ArrivalsChart
from checkin.ui.dashboard.common import RED, local_date, local_time
from checkin.ui.dashboard.day_panel import DayPanel
from checkin.ui.dashboard.desk_table import DeskTable
from checkin.ui.dashboard.forecast_panel import ForecastPanel
from checkin.ui.dashboard.projector import ProjectorWindow
from checkin.ui.dashboard.session_table import SessionTable
from checkin.ui.tasks import TaskManager

TICK_MS = 1000
MIN_GAP_S = 0.3  # reads start at most ~3 times a second, however fast scans ask for them
FULL_READ_EVERY_S = 15.0  # the 15-minute window and "3 min ago" move even when no data changes


class DashboardView(QWidget):
    """Live numbers for the coordinator; see the module docstring for how refreshing works."""

    refreshed = Signal()  # new data was applied to the widgets

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.data: DashboardData | None = None
        self._generation = 0
        self._in_flight = False
        self._again = False  # a refresh was asked for while a read was running
        self._chosen_day: date | None = None  # picked in the day box; None: follow the desk
        self._followed_day: date | None = None  # the desk's checkpoint day (None: the event day running)
        self._last_full = 0.0
        self._last_start = 0.0
        self._held_force = False  # a held-back request wanted a full read
        self._coalesce = QTimer(self)  # fires once when the minimum gap since the last read is over
        self._coalesce.setSingleShot(True)
        self._coalesce.timeout.connect(self._release)
        self._projector: ProjectorWindow | None = None
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        header = QHBoxLayout()
        self.event_label = QLabel(self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.event_label.setFont(font)
        self.event_label.setWordWrap(True)
        header.addWidget(self.event_label, 1)
        header.addWidget(QLabel(self.tr("Day:"), self))
        self.day_combo = QComboBox(self)
        self.day_combo.setAccessibleName(self.tr("Day shown"))
        self.day_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day_combo.activated.connect(self._day_chosen)
        header.addWidget(self.day_combo)
        self.projector_button = QPushButton(self.tr("Projector mode (F11)"), self)
        self.projector_button.clicked.connect(self.toggle_projector)
        header.addWidget(self.projector_button)
        layout.addLayout(header)
        self.status_label = QLabel(self)
        layout.addWidget(self.status_label)

        grid = QGridLayout()
        self.day_panel = DayPanel(self)
        self.day_panel.setFrameShape(DayPanel.Shape.StyledPanel)
        self.chart = ArrivalsChart(self)
        chart_box = QGroupBox(self.tr("Arrivals per 10 minutes"), self)
        QVBoxLayout(chart_box).addWidget(self.chart)
        self.sessions = SessionTable(self)
        sessions_box = QGroupBox(self.tr("Sessions"), self)
        QVBoxLayout(sessions_box).addWidget(self.sessions)
        self.desks = DeskTable(self)
        desks_box = QGroupBox(self.tr("Desks"), self)
        QVBoxLayout(desks_box).addWidget(self.desks)
        grid.addWidget(self.day_panel, 0, 0)
        top_right = QHBoxLayout()  # the arrivals so far, and beside them what is still to come
        top_right.addWidget(chart_box, 3)
        self.forecast = ForecastPanel(self)
        top_right.addWidget(self.forecast, 2)
        grid.addLayout(top_right, 0, 1)
        grid.addWidget(sessions_box, 1, 0, 1, 2)
        grid.addWidget(desks_box, 2, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 5)
        # the desks table is as tall as its rows; the sessions table takes what is left
        grid.setRowStretch(0, 4)
        grid.setRowStretch(1, 5)
        grid.setRowStretch(2, 0)
        self.day_panel.setMinimumHeight(150)
        self.chart.setMinimumHeight(110)
        layout.addLayout(grid, 1)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.toggle_projector)

    # ------------------------------------------------------------------ refreshing
    @Slot()
    def refresh(self) -> None:
        """Read everything now (after a local scan, a sync or an event edit)."""
        self._request(force=True)

    def _tick(self) -> None:
        if self.isVisible() or self._projector is not None:
            self._request(force=time.monotonic() - self._last_full > FULL_READ_EVERY_S)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._request(force=True)

    def _release(self) -> None:
        force, self._held_force = self._held_force, False
        self._request(force)

    def _request(self, force: bool) -> None:
        if self._in_flight:
            self._again = self._again or force
            return
        wait = self._last_start + MIN_GAP_S - time.monotonic()
        if wait > 0:  # coalesce: one read after the gap answers every request made during it
            self._held_force = self._held_force or force
            if not self._coalesce.isActive():
                self._coalesce.start(int(wait * 1000) + 1)
            return
        self._last_start = time.monotonic()
        self._generation += 1
        generation = self._generation
        engine, desk_id, now = self.ctx.engine, self.ctx.desk.id, self.ctx.clock()
        day = self.shown_day
        known = None if force or self.data is None else self.data.fingerprint

        def read(_task: object) -> DashboardData | None:
            """Runs on a pool thread; never touches widgets."""
            if known is not None and activity_fingerprint(engine) == known:
                return None
            return dashboard_snapshot(engine, desk_id, day, now)

        self._in_flight = True
        (self.tasks.run(read)
         .success(lambda data: self._apply(generation, data))
         .failure(lambda exc, _tb: self._failed(generation, exc))
         .finally_(self._finished))

    def _gone(self) -> bool:
        """The window was closed while a read was running: its answer has nowhere to go."""
        return not shiboken6.isValid(self) or not shiboken6.isValid(self.status_label)

    def _finished(self) -> None:
        if self._gone():
            return
        self._in_flight = False
        if self._again:
            self._again = False
            self._request(force=True)

    def _apply(self, generation: int, data: DashboardData | None) -> None:
        if self._gone() or generation != self._generation or data is None:
            return  # stale (the day changed meanwhile) or nothing new
        if self.shown_day is not None and data.day != self.shown_day:
            return
        self.data = data
        self._last_full = time.monotonic()
        event, tz = data.event, data.event.tz
        self.event_label.setText(event.name)
        if [self.day_combo.itemData(i) for i in range(self.day_combo.count())] != [
                d.isoformat() for d in event.dates]:
            self.day_combo.clear()
            for d in event.days:  # ISO text as item data: QComboBox.findData cannot compare Python dates
                self.day_combo.addItem(local_date(d.date) + (f" — {d.label}" if d.label else ""), d.date.isoformat())
        self.day_combo.setCurrentIndex(max(0, self.day_combo.findData(data.day.isoformat())))
        day = next((d for d in event.days if d.date == data.day), None)
        title = local_date(data.day) + (f" — {day.label}" if day and day.label else "")
        self.day_panel.set_day(title, data.counts.days[0] if data.counts.days else None)
        self.chart.empty_text = _no_arrivals_text(data)
        self.chart.set_arrivals(data.arrivals, data.now.astimezone(tz))
        self.sessions.set_sessions(data.counts.sessions, data.sessions, tz, data.now)
        self.forecast.set_forecast(data.forecast, tz)
        self.desks.set_desks(data.desks, tz, data.now)
        self.desks.fit_rows()
        self.sessions.fit_rows()
        status = self.tr("Updated {time}").format(time=local_time(data.now, tz))
        if data.pending:
            status += " · " + self.tr("{n} changes on this desk waiting to sync").format(n=data.pending)
        self.status_label.setText(status)
        self.status_label.setStyleSheet("")
        if self._projector is not None:
            self._projector.set_data(data)
        self.refreshed.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if self._gone() or generation != self._generation:
            return
        self.status_label.setText(self.tr("Could not read the numbers: {error}").format(error=exc))
        self.status_label.setStyleSheet(f"color: {RED.name()};")

    @property
    def shown_day(self) -> date | None:
        """The day on screen: picked in the day box, else the desk's checkpoint day, else (None) the
        event day that is running or nearest."""
        return self._chosen_day or self._followed_day

    @Slot(object)
    def follow_day(self, day: date | None) -> None:
        """The desk switched its checkpoint: show that day (a day picked here gives way to it)."""
        if day == self._followed_day and self._chosen_day is None:
            return
        self._followed_day = day
        self._chosen_day = None
        self._generation += 1
        if self.isVisible() or self._projector is not None:  # hidden: the next showEvent reads it
            self.refresh()

    def _day_chosen(self, index: int) -> None:
        self._chosen_day = date.fromisoformat(self.day_combo.itemData(index))
        self._generation += 1  # whatever is running now answers for the old day
        self.refresh()

    # ------------------------------------------------------------------ projector
    @Slot()
    def toggle_projector(self) -> None:
        if self._projector is not None:
            self._projector.close()
            return
        self._projector = ProjectorWindow()
        self._projector.closed.connect(self._projector_closed)
        if self.data is not None:
            self._projector.set_data(self.data)
        # a second screen is usually the projector; with one screen, cover this one
        screens = QGuiApplication.screens()
        screen = screens[-1] if len(screens) > 1 else (self.screen() or QGuiApplication.primaryScreen())
        if screen is not None:
            self._projector.setGeometry(screen.geometry())
        self._projector.showFullScreen()
        self.projector_button.setText(self.tr("Close projector mode"))

    @property
    def projector(self) -> ProjectorWindow | None:
        return self._projector

    def _projector_closed(self) -> None:
        if self._projector is not None:
            self._projector.deleteLater()
        self._projector = None
        self.projector_button.setText(self.tr("Projector mode (F11)"))


def _no_arrivals_text(data: DashboardData) -> str:
    """"today" only when the day shown is today in the event's time zone."""
    from PySide6.QtCore import QCoreApplication

    if data.day == data.event.local_date(data.now):
        return QCoreApplication.translate("DashboardView", "No arrivals yet today")
    return QCoreApplication.translate("DashboardView", "No arrivals on {date}").format(date=local_date(data.day))
