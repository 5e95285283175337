# SPDX-License-Identifier: MIT
"""Start the kiosk: `checkin kiosk [--camera SPEC] [--lang pl|en]`, or the desk setting `kiosk`.

The kiosk is a desk of its own (its own database and desk name, e.g. `--desk "Kiosk 1"`), so its
check-ins are counted and synced like any desk's and carry source `kiosk`. It refuses to start
without an organiser password: that password is the only way out of the full-screen window.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QApplication

from checkin.app import AppContext, build_context
from checkin.config import has_organiser_password
from checkin.ui.tasks import TaskManager


class KioskSetupError(RuntimeError):
    """The kiosk cannot start; the message says what to do."""


def run_kiosk(args: Any, ctx: AppContext | None = None) -> int:
    from checkin.domain.messages import set_language
    from checkin.ui.i18n import Translations, choose_language
    from checkin.ui.kiosk.kiosk_window import KioskWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("checkin")
    ctx = ctx or build_context(getattr(args, "db", None), getattr(args, "desk", None), "kiosk",
                               install_demo_when_empty=False)
    camera = getattr(args, "camera", None)
    if camera is not None:
        ctx.override(camera=camera)
    if not has_organiser_password(ctx.engine):
        from checkin.cli.context import CliError

        raise CliError("set the organiser password first (desk app: Organiser tools → Settings): "
                       "it is the only way to close the kiosk")
    language = choose_language(getattr(args, "lang", None) or ctx.settings.language or "pl")
    set_language(language)
    Translations().install(language)
    tasks = TaskManager(app)
    window = KioskWindow(ctx, tasks, language)
    if getattr(args, "windowed", False):
        window.resize(1366, 768)
        window.show()
    else:
        window.showFullScreen()
    code = app.exec()
    window.shutdown()
    tasks.wait(5000)
    return int(code)
