# SPDX-License-Identifier: MIT
# ruff: noqa: F811  (pytest fixtures imported from tests/ui/admin_fixtures.py are parameters here)
"""The reception lead reads the queue forecast next to the day's numbers."""

from __future__ import annotations

from checkin.app import AppContext
from checkin.ui.dashboard.view import DashboardView
from checkin.ui.tasks import TaskManager
from tests.conftest import DAY2, Clock
from tests.ui.admin_fixtures import (  # noqa: F401 (fixtures)
    admin_demo_template,
    ctx,
    day_one,
    demo_codes,
    tasks,
    warsaw_clock,
)


def test_the_forecast_panel_gives_advice_and_the_next_hour(qtbot, ctx: AppContext, tasks: TaskManager,
                                                           warsaw_clock: Clock) -> None:
    for i, (code, _) in enumerate(demo_codes(ctx, limit=30)):
        warsaw_clock.set_local(f"2022-10-19 09:{10 + i // 6:02d}")
        ctx.checkin.scan(code, day_one(ctx))
    view = DashboardView(ctx, tasks)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    with qtbot.waitSignal(view.refreshed, timeout=5000):
        view.show()
    data = view.data
    assert data is not None and data.forecast is not None
    assert view.forecast.advice.text() == data.forecast.sentence(data.event.tz)
    rows = view.forecast.rows()
    assert len(rows) == 4 and rows[0][0] == "09:14"  # from now, then on the quarter hours
    assert [r[0] for r in rows[1:]] == ["09:15", "09:30", "09:45"]

    index = view.day_combo.findData(DAY2.isoformat())
    view.day_combo.setCurrentIndex(index)
    view.day_combo.activated.emit(index)
    qtbot.waitUntil(lambda: view.data is not None and view.data.day == DAY2, timeout=5000)
    assert view.forecast.advice.text() == "The forecast is for today only." and view.forecast.rows() == []
