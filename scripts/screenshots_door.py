# SPDX-License-Identifier: MIT
"""Screenshots of door mode for docs/screenshots (run under Xvfb), Polish by default.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots_door.py [--size 1024x600]

A fresh demo database; the RODO workshop (Sala Moniuszko) cut to two seats; the clock at 15:40 on
day 1. The door then goes through the workshop's story: in, in, full, out (the OUT key), in —
and the window is grabbed after each step (`door-<step>.png`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

DOROTA, JADWIGA, ELZBIETA = "KS2232408723", "KS2220822915", "KS2263298945"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="pl", choices=["pl", "en"])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="1024x600", help="window size, e.g. 800x480")
    parser.add_argument("--suffix", default="", help="added to file names, e.g. '-800x480'")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication
    from screenshots import Clock, demo_frame  # type: ignore[import-not-found]
    from sqlalchemy import text

    from checkin.app import build_context
    from checkin.services.event import resolve_checkpoint
    from checkin.storage.db import write_tx
    from checkin.ui.i18n import Translations
    from checkin.ui.main_window import MainWindow
    from checkin.ui.tasks import TaskManager

    app = QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="checkin-door-shots-"))
    clock = Clock(datetime(2022, 10, 19, 13, 40, tzinfo=UTC))  # 15:40 in Warsaw
    ctx = build_context(work / "door.sqlite3", "Drzwi Sala Moniuszko" if args.lang == "pl" else "Door Moniuszko",
                        clock=clock)
    with write_tx(ctx.engine) as conn:
        conn.execute(text("UPDATE session SET capacity = 2 WHERE code = 'D1-WS-RODO'"))
    ctx.checkin.reload()
    ctx.settings = replace(ctx.settings, camera=demo_frame(work / "camera"), result_seconds=600, sounds=False,
                           camera_mirror=False)
    translations = Translations()
    translations.install(args.lang)
    tasks = TaskManager(app)
    window = MainWindow(ctx, tasks, translations)
    window.setGeometry(0, 0, width, height)
    window.show()
    door = window.enter_door_mode(resolve_checkpoint(ctx.engine, ctx.event(), session_code="D1-WS-RODO"),
                                  fullscreen=False)
    window.setGeometry(0, 0, width, height)

    def settle(seconds: float = 0.8) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        tasks.wait(5000)
        app.processEvents()

    def until(condition: Any, timeout: float = 10.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise SystemExit("timed out waiting for the door")
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str) -> None:
        settle()
        path = out / f"door-{name}{args.suffix}.png"
        window.grab().save(str(path))
        print("wrote", path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)

    def scan(code: str, minutes: float = 1) -> None:
        clock.now += timedelta(minutes=minutes)
        shown = door.result.decision
        door.handle_code(code)
        until(lambda: door.result.decision is not None and door.result.decision is not shown)

    settle(2.0)
    shot("idle")
    scan(DOROTA)
    scan(JADWIGA)
    shot("in")
    scan(ELZBIETA)
    shot("full")
    door.flip_direction()  # F9, or the printed OUT card
    scan(DOROTA, minutes=20)
    shot("out")
    door.flip_direction()
    scan(ELZBIETA)
    shot("in-again")
    window.shutdown()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
