# SPDX-License-Identifier: MIT
"""A handheld (keyboard-wedge) scanner works wherever the focus is.

An application-wide event filter feeds every plain key press to `HidAssembler`, which only turns
*fast bursts* (keys < 50 ms apart, ending in Enter or a pause) into codes. What happens to the keys:
- focus in a text field (search box, a dialog): the keys are typed normally, so a human is never
  interrupted; when a burst turns out to be a code, the code is taken back out of the field and
  its Enter is swallowed (so it cannot also press a default button);
- focus anywhere else: printable keys are swallowed (there is nothing to type into), and Enter only
  when it ends a burst, so Enter on a focused button still works for a person.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from checkin.scanner.hid import HidAssembler

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def _is_text_input(widget: QObject | None) -> bool:
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()


class HidFilter(QObject):
    code_scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, inter_key_timeout_s: float = 0.05,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.assembler = HidAssembler(inter_key_timeout_s=inter_key_timeout_s, min_length=4, clock=clock)
        self.enabled = True
        self._typed_into: QObject | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(20)
        self._poll.timeout.connect(self._on_poll)
        self._poll.start()

    def install(self) -> None:
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._poll.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled or event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        # one key press visits the filter once per receiver (window, focus widget, its parents):
        # handle it only where it is delivered first to a widget, the focus widget (or a top level)
        focus = QApplication.focusWidget()
        target = focus if focus is not None else QApplication.activeWindow()
        if target is None:
            target = watched if isinstance(watched, QWidget) and watched.isWindow() else None
        if watched is not target:
            return False
        if event.modifiers() & _MODIFIERS:
            return False
        in_text = _is_text_input(focus)
        if event.key() in _ENTER:
            had_burst = bool(self.assembler.pending)
            code = self.assembler.feed("\n")
            if code:
                self._deliver(code, focus if in_text else None)
                return True
            return had_burst and not in_text
        text = event.text()
        if not text or not text.isprintable():
            return False
        code = self.assembler.feed(text)  # completes an earlier un-Entered burst after a pause
        if code:
            self._deliver(code, self._typed_into)
        self._typed_into = focus if in_text else None
        return not in_text

    def _on_poll(self) -> None:
        code = self.assembler.poll()
        if code:
            self._deliver(code, self._typed_into)

    def _deliver(self, code: str, field: QObject | None) -> None:
        if isinstance(field, QLineEdit) and field.text().endswith(code):
            field.setText(field.text()[: -len(code)])
        self._typed_into = None
        self.code_scanned.emit(code)
