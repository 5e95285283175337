# SPDX-License-Identifier: MIT
"""A whole event morning, compressed in time, through a real PostgreSQL hub.

    .venv/bin/python bench/event_day.py [--pg URL] [--attendees 20000] [--desks 20] [--speed 20]
    .venv/bin/python bench/event_day.py --attendees 2000 --desks 4 --speed 60     # a quick run

What happens (defaults: event-day size):
- a throw-away hub database (created and dropped here; --pg or CHECKIN_TEST_PG_URL) gets the demo
  event plus two halls whose exits are scanned, and `--attendees` people registered for the day;
- 90 % of them arrive between 07:50 and 10:15 on a skewed morning curve (bench/morning.py), queue
  first-come-first-served and are admitted at the entrance by `--desks` desk PROCESSES (each its own
  SQLite file, check-in service and sync worker, as on the day); half of them later enter one of the
  halls, half of those step out again and some come back (entries, exits, re-entries);
- one desk goes offline for 10 simulated minutes (its sync worker stops; it keeps scanning) and
  comes back;
- one more process is the coordinator's dashboard: a desk that only pulls and reads the dashboard
  snapshot (with its queue forecast) once a simulated... every real second, all the while;
- simulated time runs `--speed` times faster than real time (scans carry simulated times).

It prints `name=value` lines: scans/s sustained, desk->desk lag p50/p95 (a scan's commit at one desk
until another desk's database has it, over every pair; scans made offline excluded), dashboard
snapshot p50/p95, CPU per desk process, the forecast against the simulated queue, and the invariant:
0 lost, 0 doubled (the hub and every desk hold exactly the scans the desks made, each admitted
person is counted once, and every desk's headcount equals the generated truth).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.morning import arrival_times, queue_clears_at, serve, waiting_at  # noqa: E402

WARSAW = ZoneInfo("Europe/Warsaw")
SIM0 = datetime(2022, 10, 19, 7, 50, tzinfo=WARSAW).astimezone(UTC)  # the simulated morning starts
OPENING = datetime(2022, 10, 19, 9, 30, tzinfo=WARSAW).astimezone(UTC)  # the plenary (demo event)
MORNING = timedelta(hours=3)
HALLS = ("SALA-A", "SALA-B")
SERVICE_S = 12.0  # seconds per person at the entrance


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else float("nan")


# ---------------------------------------------------------------------------------------------- set-up
def make_hub(server_url: str) -> dict[str, str]:
    from checkin.sync.hub import init_hub
    from checkin.sync.urls import libpq

    server = make_url(server_url.replace("postgresql://", "postgresql+psycopg://", 1))
    suffix = uuid.uuid4().hex[:8]
    database, prefix = f"checkin_eventday_{suffix}", f"eday{suffix}"
    with psycopg.connect(libpq(server.set(database="postgres")), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    admin = libpq(server.set(database=database))
    roles = {r.kind: r.url for r in init_hub(admin, role_prefix=prefix).roles}
    return {"server": libpq(server.set(database="postgres")), "admin": admin, "database": database,
            "prefix": prefix, "desk": roles["desk"], "organiser": roles["organiser"]}


def drop_hub(hub: dict[str, str]) -> None:
    from checkin.sync.hub import drop_roles

    with psycopg.connect(hub["server"], autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{hub["database"]}" WITH (FORCE)')
    drop_roles(hub["server"], hub["prefix"])


def publish_event(hub: dict[str, str], folder: Path, n_people: int) -> list[str]:
    """The organiser's laptop: demo event, two halls with exits scanned, the roster; published."""
    from checkin.domain.models import Attendee, Session, SessionKind
    from checkin.services.event import install_event, parse_event_file, session_id_for
    from checkin.storage import tables as t
    from checkin.storage.attendees import attendee_values
    from checkin.storage.db import open_database, write_tx
    from checkin.storage.events import save_sessions
    from checkin.storage.meta import ensure_desk
    from checkin.sync.engine import publish
    from checkin.sync.urls import hub_engine

    engine = open_database(folder / "organiser.sqlite3", check_location=False)
    definition = parse_event_file(ROOT / "resources/demo/event.toml")
    install_event(engine, definition)
    ensure_desk(engine, "Biuro organizatora")
    event_id = definition.event.id
    halls = [Session(session_id_for(event_id, code), event_id, OPENING.date(), code, f"Sala {code[-1]}",
                     starts_at=OPENING + timedelta(minutes=30), ends_at=OPENING + timedelta(hours=3),
                     kind=SessionKind.WORKSHOP, tracks_inside=True) for code in HALLS]
    rnd = random.Random(20221019)
    first = ["Łukasz", "Małgorzata", "Grzegorz", "Zofia", "Jędrzej", "Agnieszka", "Bożena", "Władysław"]
    last = ["Żółć-Ślęzak", "Wójcik-Jabłońska", "Brzęczek", "Śliwińska", "Kręcisz", "Łęcka", "Gąsiorowska"]
    ids = [str(uuid.uuid4()) for _ in range(n_people)]
    now = datetime.now(UTC)
    with write_tx(engine) as conn:
        save_sessions(conn, event_id, halls)
        conn.execute(t.attendee.insert(), [
            {"id": i, "updated_at": now, "updated_by": "import", **attendee_values(Attendee(
                i, event_id, rnd.choice(first), f"{rnd.choice(last)} {n}",
                category=rnd.choice(["participant"] * 8 + ["speaker", "partner", "media"])))}
            for n, i in enumerate(ids)])
    hub_org = hub_engine(hub["organiser"])
    publish(engine, hub_org)
    hub_org.dispose()
    engine.dispose()
    return ids


