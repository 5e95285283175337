# SPDX-License-Identifier: MIT
"""A desk catching up on the venue while its volunteer keeps scanning (real PostgreSQL).

    .venv/bin/python bench/catchup.py [--pg postgresql://postgres@127.0.0.1:5432/test] [--changes 50000] [--runs 3]

A desk synced once (event, roster), then went away while other desks recorded `--changes` check-ins
at the hub. It comes back: one sync round pulls them all, while on another thread the volunteer
admits someone every 50 ms. Prints, as medians over `--runs` (each run a fresh copy of the desk):
- catchup_s: time for the round that pulls everything;
- scan_p95_ms / scan_max_ms / scan_p50_ms: how long each admission took meanwhile (goal: p95 < 50 ms);
- idle_p95_ms: the same admissions just before, with no catch-up running (this machine's floor);
- pulled: rows taken from the hub.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sync import Bench, pct  # noqa: E402

from checkin.domain.models import Checkpoint  # noqa: E402
from checkin.services.checkin import CheckInService  # noqa: E402
from checkin.storage.db import open_database  # noqa: E402
from checkin.storage.events import load_event  # noqa: E402
from checkin.storage.meta import ensure_desk  # noqa: E402
from checkin.sync.engine import sync_once  # noqa: E402
from checkin.sync.urls import hub_engine  # noqa: E402

OTHER_DESK = "bench-other-desk"


def fill_hub(b: Bench, changes: int, event_id: str) -> None:
    """Other desks' check-ins, straight into the hub in pushes of 5,000 (the feed trigger runs)."""
    with psycopg.connect(b.admin) as conn:
        conn.execute("INSERT INTO checkin.desk (id, name) VALUES (%s, 'Stanowisko 9') ON CONFLICT DO NOTHING",
                     (OTHER_DESK,))
        conn.commit()
        for start in range(0, changes, 5000):
            n = min(5000, changes - start)
            conn.execute("SELECT set_config('checkin.desk_id', %s, true)", (OTHER_DESK,))
            conn.execute(
                """INSERT INTO checkin.scan (id, event_id, desk_id, operator, device_time, checkpoint, day,
                                             direction, source, result, attendee_id)
                   SELECT gen_random_uuid()::text, %(event)s, %(desk)s, 'Wolontariusz',
                          timestamptz '2022-10-19 08:00+02' + (%(start)s + g) * interval '50 ms',
                          CASE WHEN g %% 2 = 0 THEN 'day:2022-10-19' ELSE 'day:2022-10-20' END,
                          CASE WHEN g %% 2 = 0 THEN date '2022-10-19' ELSE date '2022-10-20' END,
                          'in', 'handheld', CASE WHEN g %% 7 = 0 THEN 'duplicate' ELSE 'accepted' END,
                          (%(people)s::text[])[1 + (%(start)s + g) %% %(n_people)s]
                   FROM generate_series(1, %(n)s) AS g""",
                {"event": event_id, "desk": OTHER_DESK, "start": start, "n": n, "people": b.people,
                 "n_people": len(b.people)})
            conn.commit()


def one_run(b: Bench, pristine: Path, workdir: Path, run: int) -> dict[str, float]:
    path = workdir / f"catchup-{run}.sqlite3"
    shutil.copy(pristine, path)
    engine = open_database(path, check_location=False)
    desk = ensure_desk(engine)
    with engine.connect() as conn:
        day = load_event(conn).dates[0]
    service = CheckInService(engine, desk)
    hub = hub_engine(b.desk_url)
    latencies: list[float] = []
    done = threading.Event()
    outcome: dict[str, float] = {}

    def catch_up() -> None:  # the sync thread
        started = time.perf_counter()
        result = sync_once(engine, hub)
        outcome["catchup_s"] = time.perf_counter() - started
        outcome["pulled"] = result.pulled
        assert result.ok, result.error
        done.set()

    idle: list[float] = []  # the same volunteer with no catch-up running: what the machine gives anyway
    for i in range(40):
        started = time.perf_counter()
        service.admit(b.people[-1 - i % 50], Checkpoint(day))
        idle.append(time.perf_counter() - started)
        time.sleep(max(0.0, 0.05 - idle[-1]))
    thread = threading.Thread(target=catch_up)
    thread.start()
    i = 0
    while not done.is_set():  # the volunteer: one admission every 50 ms
        started = time.perf_counter()
        service.admit(b.people[i % len(b.people)], Checkpoint(day))
        latencies.append(time.perf_counter() - started)
        i += 1
        time.sleep(max(0.0, 0.05 - latencies[-1]))
    thread.join()
    hub.dispose()
    engine.dispose()
    outcome.update(idle_p95_ms=pct(idle, 95) * 1000)
    outcome.update(scan_p50_ms=statistics.median(latencies) * 1000, scan_p95_ms=pct(latencies, 95) * 1000,
                   scan_max_ms=max(latencies) * 1000, scans=len(latencies))
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--changes", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--switch-ms", type=float, default=0.0, help="sys.setswitchinterval (ms) to try")
    args = parser.parse_args()
    if args.switch_ms:
        sys.setswitchinterval(args.switch_ms / 1000)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        b = Bench(args.pg, workdir)
        try:
            engine, _svc, _cp = b.new_desk("Stanowisko powracające")  # synced once: event and roster
            with engine.connect() as conn:
                event_id = load_event(conn).id
            engine.dispose()
            pristine = workdir / "Stanowisko_powracające.sqlite3"
            fill_hub(b, args.changes, event_id)
            runs = [one_run(b, pristine, workdir, r) for r in range(args.runs)]
        finally:
            b.close()
    print(f"changes={args.changes}")
    print(f"runs={args.runs}")
    for key in ("pulled", "catchup_s", "idle_p95_ms", "scan_p50_ms", "scan_p95_ms", "scan_max_ms", "scans"):
        value = statistics.median(r[key] for r in runs)
        print(f"{key}={value:.1f}" if isinstance(value, float) and key not in ("pulled", "scans") else
              f"{key}={value:.0f}")


if __name__ == "__main__":
    main()
