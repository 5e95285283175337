# SPDX-License-Identifier: MIT
"""The big coloured panel a volunteer reads from a metre away.

Green: in. Amber: already checked in (with when and where). Red: not admitted, with the reason in
plain words. Never by colour alone: the headline has its own mark beside it (✔ / ● / ✖ / ↶, a
separate label `mark`), and the word says it too. A new result replaces the old one at once; the
panel goes back to "Ready" by itself after `result_seconds`. No dialogs: the next scan is never blocked.

The panel fits whatever space the window gives it (a 1024×600 netbook up to a 1920×1080 screen):
every text is sized from the panel's height and width, and the whole set shrinks step by step until
it fits, so a long name gets a smaller font, never an ellipsis or a clipped line. Roster alerts
(VIP, accessibility, dietary…) sit on a white strip of their own, readable on every colour.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from checkin.domain.alerts import Alert
from checkin.domain.decision import Decision
from checkin.ui.desk import wording

# calm, high-contrast colours (background, text); every pair is at least 4.5:1 (tests/ui/test_contrast.py)
COLOURS = {
    "idle": ("#eef2f6", "#2b3a4a"),
    "ok": ("#1e7b3c", "#ffffff"),
    "warn": ("#f2b233", "#2d2000"),
    "error": ("#b3261e", "#ffffff"),
    "void": ("#5b6b7b", "#ffffff"),
}
MARKS = {"idle": "", "ok": "✔", "warn": "●", "error": "✖", "void": "↶"}
# label -> (largest point size, smallest point size); the fit shrinks all of them together
PRIMARY = ("headline", "name")
SIZES = {"headline": (30, 15), "name": (40, 15), "organisation": (20, 10), "category": (18, 10),
         "alerts": (16, 10), "detail": (17, 10), "checkpoint": (12, 9)}


class ResultPanel(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Scan result"))
        self.state = "idle"
        self.decision: Decision | None = None
        self.result_seconds = 4.0
        # the user's font size (system setting, QT_SCALE_FACTOR aside) scales the panel's type too
        app_font = QApplication.font()
        self.font_scale = max(0.8, min(1.6, (app_font.pointSizeF() or 9.0) / 9.0))  # 9 pt: the usual default
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)

        self.mark = QLabel()
        self.mark.setAccessibleName(self.tr("Result mark"))
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = self._label("headline", bold=True)
        self.name = self._label("name", bold=True)
        self.organisation = self._label("organisation")
        self.category = self._label("category", bold=True)
        self.alerts = self._label("alerts", bold=True)
        self.alerts.setObjectName("resultAlerts")
        self.detail = self._label("detail")
        self.checkpoint = self._label("checkpoint")
        self._labels = {"headline": self.headline, "name": self.name, "organisation": self.organisation,
                        "category": self.category, "alerts": self.alerts, "detail": self.detail,
                        "checkpoint": self.checkpoint}
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 14, 22, 14)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.mark)
        top.addWidget(self.headline, 1)
        layout.addLayout(top)
        for key in ("name", "organisation", "category", "alerts"):
            layout.addWidget(self._labels[key])
        layout.addStretch(1)
        layout.addWidget(self.detail)
        layout.addWidget(self.checkpoint)
        self.show_idle()

    def _label(self, key: str, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        font = label.font()
        font.setPointSize(SIZES[key][0])
        font.setBold(bold)
        label.setFont(font)
        return label

    def _paint(self, state: str) -> None:
        self.state = state
        bg, fg = COLOURS[state]
        self.setStyleSheet(f"#resultPanel {{ background: {bg}; border-radius: 14px; }}"
                           f" #resultPanel QLabel {{ color: {fg}; background: transparent; }}"
                           " #resultPanel QLabel#resultAlerts { color: #1b1b1b; background: #ffffff;"
                           " border-radius: 6px; padding: 4px 8px; }")

    def _set(self, mark: str = "", **texts: str) -> None:
        self.mark.setText(mark)
        self.mark.setVisible(bool(mark))
        for key, label in self._labels.items():
            text = texts.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
        self.setAccessibleDescription(" ".join(t for t in texts.values() if t))
        self.fit()

    def show_idle(self, hint: str = "") -> None:
        self._timer.stop()
        self.decision = None
        self._paint("idle")
        self._set(headline=self.tr("Ready to scan"),
                  organisation=hint or self.tr("Show the QR code to the camera, scan it with the handheld "
                                               "scanner, or press F2 to search by name."))

    def show_decision(self, decision: Decision, tz: ZoneInfo, checkpoint_label: str = "",
                      alerts: list[Alert] | None = None) -> None:
        """Replace whatever is shown (GUI thread)."""
        self.decision = decision
        severity = "void" if decision.result.value == "void" else decision.result.severity
        self._paint(severity)
        a = decision.attendee
        self._set(mark=MARKS[severity], headline=wording.headline_for(decision),
                  name=a.full_name if a else "",
                  organisation=a.organisation if a else "",
                  category=wording.category_label(a.category).upper() if a else "",
                  alerts="\n".join(f"{x.icon} {x.text}" for x in alerts or []),
                  detail=wording.reason_sentence(decision, tz),
                  checkpoint=self.tr("{checkpoint} · {time}").format(
                      checkpoint=checkpoint_label or decision.checkpoint.label,
                      time=wording.local_time(decision.device_time, tz)))
        self._restart_timer()

    def show_message(self, state: str, headline: str, detail: str) -> None:
        """A result that is not a scan decision (e.g. a scanner error) in the same place."""
        self.decision = None
        self._paint(state)
        self._set(mark=MARKS.get(state, ""), headline=headline, detail=detail)
        self._restart_timer()

    # ------------------------------------------------------------------ fitting
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Largest fonts with which every text fits the panel, whole words never broken (GUI thread)."""
        margins = self._layout.contentsMargins()
        width = max(120, self.width() - margins.left() - margins.right())
        height = max(80, self.height() - margins.top() - margins.bottom())
        shown = [k for k, label in self._labels.items() if label.text()]
        spacing = self._layout.spacing() * max(0, len(shown) - 1)
        scale = min(1.6, max(0.6, self.font_scale))
        for _step in range(24):
            total = spacing
            for key in shown:  # the name and the headline shrink last, and slower
                total += self._apply(key, min(scale * 1.35, max(scale, 1.0)) if key in PRIMARY else scale, width)
            if total <= height or scale <= 0.3:
                break
            scale *= 0.9
        self._layout.activate()

    def _apply(self, key: str, scale: float, width: int) -> int:
        """Set the label's font for `scale`; returns the height it then needs at `width`."""
        label = self._labels[key]
        largest, smallest = SIZES[key]
        size = max(smallest, round(largest * scale))
        font = label.font()
        text = label.text()
        pad = 16 if key == "alerts" else 0
        if key == "headline" and self.mark.text():
            mark_font = self.mark.font()
            mark_font.setPointSize(size)
            mark_font.setBold(True)
            self.mark.setFont(mark_font)
            pad = QFontMetrics(mark_font).horizontalAdvance(self.mark.text()) + 12
        while True:
            font.setPointSize(size)
            metrics = QFontMetrics(font)
            # Qt may break a double surname after its hyphen (not a cut), but never inside a word
            longest = max((metrics.horizontalAdvance(w) for w in text.replace("-", "- ").split()), default=0)
            if longest <= width - pad or size <= 6:
                break
            size -= 1  # a word wider than the panel would be broken or cut: shrink instead
        label.setFont(font)
        needed = metrics.boundingRect(0, 0, width - pad, 10_000, int(Qt.TextFlag.TextWordWrap), text).height()
        return needed + (8 if key == "alerts" else 0)

    def _restart_timer(self) -> None:
        if self.result_seconds > 0:
            self._timer.start(int(self.result_seconds * 1000))

    def dismiss(self) -> None:
        if self.state != "idle":
            self.show_idle()
            self.dismissed.emit()
