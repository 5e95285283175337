# SPDX-License-Identifier: MIT
# ruff: noqa: F811  (pytest fixtures imported from tests/ui/admin_fixtures.py are parameters here)
"""The coordinator watches the dashboard while volunteers check people in."""

from __future__ import annotations

from PySide6.QtCore import Qt

from checkin.app import AppContext
from checkin.domain.models import Checkpoint
from checkin.domain.results import ScanResult
from checkin.storage.events import session_by_code
from checkin.ui.dashboard.view import DashboardView
from checkin.ui.tasks import TaskManager
from tests.conftest import DAY1, DAY2, Clock
from tests.ui.admin_fixtures import (  # noqa: F401 (fixtures)
    admin_demo_template,
    ctx,
    day_one,
    demo_codes,
    tasks,
    warsaw_clock,
)

WAIT = 5000


def _open(qtbot, ctx: AppContext, tasks: TaskManager) -> DashboardView:  # type: ignore[no-untyped-def]
    view = DashboardView(ctx, tasks)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    with qtbot.waitSignal(view.refreshed, timeout=WAIT):
        view.show()
    return view


def test_numbers_move_after_scans_at_the_desk(qtbot, ctx: AppContext, tasks: TaskManager,
                                              warsaw_clock: Clock) -> None:
    view = _open(qtbot, ctx, tasks)
    assert view.day_panel.present_label.text() == "0"
    registered_before = view.day_panel.registered_label.text()
    assert "420" in registered_before or "registered" in registered_before
    assert view.chart.bars() == []

    people = demo_codes(ctx, limit=7)
    for minute, (code, _name) in zip(["09:01", "09:04", "09:12", "09:13", "09:15", "09:27", "09:28"], people,
                                      strict=True):
        warsaw_clock.set_local(f"2022-10-19 {minute}")
        assert ctx.checkin.scan(code, day_one(ctx)).result is ScanResult.ACCEPTED
    assert ctx.checkin.scan(people[0][0], day_one(ctx)).result is ScanResult.DUPLICATE

    with qtbot.waitSignal(view.refreshed, timeout=WAIT):
        view.refresh()
    assert view.day_panel.present_label.text() == "7"
    assert view.chart.bars() == [("09:00", 2), ("09:10", 3), ("09:20", 2)]
    categories = view.day_panel.category_counts()
    assert sum(int(v.split(" / ")[0]) for v in categories.values()) == 7
    desk_row = [view.desks.item(0, c).text() for c in range(view.desks.columnCount())]
    assert desk_row[0].startswith("Desk 1")
    # the last 15 minutes before 09:28: four admissions from 09:13 on, plus the duplicate as a scan
    assert desk_row[1] == "5" and desk_row[2] == "4"
    assert "09:28" in desk_row[3]


def test_a_scan_shows_up_within_a_second_without_being_told(qtbot, ctx: AppContext,
                                                             tasks: TaskManager) -> None:
    view = _open(qtbot, ctx, tasks)
    code, _name = demo_codes(ctx, limit=1)[0]
    ctx.checkin.scan(code, day_one(ctx))  # e.g. arrived from another desk through sync
    qtbot.waitUntil(lambda: view.day_panel.present_label.text() == "1", timeout=2500)


def test_session_present_capacity_and_inside_now(qtbot, ctx: AppContext, tasks: TaskManager,
                                                 warsaw_clock: Clock) -> None:
    with ctx.engine.connect() as conn:
        plenary = session_by_code(conn, ctx.event().id, "D1-OTW")
    assert plenary is not None
    people = demo_codes(ctx, limit=3)
    warsaw_clock.set_local("2022-10-19 09:35")
    for code, _ in people:
        ctx.checkin.scan(code, Checkpoint(DAY1, plenary))
    view = _open(qtbot, ctx, tasks)
    row = view.sessions.row_values("D1-OTW")
    assert row["Present"] == "3"
    assert row["Room"] == "Sala Balowa A+B"
    assert row["Inside now"] == "—"  # exits are not scanned at the plenary
    workshop = view.sessions.row_values("D1-WS-KPA")
    assert workshop["Capacity"] == "40" and workshop["Present"] == "0"
    assert view.day_panel.present_label.text() == "3"  # a session admission marks the day too


def test_switching_day_drops_the_answer_for_the_old_day(qtbot, ctx: AppContext, tasks: TaskManager) -> None:
    view = _open(qtbot, ctx, tasks)
    view.refresh()  # a read for day one is now in flight
    index = view.day_combo.findData(DAY2.isoformat())
    view.day_combo.setCurrentIndex(index)
    view.day_combo.activated.emit(index)
    qtbot.waitUntil(lambda: view.data is not None and view.data.day == DAY2, timeout=WAIT)
    qtbot.wait(1500)  # ticks keep coming; none may bring day one back
    assert view.data is not None and view.data.day == DAY2
    assert view.day_combo.currentData() == DAY2.isoformat()


def test_projector_mode_shows_the_same_numbers_large_and_closes_with_escape(qtbot, ctx: AppContext,
                                                                            tasks: TaskManager) -> None:
    for code, _ in demo_codes(ctx, limit=4):
        ctx.checkin.scan(code, day_one(ctx))
    view = _open(qtbot, ctx, tasks)
    view.toggle_projector()
    projector = view.projector
    assert projector is not None
    qtbot.addWidget(projector)
    assert projector.day_panel.present_label.text() == "4"
    assert projector.day_panel.present_label.font().pointSizeF() > view.day_panel.present_label.font().pointSizeF()
    assert projector.chart.bars() == view.chart.bars()
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.projector is None, timeout=WAIT)
