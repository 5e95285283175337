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
}


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
        if view.mode == "online":
            text = self.tr("Online · {n} waiting to send").format(n=view.pending)
            if view.last_success is not None:
                text += " · " + self.tr("last sync {time}").format(time=local_time(view.last_success, self.tz))
        elif view.mode == "offline":
            text = self.tr("Offline · {n} waiting to send (scanning continues)").format(n=view.pending)
        elif view.mode == "local":
            text = self.tr("Local only (no venue database) · {n} not synced").format(n=view.pending)
        else:
            text = self.tr("Sync starting…")
        if view.unencrypted:
            text += " · " + self.tr("unencrypted")
        self.sync.setText(f"  {text}  ")
        self.sync.setStyleSheet(STYLES.get(view.mode, "") + " padding:3px 8px; border-radius:4px;")
        self.sync.setToolTip(view.last_error)

    def show_scanner(self, text: str) -> None:
        self.scanner.setText(text)

    def show_sound(self, backend: str, enabled: bool) -> None:
        if not enabled:
            self.sound.setText(self.tr("Sounds off"))
        elif backend == "beep":
            self.sound.setText(self.tr("No sound player: system beep for errors only"))
        else:
            self.sound.setText(self.tr("Sound: {backend}").format(backend=backend))
