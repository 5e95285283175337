# SPDX-License-Identifier: MIT
"""A room door at scale: scan latency with capacity and exits, the door's numbers, presence minutes.

A desk database with 20,000 attendees; a plenary room that counts exits, 2,000 seats. The door
lets 2,000 people in (the last entries count who is inside against the capacity on every scan),
scans 500 out, turns newcomers away while full, lets 500 back in (re-entries) and runs 500
auto-direction scans. Then it times what the door screen re-reads after every scan (present,
inside now, last scans) and the minutes of presence for everyone in the room.
Prints `name=value` lines (milliseconds, medians, p95).

    .venv/bin/python bench/door.py [--attendees 20000] [--seats 2000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench.roster

from bench.roster import add_roster
from checkin.domain.results import Direction, ScanResult
from checkin.resources import resource_path
from checkin.services.checkin import CheckInService
from checkin.services.door import door_status
from checkin.services.event import install_event, parse_event_data, resolve_checkpoint
from checkin.services.presence import presence_for_session
from checkin.storage.db import open_database
from checkin.storage.meta import ensure_desk


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(name: str, values: list[float]) -> None:
    print(f"{name}_median_ms={statistics.median(values):.3f}")
    print(f"{name}_p95_ms={pct(values, 0.95):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--attendees", type=int, default=20_000)
    ap.add_argument("--seats", type=int, default=2_000)
    args = ap.parse_args()
    data = tomllib.loads(resource_path("demo/event.toml").read_text(encoding="utf-8"))
    for s in data["sessions"]:
        if s["code"] == "D1-OTW":  # the opening plenary: exits counted, a room of `seats`
            s.update(capacity=args.seats, track_exits=True)
    definition = parse_event_data(data)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(Path(tmp) / "door.sqlite3")
        install_event(engine, definition)
        desk = ensure_desk(engine, "Drzwi Sala Balowa")
        add_roster(engine, definition.event.id, args.attendees)
        tick = [datetime(2022, 10, 19, 7, 0, tzinfo=UTC)]  # 09:00 in Warsaw, before the 09:30 start

        def clock() -> datetime:
            tick[0] += timedelta(milliseconds=1500)
            return tick[0]

        svc = CheckInService(engine, desk, clock=clock)
        room = resolve_checkpoint(engine, svc.event, session_code="D1-OTW")
        seats = args.seats
        for _ in range(20):
            svc.scan("KS-WARMUP", room)

        def timed(code: str, direction: Direction | None, expect: ScanResult) -> float:
            t0 = time.perf_counter()
            decision = svc.scan(code, room, direction=direction)
            took = (time.perf_counter() - t0) * 1000
            assert decision.result is expect, (code, decision.result, decision.reason)
            return took

        entries = [timed(f"KS{i:08d}", Direction.IN, ScanResult.ACCEPTED) for i in range(seats)]
        full = [timed(f"KS{seats + i:08d}", Direction.IN, ScanResult.FULL) for i in range(500)]
        tick[0] += timedelta(minutes=30)
        exits = [timed(f"KS{i:08d}", Direction.OUT, ScanResult.ACCEPTED) for i in range(500)]
        tick[0] += timedelta(minutes=10)
        back = [timed(f"KS{i:08d}", Direction.IN, ScanResult.ACCEPTED) for i in range(500)]
        tick[0] += timedelta(minutes=10)
        auto = [timed(f"KS{i:08d}", None, ScanResult.ACCEPTED) for i in range(500, 1000)]  # inside: out
        print(f"attendees={args.attendees}")
        print(f"seats={seats}")
        report("door_entry_with_capacity", entries[-500:])
        report("door_full_refusal", full)
        report("door_exit", exits)
        report("door_re_entry", back)
        report("door_auto_direction", auto)

        status = []
        for _ in range(50):
            t0 = time.perf_counter()
            st = door_status(engine, room, desk.id, last=4)
            status.append((time.perf_counter() - t0) * 1000)
        assert st.inside == seats - 500 and st.present == seats
        report("door_status_read", status)

        presence = []
        for _ in range(7):
            t0 = time.perf_counter()
            result = presence_for_session(engine, "D1-OTW", now=datetime(2022, 10, 19, 12, 0, tzinfo=UTC))
            presence.append((time.perf_counter() - t0) * 1000)
        assert len(result.people) == seats
        print(f"presence_people={len(result.people)}")
        report("presence_minutes_session", presence)
        engine.dispose()


if __name__ == "__main__":
    main()
