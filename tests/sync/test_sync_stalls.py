# SPDX-License-Identifier: MIT
"""The venue link breaks in the nasty ways: it swallows bytes and answers nothing (a stall), it
resets, a desk stalls in the middle of a hub transaction, the hub refuses one value for good.
The desk says so within seconds, never blocks another desk for longer than the hub's limit, keeps
scanning, and recovers by itself; nothing is lost or doubled."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

from sqlalchemy import event
from synchelp import Hub, Site, assert_converged, pending, scan_ids, settle
from tcpproxy import TcpProxy

from checkin.cli import main
from checkin.domain.results import ScanResult
from checkin.services.checkin import CheckInService
from checkin.storage.db import write_tx
from checkin.storage.meta import set_meta
from checkin.sync import watchdog
from checkin.sync.backoff import Backoff
from checkin.sync.engine import sync_once
from checkin.sync.held import dismiss, held_items, resend
from checkin.sync.hub import HubLimits, init_hub
from checkin.sync.status import read_status
from checkin.sync.urls import HubTimeouts, hub_engine, libpq
from checkin.sync.worker import SyncWorker

# short limits keep each test to a few seconds; the defaults (HubTimeouts()) are the same code
FAST = HubTimeouts(connect=1.5, lock=1.0, statement=1.5, watchdog=2.0)


def _remember(site: Site, url: str) -> None:
    """As `checkin sync --hub URL` would (without touching this machine's keyring)."""
    with write_tx(site.engine) as conn:
        set_meta(conn, "hub_url", libpq(url, with_password=False))


def _wait_for(predicate: Callable[[], bool], timeout: float) -> float:
    """Seconds until `predicate` held (fails the test after `timeout`)."""
    started = time.monotonic()
    while not predicate():
        assert time.monotonic() - started < timeout, "timed out"
        time.sleep(0.05)
    return time.monotonic() - started


def test_a_stalled_link_shows_offline_within_15_s_and_recovers_by_itself(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    _, people = organiser
    d1 = new_desk("Stanowisko 1")
    proxy = TcpProxy()
    _remember(d1, proxy.url(hub.desk_url))
    worker = SyncWorker(d1.engine, proxy.url(hub.desk_url), poll_interval=0.5, timeouts=FAST,
                        backoff=Backoff(0.3, 1.0))
    try:
        worker.start()
        _wait_for(lambda: worker.status().state == "online" and worker.status().live, 10)
        proxy.stall()  # bytes are accepted from now on, nothing comes back
        stalled_at = time.monotonic()
        assert d1.admit(people[0]).result is ScanResult.ACCEPTED  # the scan path does not notice
        _wait_for(lambda: read_status(d1.engine).state == "offline", 15)
        took = time.monotonic() - stalled_at
        status = read_status(d1.engine)
        assert took < 15
        _wait_for(lambda: not worker.status().live, 15 - took)  # the listener noticed too
        assert status.to_json()["state"] == "offline" and status.pending_scans == 1
        assert status.last_error is not None and status.last_error.startswith("hub unreachable")
        assert proxy.stalled_bytes > 0 and watchdog.cuts() > 0  # it really was a swallowing stall

        proxy.up()
        recovered = _wait_for(lambda: read_status(d1.engine).state == "online"
                              and read_status(d1.engine).pending == 0, 15)
    finally:
        worker.stop()
        proxy.close()
    assert hub.scalar("SELECT count(*) FROM scan WHERE attendee_id = :a", a=people[0]) == 1
    assert recovered < 15, f"offline after {took:.1f} s, back {recovered:.1f} s after the link returned"


def test_a_reset_link_fails_fast_and_sync_once_never_hangs(hub: Hub, organiser: tuple[Site, list[str]],
                                                          new_desk) -> None:
    _, people = organiser
    d1 = new_desk("Stanowisko 1")
    proxy = TcpProxy()
    _remember(d1, proxy.url(hub.desk_url))
    eng = hub_engine(proxy.url(hub.desk_url), timeouts=FAST)
    try:
        assert sync_once(d1.engine, eng).ok
        assert d1.admit(people[1]).result is ScanResult.ACCEPTED
        for mode in (proxy.reset, proxy.stall):  # a reset, then a half-cut link like `sync --once` hit
            mode()
            started = time.monotonic()
            result = sync_once(d1.engine, eng)
            assert not result.ok and time.monotonic() - started < 3 * FAST.watchdog, result.error
            assert read_status(d1.engine).state == "offline"
            eng.dispose()
        proxy.up()
        assert sync_once(d1.engine, eng).ok and pending(d1.engine) == 0
    finally:
        eng.dispose()
        proxy.close()


def test_a_desk_stalled_mid_transaction_blocks_another_desk_no_longer_than_the_hub_allows(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    role_settings = ("SELECT array_to_string(s.setconfig, ',') FROM pg_db_role_setting s JOIN pg_roles r "
                     "ON r.oid = s.setrole JOIN pg_database d ON d.oid = s.setdatabase "
                     "WHERE r.rolname = :r AND d.datname = :d")
    defaults = hub.scalar(role_settings, r=f"{hub.prefix}_desk", d=hub.database)
    assert "statement_timeout=30000" in defaults and "idle_in_transaction_session_timeout=15000" in defaults
    init_hub(hub.admin_url, role_prefix=hub.prefix, limits=HubLimits(idle_in_transaction_s=1.0, statement_s=5.0))
    _, people = organiser
    d1, d2 = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    for site in (d1, d2):  # the same person at both desks: both pushes need the same hub lock
        assert site.admit(people[0]).result is ScanResult.ACCEPTED
    proxy = TcpProxy()
    d1_hub = hub_engine(proxy.url(hub.desk_url), timeouts=FAST)
    locked = threading.Event()

    @event.listens_for(d1_hub, "after_cursor_execute")
    def stall_holding_the_lock(conn, cursor, statement, *_):  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO scan"):  # the hub's attendance trigger took the attendee lock
            proxy.stall()  # desk 1 holds the attendee lock, its link dies before COMMIT
            locked.set()

    results = []
    t1 = threading.Thread(target=lambda: results.append(sync_once(d1.engine, d1_hub)))
    try:
        t1.start()
        assert locked.wait(10)
        started = time.monotonic()
        second = d2.sync()
        blocked = time.monotonic() - started
        t1.join(10)
        assert second.ok, second.error
        assert blocked < 1.0 + FAST.watchdog, f"desk 2 waited {blocked:.1f} s"
        assert results and not results[0].ok  # desk 1's round failed (its watchdog), nothing half-done
        event.remove(d1_hub, "after_cursor_execute", stall_holding_the_lock)
        proxy.up()
        d1_hub.dispose()
        assert sync_once(d1.engine, d1_hub).ok
    finally:
        d1_hub.dispose()
        proxy.close()
    settle([d1, d2])
    assert len(assert_converged(hub, [d1, d2])) == 1


def test_a_value_the_hub_refuses_is_held_and_the_queue_goes_on(hub: Hub, organiser: tuple[Site, list[str]],
                                                              new_desk, capsys) -> None:  # type: ignore[no-untyped-def]
    _, people = organiser
    d1, d2 = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    long_name = "Małgorzata Wójcik-Jabłońska-Szczebrzeszyńska " * 3  # 135 characters; the hub takes 100
    careless = CheckInService(d1.engine, d1.desk, operator=long_name, clock=d1.clock)
    assert careless.admit(people[0], d1.checkpoint("day1")).result is ScanResult.ACCEPTED
    assert careless.admit(people[1], d1.checkpoint("day1")).result is ScanResult.ACCEPTED
    assert d1.admit(people[2]).result is ScanResult.ACCEPTED  # the next volunteer, a normal name
    for _ in range(2):  # every later round too: the refused rows never block the queue again
        result = d1.sync()
        assert result.ok, result.error
    assert hub.scalar("SELECT count(*) FROM scan WHERE attendee_id = :a", a=people[2]) == 1
    _remember(d1, hub.desk_url)
    assert main(["--db", str(d1.path), "sync", "status", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"]["pending"] == 0 and out["state"] == "online" and out["stale"] is False
    assert [h["kind"] for h in out["held"]] == ["scan", "scan"]
    assert {h["id"] for h in out["held"]} == {h.ref_id for h in held_items(d1.engine)}
    assert "operator is 135 characters long; at most 100 are allowed" in out["held"][0]["reason"]
    assert "HELD" in read_status(d1.engine).summary()
    assert d2.sync().ok and read_status(d2.engine).held == ()

    first, second = held_items(d1.engine)
    assert main(["--db", str(d1.path), "sync", "held", "resend", str(first.id)]) == 2  # still too long
    assert "still too long" in capsys.readouterr().err
    assert main(["--db", str(d1.path), "sync", "held", "resend", str(first.id),
                 "--set", "operator=M. Wójcik-Jabłońska"]) == 0
    assert main(["--db", str(d1.path), "sync", "held", "dismiss", str(second.id)]) == 0
    capsys.readouterr()
    assert d1.sync().ok
    assert hub.scalar("SELECT operator FROM scan WHERE id = :i", i=first.ref_id) == "M. Wójcik-Jabłońska"
    assert hub.scalar("SELECT count(*) FROM scan WHERE id = :i", i=second.ref_id) == 0
    assert read_status(d1.engine).held == ()
    kept = {h.ref_id: h.state for h in held_items(d1.engine, include_resolved=True)}
    assert kept == {first.ref_id: "resent", second.ref_id: "dismissed"}  # a record, never dropped
    assert scan_ids(d1.engine).count(second.ref_id) == 1  # the dismissed scan is still in the desk's log
    # and the common case is stopped where it is typed, before anything is recorded
    assert main(["--db", str(d1.path), "--operator", long_name, "sync", "status"]) == 2
    assert "the operator name is 135 characters long" in capsys.readouterr().err


def test_a_resend_through_the_api_and_a_dismiss(hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    _, people = organiser
    d1 = new_desk("Stanowisko 1")
    careless = CheckInService(d1.engine, d1.desk, operator="x" * 101, clock=d1.clock)
    careless.admit(people[0], d1.checkpoint("day1"))
    assert d1.sync().ok
    (item,) = held_items(d1.engine)
    resend(d1.engine, item.id, {"operator": "x" * 100}, by="organiser")
    assert d1.sync().ok and hub.scalar("SELECT count(*) FROM scan WHERE id = :i", i=item.ref_id) == 1
    careless.admit(people[1], d1.checkpoint("day1"))
    assert d1.sync().ok
    (other,) = held_items(d1.engine)
    dismiss(d1.engine, other.id, by="organiser")
    assert held_items(d1.engine) == [] and pending(d1.engine) == 0
