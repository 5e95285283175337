# SPDX-License-Identifier: MIT
"""Registered vs present for one day, in numbers a coordinator reads from across the room.

The type is as large as the panel's height allows (a 1024×600 laptop up to a projector): on every
resize the fonts are scaled so the whole panel fits, instead of the big number being clipped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from checkin.services.headcount import DayCount
from checkin.ui.dashboard.common import category_label, percent


def _font(base: QFont, points: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class DayPanel(QFrame):
    """The big present number, the registered total, and one line per category."""

    # projector mode: category bars in a light blue on a mid-grey groove, readable on the dark page
    DARK_BARS = ("QProgressBar { background: #374151; border: none; border-radius: 3px; }"
                 " QProgressBar::chunk { background: #60a5fa; border-radius: 3px; }")

    def __init__(self, parent: QWidget | None = None, *, scale: float = 1.0, dark: bool = False) -> None:
        super().__init__(parent)
        self.scale = scale
        self.base_scale = scale
        self.dark = dark
        self.setObjectName("dayPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.title_label = QLabel(self)
        self.title_label.setFont(_font(self.font(), 12 * scale, bold=True))
        self.title_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        self.present_label = QLabel("0", self)
        self.present_label.setObjectName("presentNumber")
        self.present_label.setFont(_font(self.font(), 54 * scale, bold=True))
        self.present_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.present_label)
        self.registered_label = QLabel(self)
        self.registered_label.setFont(_font(self.font(), 15 * scale))
        layout.addWidget(self.registered_label)
        self.missing_label = QLabel(self)
        self.missing_label.setFont(_font(self.font(), 12 * scale))
        layout.addWidget(self.missing_label)
        self.category_grid = QGridLayout()
        self.category_grid.setHorizontalSpacing(10)
        self.category_grid.setVerticalSpacing(4)
        layout.addLayout(self.category_grid)
        layout.addStretch(1)
        self._rows: dict[str, tuple[QLabel, QLabel, QProgressBar]] = {}

    def set_day(self, title: str, count: DayCount | None) -> None:
        if title != self.title_label.text():
            self.title_label.setText(title)
            self.scale = -1.0
            self.fit()
        if count is None:
            self.present_label.setText("—")
            self.registered_label.setText(self.tr("No attendees registered for this day"))
            self.missing_label.clear()
            return
        self.present_label.setText(str(count.present))
        self.registered_label.setText(
            self.tr("present of {registered} registered ({percent})").format(
                registered=count.registered, percent=percent(count.present, count.registered)))
        self.missing_label.setText(
            self.tr("{n} not arrived yet").format(n=max(0, count.registered - count.present)))
        self._set_categories(count.by_category)

    def category_counts(self) -> dict[str, str]:
        """Category label -> 'present / registered' as shown (tests read this)."""
        return {name.text(): value.text() for name, value, _ in self._rows.values()}

    def _set_categories(self, by_category: dict[str, tuple[int, int]]) -> None:
        if set(by_category) != set(self._rows):
            for widgets in self._rows.values():
                for w in widgets:
                    self.category_grid.removeWidget(w)
                    w.deleteLater()
            self._rows.clear()
            ordered = sorted(by_category, key=lambda c: (-by_category[c][0], c))
            for row, category in enumerate(ordered):
                name = QLabel(category_label(category), self)
                name.setFont(_font(self.font(), 11 * self.scale))
                value = QLabel(self)
                value.setFont(_font(self.font(), 11 * self.scale, bold=True))
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                bar = QProgressBar(self)
                bar.setTextVisible(False)
                bar.setAccessibleName(category_label(category))
                if self.dark:
                    bar.setStyleSheet(self.DARK_BARS)
                bar.setMaximumHeight(int(10 * self.scale))
                self.category_grid.addWidget(name, row, 0)
                self.category_grid.addWidget(value, row, 1)
                self.category_grid.addWidget(bar, row, 2)
                self._rows[category] = (name, value, bar)
            self.category_grid.setColumnStretch(2, 1)
            self.scale = -1.0  # fonts of the new rows: fit again
            self.fit()
        for category, (registered, present) in by_category.items():
            _name, value, bar = self._rows[category]
            value.setText(f"{present} / {registered}")
            bar.setMaximum(max(1, registered))
            bar.setValue(min(present, max(1, registered)))

    # ------------------------------------------------------------------ fitting
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def _needed(self, scale: float) -> int:
        """Height the panel needs with fonts at `scale` (the same sums the layout makes)."""
        def line(points: float, bold: bool = False) -> int:
            return QFontMetrics(_font(self.font(), points * scale, bold)).height()

        width = max(100, self.width() - 24)
        title = QFontMetrics(_font(self.font(), 12 * scale, True)).boundingRect(
            0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), self.title_label.text()).height()
        rows = len(self._rows) * (line(11) + 4)
        return title + line(54, True) + line(15) + line(12) + rows + 4 * 6 + 16

    def fit(self) -> None:
        """Largest scale (up to the one asked for) at which everything fits the panel's height."""
        scale = self.base_scale
        while scale > 0.45 * self.base_scale and self._needed(scale) > self.height():
            scale *= 0.92
        if abs(scale - self.scale) < 0.01:
            return
        self.scale = scale
        self.title_label.setFont(_font(self.font(), 12 * scale, bold=True))
        self.present_label.setFont(_font(self.font(), 54 * scale, bold=True))
        self.registered_label.setFont(_font(self.font(), 15 * scale))
        self.missing_label.setFont(_font(self.font(), 12 * scale))
        for name, value, bar in self._rows.values():
            name.setFont(_font(self.font(), 11 * scale))
            value.setFont(_font(self.font(), 11 * scale, bold=True))
            bar.setMaximumHeight(max(6, int(10 * scale)))
