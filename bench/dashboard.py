# SPDX-License-Identifier: MIT
"""Coordinator dashboard reads at the large-event scale: 20,000 attendees, 200 sessions, 50 desks and
200,000 scans (about ten session scans per person, entries and exits, some voids: a second day).

The dashboard re-reads when something changed on a pool thread of a desk laptop that is also
scanning, so this read must stay cheap. Three ways are measured in the same run, on the same file:
- the tallies the app reads (running totals kept by SQLite triggers): `snapshot_ms_median`,
  `headcount_ms_median`, `change_check_ms_median`;
- the same service counting from scratch with covering indexes added: `recount_*`;
- the from-scratch queries in raw sqlite3 with the same covering indexes: `raw_sql_*` (the floor
  for any query-based design).
Also the cost the triggers add to one check-in (`checkin_ms_median`, through the real service).

    .venv/bin/python bench/dashboard.py [--attendees 20000] [--scans 200000] [--sessions 200] [--desks 50]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine  # noqa: E402

from checkin.domain.models import Attendee, Checkpoint, Session, SessionKind  # noqa: E402
from checkin.resources import resource_path  # noqa: E402
from checkin.services.checkin import CheckInService  # noqa: E402
from checkin.services.dashboard import activity_fingerprint, dashboard_snapshot  # noqa: E402
from checkin.services.event import install_event, parse_event_file, session_id_for  # noqa: E402
from checkin.services.headcount import headcount, recount  # noqa: E402
from checkin.storage import tables as t  # noqa: E402
from checkin.storage.attendees import attendee_values  # noqa: E402
from checkin.storage.db import open_database, write_tx  # noqa: E402
from checkin.storage.events import save_sessions  # noqa: E402
from checkin.storage.meta import ensure_desk  # noqa: E402
from checkin.storage.tallies import DROP_STATEMENTS  # noqa: E402

DAY1 = date(2022, 10, 19)
COVERING = (
    "CREATE INDEX IF NOT EXISTS bx_att_day ON attendance (day, session_id, active, attendee_id, first_time)",
    "CREATE INDEX IF NOT EXISTS bx_att_session ON attendance (session_id, active, inside)",
    "CREATE INDEX IF NOT EXISTS bx_attendee_cat ON attendee (id, event_id, category)",
    "CREATE INDEX IF NOT EXISTS bx_attendee_reg ON attendee (event_id, status, days, sessions, category)",
    "CREATE INDEX IF NOT EXISTS bx_scan_desk ON scan (event_id, desk_id, device_time, result)",
    "CREATE INDEX IF NOT EXISTS bx_scan_time_desk ON scan (device_time, event_id, desk_id, result)",
)


def build(path: Path, n_people: int, n_scans: int, n_sessions: int, n_desks: int) -> tuple[Engine, str]:
    engine = open_database(path)
    definition = parse_event_file(resource_path("demo/event.toml"))
    install_event(engine, definition)
    event_id = definition.event.id
    rnd = random.Random(2022)
    sessions = [Session(session_id_for(event_id, f"S{i:03d}"), event_id, DAY1 + timedelta(days=i % 2), f"S{i:03d}",
                        f"Sesja {i}", capacity=60 if i % 4 == 0 else None, kind=SessionKind.WORKSHOP,
                        requires_registration=i % 4 == 0, tracks_inside=i % 4 == 0) for i in range(n_sessions)]
    day1_sessions = [s for s in sessions if s.day == DAY1]
    desks = [str(uuid.uuid4()) for _ in range(n_desks)]
    start = datetime(2022, 10, 19, 6, 30, tzinfo=UTC)
    people: list[dict[str, Any]] = []
    scans: list[dict[str, Any]] = []
    attendance: dict[tuple[str, str], dict[str, Any]] = {}
    present_share = 0.75
    per_person = max(0, round(n_scans / max(1, n_people * present_share)) - 1)  # session scans per person

    def scan(a_id: str, when: datetime, desk: str, checkpoint: str, session: Session | None, direction: str,
             result: str = "accepted", voided: str | None = None) -> str:
        scan_id = str(uuid.uuid4())
        scans.append({"id": scan_id, "event_id": event_id, "desk_id": desk, "operator": "", "device_time": when,
                      "checkpoint": checkpoint, "day": session.day if session else DAY1,
                      "session_id": session.id if session else None, "direction": direction, "source": "camera",
                      "result": result, "attendee_id": a_id, "detail": "", "voided_scan_id": voided})
        return scan_id

    for i in range(n_people):
        a = Attendee(str(uuid.uuid4()), event_id, "Zofia", f"Wąsowicz-{i}", category=rnd.choice(
            ["participant"] * 8 + ["speaker", "partner", "media"]),
            sessions=tuple(f"S{rnd.randrange(0, n_sessions, 4):03d}" for _ in range(2)))
        people.append({"id": a.id, "updated_at": start, **attendee_values(a)})
        if rnd.random() >= present_share or len(scans) >= n_scans:
            continue
        when, desk = start + timedelta(seconds=rnd.randrange(0, 3 * 3600)), rnd.choice(desks)
        day_scan = scan(a.id, when, desk, f"day:{DAY1}", None, "in")
        attendance[(a.id, f"day:{DAY1}")] = {
            "attendee_id": a.id, "checkpoint": f"day:{DAY1}", "day": DAY1, "session_id": None, "scan_id": day_scan,
            "first_time": when, "desk_id": desk, "active": True, "inside": True}
        for _ in range(per_person):
            when += timedelta(minutes=rnd.randrange(5, 60))
            s = rnd.choice(day1_sessions)
            key = (a.id, f"session:{s.id}")
            row = attendance.get(key)
            direction = "out" if row and row["inside"] and rnd.random() < 0.6 else "in"
            scan_id = scan(a.id, when, rnd.choice(desks), key[1], s, direction)
            if row is None and direction == "in":
                if rnd.random() < 0.02:  # a mistaken admission, undone
                    scan(a.id, when + timedelta(seconds=20), desk, key[1], s, "in", "void", scan_id)
                    continue
                attendance[key] = {"attendee_id": a.id, "checkpoint": key[1], "day": s.day, "session_id": s.id,
                                   "scan_id": scan_id, "first_time": when, "desk_id": desk, "active": True,
                                   "inside": True}
            elif row is not None:
                row["inside"] = direction == "in"
    with write_tx(engine) as conn:
        save_sessions(conn, event_id, sessions)
        conn.execute(t.attendee.insert(), people)
        conn.execute(t.scan.insert(), scans)
        conn.execute(t.attendance.insert(), list(attendance.values()))
        conn.execute(t.desk.insert(), [{"id": d, "name": f"Stanowisko {i + 1}"} for i, d in enumerate(desks)])
    return engine, desks[0]


def timed(fn: Callable[[], object], runs: int = 7) -> float:
    fn()  # warm caches (SQLite pages, compiled statements) as a dashboard that keeps reading has them
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def raw_headcount(db: sqlite3.Connection, event_id: str, day: str) -> object:
    """The headcount's from-scratch queries in plain sqlite3 (no ORM, no Python per row)."""
    reg = db.execute("SELECT days, category, count(*) FROM attendee WHERE event_id = ? AND status = 'active' "
                     "GROUP BY days, category", (event_id,)).fetchall()
    reg_s = db.execute("SELECT sessions, count(*) FROM attendee WHERE event_id = ? AND status = 'active' "
                       "GROUP BY sessions", (event_id,)).fetchall()
    present = db.execute("SELECT a.category, count(*) FROM attendance at JOIN attendee a ON a.id = at.attendee_id "
                         "WHERE at.day = ? AND at.session_id IS NULL AND at.active = 1 AND a.event_id = ? "
                         "GROUP BY a.category", (day, event_id)).fetchall()
    sessions = db.execute("SELECT session_id, count(*), sum(inside) FROM attendance WHERE session_id IN "
                          "(SELECT id FROM session WHERE day = ?) AND active = 1 GROUP BY session_id",
                          (day,)).fetchall()
    return reg, reg_s, present, sessions


