# SPDX-License-Identifier: MIT
"""The IN / OUT switch, shared by door mode (big) and the reception desk (compact, in its header).

Two checkable buttons that never take the keyboard focus, so a handheld scanner's Enter can never
press one by accident. Who flips it (a key, the printed OUT card, a click) is the owner's business;
the switch only shows and reports the direction. With `auto` neither button is lit: the service
decides per person (see `CheckInService.scan(direction=None)`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from checkin.domain.results import Direction

_BASE = "QPushButton { background:#dfe7ee; color:#24384d; border-radius:%dpx; font-weight:bold; padding:2px 10px; }"
IN_STYLE = _BASE + " QPushButton:checked { background:#1e7b3c; color:white; }"
OUT_STYLE = _BASE + " QPushButton:checked { background:#1d5fa8; color:white; }"


class DirectionSwitch(QWidget):
    changed = Signal(object)  # Direction, after a click

    def __init__(self, compact: bool = False, vertical: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.direction = Direction.IN
        self.auto = False
        self.in_button = QPushButton(self.tr("IN"))
        self.out_button = QPushButton(self.tr("OUT"))
        self.in_button.setAccessibleName(self.tr("Scan people in"))
        self.out_button.setAccessibleName(self.tr("Scan people out"))
        layout: QBoxLayout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4 if compact else 8)
        radius = 6 if compact else 12
        for button, style, direction in ((self.in_button, IN_STYLE, Direction.IN),
                                         (self.out_button, OUT_STYLE, Direction.OUT)):
            button.setCheckable(True)
            button.setStyleSheet(style % radius)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if not compact:
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _c=False, d=direction: self._clicked(d))
            layout.addWidget(button)
        self.show_state(Direction.IN)

    def _clicked(self, direction: Direction) -> None:
        self.show_state(direction)
        self.changed.emit(direction)

    def show_state(self, direction: Direction, auto: bool = False) -> None:
        self.direction, self.auto = direction, auto
        self.in_button.setChecked(not auto and direction is Direction.IN)
        self.out_button.setChecked(not auto and direction is Direction.OUT)

    def flip(self) -> Direction:
        """IN <-> OUT (from auto: OUT)."""
        self.show_state(Direction.IN if self.direction is Direction.OUT and not self.auto else Direction.OUT)
        return self.direction
