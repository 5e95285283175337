# SPDX-License-Identifier: MIT
"""Screenshots of the self check-in kiosk in Polish for docs/screenshots (run under Xvfb).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots_kiosk.py --size 1366x768
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots_kiosk.py --size 1920x1080

Builds a fresh demo database (the typed look-up switched on, a demo camera, a rehearsal for the
last picture), freezes the clock at 09:12 on day 1 and takes kiosk-<size>-<step>.png: the welcome
screen, a guest's welcome, "please go to the desk", and the welcome during a rehearsal.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="pl", choices=["pl", "en"])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication
    from screenshots import Clock, demo_frame

    from checkin.app import build_context
    from checkin.config import set_organiser_password, update_settings
    from checkin.services.registration import correct_attendee
    from checkin.services.rehearsal import start_local
    from checkin.storage.attendees import search
    from checkin.storage.db import write_tx
    from checkin.storage.events import load_event, save_event
    from checkin.ui.kiosk.kiosk_window import KioskWindow
    from checkin.ui.sounds import SoundPlayer
    from checkin.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="checkin-kiosk-shots-"))
    clock = Clock(datetime(2022, 10, 19, 7, 12, tzinfo=UTC))
    ctx = build_context(tmp / "kiosk.sqlite3", "Kiosk 1", "kiosk", clock=clock)
    set_organiser_password(ctx.engine, "kongres2022")
    with write_tx(ctx.engine) as conn:
        event = load_event(conn)
        save_event(conn, replace(event, settings={**event.settings, "kiosk_lookup": "booking_code,phone"}))
    ctx.settings = update_settings(ctx.engine, camera=demo_frame(tmp / "camera"), printer=f"pdf:{tmp / 'printer'}",
                                   sounds=False, kiosk_idle_seconds=600)
    event = ctx.event()
    with ctx.engine.connect() as conn:
        guest = search(conn, event.id, "lukasz zolc", limit=1)
        other = search(conn, event.id, "grzegorz", limit=1)[0]
    guest_code = guest[0].external_code
    correct_attendee(ctx.engine, ctx.desk, other.id, other.version, status="cancelled")
    tasks = TaskManager(app)
    player = SoundPlayer(False)

    def settle(ms: int = 1200) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(window: KioskWindow, name: str) -> None:
        settle()
        path = out / f"kiosk-{width}x{height}-{name}.png"
        window.grab().save(str(path))
        print(path)

    window = KioskWindow(ctx, tasks, args.lang, sounds=player)
    window.setFixedSize(width, height)
    window.show()
    settle(2500)
    shoot(window, "welcome")
    window.handle_code(guest_code)
    shoot(window, "welcome-guest")
    window.show_welcome()
    window.handle_code(other.external_code)
    shoot(window, "go-to-desk")
    window.show_welcome()
    start_local(ctx.engine, "Biuro organizatora")
    window.refresh_rehearsal()
    shoot(window, "rehearsal")
    window.unlocked = True
    window.close()
    tasks.wait(10_000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
