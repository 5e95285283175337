# SPDX-License-Identifier: MIT
"""The strip at the bottom: sync state and pending count (always), camera/decoder, sound output."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from checkin.ui.desk.wording import local_time
from checkin.ui.workers.sync_bridge import SyncView

STYLES = {
    "online": "background:#d8f0df; color:#14532d;",
    "offline": "background:#fde2c8; color:#7a3b00;",
    "local": "background:#e3e8ee; color:#2b3a4a;",
    "starting": "background:#e3e8ee; color:#2b3a4a;",
    "connecting": "background:#e3e8ee; color:#2b3a4a;",
}
STALE_STYLE = "background:#ffd966; color:#5c3d00; font-weight:bold;"  # amber: the list here is old


class DeskStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = ZoneInfo("UTC")
        self.sync = QLabel()
        self.sync.setObjectName("syncState")
        self.scanner = QLabel()
        self.sound = QLabel()
        self.addPermanentWidget(self.scanner)
        self.addPermanentWidget(self.sound)
        self.addPermanentWidget(self.sync)
        self.show_sync(SyncView("starting", 0))

    def show_sync(self, view: SyncView) -> None:
        """Offline / connecting / online, what waits, and (amber) a list older than the limit.
        Warnings come right after the state, so a narrow window cuts the routine part, not them."""
        alerts = []
        if view.stale and view.mode != "local":
            alerts.append(self.tr("list not updated for {min} min").format(min=round(view.since_pull_seconds / 60))
                          if view.since_pull_seconds is not None else self.tr("list not updated yet"))
        if view.held:
            alerts.append(self.tr("{n} held back").format(n=len(view.held)))
        if view.unencrypted and view.mode != "local":
            alerts.append(self.tr("unencrypted"))
        if view.clock_warning and view.clock_offset_seconds is not None:
            alerts.append(self.tr("clock off by {s} s").format(s=f"{view.clock_offset_seconds:+.0f}"))
        if view.mode == "online":
            text = self.tr("Online · {n} waiting to send").format(n=view.pending)
            if view.last_success is not None and not alerts:
                text += " · " + self.tr("last sync {time}").format(time=local_time(view.last_success, self.tz))
        elif view.mode == "offline":
            text = self.tr("Offline · {n} waiting to send (scanning continues)").format(n=view.pending)
        elif view.mode == "local":
            text = self.tr("Local only (no venue database) · {n} not synced").format(n=view.pending)
        elif view.mode == "connecting":
            text = self.tr("Connecting to the venue database…")
        else:
            text = self.tr("Sync starting…")
        if alerts:
            state, sep, rest = text.partition(" · ")
            text = " · ".join([state, *alerts]) + (sep + rest if rest else "")
        self.sync.setText(f"  {text}  ")
        style = STALE_STYLE if view.stale and view.mode != "local" else STYLES.get(view.mode, "")
        self.sync.setStyleSheet(style + " padding:3px 8px; border-radius:4px;")
        self.sync.setProperty("stale", view.stale)
        self.sync.setToolTip(self._details(view))

    def _details(self, view: SyncView) -> str:
        lines = []
        if view.last_success is not None:
            lines.append(self.tr("last sync {time}").format(time=local_time(view.last_success, self.tz)))
        if view.mode in ("online", "offline", "connecting"):
            lines.append(self.tr("Live updates: on") if view.live else self.tr("Live updates: off"))
        if view.lag_seconds is not None:
            lines.append(self.tr("Delay of other desks' check-ins: {s} s").format(s=f"{view.lag_seconds:.1f}"))
        if view.clock_offset_seconds is not None:
            lines.append(self.tr("Clock difference to the venue database: {s} s").format(
                s=f"{view.clock_offset_seconds:+.1f}"))
        if view.last_error:
            lines.append(self.tr("Last error: {error}").format(error=view.last_error))
        lines += [f"{kind} {ident[:8]}: {reason}" for kind, ident, reason in view.held[:5]]
        return "\n".join(lines)

    def show_scanner(self, text: str) -> None:
        self.scanner.setText(text)

    def show_sound(self, backend: str, enabled: bool) -> None:
        if not enabled:
            self.sound.setText(self.tr("Sounds off"))
        elif backend == "beep":
            self.sound.setText(self.tr("No sound player: system beep for errors only"))
        else:
            self.sound.setText(self.tr("Sound: {backend}").format(backend=backend))
