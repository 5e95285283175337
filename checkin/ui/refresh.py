# SPDX-License-Identifier: MIT
"""One path for "the data changed, re-read it": a signal that coalesces bursts.

Before, the dashboard was refreshed three ways (the desk's `scans_changed`, the main window after
sync or organiser edits, its own timer), and a sync round that pulled scans, roster and event
changes refreshed every view once per source. Now everything that changes local data calls
`notify(kind)`; the views listen to `changed`, which fires once per burst (at most every
`delay_ms`) with the union of the kinds. The dashboard's own timer stays: it is a cheap poll for
the clock-driven parts ("3 min ago"), not a data path.

Kinds: "scans" (this desk recorded or undid a check-in), the hub's feed kinds pulled by sync
("scan", "attendee", "event", …), "event" (organiser edits), "wipe".
GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class DataChanged(QObject):
    changed = Signal(object)  # frozenset[str]: the kinds that changed since the last emission

    def __init__(self, parent: QObject | None = None, delay_ms: int = 150) -> None:
        super().__init__(parent)
        self._kinds: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._emit)
        self.emitted = 0  # how many coalesced emissions so far (tests, diagnostics)

    def notify(self, *kinds: str) -> None:
        """GUI thread: something changed; views hear of it once the burst is over."""
        self._kinds.update(kinds or ("data",))
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Emit now what is pending (closing a window, tests)."""
        if self._kinds:
            self._timer.stop()
            self._emit()

    def _emit(self) -> None:
        kinds, self._kinds = frozenset(self._kinds), set()
        if kinds:
            self.emitted += 1
            self.changed.emit(kinds)
