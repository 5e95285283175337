# SPDX-License-Identifier: MIT
"""Where this desk scans: a day's entrance or one session.

Defaults to the session running now, else today's entrance. On a day that is not an event day
(a rehearsal, the demo) nothing is preselected and the picker says so in amber: the volunteer
must choose, so a check-in is never recorded silently against the wrong day.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from checkin.domain.models import Checkpoint
from checkin.services.desk_queries import CheckpointChoices
from checkin.ui.desk.wording import local_time


class CheckpointPicker(QWidget):
    checkpoint_changed = Signal(object)  # Checkpoint | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setMinimumHeight(42)
        self.combo.setMinimumWidth(260)
        self.combo.setAccessibleName(self.tr("Checkpoint: day entrance or session"))
        font = self.combo.font()
        font.setPointSize(12)
        self.combo.setFont(font)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("background:#fff1c2; color:#4a3800; padding:6px 10px; border-radius:6px;")
        self.warning.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self.tr("Checkpoint (F5):"))
        row.addWidget(self.caption)
        row.addWidget(self.combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        self._checkpoints: list[Checkpoint | None] = []
        self.choices: CheckpointChoices | None = None
        self.combo.currentIndexChanged.connect(self._changed)

    @property
    def current(self) -> Checkpoint | None:
        i = self.combo.currentIndex()
        return self._checkpoints[i] if 0 <= i < len(self._checkpoints) else None

    def set_choices(self, choices: CheckpointChoices, preferred: Checkpoint | None = None) -> None:
        self.choices = choices
        event = choices.event
        tz = event.tz
        locale = QLocale()
        self.combo.blockSignals(True)
        self.combo.clear()
        self._checkpoints = []
        if not choices.today_is_event_day:
            self.combo.addItem(self.tr("— choose the day or session —"))
            self._checkpoints.append(None)
        for day in event.days:
            when = locale.toString(QDate(day.date), "dddd d MMMM")
            self.combo.addItem(self.tr("Entrance · {day}").format(day=f"{when} ({day.label})" if day.label else when))
            self._checkpoints.append(Checkpoint(day.date))
            for s in choices.sessions:
                if s.day != day.date:
                    continue
                span = ""
                if s.starts_at and s.ends_at:
                    span = f"{local_time(s.starts_at, tz)}–{local_time(s.ends_at, tz)} "
                self.combo.addItem(f"    {span}{s.code} · {s.title}")
                self._checkpoints.append(Checkpoint(s.day, s))
        target = preferred or choices.default
        index = 0
        if target is not None:
            for i, cp in enumerate(self._checkpoints):
                if cp is not None and cp.key == target.key:
                    index = i
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
        self._update_warning()
        self.checkpoint_changed.emit(self.current)

    def select_key(self, key: str) -> bool:
        for i, cp in enumerate(self._checkpoints):
            if cp is not None and cp.key == key:
                self.combo.setCurrentIndex(i)
                return True
        return False

    def _changed(self, _index: int) -> None:
        self._update_warning()
        self.checkpoint_changed.emit(self.current)

    def _update_warning(self) -> None:
        c = self.choices
        if c is None:
            return
        today = QLocale().toString(QDate(c.today), QLocale.FormatType.LongFormat)
        if not c.today_is_event_day and self.current is None:
            self.warning.setText(self.tr("Today ({today}) is not a day of this event. Choose the day or "
                                         "session you are checking in for before scanning.").format(today=today))
            self.warning.show()
        elif self.current is not None and self.current.day != c.today:
            day = QLocale().toString(QDate(self.current.day), QLocale.FormatType.LongFormat)
            self.warning.setText(self.tr("Recording check-ins for {day}, not for today ({today}).")
                                 .format(day=day, today=today))
            self.warning.show()
        else:
            self.warning.hide()