def desk_template(hub: dict[str, str], folder: Path) -> Path:
    """One desk pulls the event and roster once; every desk process starts from a copy of it."""
    from checkin.storage.db import open_database, write_tx
    from checkin.storage.meta import ensure_desk
    from checkin.sync.engine import sync_once
    from checkin.sync.urls import hub_engine

    path = folder / "template.sqlite3"
    engine = open_database(path, check_location=False)
    ensure_desk(engine, "Szablon")
    hub_desk = hub_engine(hub["desk"])
    result = sync_once(engine, hub_desk)
    assert result.ok, result.error
    hub_desk.dispose()
    with write_tx(engine) as conn:  # each copy becomes a desk of its own
        conn.execute(text("DELETE FROM local_meta WHERE key IN ('desk_id', 'desk_name')"))
        conn.execute(text("DELETE FROM outbox"))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


# ---------------------------------------------------------------------------------------------- truth
def plan(people: list[str], desks: int, seed: int) -> tuple[list[list[dict[str, Any]]], dict[str, Any]]:
    """Every scan of the morning, per desk, in simulated time; and the truth to check against."""
    rnd = random.Random(seed)
    coming = [p for p in people if rnd.random() < 0.9]
    arrivals = arrival_times(len(coming), OPENING, rnd)
    served = serve(arrivals, [SERVICE_S * rnd.uniform(0.8, 1.25) for _ in range(desks)], rnd)
    schedule: list[list[dict[str, Any]]] = [[] for _ in range(desks)]
    end = SIM0 + MORNING
    hall_in = 0
    for s in served:
        if s.done >= end:
            continue
        person = coming[s.person]
        schedule[s.desk].append({"at": s.done.isoformat(), "person": person, "where": "day", "dir": "in"})
        if rnd.random() < 0.5:  # later into one of the halls, through one door desk
            door, hall = rnd.randrange(desks), rnd.choice(HALLS)
            t_in = s.done + timedelta(minutes=rnd.uniform(5, 40))
            moves = [(t_in, "in")]
            if rnd.random() < 0.5:
                t_out = t_in + timedelta(minutes=rnd.uniform(10, 50))
                moves.append((t_out, "out"))
                if rnd.random() < 0.3:
                    moves.append((t_out + timedelta(minutes=rnd.uniform(5, 20)), "in"))
            for moment, direction in moves:
                if moment < end:
                    schedule[door].append({"at": moment.isoformat(), "person": person, "where": hall,
                                           "dir": direction})
            hall_in += moves[0][0] < end
    for items in schedule:
        items.sort(key=lambda i: i["at"])
    admitted = sum(1 for s in served if s.done < end)
    truth = {"served": served, "admitted": admitted, "scans": sum(len(x) for x in schedule), "hall_entries": hall_in}
    return schedule, truth


