# SPDX-License-Identifier: MIT
"""What the volunteer sees in the status bar, read from the desk's own file (no network)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from checkin.storage.db import write_tx
from checkin.storage.meta import set_meta
from checkin.sync.status import read_status, write_state


def test_a_desk_without_a_hub_says_it_works_alone(engine) -> None:  # type: ignore[no-untyped-def]
    status = read_status(engine)
    assert status.hub is None and not status.online
    assert status.summary().startswith("No venue hub set")


def test_offline_desk_shows_what_waits_the_error_and_a_wrong_clock(engine) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2022, 10, 19, 8, 0, tzinfo=UTC)
    with write_tx(engine) as conn:
        set_meta(conn, "hub_url", "postgresql://checkin_desk@192.168.10.5/checkin")
        write_state(conn, online="0", last_success=(now - timedelta(minutes=3)).isoformat(),
                    last_pull=(now - timedelta(minutes=3)).isoformat(), clock_offset_ms="-95000",
                    last_error="hub unreachable: connection refused", last_error_at=now.isoformat())
        conn.exec_driver_sql("INSERT INTO outbox (kind, ref_id, created_at) VALUES "
                             "('scan', 'a', '2022-10-19 08:00:00'), ('scan', 'b', '2022-10-19 08:00:01'), "
                             "('attendee', 'c', '2022-10-19 08:00:02')")
    status = read_status(engine, now=now)
    assert (status.pending, status.pending_scans) == (3, 2)
    assert status.since_pull_seconds == 180
    assert status.clock_warning and status.clock_offset_seconds == -95
    text = status.summary()
    assert "OFFLINE" in text and "2 scans / 3 changes waiting" in text
    assert "CLOCK OFF BY -95 s" in text and "hub unreachable: connection refused" in text
    assert status.to_json()["clock_warning"] is True


def test_a_list_not_pulled_for_hours_is_flagged_stale_even_while_online(engine) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2022, 10, 19, 11, 0, tzinfo=UTC)
    with write_tx(engine) as conn:
        set_meta(conn, "hub_url", "postgresql://checkin_desk@192.168.10.5/checkin")
        write_state(conn, online="1", last_success=(now - timedelta(hours=3)).isoformat(),
                    last_pull=(now - timedelta(hours=3)).isoformat())
    status = read_status(engine, now=now)
    data = status.to_json()
    assert (data["state"], data["stale"], data["held"]) == ("online", True, [])
    assert "list NOT UPDATED for 180 min" in status.summary()
    assert not read_status(engine, now=now - timedelta(hours=3) + timedelta(minutes=4)).stale  # within 5 min
    with write_tx(engine) as conn:
        set_meta(conn, "sync_stale_after_s", "60")  # the organiser's stricter setting
    assert read_status(engine, now=now - timedelta(hours=3) + timedelta(minutes=2)).stale
    with write_tx(engine) as conn:
        write_state(conn, connecting="1")  # a sync thread just started: not yesterday's "online"
    assert read_status(engine, now=now).to_json()["state"] == "connecting"
