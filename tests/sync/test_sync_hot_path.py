# SPDX-License-Identifier: MIT
"""Every desk runs a sync round each time another desk pushes; with 20 desks that is the hot path.

A round woken by a notification must not do "while we are at it" work: nothing written locally when
nothing is new, one short transaction for a few new scans, the clock and rehearsals only in the
full round that the heartbeat (or the volunteer's "Sync now") asks for.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event
from synchelp import Hub, Site

from checkin.services.headcount import headcount
from checkin.sync.engine import RoundMemo, sync_once
from checkin.sync.pull import Cursor, Page, split_page


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def writes(seen: list[str]) -> list[str]:
    return [s for s in seen if s.startswith(("BEGIN IMMEDIATE", "INSERT", "UPDATE", "DELETE"))]


def test_a_round_with_nothing_new_writes_nothing_and_asks_the_hub_twice(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    desk = new_desk("Stanowisko 1")
    memo = RoundMemo()
    assert sync_once(desk.engine, desk.hub, memo=memo).ok  # the full round: clock, heartbeat
    with statements(desk.engine) as local, statements(desk.hub) as remote:
        for _ in range(3):
            assert sync_once(desk.engine, desk.hub, memo=memo).ok
    assert writes(local) == []
    assert len(remote) == 6  # per round: the hub's snapshot and the feed after the cursor
    assert not any("clock_timestamp" in s or "heartbeat" in s or "rehearsal" in s for s in remote)


def test_a_few_new_scans_from_another_desk_arrive_in_one_short_transaction(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    _, people = organiser
    one, two = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    memo = RoundMemo()
    assert sync_once(two.engine, two.hub, memo=memo).ok
    for person in people[:3]:
        one.admit(person)
    assert one.sync().ok
    with statements(two.engine) as local:
        result = sync_once(two.engine, two.hub, memo=memo)
    assert result.ok and result.kinds >= {"scan"}
    assert sum(s.startswith("BEGIN IMMEDIATE") for s in local) == 1  # scans, attendance, cursor together
    assert not any("attendance_pending" in s for s in writes(local))  # derived at once, not deferred
    assert headcount(two.engine, two.checkpoint("day1").day).days[0].present == 3


def test_the_heartbeat_round_and_sync_now_are_full_rounds(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    desk = new_desk("Stanowisko 1")
    memo = RoundMemo()
    with statements(desk.hub) as remote:
        assert sync_once(desk.engine, desk.hub, memo=memo).ok
    assert any("clock_timestamp" in s for s in remote) and any("rehearsal" in s for s in remote)
    memo.last_heartbeat = None  # what the worker does for "Sync now" (and when a minute has passed)
    with statements(desk.hub) as remote:
        assert sync_once(desk.engine, desk.hub, memo=memo).ok
    assert any("desk_heartbeat" in s for s in remote)


def test_a_page_goes_in_parts_of_about_the_same_size_in_the_order_rows_must_be_applied() -> None:
    def rows(kind: str, n: int) -> list[dict[str, Any]]:
        return [{"id": f"{kind}{i}", "attendee_id": f"attendee{i}"} for i in range(n)]

    def page(**lists: list[dict[str, Any]]) -> Page:
        names = ("events", "days", "sessions", "keys", "attendees", "tickets", "changes", "desks", "prints", "scans")
        return Page(Cursor("done"), set(), *(lists.get(n, []) for n in names))

    small = split_page(page(desks=rows("desk", 1), scans=rows("scan", 3)), 100)
    assert len(small) == 1 and len(small[0].scans) == 3 and len(small[0].desks) == 1

    only_own = split_page(page(), 100)  # a page of this desk's own rows: one part, to move the cursor
    assert len(only_own) == 1 and only_own[0].cursor == Cursor("done")

    big = split_page(page(attendees=rows("attendee", 250), tickets=rows("ticket", 250), changes=rows("change", 30),
                          scans=rows("scan", 420)), 100)
    order = [(k, r["id"]) for p in big for k in ("attendees", "changes", "scans") for r in getattr(p, k)]
    assert order == ([("attendees", f"attendee{i}") for i in range(250)]
                     + [("changes", f"change{i}") for i in range(30)] + [("scans", f"scan{i}") for i in range(420)])
    assert all(sum(len(getattr(p, k)) for k in ("attendees", "changes", "scans")) <= 100 for p in big)
    assert sum(len(p.tickets) for p in big) == 250  # each attendee's ticket travels in its part
    for p in big:
        assert {t["attendee_id"] for t in p.tickets} == {a["attendee_id"] for a in p.attendees}


def test_a_desk_woken_faster_than_it_syncs_spends_at_most_half_its_time_in_rounds(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    """Fifty desks pushing wake each desk far more often than it can sync: the wake-ups fold into
    fewer, bigger rounds, and the laptop keeps CPU for the camera and the screen."""
    import threading
    import time

    from checkin.sync.worker import SyncWorker

    desk = new_desk("Stanowisko 1")
    durations: list[float] = []
    worker = SyncWorker(desk.engine, hub.desk_url, listen=False, poll_interval=60,
                        on_status=lambda _status: durations.append(worker.last_result.duration_seconds))
    worker.start()
    try:
        deadline = time.monotonic() + 10
        while not durations:
            assert time.monotonic() < deadline, "the first round did not finish"
            time.sleep(0.01)
        stop = threading.Event()

        def notifications() -> None:  # what the listener does for every other desk's push
            while not stop.is_set():
                worker._notified("another desk")
                time.sleep(0.001)

        storm = threading.Thread(target=notifications)
        before, started = len(durations), time.monotonic()
        storm.start()
        time.sleep(2.0)
        stop.set()
        storm.join()
        elapsed = time.monotonic() - started
        rounds = durations[before:]
    finally:
        worker.stop()
    assert len(rounds) >= 5  # it does keep syncing
    assert sum(rounds) / elapsed < 0.6, (len(rounds), sum(rounds), elapsed)  # without the rest: ~1.0