# ---------------------------------------------------------------------------------------------- processes
class SimClock:
    def __init__(self, t0: float, speed: float) -> None:
        self.t0, self.speed = t0, speed

    def __call__(self) -> datetime:
        return SIM0 + timedelta(seconds=(time.time() - self.t0) * self.speed)

    def real(self, sim: datetime) -> float:
        return self.t0 + (sim - SIM0).total_seconds() / self.speed


def desk_process(cfg: dict[str, Any]) -> None:
    """One desk laptop: scans its schedule on time, syncs in the background, measures what arrives."""
    from checkin.domain.models import Checkpoint
    from checkin.domain.results import Direction
    from checkin.services.checkin import CheckInService
    from checkin.services.headcount import headcount, recount
    from checkin.storage.db import open_database
    from checkin.storage.events import list_sessions, load_event
    from checkin.storage.meta import ensure_desk
    from checkin.sync.engine import sync_once
    from checkin.sync.urls import hub_engine
    from checkin.sync.worker import SyncWorker

    clock = SimClock(cfg["t0"], cfg["speed"])
    engine = open_database(cfg["db"], check_location=False)
    desk = ensure_desk(engine, cfg["name"])
    service = CheckInService(engine, desk, clock=clock)
    with engine.connect() as conn:
        event = load_event(conn)
        halls = {s.code: Checkpoint(s.day, s) for s in list_sessions(conn, event.id) if s.code in HALLS}
    entrance = Checkpoint(OPENING.date())
    offline = [datetime.fromisoformat(x) for x in cfg["offline"]] if cfg["offline"] else None
    other_offline = [datetime.fromisoformat(x) for x in cfg["other_offline"]]
    lags: list[float] = []
    seen = [0]
    lock = threading.Lock()

    def arrived(kinds: set[str]) -> None:
        """Sync thread: scans from other desks landed here; how long after they were made?"""
        if "scan" not in kinds:
            return
        got = time.time()
        with lock, engine.connect() as conn:
            rows = conn.execute(text("SELECT rowid, device_time FROM scan WHERE rowid > :r AND desk_id <> :me"),
                                {"r": seen[0], "me": desk.id}).all()
            if rows:
                seen[0] = max(r[0] for r in rows)
        if offline and offline[0] <= clock() <= offline[1] + timedelta(minutes=2):
            return  # this desk's own catch-up after being offline is not desk-to-desk lag
        for _, made in rows:
            sim = datetime.fromisoformat(made).replace(tzinfo=UTC)
            if other_offline[0] <= sim <= other_offline[1]:
                continue  # made while its desk was offline
            lags.append(got - clock.real(sim))

    def worker() -> SyncWorker:
        w = SyncWorker(engine, cfg["hub"], poll_interval=5.0, on_changes=arrived)
        w.start()
        return w

    sync = worker()
    with engine.connect() as conn:
        seen[0] = conn.execute(text("SELECT coalesce(max(rowid), 0) FROM scan")).scalar_one()
    decisions, late = [], []
    went_offline = False
    for item in cfg["schedule"]:
        at = datetime.fromisoformat(item["at"])
        wait = clock.real(at) - time.time()
        if wait > 0:
            time.sleep(wait)
        else:
            late.append(-wait)
        if offline and not went_offline and clock() >= offline[0]:
            sync.stop()
            went_offline = True
        if offline and went_offline and sync is not None and not sync.running and clock() >= offline[1]:
            sync = worker()
        place = entrance if item["where"] == "day" else halls[item["where"]]
        direction = Direction.OUT if item["dir"] == "out" else Direction.IN
        d = service.admit(item["person"], place, direction=direction)
        decisions.append({"scan_id": d.scan_id, "result": d.result.value, "where": item["where"]})
    if offline and not sync.running:
        sync = worker()
    # settle: keep syncing until this desk holds every scan of the morning (or give up)
    deadline = time.time() + cfg["settle_s"]
    while time.time() < deadline:
        with engine.connect() as conn:
            held = conn.execute(text("SELECT count(*) FROM scan")).scalar_one()
            queued = conn.execute(text("SELECT count(*) FROM outbox WHERE kind = 'scan'")).scalar_one()
        if held >= cfg["expected_scans"] and queued == 0:
            break
        time.sleep(0.5)
    sync.stop()
    hub = hub_engine(cfg["hub"])
    last_error = None
    while True:  # push what is left, pull what is missing, until done or out of time
        result = sync_once(engine, hub)
        last_error = result.error
        with engine.connect() as conn:
            held = conn.execute(text("SELECT count(*) FROM scan")).scalar_one()
            queued = conn.execute(text("SELECT count(*) FROM outbox WHERE kind = 'scan'")).scalar_one()
        if (result.ok and queued == 0 and held >= cfg["expected_scans"]) or time.time() > deadline + 60:
            break
    hub.dispose()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with engine.connect() as conn:
        scan_ids = [r[0] for r in conn.execute(text("SELECT id FROM scan"))]
    counts = headcount(engine, OPENING.date())
    matches = counts == recount(engine, OPENING.date())
    hall_inside = {s.code: s.inside_now for s in counts.sessions if s.code in HALLS}
    with engine.connect() as conn:
        queued_ids = [r[0] for r in conn.execute(text("SELECT ref_id FROM outbox WHERE kind = 'scan'"))]
    Path(cfg["out"]).write_text(json.dumps({
        "name": cfg["name"], "decisions": decisions, "queued_ids": queued_ids, "last_error": last_error,
        "lags": lags, "late": late, "scan_ids": scan_ids,
        "present": counts.days[0].present, "tallies_equal_recount": matches, "hall_inside": hall_inside,
        "cpu_s": usage.ru_utime + usage.ru_stime, "wall_s": time.time() - cfg["started"],
    }))
    engine.dispose()


