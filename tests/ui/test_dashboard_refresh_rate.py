# SPDX-License-Identifier: MIT
# ruff: noqa: F811  (pytest fixtures imported from tests/ui/admin_fixtures.py are parameters here)
"""A desk scanning fast does not make the dashboard re-read on every scan: a few reads a second at
most, and the last one still shows the last scan."""

from __future__ import annotations

import time

from checkin.app import AppContext
from checkin.domain.results import ScanResult
from checkin.ui.dashboard.view import DashboardView
from checkin.ui.tasks import TaskManager
from tests.ui.admin_fixtures import (  # noqa: F401 (fixtures)
    admin_demo_template,
    ctx,
    day_one,
    demo_codes,
    tasks,
    warsaw_clock,
)


def test_fifty_scans_in_a_second_cost_a_few_reads_and_the_last_scan_shows(qtbot, ctx: AppContext,
                                                                          tasks: TaskManager) -> None:
    view = DashboardView(ctx, tasks)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.refreshed, timeout=5000):
        view.show()
    reads: list[float] = []
    view.refreshed.connect(lambda: reads.append(time.monotonic()))
    people = demo_codes(ctx, limit=50)
    started = time.monotonic()
    admitted = 0
    for code, _ in people:
        admitted += ctx.checkin.scan(code, day_one(ctx)).result is ScanResult.ACCEPTED
        view.refresh()  # what the desk does after each local scan
        qtbot.wait(10)
    assert admitted > 40
    qtbot.waitUntil(lambda: view.day_panel.present_label.text() == str(admitted), timeout=5000)
    elapsed = max(time.monotonic() - started, 1.0)
    assert 1 <= len(reads) <= 4 * elapsed + 1, (len(reads), elapsed)
