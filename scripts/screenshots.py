# SPDX-License-Identifier: MIT
"""Screenshots of the real desk app (1366x768, or a 1024x600 netbook) for docs/screenshots (Xvfb).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py [--lang pl|en]
        [--size 1024x600 --suffix=-1024x600] [--out docs/screenshots]

Builds a fresh demo database, freezes the clock at 09:12 on day 1 (Warsaw), drives the desk the
way a volunteer would (a handheld scan, the same person again, a forged code, a search, a
walk-in whose badge printer is missing) and grabs the whole X screen with ImageMagick's `import`
after each step, so dialogs are in the picture too (falls back to QWidget.grab() without `import`).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def demo_frame(folder: Path) -> str:
    """A camera-like frame without a code (the idle preview)."""
    import cv2
    import numpy as np

    h, w = 720, 1280
    ramp = np.linspace(70, 150, w, dtype=np.uint8)
    image = np.dstack([np.tile(ramp, (h, 1))] * 3).copy()
    cv2.rectangle(image, (430, 170), (850, 560), (205, 210, 215), -1)
    cv2.putText(image, "demo camera", (500, 380), cv2.FONT_HERSHEY_SIMPLEX, 1.6, (90, 90, 90), 3)
    folder.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(folder / "frame.png"), image)
    return f"folder:{folder}"


def forged_ticket(ctx: Any) -> str:
    """A genuine signed ticket of the demo with one signature character changed."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from checkin.storage.attendees import search
    from checkin.tickets.issue import ticket_text
    from checkin.tickets.keys import register_public_key

    key = Ed25519PrivateKey.generate()
    event = ctx.event()
    register_public_key(ctx.engine, event.id, key)
    ctx.checkin.reload()
    with ctx.engine.connect() as conn:
        grzegorz = search(conn, event.id, "grzegorz brzeczyszczykiewicz", limit=1)[0]
    text = ticket_text(key, event.id, grzegorz)
    return text[:-5] + ("A" if text[-5] != "A" else "B") + text[-4:]


def long_name(ctx: Any) -> None:
    """The longest name and office of a real list, with roster notes (a VIP who needs a wheelchair space)."""
    from checkin.services.registration import correct_attendee
    from checkin.storage.attendees import search

    with ctx.engine.connect() as conn:
        person = search(conn, ctx.event().id, "malgorzata brzeczyszczykiewicz wojcik", limit=1)[0]
    correct_attendee(ctx.engine, ctx.desk, person.id, person.version, last_name="Wójcik-Jabłońska-Szczebrzeszyńska",
                     organisation="Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach",
                     notes="VIP: gość Marszałka\nDostępność: wózek, miejsce w 1. rzędzie")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="pl", choices=["pl", "en"])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--suffix", default="", help="added to file names, e.g. '-en'")
    parser.add_argument("--size", default="1366x768", help="window size, e.g. 1024x600 (a netbook desk)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from checkin.app import build_context
    from checkin.ui.i18n import Translations
    from checkin.ui.main_window import MainWindow
    from checkin.ui.tasks import TaskManager

    app = QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="checkin-shots-"))
    clock = Clock(datetime(2022, 10, 19, 7, 12, tzinfo=UTC))
    ctx = build_context(work / "desk.sqlite3", "Stanowisko 1" if args.lang == "pl" else "Desk 1", "Ania",
                        clock=clock)
    ctx.settings = replace(ctx.settings, camera=demo_frame(work / "camera"), result_seconds=600, sounds=False,
                           camera_mirror=False)
    translations = Translations()
    translations.install(args.lang)
    tasks = TaskManager(app)
    window = MainWindow(ctx, tasks, translations)
    window.setGeometry(0, 0, width, height)
    window.show()
    desk = window.desk
    use_import = shutil.which("import") is not None

    def settle(seconds: float = 0.8) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        tasks.wait(5000)
        app.processEvents()

    def shot(name: str) -> None:
        settle()
        path = out / f"desk-{name}{args.suffix}.png"
        if use_import:
            subprocess.run(["import", "-window", "root", str(path)], check=True)
        else:
            window.grab().save(str(path))
        print("wrote", path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)

    def until(condition: Any, timeout: float = 10.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise SystemExit("timed out waiting for the desk")
            app.processEvents()
            time.sleep(0.02)

    settle(2.0)
    shot("idle")
    long_name(ctx)
    desk.handle_code("KS2214983908")  # Łukasz Żółć-Ślęzak's ticket number, from the handheld scanner
    until(lambda: desk.result.state == "ok")
    desk.handle_code("KS2268568307")  # Małgorzata, a speaker with roster notes
    until(lambda: desk.result.decision is not None and desk.result.decision.attendee is not None
          and desk.result.decision.attendee.first_name == "Małgorzata")
    shot("accepted")
    clock.now = datetime(2022, 10, 19, 7, 40, tzinfo=UTC)
    desk.handle_code("KS2268568307")
    until(lambda: desk.result.state == "warn")
    shot("duplicate")
    desk.handle_code(forged_ticket(ctx))
    until(lambda: desk.result.state == "error")
    shot("rejected")
    desk.open_search("brzeczyszczykiewicz")
    until(lambda: bool(desk.search.results))
    shot("search")
    desk.show_camera_page()
    desk.open_walk_in()
    dialog = desk.dialog
    assert dialog is not None
    dialog.fields["first_name"].setText("Zdzisław")
    dialog.fields["last_name"].setText("Chrząszczewski")
    dialog.fields["organisation"].setText("Urząd Gminy Brzęczyszczykiewice")
    dialog.fields["email"].setText("z.chrzaszczewski@example.gov.pl")
    shot("walk-in")
    ctx.settings = replace(ctx.settings, printer="Brother QL-820NWB (szatnia)")
    dialog.print_badge.setChecked(True)
    dialog._submit()
    until(lambda: desk.print_notice.state == "failed", timeout=30)
    shot("print-failed")
    window.shutdown()
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
