# SPDX-License-Identifier: MIT
"""What the rehearsal mark costs the scan path: the one extra read per scan (`active_id`), inside
a write transaction on a desk database, with and without a running rehearsal.

    .venv/bin/python bench/rehearsal_mark.py [--reads 5000]

Prints name=value lines (microseconds, medians of per-read times).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from checkin.resources import resource_path
from checkin.services.event import install_event, parse_event_file
from checkin.services.rehearsal import active_id, end_local, start_local
from checkin.storage.db import open_database, write_tx


def measure(engine, reads: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    with write_tx(engine) as conn:
        for _ in range(reads):
            t0 = time.perf_counter()
            active_id(conn)
            times.append((time.perf_counter() - t0) * 1e6)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(Path(tmp) / "desk.sqlite3")
        install_event(engine, parse_event_file(resource_path("demo/event.toml")))
        for i in range(20):  # a desk that has seen twenty rehearsals
            start_local(engine, f"org {i}")
            end_local(engine)
        print(f"rehearsal_mark_idle_us={measure(engine, args.reads):.1f}")
        start_local(engine, "org")
        print(f"rehearsal_mark_running_us={measure(engine, args.reads):.1f}")
        engine.dispose()


if __name__ == "__main__":
    main()
