# SPDX-License-Identifier: MIT
"""The big coloured panel a volunteer reads from a metre away.

Green: in. Amber: already checked in (with when and where). Red: not admitted, with the reason in
plain words. A new result replaces the old one at once; the panel goes back to "Ready" by itself
after `result_seconds`. No dialogs: the next scan is never blocked.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from checkin.domain.decision import Decision
from checkin.ui.desk import wording

# calm, high-contrast colours (background, text)
COLOURS = {
    "idle": ("#eef2f6", "#2b3a4a"),
    "ok": ("#1e7b3c", "#ffffff"),
    "warn": ("#f2b233", "#2d2000"),
    "error": ("#b3261e", "#ffffff"),
    "void": ("#5b6b7b", "#ffffff"),
}


class ResultPanel(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self.setMinimumHeight(300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.state = "idle"
        self.decision: Decision | None = None
        self.result_seconds = 4.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)

        self.headline = self._label(30, bold=True)
        self.name = self._label(40, bold=True)
        self.organisation = self._label(20)
        self._org_font = self.organisation.font()
        self.category = self._label(18, bold=True)
        self.detail = self._label(17)
        self.checkpoint = self._label(12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(8)
        layout.addWidget(self.headline)
        layout.addSpacing(6)
        layout.addWidget(self.name)
        layout.addWidget(self.organisation)
        layout.addWidget(self.category)
        layout.addStretch(1)
        layout.addWidget(self.detail)
        layout.addWidget(self.checkpoint)
        self.show_idle()

    def _label(self, points: int, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = label.font()
        font.setPointSize(points)
        font.setBold(bold)
        label.setFont(font)
        return label

    def _paint(self, state: str) -> None:
        self.state = state
        bg, fg = COLOURS[state]
        self.setStyleSheet(f"#resultPanel {{ background: {bg}; border-radius: 14px; }}"
                           f" #resultPanel QLabel {{ color: {fg}; background: transparent; }}")

    def show_idle(self, hint: str = "") -> None:
        self._timer.stop()
        self.decision = None
        self._paint("idle")
        self.headline.setText(self.tr("Ready to scan"))
        self.name.setText("")
        self.organisation.setFont(self._org_font)
        self.organisation.setText(hint or self.tr("Show the QR code to the camera, scan it with the handheld "
                                                  "scanner, or press F2 to search by name."))
        self.category.setText("")
        self.detail.setText("")
        self.checkpoint.setText("")

    def show_decision(self, decision: Decision, tz: ZoneInfo, checkpoint_label: str = "") -> None:
        """Replace whatever is shown (GUI thread)."""
        self.decision = decision
        severity = "void" if decision.result.value == "void" else decision.result.severity
        self._paint(severity)
        self.headline.setText(wording.headline_for(decision))
        a = decision.attendee
        self.name.setText(a.full_name if a else "")
        self._fit(self.name, 40, 22, lines=2)
        self.organisation.setText(a.organisation if a else "")
        self._fit(self.organisation, 20, 13, lines=2)
        self.category.setText(wording.category_label(a.category).upper() if a else "")
        self.detail.setText(wording.reason_sentence(decision, tz))
        self.checkpoint.setText(self.tr("{checkpoint} · {time}").format(
            checkpoint=checkpoint_label or decision.checkpoint.label,
            time=wording.local_time(decision.device_time, tz)))
        self._restart_timer()

    def _fit(self, label: QLabel, largest: int, smallest: int, lines: int) -> None:
        """Shrink a long name or institution until it fits `lines` lines of the panel's width."""
        width = max(200, self.width() - 70)
        font = label.font()
        size = largest
        while size > smallest:
            font.setPointSize(size)
            metrics = QFontMetrics(font)
            words = label.text().split()
            longest = max((metrics.horizontalAdvance(w) for w in words), default=0)
            if longest <= width and metrics.horizontalAdvance(label.text()) <= width * lines * 0.92:
                break
            size -= 2
        font.setPointSize(size)
        label.setFont(font)

    def show_message(self, state: str, headline: str, detail: str) -> None:
        """A result that is not a scan decision (e.g. a scanner error) in the same place."""
        self.decision = None
        self._paint(state)
        self.headline.setText(headline)
        self.name.setText("")
        self.organisation.setFont(self._org_font)
        self.organisation.setText("")
        self.category.setText("")
        self.detail.setText(detail)
        self.checkpoint.setText("")
        self._restart_timer()

    def _restart_timer(self) -> None:
        if self.result_seconds > 0:
            self._timer.start(int(self.result_seconds * 1000))

    def dismiss(self) -> None:
        if self.state != "idle":
            self.show_idle()
            self.dismissed.emit()
