# SPDX-License-Identifier: MIT
"""Coordinator dashboard read at the large-event scale: 20,000 attendees, 200 sessions, 50 desks.

The dashboard re-reads when something changed (every second in a busy morning) on a pool thread of
a desk laptop that is also scanning, so this read must stay cheap. Prints medians of 5 reads.

    .venv/bin/python bench/dashboard.py [--attendees 20000] [--sessions 200] [--desks 50]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from checkin.domain.models import Attendee, Session, SessionKind
from checkin.resources import resource_path
from checkin.services.dashboard import activity_fingerprint, dashboard_snapshot
from checkin.services.event import install_event, parse_event_file, session_id_for
from checkin.services.headcount import headcount
from checkin.storage import tables as t
from checkin.storage.attendees import attendee_values
from checkin.storage.db import open_database, write_tx
from checkin.storage.events import save_sessions

DAY1 = date(2022, 10, 19)


def build(path: Path, n_people: int, n_sessions: int, n_desks: int) -> tuple[object, str]:
    engine = open_database(path)
    definition = parse_event_file(resource_path("demo/event.toml"))
    install_event(engine, definition)
    event_id = definition.event.id
    rnd = random.Random(2022)
    sessions = [Session(session_id_for(event_id, f"S{i:03d}"), event_id, DAY1 + timedelta(days=i % 2), f"S{i:03d}",
                        f"Sesja {i}", capacity=60 if i % 4 == 0 else None, kind=SessionKind.WORKSHOP,
                        requires_registration=i % 4 == 0, tracks_inside=i % 4 == 0) for i in range(n_sessions)]
    desks = [str(uuid.uuid4()) for _ in range(n_desks)]
    now = datetime(2022, 10, 19, 6, 30, tzinfo=UTC)
    people, attendance, scans = [], [], []
    for i in range(n_people):
        a = Attendee(str(uuid.uuid4()), event_id, "Zofia", f"Wąsowicz-{i}", category=rnd.choice(
            ["participant"] * 8 + ["speaker", "partner", "media"]),
            sessions=tuple(f"S{rnd.randrange(0, n_sessions, 4):03d}" for _ in range(2)))
        people.append({"id": a.id, "updated_at": now, **attendee_values(a)})
        if rnd.random() < 0.75:  # present on day 1, and in one session
            when, desk = now + timedelta(seconds=rnd.randrange(0, 3 * 3600)), rnd.choice(desks)
            scan_id = str(uuid.uuid4())
            scans.append({"id": scan_id, "event_id": event_id, "desk_id": desk, "operator": "", "device_time": when,
                          "checkpoint": f"day:{DAY1}", "day": DAY1, "session_id": None, "direction": "in",
                          "source": "camera", "result": "accepted", "attendee_id": a.id, "detail": ""})
            attendance.append({"attendee_id": a.id, "checkpoint": f"day:{DAY1}", "day": DAY1, "session_id": None,
                               "scan_id": scan_id, "first_time": when, "desk_id": desk, "active": True,
                               "inside": True})
            s = sessions[rnd.randrange(0, n_sessions, 2)]
            attendance.append({"attendee_id": a.id, "checkpoint": f"session:{s.id}", "day": s.day,
                               "session_id": s.id, "scan_id": scan_id, "first_time": when, "desk_id": desk,
                               "active": True, "inside": rnd.random() < 0.8})
    with write_tx(engine) as conn:
        save_sessions(conn, event_id, sessions)
        conn.execute(t.attendee.insert(), people)
        conn.execute(t.scan.insert(), scans)
        conn.execute(t.attendance.insert(), attendance)
        conn.execute(t.desk.insert(), [{"id": d, "name": f"Stanowisko {i + 1}"} for i, d in enumerate(desks)])
    return engine, desks[0]


def timed(fn: object, runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--attendees", type=int, default=20_000)
    ap.add_argument("--sessions", type=int, default=200)
    ap.add_argument("--desks", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine, desk_id = build(Path(tmp) / "big.sqlite3", args.attendees, args.sessions, args.desks)
        now = datetime(2022, 10, 19, 9, 30, tzinfo=UTC)
        print(f"dashboard reads, {args.attendees} attendees, {args.sessions} sessions, {args.desks} desks "
              "(median of 5):")
        print(f"  change check (every second)  {timed(lambda: activity_fingerprint(engine)):8.1f} ms")  # type: ignore[arg-type]
        print(f"  headcount, day 1             {timed(lambda: headcount(engine, DAY1)):8.1f} ms")  # type: ignore[arg-type]
        print(f"  full dashboard snapshot      "
              f"{timed(lambda: dashboard_snapshot(engine, desk_id, DAY1, now)):8.1f} ms")  # type: ignore[arg-type]
        engine.dispose()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
