# SPDX-License-Identifier: MIT
"""The status bar tells the volunteer the truth about sync: offline, connecting, online; amber when
the list on this desk is old; rows the hub refused; lag and clock difference on hover."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from checkin.storage import tables as t
from checkin.storage.db import write_tx
from checkin.storage.meta import set_meta
from checkin.sync.status import read_status, write_state
from checkin.ui.desk.status_bar import STALE_STYLE
from checkin.ui.workers.sync_bridge import SyncView

SHOTS = Path(os.environ.get("CHECKIN_SHOTS", "/tmp/checkin-shots"))


def test_an_old_list_turns_the_status_bar_amber_and_held_rows_are_named(qtbot, make_window, ctx) -> None:  # type: ignore[no-untyped-def]
    window = make_window("pl")
    now = datetime.now(UTC)
    with write_tx(ctx.engine) as conn:  # as a desk that went online at 9:00 and has not pulled since
        set_meta(conn, "hub_url", "postgresql://checkin_desk@192.168.10.5/checkin")
        write_state(conn, online="1", last_success=(now - timedelta(hours=3)).isoformat(),
                    last_pull=(now - timedelta(hours=3)).isoformat(), clock_offset_ms="-95000", scan_lag_ms="1400")
        conn.execute(t.held.insert().values(kind="scan", ref_id="3f9c2a10-aaaa", state="held", resolved_by="",
                                            reason="operator is 135 characters long; at most 100 are allowed",
                                            held_at=now))
    view = SyncView.from_status(read_status(ctx.engine, live=True))
    assert (view.mode, view.stale, len(view.held)) == ("online", True, 1)
    window.desk_status.show_sync(view)
    label = window.desk_status.sync
    assert "lista nieaktualna od 180 min" in label.text()
    assert "wstrzymane: 1" in label.text() and "zegar przesunięty o -95 s" in label.text()
    assert STALE_STYLE in label.styleSheet()
    tip = label.toolTip()
    assert "Aktualizacje na żywo: włączone" in tip and "1.4 s" in tip and "operator is 135" in tip
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.resize(1366, 768)
    qtbot.wait(100)  # let the status bar lay the new text out before the picture
    window.grab().save(str(SHOTS / "desk-sync-stale-pl.png"))

    fresh = SyncView("online", 0, now, live=True, since_pull_seconds=3)
    window.desk_status.show_sync(fresh)
    assert STALE_STYLE not in label.styleSheet() and "nieaktualna" not in label.text()
    window.desk_status.show_sync(SyncView("connecting", 2))
    assert "Łączenie z bazą danych" in label.text()
    window.desk_status.show_sync(SyncView("offline", 2, last_error="hub unreachable: the connection was cut"))
    assert "Brak połączenia · 2 czeka na wysłanie" in label.text()
