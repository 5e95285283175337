# SPDX-License-Identifier: MIT
"""A desk that was allowed an unencrypted hub (--insecure-hub) says so in its status bar, always."""

from __future__ import annotations

from checkin.ui.desk.status_bar import DeskStatusBar
from checkin.ui.workers.sync_bridge import SyncBridge, SyncView


def test_the_status_bar_says_unencrypted(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = DeskStatusBar()
    qtbot.addWidget(bar)
    bar.show_sync(SyncView("online", 3))
    assert "unencrypted" not in bar.sync.text()
    bar.show_sync(SyncView("online", 3, unencrypted=True))
    assert "Online" in bar.sync.text() and "unencrypted" in bar.sync.text()
    bar.show_sync(SyncView("offline", 3, unencrypted=True))
    assert "unencrypted" in bar.sync.text()


def test_the_bridge_carries_the_flag_from_the_sync_status(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from checkin.sync.status import SyncStatus

    status = SyncStatus(hub="postgresql://d@hub.kongres.local/kongres", online=True, pending=0, pending_scans=0,
                        last_attempt=None, last_success=datetime.now(UTC), last_error=None, last_error_at=None,
                        lag_seconds=None, since_pull_seconds=1.0, clock_offset_seconds=0.0, unencrypted=True)
    seen: list[SyncView] = []
    bridge = SyncBridge.__new__(SyncBridge)  # only the translation from status to view is under test
    bridge._emit = seen.append  # type: ignore[method-assign]
    SyncBridge._on_status(bridge, status)
    assert seen[-1].mode == "online" and seen[-1].unencrypted
