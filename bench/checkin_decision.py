# SPDX-License-Identifier: MIT
"""Check-in decision + commit latency on a desk database with 20,000 attendees.

Measures CheckInService.scan for first admissions, duplicates and rejections (unknown code), each
one full local transaction with synchronous=FULL. Prints median and p95 in milliseconds.

    .venv/bin/python bench/checkin_decision.py [--attendees 20000] [--scans 1000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench.roster

from bench.roster import add_roster
from checkin.domain.models import Checkpoint
from checkin.resources import resource_path
from checkin.services.checkin import CheckInService
from checkin.services.event import install_event, parse_event_file
from checkin.storage.db import open_database
from checkin.storage.meta import ensure_desk


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--attendees", type=int, default=20_000)
    ap.add_argument("--scans", type=int, default=1_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(Path(tmp) / "bench.sqlite3")
        definition = parse_event_file(resource_path("demo/event.toml"))
        install_event(engine, definition)
        desk = ensure_desk(engine, "Desk 1")
        add_roster(engine, definition.event.id, args.attendees)
        start = datetime(2022, 10, 19, 6, 0, tzinfo=UTC)
        tick = [start]

        def clock() -> datetime:
            tick[0] += timedelta(milliseconds=900)
            return tick[0]

        svc = CheckInService(engine, desk, clock=clock)
        entrance = Checkpoint(date(2022, 10, 19))
        n = min(args.scans, args.attendees)
        for _ in range(20):  # warm-up: statement caches, page cache
            svc.scan("KS-WARMUP", entrance)
        results: dict[str, list[float]] = {"first admission": [], "duplicate": [], "unknown code": []}
        for label, codes in (("first admission", range(n)), ("duplicate", range(n)),
                             ("unknown code", range(n))):
            for i in codes:
                code = f"KS{i:08d}" if label != "unknown code" else f"NOPE{i:08d}"
                t0 = time.perf_counter()
                svc.scan(code, entrance)
                results[label].append((time.perf_counter() - t0) * 1000)
        print(f"check-in decision + commit, {args.attendees} attendees, {n} scans each, synchronous=FULL")
        for label, values in results.items():
            print(f"  {label:<16} median {statistics.median(values):6.2f} ms   p95 {pct(values, 0.95):6.2f} ms")
        engine.dispose()


if __name__ == "__main__":
    main()
