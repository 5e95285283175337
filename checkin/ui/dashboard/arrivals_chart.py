# SPDX-License-Identifier: MIT
"""Arrivals over the day as bars per 10-minute bucket, drawn with QPainter.

QtCharts is not part of PySide6-Essentials, and a bar chart of a few dozen buckets is simple to
draw: a bar per bucket (empty buckets between the first and the last arrival included, so gaps
show), an hour label under every hour, a few horizontal grid lines, and the count on the tallest
bar. The colours come from the widget's palette, so the projector's dark theme just works.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from checkin.ui.dashboard.common import ACCENT


class ArrivalsChart(QWidget):
    """Bars of first admissions per bucket (times already local to the event)."""

    def __init__(self, parent: QWidget | None = None, *, bucket_minutes: int = 10) -> None:
        super().__init__(parent)
        self.bucket = timedelta(minutes=bucket_minutes)
        self._bars: list[tuple[datetime, int]] = []
        self._now: datetime | None = None
        self.bar_color = QColor(ACCENT)
        self.empty_text = ""  # set by the dashboard: "today" only when the day shown is today
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(100)
        self.setAccessibleName(self.tr("Arrivals per 10 minutes"))

    def sizeHint(self) -> QSize:
        return QSize(600, 240)

    def set_arrivals(self, buckets: list[tuple[datetime, int]], now_local: datetime | None = None) -> None:
        """Fill the gaps between the first and the last bucket (and up to now, on the day itself)."""
        filled: list[tuple[datetime, int]] = []
        if buckets:
            counts = dict(buckets)
            start, end = buckets[0][0], buckets[-1][0]
            if now_local is not None and now_local.date() == start.date() and now_local > end:
                end = min(now_local, end + timedelta(hours=3))
            moment = start
            while moment <= end:
                filled.append((moment, counts.get(moment, 0)))
                moment += self.bucket
        if filled != self._bars:
            self._bars = filled
            self.update()
        self._now = now_local

    def bars(self) -> list[tuple[str, int]]:
        """What the chart shows, as ('09:10', 12) pairs: for tests and the accessible description."""
        return [(b.strftime("%H:%M"), n) for b, n in self._bars]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(50)
        font = QFont(self.font())
        metrics = painter.fontMetrics()
        if not self._bars:
            painter.setPen(text)
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self.empty_text or self.tr("No arrivals yet"))
            return
        peak = max(n for _, n in self._bars) or 1
        step = _nice_step(peak)
        top = step * ((peak + peak // 10 + step) // step)  # headroom for the label over the tallest bar
        left = metrics.horizontalAdvance(str(top)) + 12
        bottom_margin = metrics.height() + 8
        plot = QRectF(left, metrics.height() + 4, self.width() - left - 8,
                      self.height() - bottom_margin - metrics.height() - 4)
        # horizontal grid with values
        painter.setFont(font)
        value = 0
        while value <= top:
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(grid)
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(value))
            value += step
        # bars
        slot = plot.width() / len(self._bars)
        gap = max(1.0, slot * 0.15)
        painter.setPen(Qt.PenStyle.NoPen)
        for i, (moment, count) in enumerate(self._bars):
            x = plot.left() + i * slot
            height = plot.height() * count / top
            painter.setBrush(self.bar_color)
            painter.drawRect(QRectF(x + gap / 2, plot.bottom() - height, slot - gap, height))
            if count and (count == peak or slot > metrics.horizontalAdvance(str(count)) + 4):
                painter.setPen(text)
                painter.drawText(QRectF(x, plot.bottom() - height - metrics.height(), slot, metrics.height()),
                                 int(Qt.AlignmentFlag.AlignCenter), str(count))
                painter.setPen(Qt.PenStyle.NoPen)
            if moment.minute == 0 or len(self._bars) <= 6 or (slot > 40 and moment.minute % 30 == 0):
                painter.setPen(text)
                painter.drawText(QRectF(x, plot.bottom() + 4, 80, metrics.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), moment.strftime("%H:%M"))
                painter.setPen(Qt.PenStyle.NoPen)
        painter.setPen(text)
        painter.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()), int(plot.bottom()))
        painter.end()


def _nice_step(peak: int) -> int:
    """A grid step of 1, 2, 5, 10, 20, 50... giving at most about five lines."""
    step = 1
    while peak / step > 5:
        for factor in (2, 5 / 2, 2):
            step = int(step * factor)
            if peak / step <= 5:
                break
    return max(1, step)
