# SPDX-License-Identifier: MIT
"""Venue sync figures against a real PostgreSQL: desk-to-desk lag, catch-up push, 20 busy desks.

    .venv/bin/python bench/sync.py [--pg postgresql://postgres@127.0.0.1:5432/test] [--seconds 60]

Creates a throw-away hub database and roles (dropped at the end) and SQLite desks in a temp folder.
0. Round cost: CPU of a sync round on the hot path (after a notification), with nothing new and
   with one new scan from another desk; every desk pays it once per push anywhere at the venue.
1. Lag: desk 1 admits someone; how long until desk 2's sync thread has the scan in its own database
   (LISTEN/NOTIFY + the outbox watch; nobody calls sync_now). Median and p95; target < 1 s.
2. Catch-up: a desk that was offline holds 1,000 check-ins; time to push them once it reconnects
   (target < 3 s).
3. Load: 20 desks (threads, each its own SQLite file and sync worker) admitting 2 people per second
   each for --seconds; counts errors and checks every desk and the hub agree at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checkin.domain.models import Attendee, Checkpoint  # noqa: E402
from checkin.domain.results import ScanResult  # noqa: E402
from checkin.services.checkin import CheckInService  # noqa: E402
from checkin.services.event import install_event, parse_event_file  # noqa: E402
from checkin.storage import tables as t  # noqa: E402
from checkin.storage.attendees import attendee_values  # noqa: E402
from checkin.storage.db import open_database, write_tx  # noqa: E402
from checkin.storage.events import load_event  # noqa: E402
from checkin.storage.meta import ensure_desk  # noqa: E402
from checkin.sync.engine import RoundMemo, publish, sync_once  # noqa: E402
from checkin.sync.hub import drop_roles, init_hub  # noqa: E402
from checkin.sync.push import push_pending  # noqa: E402
from checkin.sync.urls import hub_engine, libpq  # noqa: E402
from checkin.sync.worker import SyncWorker  # noqa: E402

FIRST = ["Łukasz", "Małgorzata", "Grzegorz", "Zofia", "Jędrzej", "Agnieszka", "Bożena", "Władysław"]
LAST = ["Żółć-Ślęzak", "Wójcik", "Brzęczek", "Śliwińska", "Kręcisz", "Łęcka", "Gąsiorowska", "Źdźbło"]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class Bench:
    def __init__(self, server_url: str, workdir: Path) -> None:
        server = make_url(server_url.replace("postgresql://", "postgresql+psycopg://", 1))
        self.suffix = uuid.uuid4().hex[:8]
        self.database = f"checkin_bench_{self.suffix}"
        self.prefix = f"bench{self.suffix}"
        self.server = libpq(server.set(database="postgres"))
        with psycopg.connect(self.server, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.database}"')
        self.admin = libpq(server.set(database=self.database))
        roles = {r.kind: r.url for r in init_hub(self.admin, role_prefix=self.prefix).roles}
        self.desk_url, self.organiser_url = roles["desk"], roles["organiser"]
        self.workdir = workdir
        self.template = workdir / "template.sqlite3"
        open_database(self.template, check_location=False).dispose()
        self.people = self._organiser()

    def _organiser(self) -> list[str]:
        engine = self.new_db("organiser")
        definition = parse_event_file(ROOT / "resources/demo/event.toml")
        install_event(engine, definition)
        ensure_desk(engine, "Biuro organizatora")
        ids = []
        with write_tx(engine) as conn:
            for i in range(400):
                a = Attendee(id=str(uuid.uuid4()), event_id=definition.event.id, first_name=FIRST[i % 8],
                             last_name=f"{LAST[(i // 8) % 8]} {i}", organisation="Urząd Gminy Brzęczyszczykiewice",
                             ticket_id=uuid.uuid4().hex)
                conn.execute(t.attendee.insert().values(id=a.id, updated_at=datetime.now(UTC), updated_by="import",
                                                        **attendee_values(a)))
                ids.append(a.id)
        hub = hub_engine(self.organiser_url)
        publish(engine, hub)
        hub.dispose()
        engine.dispose()
        return ids

    def new_db(self, name: str) -> Engine:
        import shutil

        path = self.workdir / f"{name}.sqlite3"
        shutil.copy(self.template, path)
        return open_database(path, check_location=False)

    def new_desk(self, name: str) -> tuple[Engine, CheckInService, Checkpoint]:
        engine = self.new_db(name.replace(" ", "_"))
        desk = ensure_desk(engine, name)
        hub = hub_engine(self.desk_url)
        result = sync_once(engine, hub)
        hub.dispose()
        assert result.ok, result.error
        with engine.connect() as conn:
            day = load_event(conn).dates[0]
        return engine, CheckInService(engine, desk), Checkpoint(day)

    def close(self) -> None:
        with psycopg.connect(self.server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        drop_roles(self.server, self.prefix)

    def hub_scans(self) -> int:
        with psycopg.connect(self.admin) as conn:
            row = conn.execute("SELECT count(*) FROM checkin.scan").fetchone()
            return int(row[0]) if row else 0


def bench_lag(b: Bench, samples: int) -> list[float]:
    e1, s1, cp = b.new_desk("Lag 1")
    e2, _, _ = b.new_desk("Lag 2")
    arrived = threading.Event()
    w1 = SyncWorker(e1, b.desk_url, poll_interval=5.0)
    w2 = SyncWorker(e2, b.desk_url, poll_interval=5.0, on_changes=lambda kinds: arrived.set())
    w1.start()
    w2.start()
    lags: list[float] = []
    try:
        while not (w1.status().live and w2.status().live):
            time.sleep(0.05)
        time.sleep(0.5)
        for person in b.people[:samples]:
            arrived.clear()
            started = time.perf_counter()
            decision = s1.admit(person, cp)
            while True:
                assert arrived.wait(10), "scan never arrived"
                with e2.connect() as conn:
                    if conn.execute(select(t.scan.c.id).where(t.scan.c.id == decision.scan_id)).first():
                        break
                arrived.clear()
            lags.append(time.perf_counter() - started)
            time.sleep(random.uniform(0.1, 0.4))
    finally:
        w1.stop()
        w2.stop()
        e1.dispose()
        e2.dispose()
    return lags


def bench_round_cost(b: Bench, rounds: int) -> dict[str, float]:
    """CPU of one sync round on the hot path (a worker's round after a notification): with nothing
    new, and with one new scan from another desk. Every desk pays this once per push anywhere."""
    e1, s1, cp = b.new_desk("Round 1")
    e2, _, _ = b.new_desk("Round 2")
    h1, h2 = hub_engine(b.desk_url), hub_engine(b.desk_url)
    m1, m2 = RoundMemo(), RoundMemo()
    sync_once(e1, h1, memo=m1)
    sync_once(e2, h2, memo=m2)
    figures: dict[str, float] = {}
    for label, new_scan in (("idle", False), ("one_scan", True)):
        cpu, wall = [], []
        for i in range(rounds):
            if new_scan:
                s1.admit(b.people[200 + i % 200], cp)
                sync_once(e1, h1, memo=m1)
            c0, w0 = time.process_time(), time.perf_counter()
            assert sync_once(e2, h2, memo=m2).ok
            cpu.append(time.process_time() - c0)
            wall.append(time.perf_counter() - w0)
        figures[f"round_{label}_cpu_ms_median"] = statistics.median(cpu) * 1000
        figures[f"round_{label}_wall_ms_median"] = statistics.median(wall) * 1000
    for engine in (h1, h2, e1, e2):
        engine.dispose()
    return figures


def bench_catch_up(b: Bench, count: int) -> tuple[float, float]:
    engine, svc, _ = b.new_desk("Catch-up")
    with engine.connect() as conn:
        event = load_event(conn)
    from checkin.storage.events import list_sessions

    with engine.connect() as conn:
        places = [Checkpoint(d) for d in event.dates]
        places += [Checkpoint(s.day, s) for s in list_sessions(conn, event.id)]
    made = 0
    started = time.perf_counter()
    for place in places:  # offline: the outbox fills up
        for person in b.people:
            if made == count:
                break
            svc.admit(person, place)
            made += 1
    queue_time = time.perf_counter() - started
    hub = hub_engine(b.desk_url)
    desk_id = svc.desk.id
    started = time.perf_counter()
    pushed = push_pending(engine, hub, desk_id)
    push_time = time.perf_counter() - started
    hub.dispose()
    engine.dispose()
    assert pushed == count, pushed
    return push_time, queue_time / count


def bench_load(b: Bench, desks: int, rate: float, seconds: float) -> dict[str, float]:
    sites = [b.new_desk(f"Stanowisko {i + 1}") for i in range(desks)]
    errors: list[str] = []
    workers = []
    for engine, _, _ in sites:
        def on_status(status, _errors=errors):  # type: ignore[no-untyped-def]
            if status.last_error:
                _errors.append(status.last_error)
        workers.append(SyncWorker(engine, b.desk_url, poll_interval=5.0, on_status=on_status))
    for w in workers:
        w.start()
    stop = threading.Event()
    made = [0] * desks
    scan_errors: list[str] = []

    def scanner(i: int) -> None:
        _, svc, cp = sites[i]
        rng = random.Random(i)
        next_at = time.perf_counter()
        while not stop.is_set():
            try:
                result = svc.admit(rng.choice(b.people), cp).result
                assert result in (ScanResult.ACCEPTED, ScanResult.DUPLICATE)
                made[i] += 1
            except Exception as exc:  # counted and reported
                scan_errors.append(repr(exc))
            next_at += 1 / rate
            stop.wait(max(0.0, next_at - time.perf_counter()))

    threads = [threading.Thread(target=scanner, args=(i,), daemon=True) for i in range(desks)]
    started = time.perf_counter()
    for th in threads:
        th.start()
    time.sleep(seconds)
    stop.set()
    for th in threads:
        th.join()
    elapsed = time.perf_counter() - started
    for w in workers:
        w.stop()
    total = sum(made)
    for engine, _, _ in sites:  # settle: everyone pushes, then everyone pulls
        hub = hub_engine(b.desk_url)
        assert sync_once(engine, hub).ok
        hub.dispose()
    agree = True
    at_hub = b.hub_scans()
    for engine, _, _ in sites:
        hub = hub_engine(b.desk_url)
        sync_once(engine, hub)
        hub.dispose()
        with engine.connect() as conn:
            local = int(conn.execute(select(func.count()).select_from(t.scan)).scalar_one())
        agree &= local == at_hub
        engine.dispose()
    return {"scans": total, "rate": total / elapsed, "sync_errors": len(errors), "scan_errors": len(scan_errors),
            "hub_scans": at_hub, "all_agree": agree}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pg", default=os.environ.get("CHECKIN_TEST_PG_URL",
                                                       "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the 20-desk run (default 60)")
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--lag-samples", type=int, default=40)
    parser.add_argument("--round-samples", type=int, default=100, help="rounds timed per case (round cost)")
    parser.add_argument("--lag-only", action="store_true", help="measure only the round cost and desk-to-desk lag")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        b = Bench(args.pg, Path(tmp))
        try:
            for name, value in bench_round_cost(b, args.round_samples).items():
                print(f"{name}={value:.2f}")
            lags = bench_lag(b, args.lag_samples)
            print(f"desk-to-desk lag (live, {len(lags)} check-ins): median {statistics.median(lags) * 1000:.0f} ms, "
                  f"p95 {pct(lags, 95) * 1000:.0f} ms, max {max(lags) * 1000:.0f} ms  (target p95 < 100 ms)")
            print(f"lag_ms_median={statistics.median(lags) * 1000:.1f}\nlag_ms_p95={pct(lags, 95) * 1000:.1f}")
            if args.lag_only:
                return 0
            push_time, per_scan = bench_catch_up(b, 1000)
            print(f"catch-up push of 1,000 queued check-ins: {push_time:.2f} s  (target < 3 s; "
                  f"recording them offline took {per_scan * 1000:.2f} ms each)")
            load = bench_load(b, args.desks, 2.0, args.seconds)
            print(f"{args.desks} desks x 2 scans/s for {args.seconds:.0f} s: {load['scans']} scans "
                  f"({load['rate']:.1f}/s), sync errors {load['sync_errors']}, scan errors {load['scan_errors']}, "
                  f"hub holds {load['hub_scans']}, every desk holds all: {load['all_agree']}")
        finally:
            b.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
