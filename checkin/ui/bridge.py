# SPDX-License-Identifier: MIT
"""Core code reports with plain callbacks from its own threads; widgets need Qt signals.

`CallbackBridge` hands out a callable that any thread may call; the value arrives on the GUI thread
as the `fired` signal (a queued connection, because the bridge object lives on the GUI thread).
This keeps `checkin.sync`, `checkin.scanner` and friends free of Qt, as the design requires.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class CallbackBridge(QObject):
    fired = Signal(object)

    def callback(self) -> Callable[[Any], None]:
        """A plain function for core code; safe to call from any thread."""

        def emit(value: Any = None) -> None:
            self.fired.emit(value)

        return emit
