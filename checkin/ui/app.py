# SPDX-License-Identifier: MIT
"""Start the desk app: `checkin` with no command, or `checkin --camera folder:DIR --lang pl`;
`checkin --door D1-WS-KPA` (or `checkin door --session D1-WS-KPA`) starts straight in door mode.

Builds the context (database, demo when empty, desk, services) before the window, installs the
translations the desk settings or the system locale ask for, and shows the desk ready to scan.
`CHECKIN_EXIT_WHEN_READY=1` makes it print `ready <seconds>` and quit once the desk is shown and
the event loop is idle (used by bench/gui.py to measure cold start).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from checkin.app import build_context
from checkin.platforms import AlreadyRunningError, InstanceLock
from checkin.ui.i18n import Translations, choose_language
from checkin.ui.main_window import MainWindow
from checkin.ui.tasks import TaskManager


def run_app(args: Any) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("checkin")
    app.setOrganizationName("checkin")
    _polish_capable_font(app)
    db = getattr(args, "db", None)
    from checkin.domain.messages import set_language

    set_language(choose_language(getattr(args, "lang", None) or ""))  # a new desk's default name in it
    ctx = build_context(db, getattr(args, "desk", None), getattr(args, "operator", "") or "",
                        create_folder=not db or bool(getattr(args, "create", False)))
    from checkin.diagnostics import setup_logging

    setup_logging(ctx.desk.id)  # this desk's rotating log in the platform's log folder
    lock = _one_app_per_database(ctx.database_file())
    if lock is None:
        return 1
    camera = getattr(args, "camera", None)
    if camera is not None:  # a one-off choice for this run; the stored setting stays as it was
        ctx.override(camera=camera)
    if ctx.settings.kiosk:  # this desk is set up as a self check-in kiosk
        from checkin.ui.kiosk.app import run_kiosk

        return run_kiosk(args, ctx)
    door = getattr(args, "door", None)  # `checkin --door CODE` / `checkin door`: "" = the running session
    door_checkpoint = None
    if door is not None:
        from checkin.services.door import door_checkpoint as resolve_door

        door_checkpoint = resolve_door(ctx.engine, ctx.event(), door or None, ctx.clock())
    translations = Translations()
    translations.install(choose_language(getattr(args, "lang", None) or ctx.settings.language))
    tasks = TaskManager(app)
    window = MainWindow(ctx, tasks, translations)
    if getattr(args, "fullscreen", False) and door_checkpoint is None:
        window.showFullScreen()
    else:
        window.show()
    if door_checkpoint is not None:
        auto = bool(getattr(args, "auto_direction", False)) or ctx.settings.door_auto_direction
        fullscreen = getattr(args, "fullscreen", True) or getattr(args, "command", None) is None
        window.enter_door_mode(door_checkpoint, auto=auto, fullscreen=fullscreen)
    if os.environ.get("CHECKIN_EXIT_WHEN_READY"):
        def ready() -> None:
            print(f"ready {time.time():.3f}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, lambda: QTimer.singleShot(0, ready))
    code = app.exec()
    window.shutdown()
    lock.release()
    return int(code)


def _one_app_per_database(path: Path | None) -> InstanceLock | None:
    """Two desk apps on one database would be one desk twice: the second one says so and ends.
    Not a file (a PostgreSQL desk database): an unacquired lock, nothing to hold."""
    lock = InstanceLock(path.with_name(path.name + ".lock") if path else Path(os.devnull))
    if path is None:
        return lock
    try:
        return lock.acquire()
    except AlreadyRunningError as exc:
        print(f"checkin: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "checkin", str(exc))
        return None


def _polish_capable_font(app: QApplication) -> None:
    """Keep the system's UI font unless it cannot draw Polish letters (a bare Linux box): then the
    bundled DejaVu Sans (checkin.platforms.ui_font_fallback)."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from checkin.platforms import POLISH_LETTERS, ui_font_fallback
    from checkin.resources import resource_path

    metrics = QFontMetrics(app.font())
    family = ui_font_fallback(all(metrics.inFont(ch) for ch in POLISH_LETTERS))
    if family is None:
        return
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource_path(f"fonts/{name}")))
    font = QFont(family, app.font().pointSize())
    app.setFont(font)
