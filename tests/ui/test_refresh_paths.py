# SPDX-License-Identifier: MIT
"""Views hear about changed data through one coalescing signal, and the check-in service is
re-read on the writer lane — never on the GUI thread — when the organiser changes the event."""

from __future__ import annotations

import threading

from checkin.services.checkin import CheckInService
from tests.ui.conftest import find_attendee


class ThreadNotingService(CheckInService):
    """The real service, noting which thread re-reads the event."""

    reload_threads: list[str]

    def reload(self) -> None:
        self.reload_threads.append(threading.current_thread().name)
        super().reload()


def test_a_burst_of_changes_refreshes_the_dashboard_once(qtbot, make_window, ctx):  # type: ignore[no-untyped-def]
    window = make_window()
    dashboard = window._view("DashboardView")
    bursts: list[frozenset[str]] = []
    window.data_changed.changed.connect(bursts.append)
    # a sync round pulls scans, a roster change and another desk's row; this desk scans meanwhile
    window._remote_changes({"scan"})
    window._remote_changes({"attendee", "desk"})
    window.desk.scans_changed.emit()
    qtbot.waitUntil(lambda: bool(bursts), timeout=5_000)
    qtbot.wait(400)
    assert bursts == [frozenset({"scan", "attendee", "desk", "scans"})]
    refreshed: list[bool] = []
    dashboard.refreshed.connect(lambda: refreshed.append(True))
    window.desk.admit(find_attendee(ctx, "lukasz zolc"))
    qtbot.waitUntil(lambda: bool(refreshed), timeout=10_000)  # a local check-in moves the dashboard
    assert dashboard.data is not None and dashboard.data.counts.days[0].present == 1


def test_an_event_edit_reloads_the_service_on_the_writer_lane(qtbot, make_window, ctx, tasks):  # type: ignore[no-untyped-def]
    service = ThreadNotingService(ctx.engine, ctx.desk, "Ania", clock=ctx.clock)
    service.reload_threads = []
    ctx.checkin = service
    window = make_window()
    organiser = window._view("OrganiserView")
    organiser._event_changed()  # what a page's event_changed (sessions saved, roster imported) calls
    organiser._wiped()
    qtbot.waitUntil(lambda: len(service.reload_threads) >= 2, timeout=5_000)
    assert threading.main_thread().name not in service.reload_threads
