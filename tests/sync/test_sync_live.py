# SPDX-License-Identifier: MIT
"""Live: with both desks' workers running, a check-in at desk 1 is known at desk 2 within a second."""

from __future__ import annotations

import threading
import time

from synchelp import Hub, Site

from checkin.domain.results import ScanResult
from checkin.sync.status import SyncStatus, read_status
from checkin.sync.worker import SyncWorker


def test_check_in_reaches_the_other_desk_within_a_second(hub: Hub, organiser: tuple[Site, list[str]],
                                                         new_desk) -> None:
    _, people = organiser
    d1, d2 = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    arrived = threading.Event()
    kinds_seen: list[set[str]] = []
    statuses: list[SyncStatus] = []

    def changed(kinds: set[str]) -> None:  # called on desk 2's sync thread
        kinds_seen.append(kinds)
        if "scan" in kinds:
            arrived.set()

    # a long poll interval: only the notification (and desk 1's outbox watch) can make this fast
    w1 = SyncWorker(d1.engine, hub.desk_url, poll_interval=60)
    w2 = SyncWorker(d2.engine, hub.desk_url, poll_interval=60, on_changes=changed, on_status=statuses.append)
    w1.start()
    w2.start()
    try:
        deadline = time.monotonic() + 10
        while not (w2.status().live and w1.status().live):
            assert time.monotonic() < deadline, "listeners did not connect"
            time.sleep(0.05)
        time.sleep(0.3)
        started = time.monotonic()
        assert d1.admit(people[0]).result is ScanResult.ACCEPTED  # nobody calls sync_now()
        assert arrived.wait(5)
        lag = time.monotonic() - started
        assert lag < 1.0, f"took {lag:.2f} s"
        assert d2.admit(people[0]).result is ScanResult.DUPLICATE
        assert statuses[-1].online and statuses[-1].live
        assert w2.run_once().ok  # the duplicate scan goes up too (run_once is safe beside the thread)
    finally:
        w1.stop()
        w2.stop()
    status = read_status(d2.engine)
    assert status.online and status.pending == 0 and status.last_error is None
    assert status.clock_offset_seconds is not None and not status.clock_warning
