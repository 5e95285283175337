# SPDX-License-Identifier: MIT
"""A distinct, non-blocking sound per outcome.

QSoundEffect lives in QtMultimedia, which PySide6-Essentials does not ship. So the player picks,
once, the best thing this machine has: QtMultimedia when the full PySide6 is installed, `winsound`
(stdlib, asynchronous) on Windows, `afplay` on macOS, `paplay`/`pw-play`/`aplay` on Linux, and
otherwise a system beep for errors only. `backend` says which, so the settings can show it.
Nothing here ever waits for a sound to finish: a queue of scans must never slow down.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from checkin.domain.results import ScanResult
from checkin.resources import resources_root

OUTCOMES = ("accepted", "duplicate", "rejected", "void", "flagged")



def outcome_for(result: ScanResult) -> str:
    """The sound a decision makes (desk, door and kiosk alike): green, amber, red, or the undo."""
    if result is ScanResult.VOID:
        return "void"
    return {"ok": "accepted", "warn": "duplicate"}.get(result.severity, "rejected")


class SoundPlayer:
    def __init__(self, enabled: bool = True, sounds_dir: Path | None = None) -> None:
        self.enabled = enabled
        self.dir = sounds_dir or resources_root() / "sounds"
        self._effects: dict[str, Any] = {}
        self._command: list[str] | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self.backend = self._choose_backend()
        self.played: list[str] = []  # what was asked for, newest last (tests and diagnostics)

    def _choose_backend(self) -> str:
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            pass
        else:
            for name in OUTCOMES:
                effect = QSoundEffect()
                effect.setSource(QUrl.fromLocalFile(str(self.dir / f"{name}.wav")))
                self._effects[name] = effect
            return "qtmultimedia"
        if sys.platform == "win32":
            return "winsound"
        for tool, args in (("afplay", []), ("paplay", []), ("pw-play", []), ("aplay", ["-q"])):
            path = shutil.which(tool)
            if path:
                self._command = [path, *args]
                return tool
        return "beep"

    def play(self, outcome: str) -> None:
        """Start the outcome's sound and return at once (GUI thread)."""
        if not self.enabled or outcome not in OUTCOMES:
            return
        self.played.append(outcome)
        del self.played[:-20]
        path = self.dir / f"{outcome}.wav"
        if self.backend == "qtmultimedia":
            self._effects[outcome].play()
        elif self.backend == "winsound":
            import winsound  # type: ignore[import-not-found,unused-ignore]

            winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)  # type: ignore[attr-defined,unused-ignore]
        elif self._command is not None:
            if self._proc is not None and self._proc.poll() is None:
                self._proc.kill()  # a new result replaces the old one, its sound too
            try:
                self._proc = subprocess.Popen([*self._command, str(path)], stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL)
            except OSError:
                self._command = None
                self.backend = "beep"
        if self.backend == "beep" and outcome in ("rejected", "duplicate"):
            from PySide6.QtWidgets import QApplication

            QApplication.beep()
