# SPDX-License-Identifier: MIT
"""A real desk on a temp database with the demo congress, at 09:12 on day 1 in Warsaw.

The demo is installed once into a template file and copied per test (installing it takes a
second). The app's real TaskManager runs the work; tests wait with `qtbot.waitUntil`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QApplication

from checkin.app import AppContext, build_context
from checkin.config import update_settings
from checkin.domain.models import Attendee
from checkin.storage import attendees as attendee_repo
from checkin.ui.i18n import Translations
from checkin.ui.main_window import MainWindow
from checkin.ui.sounds import SoundPlayer
from checkin.ui.tasks import TaskManager
from tests.conftest import Clock


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ui-template") / "demo.sqlite3"
    ctx = build_context(path, "Desk 1")
    assert ctx.demo_installed
    ctx.engine.dispose()
    return path


@pytest.fixture
def desk_clock() -> Clock:
    return Clock(datetime(2022, 10, 19, 7, 12, tzinfo=UTC))  # 09:12 Warsaw, day 1


@pytest.fixture
def ctx(tmp_path: Path, _demo_template: Path, desk_clock: Clock) -> Iterator[AppContext]:
    path = tmp_path / "desk.sqlite3"
    shutil.copy(_demo_template, path)
    context = build_context(path, "Desk 1", "Ania", clock=desk_clock)
    # stored, not only set in memory: the desk saves settings (e.g. the chosen checkpoint) and reloads
    # them, which would otherwise bring back the defaults (a 4 s result panel) halfway through a test
    context.settings = update_settings(context.engine, camera="", sounds=True, result_seconds=30)
    yield context
    context.engine.dispose()


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.wait(10_000)


class SilentPlayer(SoundPlayer):
    """The real player's choice of outcome, without making noise on the test machine."""

    def __init__(self) -> None:
        super().__init__(enabled=True)
        self.backend = "test"
        self._command = None


@pytest.fixture
def make_window(qtbot, ctx: AppContext, tasks: TaskManager):  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make(language: str = "en") -> MainWindow:
        translations = Translations()
        translations.install(language)
        window = MainWindow(ctx, tasks, translations, SilentPlayer())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        # ready: the checkpoint is chosen (or deliberately left open) and recent scans loaded
        qtbot.waitUntil(lambda: window.desk.picker.choices is not None, timeout=10_000)
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.shutdown()
        w.translations.install("en")  # remove this window's catalogues: the next test starts in English


def find_attendee(ctx: AppContext, text: str) -> Attendee:
    with ctx.engine.connect() as conn:
        found = attendee_repo.search(conn, ctx.event().id, text, limit=2)
    assert found, f"no demo attendee matches {text!r}"
    return found[0]
