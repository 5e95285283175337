# SPDX-License-Identifier: MIT
"""The venue network misbehaves; after each fault nothing is lost and nothing is counted twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import psycopg
from sqlalchemy import event
from synchelp import Hub, Site, assert_converged, pending, scan_ids, settle
from tcpproxy import TcpProxy

from checkin.domain.models import Scan
from checkin.domain.results import Direction, ScanResult, Source
from checkin.storage import scans as scan_repo
from checkin.storage.db import write_tx
from checkin.storage.events import load_event
from checkin.sync.push import push_pending
from checkin.sync.status import read_status
from checkin.sync.worker import SyncWorker

ROOT = Path(__file__).resolve().parents[2]


def _queue_scans(site: Site, people: list[str], count: int) -> None:
    """A busy morning at one desk, recorded while the hub was away: `count` scans over a few people
    and checkpoints (the first per person and place admitted, the rest repeats), all in the outbox.
    Written in one local transaction with the same repository calls the check-in service uses."""
    places = [site.checkpoint(w) for w in ("day1", "D1-OTW", "D1-CYF", "day2")]
    with write_tx(site.engine) as conn:
        event_id = load_event(conn).id
        for i in range(count):
            person, place = people[i % len(people)], places[(i // len(people)) % len(places)]
            first = scan_repo.attendance_for(conn, person, place.key) is None
            scan_repo.insert_scan(conn, Scan(
                id=str(uuid.uuid4()), event_id=event_id, desk_id=site.desk.id, operator="test",
                device_time=site.clock(), checkpoint=place.key, day=place.day,
                session_id=place.session.id if place.session else None, direction=Direction.IN,
                source=Source.HANDHELD, result=ScanResult.ACCEPTED if first else ScanResult.DUPLICATE,
                attendee_id=person, ticket_id=None, detail="",
            ))
            if first:
                scan_repo.recompute_attendance(conn, person, place.key, place.day,
                                               place.session.id if place.session else None)
                if place.session:
                    scan_repo.recompute_attendance(conn, person, f"day:{place.day.isoformat()}", place.day, None)


def _wait_for(predicate, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_hub_unreachable_at_start_desk_keeps_scanning_and_catches_up(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    _, people = organiser
    d1, d2 = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    proxy = TcpProxy()
    proxy.down()  # the venue switch is still off when desk 1 starts
    statuses = []
    changes: list[set[str]] = []
    d1.close()
    d1.open()
    worker = SyncWorker(d1.engine, proxy.url(hub.desk_url), on_status=statuses.append,
                        on_changes=changes.append, poll_interval=0.5)
    try:
        worker.start()
        _wait_for(lambda: statuses and not statuses[-1].online)
        assert statuses[-1].last_error.startswith("hub unreachable")
        for p in people[:3]:
            assert d1.admit(p).result is ScanResult.ACCEPTED  # the scan path never waits for the hub
        assert read_status(d1.engine).pending_scans == 3
        assert d2.admit(people[5]).result is ScanResult.ACCEPTED and d2.sync().ok
        proxy.up()
        worker.sync_now()
        _wait_for(lambda: read_status(d1.engine).pending == 0 and read_status(d1.engine).online, 40)
        _wait_for(lambda: any("scan" in c for c in changes))  # desk 2's scan arrived too
    finally:
        worker.stop()
        proxy.close()
    settle([d1, d2])
    assert len(assert_converged(hub, [d1, d2])) == 4


def test_connection_cut_in_the_middle_of_a_push(hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    _, people = organiser
    d1 = new_desk("Stanowisko 1")
    _queue_scans(d1, people, 600)
    proxy = TcpProxy()
    d1.hub_url = proxy.url(hub.desk_url)
    d1.go_online()
    delivered: list[int] = []

    def after_batch(n: int) -> None:  # after the third batch, the cable is pulled 2 kB into the fourth
        delivered.append(n)
        if len(delivered) == 3:
            proxy.cut_after(2_000)

    try:
        d1.hub.dispose()
        failed = False
        try:
            push_pending(d1.engine, d1.hub, d1.desk.id, batch_size=50, on_batch=after_batch)
        except Exception:
            failed = True
        assert failed and proxy.cuts == 1
        at_hub = hub.scalar("SELECT count(*) FROM scan")
        assert at_hub == 150  # three whole batches; the cut fourth rolled back
        assert pending(d1.engine) == 600 - at_hub  # exactly what the hub has not committed
        proxy.up()
        d1.go_online()
        assert d1.sync().ok
    finally:
        proxy.close()
    assert hub.scalar("SELECT count(*) FROM scan") == 600
    assert_converged(hub, [d1])


def test_hub_terminates_the_desk_backend_during_a_batch(hub: Hub, organiser: tuple[Site, list[str]],
                                                       new_desk) -> None:
    _, people = organiser
    d1 = new_desk("Stanowisko 1")
    _queue_scans(d1, people, 300)
    killed: list[int] = []

    @event.listens_for(d1.hub, "before_cursor_execute")
    def kill_during_second_batch(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO scan") and len(killed) == 0 and pending(d1.engine) < 300:
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with psycopg.connect(hub.admin_url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            killed.append(pid)

    result = d1.sync()  # batch size 500 would send all at once; use 100
    assert result.ok  # the first sync pushed everything in one batch before our trap armed
    event.remove(d1.hub, "before_cursor_execute", kill_during_second_batch)
    _queue_scans(d1, people, 300)
    event.listen(d1.hub, "before_cursor_execute", kill_during_second_batch)
    failed = False
    try:
        push_pending(d1.engine, d1.hub, d1.desk.id, batch_size=100)
    except Exception:
        failed = True
    assert failed and killed
    assert hub.scalar("SELECT count(*) FROM scan") == 400  # 300 + one whole batch; the killed one is gone
    event.remove(d1.hub, "before_cursor_execute", kill_during_second_batch)
    d1.hub.dispose()
    assert d1.sync().ok
    assert hub.scalar("SELECT count(*) FROM scan") == 600
    assert_converged(hub, [d1])


PUSH_LOOP = textwrap.dedent("""
    import sys
    from checkin.storage.db import open_database
    from checkin.sync.engine import local_desk_id
    from checkin.sync.push import push_pending
    from checkin.sync.urls import hub_engine
    local = open_database(sys.argv[1], check_location=False)
    hub = hub_engine(sys.argv[2])
    def report(n):
        print("batch", n, flush=True)
    push_pending(local, hub, local_desk_id(local), batch_size=int(sys.argv[3]), on_batch=report)
    print("done", flush=True)
""")


def test_desk_process_killed_during_a_batch_and_restarted(hub: Hub, organiser: tuple[Site, list[str]],
                                                         new_desk) -> None:
    _, people = organiser
    d1 = new_desk("Stanowisko 1")
    _queue_scans(d1, people, 800)
    d1.close()
    proc = subprocess.Popen([sys.executable, "-c", PUSH_LOOP, str(d1.path), hub.desk_url, "25"],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    for _ in range(5):
        assert proc.stdout.readline().startswith("batch")
    os.kill(proc.pid, signal.SIGKILL)  # the power cable, mid-batch
    proc.wait(10)
    at_hub = hub.scalar("SELECT count(*) FROM scan")
    assert 125 <= at_hub < 800
    d1.open()  # the desk program starts again
    assert 800 - at_hub <= pending(d1.engine) <= 800 - at_hub + 25  # at most one committed batch still queued
    assert d1.sync().ok
    assert hub.scalar("SELECT count(*) FROM scan") == 800 == len(scan_ids(d1.engine))
    assert_converged(hub, [d1])