def raw_snapshot(db: sqlite3.Connection, event_id: str, day: str, since: str) -> object:
    head = raw_headcount(db, event_id, day)
    arrivals = db.execute("SELECT substr(first_time, 1, 15), count(*) FROM attendance WHERE day = ? AND "
                          "session_id IS NULL AND active = 1 GROUP BY 1", (day,)).fetchall()
    totals = db.execute("SELECT desk_id, count(*), sum(result = 'accepted'), max(device_time) FROM scan "
                        "WHERE event_id = ? GROUP BY desk_id", (event_id,)).fetchall()
    recent = db.execute("SELECT desk_id, count(*), sum(result = 'accepted') FROM scan WHERE device_time >= ? "
                        "AND event_id = ? GROUP BY desk_id", (since, event_id)).fetchall()
    meta = (db.execute("SELECT * FROM event").fetchall(), db.execute("SELECT * FROM session WHERE day = ?",
                                                                      (day,)).fetchall(),
            db.execute("SELECT id, name, last_sync FROM desk").fetchall(),
            db.execute("SELECT count(*) FROM outbox").fetchall())
    return head, arrivals, totals, recent, meta


def raw_change_check(db: sqlite3.Connection) -> object:
    return [db.execute(q).fetchall() for q in (
        "SELECT count(*), max(device_time) FROM scan",
        "SELECT count(*), sum(active), sum(inside) FROM attendance",
        "SELECT count(*), max(updated_at) FROM attendee",
        "SELECT count(*), max(last_sync) FROM desk", "SELECT count(*), max(seq) FROM outbox",
        "SELECT title, room, capacity, starts_at, ends_at FROM session")]