def dashboard_process(cfg: dict[str, Any]) -> None:
    """The coordinator's laptop: pulls everything and reads the dashboard every real second."""
    from checkin.services.dashboard import dashboard_snapshot
    from checkin.storage.db import open_database
    from checkin.storage.meta import ensure_desk
    from checkin.sync.worker import SyncWorker

    clock = SimClock(cfg["t0"], cfg["speed"])
    engine = open_database(cfg["db"], check_location=False)
    desk = ensure_desk(engine, "Koordynator")
    sync = SyncWorker(engine, cfg["hub"], poll_interval=5.0)
    sync.start()
    samples, forecasts = [], []
    next_forecast = SIM0 + timedelta(minutes=30)
    while time.time() < cfg["until"]:
        started = time.perf_counter()
        data = dashboard_snapshot(engine, desk.id, OPENING.date(), clock())
        samples.append((time.perf_counter() - started) * 1000)
        if data.forecast is not None and data.now >= next_forecast:
            f = data.forecast
            forecasts.append({"now": data.now.isoformat(), "present": data.counts.days[0].present,
                              "desks_open": f.desks_open, "service_s": f.service_s, "queue_now": f.queue_now,
                              "clears_at": f.clears_at.isoformat() if f.clears_at else None,
                              "keeps_up": f.keeps_up, "extra": f.extra_desks,
                              "better": f.better_clears_at.isoformat() if f.better_clears_at else None,
                              "sentence": f.sentence(WARSAW)})
            next_forecast += timedelta(minutes=20)
        time.sleep(max(0.0, 1.0 - (time.perf_counter() - started)))
    sync.stop()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    Path(cfg["out"]).write_text(json.dumps({"snapshot_ms": samples, "forecasts": forecasts,
                                            "cpu_s": usage.ru_utime + usage.ru_stime}))
    engine.dispose()


