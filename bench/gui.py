# SPDX-License-Identifier: MIT
"""Desk app performance: cold start, GUI-thread stalls while decoding video, memory at 20,000 attendees.

    .venv/bin/python bench/gui.py            # offscreen unless DISPLAY is set

1. Cold start to ready-to-scan: wall time from spawning `python -m checkin` to the first idle
   event loop with the desk shown (`CHECKIN_EXIT_WHEN_READY`), on an existing demo database;
   the very first start (which also installs the demo) is reported separately. Target < 2 s.
2. Longest GUI-thread stall while the camera worker reads a 1280x720 MJPEG video at 30 frames/s
   and decodes every frame, with tickets in view being checked in: a 5 ms QTimer heartbeat on the
   GUI thread records the largest gap between beats. Target < 50 ms.
3. Memory (peak RSS, `resource`) of the desk process with 20,000 attendees after start-up, a
   search and 50 check-ins. Target < 300 MB.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PY = sys.executable


def env() -> dict[str, str]:
    e = dict(os.environ)
    if not e.get("DISPLAY"):
        e["QT_QPA_PLATFORM"] = "offscreen"
    return e


def cold_start(work: Path) -> None:
    db = work / "cold.sqlite3"
    times, cpu = [], []
    for run in range(4):
        e = env()
        e["CHECKIN_EXIT_WHEN_READY"] = "1"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.time()
        out = subprocess.run([PY, "-m", "checkin", "--db", str(db), "--desk", "Bench", "--camera", ""],
                             env=e, capture_output=True, text=True, timeout=120, cwd=ROOT)
        line = next((x for x in out.stdout.splitlines() if x.startswith("ready ")), None)
        if line is None:
            raise SystemExit(f"app did not report ready: {out.stderr[-800:]}")
        elapsed = float(line.split()[1]) - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)  # whole process, to exit
        if run == 0:
            print(f"cold start, first run (creates the database, installs the demo): {elapsed:.2f} s wall")
        else:
            times.append(elapsed)
            cpu.append(used)
    load = os.getloadavg()[0]
    print(f"cold start to ready-to-scan, existing database: median {statistics.median(times):.2f} s wall, "
          f"max {max(times):.2f} s over {len(times)} runs (target < 2 s); CPU time of the whole process "
          f"(start to exit) median {statistics.median(cpu):.2f} s; load average {load:.1f} on "
          f"{os.cpu_count()} cores")


def make_video(path: Path, codes: list[str], frames: int = 300) -> None:
    import cv2
    import numpy as np

    from checkin.tickets.qr import qr_array

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30, (1280, 720))
    rng = np.random.default_rng(1)
    base = rng.integers(60, 180, (720, 1280, 3), dtype=np.uint8)
    for i in range(frames):
        frame = base.copy()
        code = codes[(i // 45) % len(codes)]
        if (i // 15) % 3 != 2:  # a ticket in view two thirds of the time
            qr = qr_array(code, box_size=9, border=4)
            qr = cv2.cvtColor(qr, cv2.COLOR_GRAY2BGR) if qr.ndim == 2 else qr
            h, w = qr.shape[:2]
            y, x = 200 + (i % 20), 480 + (i % 30)
            frame[y:y + h, x:x + w] = qr
        writer.write(frame)
    writer.release()


def stall(work: Path) -> None:
    from dataclasses import replace
    from datetime import UTC, datetime

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from checkin.app import build_context
    from checkin.storage.attendees import search
    from checkin.ui.i18n import Translations
    from checkin.ui.main_window import MainWindow
    from checkin.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    ctx = build_context(work / "stall.sqlite3", "Bench", clock=lambda: datetime(2022, 10, 19, 7, 12, tzinfo=UTC))
    with ctx.engine.connect() as conn:
        codes = [a.external_code for a in search(conn, ctx.event().id, "", limit=8) if a.external_code]
    video = work / "desk.avi"
    make_video(video, codes)
    ctx.settings = replace(ctx.settings, camera="", sounds=False)
    translations = Translations()
    translations.install("en")
    tasks = TaskManager(app)
    window = MainWindow(ctx, tasks, translations)
    window.resize(1366, 768)
    window.show()
    from PySide6.QtCore import QEventLoop

    def run_loop(ms: int, stop_when: object = None) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        if stop_when is not None:
            check = QTimer()
            check.setInterval(50)
            check.timeout.connect(lambda: loop.quit() if stop_when() else None)  # type: ignore[operator]
            check.start()
        loop.exec()

    run_loop(1500)
    desk = window.desk
    shown: list[str] = []
    desk.decision_shown.connect(lambda d: shown.append(d.result.value))
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def beat() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    run_loop(3000)  # baseline: the same heartbeat with the camera off (what the machine's load costs)
    idle_gaps = sorted(gaps[5:])
    gaps.clear()
    last[0] = clock.nsecsElapsed()
    desk.camera_loop = False
    desk.start_camera(f"video:{video}")
    worker = desk.camera.worker
    assert worker is not None
    run_loop(30_000, lambda: not desk.camera.running)
    heartbeat.stop()
    frames, decodes, decode_max = worker.frames, worker.decodes, worker.decode_ms_max
    window.shutdown()
    gaps = gaps[5:]
    gaps.sort()
    p99 = gaps[int(len(gaps) * 0.99)]
    print(f"GUI-thread stall while decoding {frames} frames of 1280x720 MJPEG at 30 fps ({decodes} decoded, "
          f"slowest decode {decode_max:.1f} ms on the camera thread, {len(shown)} results shown): "
          f"longest gap between 5 ms heartbeats {gaps[-1]:.1f} ms, p99 {p99:.1f} ms, median "
          f"{statistics.median(gaps):.1f} ms (target < 50 ms); same heartbeat with the camera off: longest "
          f"{idle_gaps[-1]:.1f} ms, p99 {idle_gaps[int(len(idle_gaps) * 0.99)]:.1f} ms")


def make_big_roster(path: Path, n: int = 20_000) -> None:
    import uuid
    from datetime import UTC, datetime

    from checkin.app import build_context
    from checkin.domain.models import Attendee
    from checkin.storage import tables as t
    from checkin.storage.attendees import attendee_values
    from checkin.storage.db import write_tx

    ctx = build_context(path, "Bench")
    event_id = ctx.event().id
    firsts = ["Łukasz", "Małgorzata", "Grzegorz", "Źdźisława", "Anna", "Piotr", "Katarzyna", "Wojciech"]
    lasts = ["Żółć", "Brzęczyszczykiewicz", "Ćwiąkalska", "Kowalski", "Nowak", "Wiśniewska", "Łęcka", "Dąbrowski"]
    rows = []
    now = datetime.now(UTC)
    for i in range(n):
        a = Attendee(id=str(uuid.uuid4()), event_id=event_id, first_name=firsts[i % 8],
                     last_name=f"{lasts[(i // 8) % 8]}-{i}", organisation=f"Urząd Gminy nr {i % 2400}",
                     external_code=f"BENCH{i:06d}", ticket_id=uuid.uuid4().hex)
        rows.append({"id": a.id, "updated_at": now, **attendee_values(a)})
    with write_tx(ctx.engine) as conn:
        conn.execute(t.attendee.insert(), rows)
    ctx.engine.dispose()


def memory_child(db: str) -> None:
    """Runs in a fresh process: the desk with 20,000 attendees, a search and 50 check-ins."""
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QApplication

    from checkin.app import build_context
    from checkin.ui.i18n import Translations
    from checkin.ui.main_window import MainWindow
    from checkin.ui.tasks import TaskManager

    app = QApplication([])
    ctx = build_context(db, "Bench", clock=lambda: datetime(2022, 10, 19, 7, 12, tzinfo=UTC))
    from dataclasses import replace

    ctx.settings = replace(ctx.settings, camera="", sounds=False)
    translations = Translations()
    translations.install("pl")
    tasks = TaskManager(app)
    window = MainWindow(ctx, tasks, translations)
    window.show()
    desk = window.desk

    def pump(seconds: float) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    pump(1.0)
    desk.open_search("kowalski")
    pump(0.6)
    for i in range(50):
        desk.handle_code(f"BENCH{i * 97:06d}")
    tasks.wait(30_000)
    for _ in range(40):  # let the headcount refresh land
        pump(0.25)
        if desk.present >= 50:
            break
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS with 20,000 attendees after start, a search ({len(desk.search.results)} shown) and "
          f"50 check-ins (present {desk.present}): {rss_mb:.0f} MB (target < 300 MB)")
    window.shutdown()


def memory(work: Path) -> None:
    db = work / "big.sqlite3"
    make_big_roster(db)
    out = subprocess.run([PY, __file__, "--memory-child", str(db)], env=env(), capture_output=True, text=True,
                         timeout=300)
    lines = [x for x in out.stdout.splitlines() if x.startswith("peak RSS")]
    if not lines:
        raise SystemExit(f"memory run failed: {out.stderr[-800:]}")
    print(lines[0])


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--memory-child":
        if not os.environ.get("DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        memory_child(sys.argv[2])
        return
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="checkin-bench-gui-") as tmp:
        work = Path(tmp)
        cold_start(work)
        stall(work)
        memory(work)


if __name__ == "__main__":
    main()
