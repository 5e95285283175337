# SPDX-License-Identifier: MIT
"""The desk app against a real venue hub: the status bar says online, and a check-in made at
another desk shows up here (attendance, headcount) without anyone pressing anything."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import func, select
from synchelp import Hub, Site

from checkin.app import build_context
from checkin.storage import tables as t
from checkin.sync.credentials import remember_hub
from checkin.ui.i18n import Translations
from checkin.ui.main_window import MainWindow
from checkin.ui.sounds import SoundPlayer
from checkin.ui.tasks import TaskManager


class _Quiet(SoundPlayer):
    def __init__(self) -> None:
        super().__init__(enabled=False)


def test_desk_app_goes_online_and_receives_another_desks_check_in(
    qtbot, hub: Hub, organiser: tuple[Site, list[str]], new_desk: Callable[..., Site]  # type: ignore[no-untyped-def]
) -> None:
    _org, people = organiser
    other = new_desk("Desk 2")
    mine = new_desk("Desk 1")
    mine.close()  # the app opens this desk's database itself
    ctx = build_context(mine.path, "Desk 1", "Ania", install_demo_when_empty=False,
                        clock=lambda: datetime(2022, 10, 19, 7, 30, tzinfo=UTC))
    remember_hub(ctx.engine, hub.desk_url)
    tasks = TaskManager()
    window = MainWindow(ctx, tasks, Translations(), _Quiet(), start_desk=False)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.sync.last.mode == "online", timeout=20_000)
        assert window.sync.worker is not None

        decision = other.admit(people[0], "day1")
        assert decision.result.value == "accepted"
        assert other.sync().ok

        def arrived() -> bool:
            with ctx.engine.connect() as conn:
                return conn.execute(select(func.count()).select_from(t.attendance).where(
                    t.attendance.c.attendee_id == people[0], t.attendance.c.active.is_(True))).scalar_one() == 1

        qtbot.waitUntil(arrived, timeout=10_000)
        # the same person scanned here is now a duplicate naming the other desk
        again = ctx.checkin.admit(people[0], other.checkpoint("day1"))
        assert (again.result.value, again.first_desk) == ("duplicate", "Desk 2")
    finally:
        window.sync.stop()
        tasks.wait(10_000)
        ctx.engine.dispose()