# ---------------------------------------------------------------------------------------------- run
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pg", default=os.environ.get("CHECKIN_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test"))
    ap.add_argument("--attendees", type=int, default=20_000)
    ap.add_argument("--desks", type=int, default=20, help="desk processes (20-50 on the day)")
    ap.add_argument("--speed", type=float, default=20.0, help="simulated seconds per real second")
    ap.add_argument("--offline-minutes", type=float, default=10.0, help="simulated minutes one desk is offline")
    ap.add_argument("--settle", type=float, default=180.0, help="real seconds desks may take to converge")
    ap.add_argument("--seed", type=int, default=19)
    args = ap.parse_args()
    load = os.getloadavg()
    print(f"# event morning: {args.attendees} registered, {args.desks} desk processes + 1 dashboard, "
          f"{MORNING.total_seconds() / 60:.0f} simulated minutes at {args.speed:g}x "
          f"(~{MORNING.total_seconds() / args.speed / 60:.1f} real minutes); load average before: "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    folder = Path(tempfile.mkdtemp(prefix="checkin-eventday-"))
    hub = make_hub(args.pg)
    try:
        started = time.time()
        people = publish_event(hub, folder, args.attendees)
        template = desk_template(hub, folder)
        schedule, truth = plan(people, args.desks, args.seed)
        print(f"# set-up {time.time() - started:.0f} s; planned {truth['scans']} scans "
              f"({truth['admitted']} entrance admissions, {truth['hall_entries']} hall entries)")
        offline_desk = 1 % args.desks
        off_start = SIM0 + timedelta(minutes=50)
        off = [off_start.isoformat(), (off_start + timedelta(minutes=args.offline_minutes)).isoformat()]
        ctx = mp.get_context("fork")
        t0 = time.time() + 15 + args.desks * 0.5  # every process is up and listening before the morning starts
        procs, outs = [], []
        for i in range(args.desks):
            db = folder / f"desk{i + 1}.sqlite3"
            shutil.copy(template, db)
            out = folder / f"desk{i + 1}.json"
            outs.append(out)
            cfg = {"db": str(db), "name": f"Stanowisko {i + 1}", "hub": hub["desk"], "t0": t0, "speed": args.speed,
                   "schedule": schedule[i], "offline": off if i == offline_desk else None, "other_offline": off,
                   "expected_scans": truth["scans"], "settle_s": args.settle, "out": str(out),
                   "started": time.time()}
            procs.append(ctx.Process(target=desk_process, args=(cfg,), name=f"desk{i + 1}"))
        dash_db = folder / "dashboard.sqlite3"
        shutil.copy(template, dash_db)
        dash_out = folder / "dashboard.json"
        dash = ctx.Process(target=dashboard_process, args=({
            "db": str(dash_db), "hub": hub["desk"], "t0": t0, "speed": args.speed, "out": str(dash_out),
            "until": t0 + MORNING.total_seconds() / args.speed},), name="dashboard")
        for p in [*procs, dash]:
            p.start()
        for p in [*procs, dash]:
            p.join()
        report(hub, truth, [json.loads(o.read_text()) for o in outs if o.exists()], len(procs),
               json.loads(dash_out.read_text()) if dash_out.exists() else None, args)
    finally:
        drop_hub(hub)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def report(hub: dict[str, str], truth: dict[str, Any], desks: list[dict[str, Any]], n_desks: int,
           dash: dict[str, Any] | None, args: argparse.Namespace) -> None:
    made = [d for desk in desks for d in desk["decisions"]]
    made_ids = {d["scan_id"] for d in made}
    refused = [d for d in made if d["result"] != "accepted"]
    with psycopg.connect(hub["admin"]) as conn:
        hub_ids = {r[0] for r in conn.execute("SELECT id FROM checkin.scan")}
        doubled_people = conn.execute(
            "SELECT count(*) FROM (SELECT attendee_id FROM checkin.scan WHERE checkpoint LIKE 'day:%' AND "
            "result = 'accepted' GROUP BY attendee_id HAVING count(*) > 1) x").fetchone()[0]  # type: ignore[index]
        first, last = conn.execute("SELECT min(hub_time), max(hub_time) FROM checkin.scan").fetchone()  # type: ignore[misc]
    queued = {i for d in desks for i in d["queued_ids"]}  # made, still waiting in a desk's outbox
    lost = len(made_ids - hub_ids - queued)  # made, yet neither at the hub nor waiting to go there
    missing_at_desks = sum(len(hub_ids - set(d["scan_ids"])) for d in desks)  # not pulled (yet)
    unknown = sum(len(set(d["scan_ids"]) - made_ids) for d in desks) + len(hub_ids - made_ids)
    wrong_headcount = sum(1 for d in desks if d["present"] != truth["admitted"])
    lags = [x for d in desks for x in d["lags"]]
    span = (last - first).total_seconds() if first and last else float("nan")
    late = [x for d in desks for x in d["late"]]
    cpu = [d["cpu_s"] / d["wall_s"] * 100 for d in desks]
    print(f"scans_planned={truth['scans']}\nscans_made={len(made)}\nscans_at_hub={len(hub_ids)}")
    print(f"scans_per_s_sustained={len(hub_ids) / span:.1f}  # hub arrivals, first to last")
    print(f"desk_to_desk_lag_ms_p50={pct(lags, 50) * 1000:.0f}\ndesk_to_desk_lag_ms_p95={pct(lags, 95) * 1000:.0f}"
          f"  # {len(lags)} scan arrivals at other desks")
    if dash:
        print(f"dashboard_snapshot_ms_p50={pct(dash['snapshot_ms'], 50):.1f}\n"
              f"dashboard_snapshot_ms_p95={pct(dash['snapshot_ms'], 95):.1f}  # {len(dash['snapshot_ms'])} reads")
    print(f"cpu_per_desk_process_pct_median={statistics.median(cpu):.1f}\ncpu_per_desk_process_pct_max={max(cpu):.1f}"
          f"  # of one core, over each process's life")
    print(f"scans_late_ms_p95={pct(late, 95) * 1000:.0f}  # how far behind its schedule a desk scanned")
    print(f"refused={len(refused)}  # should be 0: every planned scan is a valid admission, exit or re-entry")
    print(f"lost={lost}\ndoubled={doubled_people + unknown}  # people admitted twice at the hub, or scans nobody made")
    print(f"not_yet_at_hub={len(queued)}\nnot_yet_at_desks={missing_at_desks}  # convergence at the end (0 when "
          f"the desks caught up); last sync errors: {sorted({d['last_error'] for d in desks if d['last_error']})[:2]}")
    print(f"desks_reporting={len(desks)}/{n_desks}\ndesks_headcount_wrong={wrong_headcount}"
          f"  # each desk's present count vs the {truth['admitted']} generated admissions")
    print(f"tallies_equal_recount_all_desks={all(d['tallies_equal_recount'] for d in desks)}")
    if dash:
        for f in dash["forecasts"]:
            now = datetime.fromisoformat(f["now"])
            actual = queue_clears_at(truth["served"], now)
            print(f"# forecast {now.astimezone(WARSAW):%H:%M}: {f['sentence']} (desks {f['desks_open']}, "
                  f"{f['service_s']:.1f} s/person, queue now {f['queue_now']}); simulated: "
                  f"{waiting_at(truth['served'], now)} waiting, "
                  + (f"queue clears {actual.astimezone(WARSAW):%H:%M}" if actual else "no queue"))
    print(f"# load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    sys.exit(main())
