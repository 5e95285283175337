# SPDX-License-Identifier: MIT
"""`checkin --self-test`: the smoke test for a build, runnable without a display.

It exercises what a frozen build most often loses: the Alembic migration scripts, the bundled
resources (demo event, fonts, badge templates, sample frame), the decoder's native library, the TTF
embedding in reportlab, and Qt's platform and print-support plugins. Each check reports ok/failed
with the reason, so a broken build says *what* is missing.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from checkin import __version__

SELF_TEST_TEXT = "CHECKIN-SELF-TEST-2022"


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str
    ms: float


def versions() -> dict[str, str]:
    found = {"checkin": __version__, "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
             "platform": platform.platform()}
    from importlib.metadata import PackageNotFoundError, version

    for dist in ("SQLAlchemy", "alembic", "reportlab", "opencv-python-headless", "zxing-cpp",
                 "PySide6-Essentials", "psycopg", "openpyxl", "qrcode"):
        try:
            found[dist] = version(dist)
        except PackageNotFoundError:  # frozen builds may drop metadata; the checks below still run
            found[dist] = "?"
    return found


def _check_database(tmp: Path) -> str:
    from checkin.domain.models import Checkpoint
    from checkin.services.checkin import CheckInService
    from checkin.services.demo import install_demo
    from checkin.storage.db import head_revision, open_database
    from checkin.storage.meta import ensure_desk

    engine = open_database(tmp / "selftest.sqlite3")
    summary = install_demo(engine)
    service = CheckInService(engine, ensure_desk(engine, "Self-test"))
    first = service.admit(_any_attendee(engine), Checkpoint(date(2022, 10, 19)))
    again = service.admit(_any_attendee(engine), Checkpoint(date(2022, 10, 19)))
    engine.dispose()
    if (first.result.value, again.result.value) != ("accepted", "duplicate"):
        raise AssertionError(f"check-in gave {first.result.value} then {again.result.value}")
    return f"schema {head_revision()}, demo {summary['attendees']} attendees, check-in then duplicate"


def _any_attendee(engine: Any) -> str:
    """Łukasz Żółć-Ślęzak, registration KS22-1000 in the demo roster, registered for both days."""
    from checkin.storage.attendees import find_attendee_id
    from checkin.storage.events import current_event_id

    with engine.connect() as conn:
        found = find_attendee_id(conn, current_event_id(conn) or "", "KS22-1000")
    if found is None:
        raise AssertionError("demo attendee KS22-1000 missing from the bundled roster")
    return found


def _check_decoder(_tmp: Path) -> str:
    """The sample camera frame through the desk's own scan path (source -> ScanPipeline)."""
    from checkin.resources import resource_path
    from checkin.scanner.pipeline import build_pipeline, run_source
    from checkin.scanner.sources import open_source

    pipeline = build_pipeline()
    texts: list[str] = []
    source = open_source(f"image:{resource_path('selftest/qr_frame.jpg')}")
    try:
        frames = run_source(source, pipeline, lambda event: texts.append(event.text), max_frames=3)
    finally:
        source.close()
    name = pipeline.decoder.name
    if frames == 0:
        raise AssertionError("sample frame could not be read")
    if texts != [SELF_TEST_TEXT]:
        raise AssertionError(f"{name} decoded {texts!r}")
    return f"{name} decoded the sample frame"


def _check_badge(tmp: Path) -> str:
    from checkin.badges.render import render_badges
    from checkin.badges.templates import load_template
    from checkin.domain.models import Attendee, Event, EventDay

    event = Event("selftest", "Kongres Sekretarzy", "Europe/Warsaw", (EventDay(date(2022, 10, 19)),))
    person = Attendee(id="x", event_id="selftest", first_name="Łukasz", last_name="Żółć-Ślęzak",
                      organisation="Urząd Gminy Brzęczyszczykiewice", external_code="KS22-0001")
    out = tmp / "badge.pdf"
    pages = render_badges([person], event, load_template("a6"), out)
    data = out.read_bytes()
    if pages != 1 or not data.startswith(b"%PDF") or b"DejaVu" not in data:
        raise AssertionError(f"badge PDF looks wrong ({pages} pages, {len(data)} bytes)")
    return f"A6 badge, {len(data) // 1024} KiB, DejaVu embedded"


def _check_qt(_tmp: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from checkin.ui.selftest_qt import check_qt

    return check_qt()


def _check_platform(tmp: Path) -> str:
    """This OS's side of checkin.platforms, for real: replace + folder fsync, the one-app lock."""
    from checkin.platforms import (
        AlreadyRunningError,
        InstanceLock,
        camera_apis,
        can_fsync_directory,
        current,
        fsync_directory,
        keyring_usable,
        lock_api,
        replace_file,
    )

    system = current()
    target, part = tmp / "lista.csv", tmp / ".lista.csv.part"
    target.write_text("old", encoding="utf-8")
    part.write_text("new", encoding="utf-8")
    replace_file(part, target)
    if target.read_text(encoding="utf-8") != "new" or part.exists():
        raise AssertionError("replacing a file left the old content")
    fsync_directory(tmp)
    lock_file = tmp / "desk.sqlite3.lock"
    with InstanceLock(lock_file):
        try:
            InstanceLock(lock_file).acquire()
        except AlreadyRunningError:
            pass
        else:
            raise AssertionError(f"a second desk app could lock {lock_file}")
    InstanceLock(lock_file).acquire().release()  # free again once the first one let go
    try:
        import keyring

        backend = str(keyring.get_keyring())
    except ImportError:
        backend = "not installed"
    usable = keyring_usable(backend) and backend != "not installed"
    return (f"{system}: camera {'/'.join(camera_apis(system, 0))}, lock {lock_api(system)}, folder fsync "
            f"{'yes' if can_fsync_directory(system) else 'not needed'}, keyring {backend.split(' (')[0]}"
            + ("" if usable else " (none: the hub password must come from pgpass)"))


CHECKS: list[tuple[str, Callable[[Path], str]]] = [
    ("database", _check_database),
    ("platform", _check_platform),
    ("decoder", _check_decoder),
    ("badge", _check_badge),
    ("qt", _check_qt),
]


def run_self_test() -> tuple[bool, dict[str, str], list[CheckResult]]:
    results = []
    with tempfile.TemporaryDirectory(prefix="checkin-selftest-") as tmp:
        for name, check in CHECKS:
            started = time.perf_counter()
            try:
                detail, ok = check(Path(tmp)), True
            except Exception as exc:
                detail, ok = f"{exc.__class__.__name__}: {exc}", False
                if os.environ.get("CHECKIN_DEBUG"):
                    traceback.print_exc()
            results.append(CheckResult(name, ok, detail, (time.perf_counter() - started) * 1000))
    return all(r.ok for r in results), versions(), results


def main(as_json: bool = False) -> int:
    ok, found, results = run_self_test()
    if as_json:
        import json

        print(json.dumps({"ok": ok, "versions": found, "checks": [r.__dict__ for r in results]}, ensure_ascii=False))
    else:
        print("checkin self-test (" + ", ".join(f"{k} {v}" for k, v in found.items()) + ")")
        for r in results:
            print(f"  {'ok    ' if r.ok else 'FAILED'} {r.name:<9} {r.detail} ({r.ms:.0f} ms)")
        print("self-test passed" if ok else "self-test FAILED")
    sys.stdout.flush()
    return 0 if ok else 1
