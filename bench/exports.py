# SPDX-License-Identifier: MIT
"""Daily attendance for 20,000 people as CSV, XLSX and PDF.

Targets (issue 7): CSV under 1 s, XLSX under 5 s, PDF under 10 s, each for the whole export call
(query, Polish sorting, formatting and writing the file). The data set is built with bulk Core
inserts into a fresh SQLite file: the demo event, two desks, 20,000 attendees with Polish names and
institutions (some long enough to wrap), and their derived attendance for day one (every 25th
person also attends the opening session). Exports read only `attendance`, so scans are not needed.

Run: .venv/bin/python bench/exports.py [--people 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine  # noqa: E402

from checkin.reports import export_attendance  # noqa: E402
from checkin.services.event import install_event, parse_event_file  # noqa: E402
from checkin.storage import tables as t  # noqa: E402
from checkin.storage.db import open_database, write_tx  # noqa: E402

DAY = date(2022, 10, 19)
FIRST = ["Łukasz", "Małgorzata", "Grzegorz", "Źdźisława", "Anna", "Piotr", "Katarzyna", "Jerzy", "Żaneta",
         "Ścibor", "Bożena", "Wojciech", "Agnieszka", "Paweł", "Elżbieta", "Michał", "Jadwiga", "Tomasz"]
LAST = ["Żółć-Ślęzak", "Brzęczyszczykiewicz", "Ćwiąkalska", "Nowak", "Kowalska", "Wiśniewski", "Wójcik",
        "Kamińska", "Lewandowski", "Zieliński", "Szymańska", "Woźniak", "Dąbrowski", "Kozłowska", "Jankowski",
        "Mazur", "Kwiatkowska", "Krawczyk", "Łuczak", "Śliwa", "Źrebiec", "Gęsicka", "Ąbelska"]
ORGS = ["Urząd Gminy Brzęczyszczykiewice", "Starostwo Powiatowe w Łęcznej",
        "Urząd Marszałkowski Województwa Kujawsko-Pomorskiego w Toruniu",
        "Gminny Ośrodek Pomocy Społecznej w Chrząszczyżewoszycach, powiat Łękołody", "Urząd Miasta Łodzi",
        "Regionalna Izba Obrachunkowa w Zielonej Górze"]
POSITIONS = ["Sekretarz Gminy", "Skarbnik", "Kierownik Urzędu Stanu Cywilnego", "Inspektor", "Wójt", ""]


def build(path: Path, people: int) -> Engine:
    engine = open_database(path)
    definition = parse_event_file(ROOT / "resources" / "demo" / "event.toml")
    install_event(engine, definition)
    event_id = definition.event.id
    opening = next(s for s in definition.sessions if s.code == "D1-OTW")
    rnd = random.Random(20221019)
    now = datetime.now(UTC)
    start = datetime(2022, 10, 19, 6, 15, tzinfo=UTC)
    attendees: list[dict[str, object]] = []
    attendance: list[dict[str, object]] = []
    for i in range(people):
        aid = f"bench-{i:06d}"
        attendees.append({
            "id": aid, "event_id": event_id, "external_ref": f"B-{i:06d}", "external_code": "",
            "ticket_id": None, "first_name": rnd.choice(FIRST), "last_name": rnd.choice(LAST) + ("" if i % 3 else
                                                                                                  f"-{i % 97}"),
            "organisation": rnd.choice(ORGS), "position": rnd.choice(POSITIONS), "category": "participant",
            "email": f"osoba{i}@example.gov.pl", "phone": "", "notes": "", "days": [], "sessions": [],
            "status": "active", "search_key": "", "version": 1, "updated_at": now, "updated_by": "bench",
        })
        when = start + timedelta(seconds=rnd.randint(0, 4 * 3600))
        desk = "bench-desk-1" if i % 2 else "bench-desk-2"
        attendance.append({"attendee_id": aid, "checkpoint": f"day:{DAY.isoformat()}", "day": DAY,
                           "session_id": None, "scan_id": f"s-{i}", "first_time": when, "desk_id": desk,
                           "active": True, "inside": True})
        if i % 25 == 0:
            attendance.append({"attendee_id": aid, "checkpoint": f"session:{opening.id}", "day": DAY,
                               "session_id": opening.id, "scan_id": f"o-{i}", "first_time": when, "desk_id": desk,
                               "active": True, "inside": True})
    with write_tx(engine) as conn:
        conn.execute(t.desk.insert(), [{"id": "bench-desk-1", "name": "Stanowisko 1"},
                                       {"id": "bench-desk-2", "name": "Stanowisko 2 — sala B"}])
        conn.execute(t.attendee.insert(), attendees)
        conn.execute(t.attendance.insert(), attendance)
    return engine


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    targets = {"csv": 1.0, "xlsx": 5.0, "pdf": 10.0}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        engine = build(folder / "bench.sqlite3", args.people)
        load = os.getloadavg()[0]
        print(f"load average {load:.1f} on {os.cpu_count()} CPUs (wall times suffer when it exceeds the CPUs)")
        print(f"built {args.people} attendees + attendance in {time.perf_counter() - t0:.2f} s")
        ok = True
        for fmt, target in targets.items():
            out = folder / f"obecnosc.{fmt}"
            times, cpu, result = [], [], None
            for _ in range(args.repeat):
                t1, c1 = time.perf_counter(), time.process_time()
                result = export_attendance(engine, DAY, fmt, out)
                times.append(time.perf_counter() - t1)
                cpu.append(time.process_time() - c1)
            assert result is not None and result.rows == args.people
            median = statistics.median(times)
            ok &= median < target
            pages = f", {result.pages} pages" if result.pages else ""
            print(f"{fmt:>4}: median {median:6.2f} s (min {min(times):.2f}, max {max(times):.2f}, n={len(times)}; "
                  f"CPU median {statistics.median(cpu):.2f} s) "
                  f"target < {target:.0f} s {'OK' if median < target else 'MISSED'}; "
                  f"{result.rows} rows{pages}, {out.stat().st_size / 1e6:.1f} MB")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of the whole run: {peak:.0f} MB")
        engine.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
