# SPDX-License-Identifier: MIT
"""A whole event morning, compressed in time, through a real PostgreSQL hub.

    .venv/bin/python bench/event_day.py [--pg URL] [--attendees 20000] [--desks 20] [--speed 20]
    .venv/bin/python bench/event_day.py --window 08:50-09:10 --speed 1   # the rush hour in real time
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
- simulated time runs `--speed` times faster than real time (scans carry simulated times);
- `--window FROM-TO` plays only that part of the morning in (compressed) time: every scan planned
  before FROM is made at once by its desk and synced everywhere first, so the window starts from
  the venue's real state at FROM (the hub and every desk holding the morning so far).

Compression multiplies the work of every desk by `--speed`, and this bench runs all the desks on
one machine: at 20x, 20 desks ask for far more CPU than 2 cores have, and what the lag then shows
is the run queue, not the sync (each desk on the day has a laptop of its own). Even at `--speed 1`
every notification wakes all the desk processes at once, so on a small machine a round's wall
time (`sync_round_ms`) is mostly waiting for a core; compare it with the round's own CPU cost
(bench/sync.py, `round_*_cpu_ms`). The lag is printed whole and in its two legs (scan to hub, hub
to the other desk).

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


def window_arg(value: str) -> tuple[datetime, datetime]:
    """"08:50-09:10" on the simulated day, Warsaw time."""
    try:
        a, b = (datetime.combine(OPENING.astimezone(WARSAW).date(), datetime.strptime(x.strip(), "%H:%M").time(),
                                 WARSAW).astimezone(UTC) for x in value.split("-"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected HH:MM-HH:MM, e.g. 08:50-09:10, not {value!r}") from exc
    if not SIM0 <= a < b <= SIM0 + MORNING:
        raise argparse.ArgumentTypeError("the window must lie within 07:50-10:50 and end after it starts")
    return a, b


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
def plan(people: list[str], desks: int, seed: int, end: datetime = SIM0 + MORNING,
         ) -> tuple[list[list[dict[str, Any]]], dict[str, Any]]:
    """Every scan of the morning until `end`, per desk, in simulated time; and the truth to check against."""
    rnd = random.Random(seed)
    coming = [p for p in people if rnd.random() < 0.9]
    arrivals = arrival_times(len(coming), OPENING, rnd)
    served = serve(arrivals, [SERVICE_S * rnd.uniform(0.8, 1.25) for _ in range(desks)], rnd)
    schedule: list[list[dict[str, Any]]] = [[] for _ in range(desks)]
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
def cpu_now() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class SimClock:
    """Simulated time: `start` at real time `t0`, running `speed` times faster."""

    def __init__(self, t0: float, speed: float, start: datetime = SIM0) -> None:
        self.t0, self.speed, self.start = t0, speed, start

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=(time.time() - self.t0) * self.speed)

    def real(self, sim: datetime) -> float:
        return self.t0 + (sim - self.start).total_seconds() / self.speed


def before_the_window(cfg: dict[str, Any], engine: Any, make: Any = None) -> list[dict[str, Any]]:
    """Make this desk's scans from before the window at once, then sync until this desk holds the
    whole venue's morning so far; wait for every other process; return with the window's start time
    (`cfg["t0"]`) set. Returns the decisions made."""
    from checkin.sync.engine import sync_once
    from checkin.sync.urls import hub_engine

    start = datetime.fromisoformat(cfg["window"][0])
    decisions = []
    for item in cfg["schedule"] if make else []:
        if datetime.fromisoformat(item["at"]) < start:
            d = make(item, datetime.fromisoformat(item["at"]))
            decisions.append({"scan_id": d.scan_id, "result": d.result.value, "where": item["where"]})
    hub = hub_engine(cfg["hub"])
    while True:
        result = sync_once(engine, hub)
        with engine.connect() as conn:
            held = conn.execute(text("SELECT count(*) FROM scan")).scalar_one()
            queued = conn.execute(text("SELECT count(*) FROM outbox")).scalar_one()
        if result.ok and queued == 0 and held >= cfg["history_scans"]:
            break
        time.sleep(0.5)
    hub.dispose()
    cfg["barrier"].wait()
    cfg["go"].wait()
    return decisions


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

    window = [datetime.fromisoformat(x) for x in cfg["window"]]
    engine = open_database(cfg["db"], check_location=False)
    desk = ensure_desk(engine, cfg["name"])
    with engine.connect() as conn:
        event = load_event(conn)
        halls = {s.code: Checkpoint(s.day, s) for s in list_sessions(conn, event.id) if s.code in HALLS}
    entrance = Checkpoint(OPENING.date())

    made_at = [SIM0]  # the time of the scan being made before the window
    past = CheckInService(engine, desk, clock=lambda: made_at[0])

    def make(item: dict[str, Any], at: datetime | None = None) -> Any:
        """One planned scan: before the window at its planned time `at`, in it on the simulated clock."""
        place = entrance if item["where"] == "day" else halls[item["where"]]
        direction = Direction.OUT if item["dir"] == "out" else Direction.IN
        if at is not None:
            made_at[0] = at
        return (past if at is not None else service).admit(item["person"], place, direction=direction)

    history = before_the_window(cfg, engine, make)
    clock = SimClock(cfg["t0"].value, cfg["speed"], window[0])
    service = CheckInService(engine, desk, clock=clock)
    offline = [datetime.fromisoformat(x) for x in cfg["offline"]] if cfg["offline"] else None
    other_offline = [datetime.fromisoformat(x) for x in cfg["other_offline"]]
    lags: list[float] = []
    legs: list[tuple[float, float]] = []  # (made -> at the hub, at the hub -> here) per arrival
    rounds: list[float] = []  # wall seconds of each successful sync round
    seen = [0]
    lock = threading.Lock()

    def arrived(kinds: set[str]) -> None:
        """Sync thread: scans from other desks landed here; how long after they were made?"""
        if "scan" not in kinds:
            return
        got = time.time()
        with lock, engine.connect() as conn:
            rows = conn.execute(text("SELECT rowid, device_time, hub_time FROM scan WHERE rowid > :r "
                                     "AND desk_id <> :me"), {"r": seen[0], "me": desk.id}).all()
            if rows:
                seen[0] = max(r[0] for r in rows)
        if offline and offline[0] <= clock() <= offline[1] + timedelta(minutes=2):
            return  # this desk's own catch-up after being offline is not desk-to-desk lag
        for _, made, at_hub in rows:
            sim = datetime.fromisoformat(made).replace(tzinfo=UTC)
            if other_offline[0] <= sim <= other_offline[1] or sim < window[0]:
                continue  # made while its desk was offline, or before the window
            lags.append(got - clock.real(sim))
            if at_hub:  # the hub's clock is this machine's: split the lag at the hub's insert
                hub_at = datetime.fromisoformat(at_hub).replace(tzinfo=UTC).timestamp()
                legs.append((hub_at - clock.real(sim), got - hub_at))

    def worker() -> SyncWorker:
        def round_done(_status: object) -> None:  # sync thread
            if w.last_result is not None and w.last_result.ok:
                rounds.append(w.last_result.duration_seconds)

        w = SyncWorker(engine, cfg["hub"], poll_interval=5.0, on_changes=arrived, on_status=round_done)
        w.start()
        return w

    sync = worker()
    with engine.connect() as conn:
        seen[0] = conn.execute(text("SELECT coalesce(max(rowid), 0) FROM scan")).scalar_one()
    cpu_from, wall_from = cpu_now(), time.time()
    decisions, late = history, []
    went_offline = False
    for item in cfg["schedule"]:
        at = datetime.fromisoformat(item["at"])
        if at < window[0]:
            continue  # made before the window
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
        d = make(item)
        decisions.append({"scan_id": d.scan_id, "result": d.result.value, "where": item["where"]})
    cpu_window = (cpu_now() - cpu_from) / max(1e-9, time.time() - wall_from)
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
        "lags": lags, "legs": legs, "rounds": rounds, "late": late, "scan_ids": scan_ids,
        "present": counts.days[0].present, "tallies_equal_recount": matches, "hall_inside": hall_inside,
        "cpu_s": usage.ru_utime + usage.ru_stime, "wall_s": time.time() - cfg["started"],
        "cpu_window": cpu_window,
    }))
    engine.dispose()


def dashboard_process(cfg: dict[str, Any]) -> None:
    """The coordinator's laptop: pulls everything and reads the dashboard every real second."""
    from checkin.services.dashboard import dashboard_snapshot
    from checkin.storage.db import open_database
    from checkin.storage.meta import ensure_desk
    from checkin.sync.worker import SyncWorker

    engine = open_database(cfg["db"], check_location=False)
    desk = ensure_desk(engine, "Koordynator")
    before_the_window(cfg, engine)
    window = [datetime.fromisoformat(x) for x in cfg["window"]]
    clock = SimClock(cfg["t0"].value, cfg["speed"], window[0])
    sync = SyncWorker(engine, cfg["hub"], poll_interval=5.0)
    sync.start()
    samples, forecasts = [], []
    next_forecast = max(SIM0 + timedelta(minutes=30), window[0])
    until = clock.real(window[1])
    while time.time() < until:
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
    ap.add_argument("--window", type=window_arg, default=(SIM0, SIM0 + MORNING), metavar="HH:MM-HH:MM",
                    help="play only this part of the morning (Warsaw time); what comes before it is made and "
                         "synced at once (default: 07:50-10:50, the whole morning)")
    args = ap.parse_args()
    load = os.getloadavg()
    start, end = args.window
    length = (end - start).total_seconds()
    print(f"# event morning: {args.attendees} registered, {args.desks} desk processes + 1 dashboard, "
          f"{start.astimezone(WARSAW):%H:%M}-{end.astimezone(WARSAW):%H:%M} ({length / 60:.0f} simulated minutes) "
          f"at {args.speed:g}x (~{length / args.speed / 60:.1f} real minutes); load average before: "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    folder = Path(tempfile.mkdtemp(prefix="checkin-eventday-"))
    hub = make_hub(args.pg)
    try:
        started = time.time()
        people = publish_event(hub, folder, args.attendees)
        template = desk_template(hub, folder)
        schedule, truth = plan(people, args.desks, args.seed, end)
        history = sum(1 for items in schedule for i in items if datetime.fromisoformat(i["at"]) < start)
        print(f"# set-up {time.time() - started:.0f} s; planned {truth['scans']} scans "
              f"({truth['admitted']} entrance admissions, {truth['hall_entries']} hall entries), "
              f"{history} of them before the window")
        offline_desk = 1 % args.desks
        off_start = start + timedelta(seconds=max(0.0, length - args.offline_minutes * 60) / 2)
        off = [off_start.isoformat(), (off_start + timedelta(minutes=args.offline_minutes)).isoformat()]
        ctx = mp.get_context("fork")
        barrier, go, t0 = ctx.Barrier(args.desks + 2), ctx.Event(), ctx.Value("d", 0.0)
        shared = {"window": [start.isoformat(), end.isoformat()], "history_scans": history, "barrier": barrier,
                  "go": go, "t0": t0, "speed": args.speed, "hub": hub["desk"]}
        procs, outs = [], []
        for i in range(args.desks):
            db = folder / f"desk{i + 1}.sqlite3"
            shutil.copy(template, db)
            out = folder / f"desk{i + 1}.json"
            outs.append(out)
            cfg = {**shared, "db": str(db), "name": f"Stanowisko {i + 1}", "schedule": schedule[i],
                   "offline": off if i == offline_desk else None, "other_offline": off,
                   "expected_scans": truth["scans"], "settle_s": args.settle, "out": str(out),
                   "started": time.time()}
            procs.append(ctx.Process(target=desk_process, args=(cfg,), name=f"desk{i + 1}"))
        dash_db = folder / "dashboard.sqlite3"
        shutil.copy(template, dash_db)
        dash_out = folder / "dashboard.json"
        dash = ctx.Process(target=dashboard_process, args=({**shared, "db": str(dash_db), "out": str(dash_out)},),
                           name="dashboard")
        for p in [*procs, dash]:
            p.start()
        ready = time.time()
        barrier.wait(timeout=1800)  # every desk made its scans before the window and holds everyone's
        t0.value = time.time() + 2
        go.set()
        print(f"# before the window: {history} scans made and synced to every desk in {time.time() - ready:.0f} s")
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
        in_window, first, last = conn.execute(  # type: ignore[misc]
            "SELECT count(*), min(hub_time), max(hub_time) FROM checkin.scan WHERE device_time >= %s",
            (args.window[0],)).fetchone()
    queued = {i for d in desks for i in d["queued_ids"]}  # made, still waiting in a desk's outbox
    lost = len(made_ids - hub_ids - queued)  # made, yet neither at the hub nor waiting to go there
    missing_at_desks = sum(len(hub_ids - set(d["scan_ids"])) for d in desks)  # not pulled (yet)
    unknown = sum(len(set(d["scan_ids"]) - made_ids) for d in desks) + len(hub_ids - made_ids)
    wrong_headcount = sum(1 for d in desks if d["present"] != truth["admitted"])
    lags = [x for d in desks for x in d["lags"]]
    span = (last - first).total_seconds() if first and last else float("nan")
    late = [x for d in desks for x in d["late"]]
    cpu = [d["cpu_window"] * 100 for d in desks]
    print(f"scans_planned={truth['scans']}\nscans_made={len(made)}\nscans_at_hub={len(hub_ids)}")
    print(f"scans_per_s_sustained={in_window / span:.1f}  # hub arrivals of the window's {in_window} scans, "
          "first to last")
    print(f"desk_to_desk_lag_ms_p50={pct(lags, 50) * 1000:.0f}\ndesk_to_desk_lag_ms_p95={pct(lags, 95) * 1000:.0f}"
          f"  # {len(lags)} scan arrivals at other desks")
    legs = [x for d in desks for x in d["legs"]]
    push, pull = [a for a, _ in legs], [b for _, b in legs]
    rounds = [x for d in desks for x in d["rounds"]]
    print(f"lag_made_to_hub_ms_p50={pct(push, 50) * 1000:.0f}\nlag_made_to_hub_ms_p95={pct(push, 95) * 1000:.0f}"
          f"\nlag_hub_to_desk_ms_p50={pct(pull, 50) * 1000:.0f}\nlag_hub_to_desk_ms_p95={pct(pull, 95) * 1000:.0f}"
          f"  # the two legs of the lag, split at the hub's insert")
    print(f"sync_round_ms_p50={pct(rounds, 50) * 1000:.0f}\nsync_round_ms_p95={pct(rounds, 95) * 1000:.0f}"
          f"  # {len(rounds)} rounds at the desks, wall time")
    if dash:
        print(f"dashboard_snapshot_ms_p50={pct(dash['snapshot_ms'], 50):.1f}\n"
              f"dashboard_snapshot_ms_p95={pct(dash['snapshot_ms'], 95):.1f}  # {len(dash['snapshot_ms'])} reads")
    print(f"cpu_per_desk_process_pct_median={statistics.median(cpu):.1f}\ncpu_per_desk_process_pct_max={max(cpu):.1f}"
          f"  # of one core, while the window played")
    print(f"cpu_asked_by_desks_cores={sum(cpu) / 100:.2f}  # of {os.cpu_count()} cores here, PostgreSQL and the "
          f"dashboard not counted; above the cores, lag measures the run queue")
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
