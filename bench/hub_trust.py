# SPDX-License-Identifier: MIT
"""What the hub's row-level rules cost, and how fast a revoked desk is cut, against a real PostgreSQL.

    .venv/bin/python bench/hub_trust.py [--pg postgresql://postgres@127.0.0.1:5432/test] [--runs 3]

Creates a throw-away hub (as bench/sync.py does) and prints medians as name=value:
- push_1000_shared_s / push_1000_per_desk_s: a desk that was offline pushes 1,000 check-ins through
  the shared desk login and through its own login (every row then passes the per-row policy and the
  hub derives attendance in its trigger);
- revoke_cut_s: `revoke_desk` until no session of that login is left, with the desk's sync worker
  (sync thread + live listener) running; revoke_told_s: until the desk's status carries the
  "withdrawn" sentence.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checkin.domain.models import Checkpoint  # noqa: E402
from checkin.services.checkin import CheckInService  # noqa: E402
from checkin.storage.events import list_sessions, load_event  # noqa: E402
from checkin.storage.meta import ensure_desk  # noqa: E402
from checkin.sync.desk_logins import add_desk, revoke_desk  # noqa: E402
from checkin.sync.engine import sync_once  # noqa: E402
from checkin.sync.push import push_pending  # noqa: E402
from checkin.sync.status import read_status  # noqa: E402
from checkin.sync.urls import hub_engine  # noqa: E402
from checkin.sync.worker import SyncWorker  # noqa: E402


def _bench_module() -> Any:
    spec = importlib.util.spec_from_file_location("bench_sync", ROOT / "bench" / "sync.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def local_url(url: str) -> str:
    return url.replace("sslmode=verify-full", "sslmode=disable")


def new_desk(b: Any, name: str, url: str) -> tuple[Any, CheckInService]:
    engine = b.new_db(name.replace(" ", "_"))
    desk = ensure_desk(engine, name)
    hub = hub_engine(url)
    result = sync_once(engine, hub)
    hub.dispose()
    assert result.ok, result.error
    return engine, CheckInService(engine, desk)


def push_1000(b: Any, name: str, url: str) -> float:
    engine, svc = new_desk(b, name, url)
    with engine.connect() as conn:
        event = load_event(conn)
        places = [Checkpoint(d) for d in event.dates] + [Checkpoint(s.day, s) for s in list_sessions(conn, event.id)]
    made = 0
    for place in places:
        for person in b.people:
            if made == 1000:
                break
            svc.admit(person, place)
            made += 1
    hub = hub_engine(url)
    started = time.perf_counter()
    pushed = push_pending(engine, hub, svc.desk.id)
    elapsed = time.perf_counter() - started
    hub.dispose()
    engine.dispose()
    assert pushed == made == 1000, (pushed, made)
    return elapsed


def revoke_cut(b: Any, name: str) -> tuple[float, float]:
    login = add_desk(b.organiser_url, name)
    engine, _ = new_desk(b, name, local_url(login.url))
    worker = SyncWorker(engine, local_url(login.url), poll_interval=1.0)
    worker.start()
    sessions = f"SELECT count(*) FROM pg_stat_activity WHERE usename = '{login.role}'"
    try:
        with psycopg.connect(b.admin, autocommit=True) as admin:
            deadline = time.monotonic() + 30
            while admin.execute(sessions).fetchone() != (2,) and time.monotonic() < deadline:
                time.sleep(0.05)
            started = time.perf_counter()
            revoke_desk(b.organiser_url, name)
            while admin.execute(sessions).fetchone() != (0,):
                time.sleep(0.01)
            cut = time.perf_counter() - started
            while "withdrawn" not in (read_status(engine).last_error or ""):
                time.sleep(0.05)
            told = time.perf_counter() - started
    finally:
        worker.stop()
        engine.dispose()
    return cut, told


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bench_sync = _bench_module()
    with tempfile.TemporaryDirectory(prefix="checkin-bench-trust-") as tmp:
        b = bench_sync.Bench(args.pg, Path(tmp))
        try:
            shared = [push_1000(b, f"Shared {i}", b.desk_url) for i in range(args.runs)]
            own = [push_1000(b, f"Own {i}", local_url(add_desk(b.organiser_url, f"Own {i}").url))
                   for i in range(args.runs)]
            revokes = [revoke_cut(b, f"Revoked {i}") for i in range(max(3, args.runs))]
        finally:
            b.close()
    print(f"push_1000_shared_s={statistics.median(shared):.3f}")
    print(f"push_1000_per_desk_s={statistics.median(own):.3f}")
    print(f"revoke_cut_s={statistics.median(c for c, _ in revokes):.3f}")
    print(f"revoke_told_s={statistics.median(t for _, t in revokes):.3f}")


if __name__ == "__main__":
    main()
