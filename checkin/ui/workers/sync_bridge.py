# SPDX-License-Identifier: MIT
"""Sync state for the status bar, always visible: online / offline / local only, pending count.

`checkin.sync.SyncWorker` runs on its own thread and reports through plain callbacks; this bridge
re-emits them as Qt signals on the GUI thread (`CallbackBridge`). Without a hub (or while the sync
package is not installed) the bridge still reports "local only" with the outbox count, read on the
pool every few seconds, so volunteers always see how much has not left this desk.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from checkin.app import AppContext
from checkin.config import load_settings
from checkin.services.desk_queries import pending_outbox
from checkin.ui.bridge import CallbackBridge
from checkin.ui.tasks import TaskManager


@dataclass(frozen=True, slots=True)
class SyncView:
    """What the status bar shows; built from the sync package's status or from the outbox alone."""

    mode: str  # "local" | "online" | "offline" | "connecting" | "starting"
    pending: int
    last_success: datetime | None = None
    last_error: str = ""
    lag_seconds: float | None = None  # other desks' newest check-in: hub receive time minus its own
    clock_offset_seconds: float | None = None  # the hub's clock minus this computer's
    clock_warning: bool = False
    live: bool = False  # the hub's change notifications reach this desk
    stale: bool = False  # the roster and scans here are older than the organiser's limit
    since_pull_seconds: float | None = None
    held: tuple[tuple[str, str, str], ...] = ()  # (kind, id, reason) refused by the hub for good
    unencrypted: bool = False  # a hub on another computer reached without TLS (--insecure-hub)

    @classmethod
    def from_status(cls, status: Any) -> SyncView:
        """From a `checkin.sync.status.SyncStatus` (duck-typed, so the UI needs no sync import)."""
        held = tuple((str(h.kind), str(h.ref_id), str(h.reason)) for h in getattr(status, "held", ()) or ())
        return cls(str(getattr(status, "state", "") or ("online" if getattr(status, "online", False) else "offline")),
                   int(getattr(status, "pending", 0) or 0), getattr(status, "last_success", None),
                   str(getattr(status, "last_error", "") or ""), getattr(status, "lag_seconds", None),
                   getattr(status, "clock_offset_seconds", None), bool(getattr(status, "clock_warning", False)),
                   bool(getattr(status, "live", False)), bool(getattr(status, "stale", False)),
                   getattr(status, "since_pull_seconds", None), held,
                   bool(getattr(status, "unencrypted", False)))


class SyncBridge(QObject):
    status_changed = Signal(object)  # SyncView
    changes_arrived = Signal(object)  # whatever the sync worker reports (ids of changed rows)

    def __init__(self, ctx: AppContext, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.worker: Any = None
        self.hub_in_use = ""
        self.problem = ""
        self._status_bridge = CallbackBridge(self)
        self._changes_bridge = CallbackBridge(self)
        self._status_bridge.fired.connect(self._on_status)
        self._changes_bridge.fired.connect(self.changes_arrived.emit)
        self._timer = QTimer(self)
        self._timer.setInterval(5000)
        self._timer.timeout.connect(self.refresh)
        self.last = SyncView("local", 0)

    def start(self) -> None:
        # the remembered hub as stored now (`checkin sync --hub` or the settings page may have changed
        # it); only the hub is re-read: one-off choices in ctx.settings (--camera) stay as they are
        hub = load_settings(self.ctx.engine).hub_url
        self.ctx.use_settings(replace(self.ctx.settings, hub_url=hub))
        self.hub_in_use = hub
        self.problem = ""
        if hub:
            try:
                from checkin.sync.worker import SyncWorker
            except ImportError as exc:
                self.problem = f"sync not installed ({exc})"
            else:
                try:
                    self.worker = SyncWorker(self.ctx.engine, hub, on_status=self._status_bridge.callback(),
                                             on_changes=self._changes_bridge.callback())
                    self.worker.start()
                except Exception as exc:  # a bad hub URL must not stop the desk from scanning
                    self.problem = str(exc)
                    self.worker = None
        self._timer.start()
        self.refresh()

    def stop(self) -> None:
        self._timer.stop()
        if self.worker is not None:
            try:
                self.worker.stop()
            finally:
                self.worker = None

    def sync_now(self) -> None:
        if self.worker is not None:
            self.worker.sync_now()
        self.refresh()

    def refresh(self) -> None:
        """Re-read the pending count (pool thread) when no sync worker reports it."""
        if self.worker is not None and self.last.mode != "starting":
            return
        engine = self.ctx.engine
        self.tasks.run(lambda _t: pending_outbox(engine)).success(self._on_pending)

    def _on_pending(self, pending: int) -> None:
        mode = "offline" if self.ctx.settings.hub_url else "local"
        self._emit(SyncView(mode, int(pending), last_error=self.problem))

    def _on_status(self, status: Any) -> None:
        """GUI thread: a SyncStatus from the worker."""
        self._emit(SyncView.from_status(status))

    def _emit(self, view: SyncView) -> None:
        self.last = view
        self.status_changed.emit(view)