def checkin_cost(engine: Engine, n: int = 200) -> float:
    """Median time of one real check-in (decision, scan, attendance, outbox, and now the triggers)."""
    service = CheckInService(engine, ensure_desk(engine, "Stanowisko pomiarowe"),
                             clock=lambda: datetime(2022, 10, 19, 9, 0, tzinfo=UTC))
    event_id = service.event.id
    with write_tx(engine) as conn:
        ids = [str(uuid.uuid4()) for _ in range(n)]
        conn.execute(t.attendee.insert(), [
            {"id": i, "updated_at": datetime.now(UTC), **attendee_values(Attendee(i, event_id, "Łukasz", "Żółć"))}
            for i in ids])
    samples = []
    for attendee_id in ids:
        started = time.perf_counter()
        service.admit(attendee_id, Checkpoint(DAY1))
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--attendees", type=int, default=20_000)
    ap.add_argument("--scans", type=int, default=200_000)
    ap.add_argument("--sessions", type=int, default=200)
    ap.add_argument("--desks", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sqlite3"
        started = time.perf_counter()
        engine, desk_id = build(path, args.attendees, args.scans, args.sessions, args.desks)
        with engine.connect() as conn:
            n_scans = conn.exec_driver_sql("SELECT count(*) FROM scan").scalar_one()
            n_att = conn.exec_driver_sql("SELECT count(*) FROM attendance").scalar_one()
            event_id = conn.exec_driver_sql("SELECT id FROM event").scalar_one()
        print(f"# {args.attendees} attendees, {n_scans} scans, {n_att} attendance rows, {args.sessions} sessions, "
              f"{args.desks} desks (built in {time.perf_counter() - started:.0f} s); medians of 7 reads")
        with engine.connect() as conn:  # the dashboard looks at the present: just after the latest scan
            latest = conn.exec_driver_sql("SELECT max(device_time) FROM scan").scalar_one()
        now = datetime.fromisoformat(latest).replace(tzinfo=UTC) + timedelta(seconds=30)
        assert headcount(engine, DAY1) == recount(engine, DAY1), "tallies differ from a recount"
        print(f"change_check_ms_median={timed(lambda: activity_fingerprint(engine)):.2f}")
        print(f"headcount_ms_median={timed(lambda: headcount(engine, DAY1)):.2f}")
        print(f"snapshot_ms_median={timed(lambda: dashboard_snapshot(engine, desk_id, DAY1, now)):.2f}")
        print(f"checkin_ms_median={checkin_cost(engine):.2f}")
        with engine.connect() as conn:
            for statement in COVERING:
                conn.exec_driver_sql(statement)
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
        print(f"recount_headcount_ms_median={timed(lambda: recount(engine, DAY1)):.2f}  # same service, from "
              "scratch, covering indexes")
        print(f"recount_snapshot_ms_median="
              f"{timed(lambda: dashboard_snapshot(engine, desk_id, DAY1, now, from_scratch=True)):.2f}")
        with engine.connect() as conn:  # the same check-in without the triggers: what the tallies cost
            for statement in DROP_STATEMENTS:
                if statement.startswith("DROP TRIGGER"):
                    conn.exec_driver_sql(statement)
            conn.commit()
        print(f"checkin_without_tallies_ms_median={checkin_cost(engine):.2f}")
        engine.dispose()
        db = sqlite3.connect(path)
        since = (now - timedelta(minutes=15)).replace(tzinfo=None).isoformat(sep=" ")
        print(f"raw_sql_change_check_ms_median={timed(lambda: raw_change_check(db)):.2f}  # plain sqlite3, "
              "covering indexes")
        print(f"raw_sql_headcount_ms_median={timed(lambda: raw_headcount(db, event_id, DAY1.isoformat())):.2f}")
        print(f"raw_sql_snapshot_ms_median={timed(lambda: raw_snapshot(db, event_id, DAY1.isoformat(), since)):.2f}")
        db.close()


if __name__ == "__main__":
    main()
