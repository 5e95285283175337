# SPDX-License-Identifier: MIT
"""The door's result, read from across a corridor: colour, a big icon, one word, the name.

Green (in, or out), amber (already inside), red (not admitted, full) — the same colours as the
reception desk's panel, and the same sentences (`ui.desk.wording`), with an icon so that colour is
never the only signal. Sizes follow the widget's height, so the same widget works from 800×480 to
1366×768. Goes back to "ready" by itself; no dialog ever blocks the next scan.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from checkin.domain.decision import Decision
from checkin.domain.results import Direction, ScanResult
from checkin.ui.desk import wording
from checkin.ui.desk.result_panel import COLOURS

ICONS = {"ok": "✔", "warn": "!", "error": "✖", "void": "↺", "idle": "▣"}
EXIT_ICON = "➜"


class DoorResult(QFrame):
    """GUI thread only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doorResult")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.state = "idle"
        self.decision: Decision | None = None
        self.result_seconds = 4.0
        self.direction_hint = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show_idle)
        self.icon = self._label(bold=True, wrap=False)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.word = self._label(bold=True, wrap=False)
        self.name = self._label(bold=True)
        self.detail = self._label()
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.icon)
        top.addWidget(self.word, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 14, 22, 14)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.name)
        layout.addStretch(1)
        layout.addWidget(self.detail)
        self.show_idle()

    def _label(self, bold: bool = False, wrap: bool = True) -> QLabel:
        label = QLabel()
        label.setWordWrap(wrap)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = label.font()
        font.setBold(bold)
        label.setFont(font)
        return label

    # ------------------------------------------------------------------ sizes
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    def _px(self, share: float, smallest: int) -> int:
        return max(smallest, int(self.height() * share))

    def _apply_sizes(self) -> None:
        self._set_px(self.icon, self._px(0.22, 30))
        self.icon.setFixedWidth(int(self._px(0.22, 30) * 1.3))
        self._set_px(self.word, self._px(0.16, 22))
        self._fit(self.word, self._px(0.16, 22), 16, lines=1)
        self._fit(self.name, self._px(0.12, 18), 14, lines=2)
        self._set_px(self.detail, self._px(0.055, 13))

    @staticmethod
    def _set_px(label: QLabel, px: int) -> None:
        font = label.font()
        font.setPixelSize(px)
        label.setFont(font)

    def _fit(self, label: QLabel, largest: int, smallest: int, lines: int) -> None:
        """Shrink a long name (Wójcik-Jabłońska-Szczebrzeszyńska) until it fits `lines` lines."""
        width = max(120, label.width() if label.width() > 10 else self.width() - 60)
        font = QFont(label.font())
        size = largest
        while size > smallest:
            font.setPixelSize(size)
            metrics = QFontMetrics(font)
            words = label.text().split() or [""]
            longest = max(metrics.horizontalAdvance(w) for w in words)
            if longest <= width and metrics.horizontalAdvance(label.text()) <= width * lines * 0.9:
                break
            size -= 2
        font.setPixelSize(size)
        label.setFont(font)

    # ------------------------------------------------------------------ content
    def _paint(self, state: str) -> None:
        self.state = state
        bg, fg = COLOURS[state]
        self.setStyleSheet(f"#doorResult {{ background: {bg}; border-radius: 16px; }}"
                           f" #doorResult QLabel {{ color: {fg}; background: transparent; }}")

    def show_idle(self) -> None:
        self._timer.stop()
        self.decision = None
        self._paint("idle")
        self.icon.setText(ICONS["idle"])
        self.word.setText(self.tr("Scan the code"))
        self.name.setText(self.direction_hint)
        self.detail.setText(self.tr("Hold the QR code to the camera or use the handheld scanner."))
        self._apply_sizes()

    def show_decision(self, decision: Decision, tz: ZoneInfo) -> None:
        self.decision = decision
        state = "void" if decision.result is ScanResult.VOID else decision.result.severity
        self._paint(state)
        leaving = decision.result is ScanResult.ACCEPTED and decision.direction is Direction.OUT
        self.icon.setText(EXIT_ICON if leaving else ICONS[state])
        self.word.setText(self.word_for(decision))
        a = decision.attendee
        self.name.setText(a.full_name if a else "")
        if decision.result is ScanResult.ACCEPTED and decision.direction is Direction.IN and not decision.reason:
            self.detail.setText(self.tr("Entry recorded."))  # the desk's sentence is about badges
        else:
            self.detail.setText(wording.reason_sentence(decision, tz))
        self._apply_sizes()
        if self.result_seconds > 0:
            self._timer.start(int(self.result_seconds * 1000))

    def show_message(self, state: str, word: str, detail: str) -> None:
        self.decision = None
        self._paint(state)
        self.icon.setText(ICONS.get(state, ICONS["idle"]))
        self.word.setText(word)
        self.name.setText("")
        self.detail.setText(detail)
        self._apply_sizes()
        if self.result_seconds > 0:
            self._timer.start(int(self.result_seconds * 1000))

    def word_for(self, decision: Decision) -> str:
        r = decision.result
        if r is ScanResult.ACCEPTED:
            if decision.direction is Direction.OUT:
                return self.tr("EXIT")
            if decision.reason == "re_entry":
                return self.tr("BACK IN")
            return self.tr("COME IN")
        if r is ScanResult.DUPLICATE:
            return self.tr("ALREADY INSIDE")
        if r is ScanResult.FULL:
            return self.tr("FULL")
        if r is ScanResult.VOID:
            return self.tr("UNDONE")
        return self.tr("NO ENTRY")
