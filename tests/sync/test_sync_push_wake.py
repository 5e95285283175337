# SPDX-License-Identifier: MIT
"""A check-in leaves for the hub as soon as its transaction commits: no polling interval on the way."""

from __future__ import annotations

import time

from synchelp import Hub, Site

from checkin.domain.results import ScanResult
from checkin.sync.worker import SyncWorker


def test_a_local_commit_wakes_the_push_at_once(hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    _, people = organiser
    desk = new_desk("Stanowisko 1")
    # No notifications and no outbox polling worth the name: only the commit itself can wake the push.
    worker = SyncWorker(desk.engine, hub.desk_url, poll_interval=60, push_check_interval=60, listen=False)
    worker.start()
    try:
        deadline = time.monotonic() + 10
        while worker.last_result is None:  # the first round (start-up) is over
            assert time.monotonic() < deadline, "first round did not finish"
            time.sleep(0.02)
        time.sleep(0.2)
        lags = []
        for person in people[:3]:
            started = time.monotonic()
            decision = desk.admit(person)
            assert decision.result is ScanResult.ACCEPTED
            while not hub.scalar("SELECT count(*) FROM checkin.scan WHERE id = :id", id=decision.scan_id):
                assert time.monotonic() - started < 5, "the scan never left the desk"
                time.sleep(0.005)
            lags.append(time.monotonic() - started)
        assert max(lags) < 1.0, lags  # with polling only it would have waited up to 60 s
    finally:
        worker.stop()
