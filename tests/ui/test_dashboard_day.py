# SPDX-License-Identifier: MIT
"""The coordinator's dashboard shows the day the desk records, and says "today" only about today.

A rehearsal on 3 December 2026 for a congress held on 19–20 October 2022: the calendar's nearest
event day is Day 2, but the volunteer picked Day 1 at the desk; the dashboard follows the desk.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from checkin.ui.dashboard.view import DashboardView

DAY1, DAY2 = date(2022, 10, 19), date(2022, 10, 20)


def _dashboard(window) -> DashboardView:  # type: ignore[no-untyped-def]
    view = window._view("DashboardView")
    assert isinstance(view, DashboardView)
    return view


def test_the_dashboard_follows_the_desks_checkpoint_day_not_the_calendar(qtbot, make_window, ctx, desk_clock):
    desk_clock.now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)  # not an event day: the desk must choose
    window = make_window("pl")
    desk = window.desk
    dashboard = _dashboard(window)
    window.tabs.setCurrentWidget(dashboard)
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    # nothing chosen at the desk yet: the nearest event day, and no "today" for a 2022 date
    assert dashboard.data is not None and dashboard.data.day == DAY2
    assert "dzisiaj" not in dashboard.chart.empty_text and "today" not in dashboard.chart.empty_text
    assert dashboard.chart.empty_text == "Brak przyjść w dniu czwartek, 20 października 2022"

    # the volunteer picks Day 1 (F5) and checks Łukasz in: the dashboard shows Day 1 with him present
    combo = desk.picker.combo
    day1 = next(i for i in range(combo.count()) if desk.picker._checkpoints[i] is not None
                and desk.picker._checkpoints[i].day == DAY1 and desk.picker._checkpoints[i].session is None)
    combo.setCurrentIndex(day1)
    qtbot.waitUntil(lambda: dashboard.data is not None and dashboard.data.day == DAY1, timeout=10_000)
    assert dashboard.day_combo.currentData() == DAY1.isoformat()
    desk.handle_code("KS2214983908")
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    qtbot.waitUntil(lambda: dashboard.day_panel.present_label.text() == "1", timeout=10_000)
    assert "19 października 2022" in dashboard.day_panel.title_label.text()


def test_on_the_event_day_the_empty_chart_speaks_of_today(qtbot, make_window, ctx):
    window = make_window("en")
    dashboard = _dashboard(window)
    window.tabs.setCurrentWidget(dashboard)
    qtbot.waitUntil(lambda: dashboard.data is not None and dashboard.data.day == DAY1, timeout=10_000)
    assert dashboard.chart.empty_text == "No arrivals yet today"
    # the coordinator looks at tomorrow: no "today" there
    dashboard._day_chosen(dashboard.day_combo.findData(DAY2.isoformat()))
    qtbot.waitUntil(lambda: dashboard.data is not None and dashboard.data.day == DAY2, timeout=10_000)
    assert dashboard.chart.empty_text.startswith("No arrivals on ")
