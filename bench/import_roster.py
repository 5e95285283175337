# SPDX-License-Identifier: MIT
"""How long a 20,000-person roster takes to import, re-import and update.

Run: `.venv/bin/python bench/import_roster.py [--rows 20000] [--runs 3]`

Generates a Polish roster (UTF-8 BOM, ';', Polish headers, as the demo file) and the same list as
XLSX in a temp folder, installs the demo event into fresh SQLite files (WAL, synchronous=FULL, as
the desks run) and prints the median of the runs for: a first import, an idempotent re-import of the
same file, a re-import with 5 % of people changed (plus 1 % added and 1 % withdrawn), and an XLSX
first import. Also the read+validate share without the database, and peak Python memory.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from checkin.services.event import install_event, parse_event_file
from checkin.services.roster import ImportReport, import_roster, read_roster
from checkin.storage.db import open_database

ROOT = Path(__file__).resolve().parents[1]
EVENT_FILE = ROOT / "resources" / "demo" / "event.toml"
HEADER = ["Nr zgłoszenia", "Imię", "Nazwisko", "Instytucja", "Stanowisko", "E-mail", "Telefon", "Kategoria",
          "Dni", "Sesje", "Kod biletu"]
FIRST = ["Łukasz", "Małgorzata", "Grzegorz", "Źdźisława", "Żaneta", "Józef", "Bożena", "Przemysław", "Ewa",
         "Wojciech", "Grażyna", "Ryszard", "Agnieszka", "Sławomir", "Urszula", "Jarosław"]
LAST = ["Żółć-Ślęzak", "Brzęczyszczykiewicz", "Wójcik", "Ćwiąkalska", "Kaźmierczak", "Gąsiorowski",
        "Śliwińska", "Zając", "Król", "Stępień", "Jabłońska", "Źrałek", "Dąbrowski", "Wróbel", "Nowak"]
ORGS = ["Urząd Gminy Brzęczyszczykiewice", "Starostwo Powiatowe w Łęcznej", "Urząd Miasta i Gminy Końskie",
        "Urząd Marszałkowski Województwa Kujawsko-Pomorskiego", "Gminny Ośrodek Pomocy Społecznej w Ząbkach"]
POSITIONS = ["Sekretarz Gminy", "Skarbnik", "Inspektor ds. kadr", "Kierownik Referatu Organizacyjnego"]
CATEGORIES = ["Uczestnik"] * 12 + ["Prelegent", "Partner", "Media", "Organizator"]
DAYS = ["2022-10-19, 2022-10-20", "2022-10-19", "20.10.2022"]
SESSIONS = ["", "", "", "D1-WS-KPA", "D2-WS-LIDER", "D1-WS-RODO, D2-WS-ZAMOW"]


def make_rows(n: int, rng: random.Random) -> list[list[str]]:
    rows = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        rows.append([f"KS-{100000 + i}", first, last, rng.choice(ORGS), rng.choice(POSITIONS),
                     f"osoba{i}@example.gov.pl", f"+48 {rng.randint(500, 899)} {rng.randint(100, 999)} "
                     f"{rng.randint(100, 999)}", rng.choice(CATEGORIES), rng.choice(DAYS), rng.choice(SESSIONS),
                     f"T{i:08d}"])
    return rows


def changed_rows(rows: list[list[str]], rng: random.Random) -> list[list[str]]:
    """5 % changed organisation or position, 1 % withdrawn, 1 % new."""
    out = [list(r) for r in rows]
    n = len(rows)
    for i in rng.sample(range(n), n // 20):
        out[i][3 if i % 2 else 4] += " (zmiana)"
    withdrawn = set(rng.sample(range(n), n // 100))
    out = [r for i, r in enumerate(out) if i not in withdrawn]
    out += make_rows(n // 100, rng)
    for j, r in enumerate(out[-(n // 100):]):
        r[0], r[5], r[10] = f"KS-NEW-{j}", f"nowy{j}@example.gov.pl", f"N{j:08d}"
    return out


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(HEADER)
        w.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Uczestnicy")
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


Timing = tuple[float, float, ImportReport]  # wall seconds, CPU seconds of this process, report


def timed(fn: Callable[[], ImportReport]) -> Timing:
    start, cpu = time.perf_counter(), time.process_time()
    report = fn()
    return time.perf_counter() - start, time.process_time() - cpu, report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(2022)
    definition = parse_event_file(EVENT_FILE)
    event_id = definition.event.id
    with tempfile.TemporaryDirectory(prefix="checkin-bench-") as tmp_name:
        tmp = Path(tmp_name)
        rows = make_rows(args.rows, rng)
        csv_path = write_csv(tmp / "roster.csv", rows)
        changed_path = write_csv(tmp / "roster-v2.csv", changed_rows(rows, rng))
        xlsx_path = write_xlsx(tmp / "roster.xlsx", rows)
        template = tmp / "template.sqlite3"
        engine = open_database(template)
        install_event(engine, definition)
        engine.dispose()

        counter = iter(range(1_000_000))

        def fresh(source: Path | None = None) -> Path:
            path = tmp / f"db{next(counter)}.sqlite3"
            shutil.copy(source or template, path)
            return path

        def run(db: Path, roster: Path) -> Timing:
            eng = open_database(db)
            try:
                return timed(lambda: import_roster(eng, event_id, roster))
            finally:
                eng.dispose()

        imported = fresh()
        run(imported, csv_path)  # warm-up, and the base for the re-import scenarios
        results: dict[str, list[Timing]] = {
            "first import (CSV)": [run(fresh(), csv_path) for _ in range(args.runs)],
            "idempotent re-import": [run(imported, csv_path) for _ in range(args.runs)],
            "re-import, 5% changed": [run(fresh(imported), changed_path) for _ in range(args.runs)],
            "first import (XLSX)": [run(fresh(), xlsx_path) for _ in range(args.runs)],
        }
        parse_times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            read_roster(csv_path, event_days=definition.event.dates,
                        session_codes=[s.code for s in definition.sessions])
            parse_times.append(time.perf_counter() - start)
        tracemalloc.start()
        run(fresh(), csv_path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

    print(f"Roster import, {args.rows} rows, median of {args.runs} runs (SQLite WAL, synchronous=FULL)")
    print("wall = elapsed; cpu = this process's CPU time (wall > cpu means the machine was busy or waiting on disk)")
    print(f"{'scenario':<24} {'wall s':>7} {'rows/s':>7} {'cpu s':>6}  result")
    for name, runs in results.items():
        wall = statistics.median(w for w, _, _ in runs)
        cpu = statistics.median(c for _, c, _ in runs)
        r = runs[0][2]
        print(f"{name:<24} {wall:7.2f} {args.rows / wall:7.0f} {cpu:6.2f}  "
              f"+{r.added} ~{r.updated} ={r.unchanged} -{r.cancelled}")
    parse = statistics.median(parse_times)
    print(f"{'read+validate CSV only':<24} {parse:7.2f} {args.rows / parse:7.0f} {'':>6}  (no database)")
    print(f"peak Python memory, first CSV import: {peak / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
