# SPDX-License-Identifier: MIT
"""Scanning speed and detection: `.venv/bin/python bench/scan_pipeline.py [--quick] [--pin]`.

Prints, for this machine:
1. decoding speed per backend (grey conversion + decode of a BGR frame with a ticket in view) at
   640x480, 1280x720 and 1920x1080: median and p95 ms per frame and frames/s (1000 / median);
2. detection rate per backend and condition on a fixed synthetic set (seed 2022, 720p, webcam-like
   frames of real signed tickets, see checkin/scanner/synth.py), misreads and false reads on empty
   frames;
3. scan-to-decision latency: a frame arrives -> ScanPipeline (grey, decode, debounce) ->
   CheckInService.scan committed in a temporary SQLite file holding the demo congress (420
   attendees); median and p95, and the split between decode and decision;
4. the cheap parts: parse+verify of a ticket, QR matrix generation with a fixed mask.

Targets (issue 3): decision < 10 ms p95 after the frame arrives; >= 200 frames/s at 720p with the
default backend. --pin runs on one core (as the PERF-LIMITS figures were measured).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from checkin.scanner.decode import available_decoders, make_decoder  # noqa: E402
from checkin.scanner.synth import CONDITIONS, synthetic_set, webcam_frame  # noqa: E402
from checkin.tickets import token  # noqa: E402

EVENT_ID = "kongres-sekretarzy-2022"
SIZES = ((640, 480), (1280, 720), (1920, 1080))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], repeat: int, cpu: list[float] | None = None) -> list[float]:
    """Wall ms per call; with `cpu`, also this thread's CPU ms (unaffected by other processes)."""
    out = []
    for _ in range(repeat):
        cpu_start, started = time.thread_time(), time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
        if cpu is not None:
            cpu.append((time.thread_time() - cpu_start) * 1000)
    return out


def tickets(n: int, seed: int = 7) -> list[str]:
    rng = np.random.default_rng(seed)
    key = Ed25519PrivateKey.from_private_bytes(bytes(rng.integers(0, 256, 32, dtype=np.uint8)))
    return [token.encode_ticket(key, EVENT_ID, rng.bytes(16).hex()) for _ in range(n)]


def bench_decode_speed(quick: bool) -> None:
    print("1. Decoding speed (grey + decode, frame with a ticket in view; wall ms per frame, and CPU ms of\n"
          "   the decoding thread, which other processes on a shared machine do not inflate)")
    print(f"   {'backend':<10} {'size':>10} {'median':>8} {'p95':>8} {'frames/s':>9} {'CPU med':>8} {'CPU fps':>8}")
    texts = tickets(6)
    for width, height in SIZES:
        frames = [webcam_frame(t, size=(width, height), condition=c, seed=i)
                  for i, (t, c) in enumerate(zip(texts, ("clean", "tilt", "noise", "dim", "phone", "blur"),
                                                 strict=True))]
        for name in available_decoders():
            decoder = make_decoder(name)
            rounds = 2 if name == "opencv" or quick else 8
            times: list[float] = []
            cpu: list[float] = []
            for _ in range(rounds):
                for frame in frames:
                    times += timed(lambda f=frame, d=decoder: d.decode(f), 1, cpu)  # type: ignore[misc]
            med, cpu_med = statistics.median(times), statistics.median(cpu)
            print(f"   {name:<10} {f'{width}x{height}':>10} {med:8.2f} {pct(times, 95):8.2f} {1000 / med:9.0f}"
                  f" {cpu_med:8.2f} {1000 / max(cpu_med, 1e-3):8.0f}")


def bench_detection(quick: bool) -> None:
    per_condition = 6 if quick else 20
    texts = tickets(per_condition, seed=2022)
    frames = list(synthetic_set(texts, size=(1280, 720), seed=2022, empty_frames=2 * len(CONDITIONS)))
    print(f"\n2. Detection on the fixed synthetic set (seed 2022, 1280x720, {per_condition} tickets x "
          f"{len(CONDITIONS)} conditions + {2 * len(CONDITIONS)} empty frames)")
    print("   " + f"{'backend':<10}" + "".join(f"{c:>7}" for c in CONDITIONS) + f"{'all':>7}{'hard':>6}"
          + f"{'misread':>9}{'false':>7}")
    for name in available_decoders():
        decoder = make_decoder(name)
        hits: dict[str, int] = defaultdict(int)
        total: dict[str, int] = defaultdict(int)
        misreads = false_reads = 0
        for f in frames:
            read = [c.text for c in decoder.decode(f.image)]
            if f.text is None:
                false_reads += bool(read)
                continue
            total[f.condition] += 1
            hits[f.condition] += f.text in read
            misreads += any(r != f.text for r in read)
        overall = sum(hits.values()) / max(1, sum(total.values()))
        cells = "".join(f"{100 * hits[c] / total[c]:6.0f}%" for c in CONDITIONS)
        print(f"   {name:<10}{cells}{100 * overall:6.0f}%{100 * hits['hard'] / total['hard']:5.0f}%"
              f"{misreads:>9}{false_reads:>7}")


def bench_latency(quick: bool) -> None:
    from sqlalchemy import select

    from checkin.domain.models import Checkpoint
    from checkin.domain.results import ScanResult, Source
    from checkin.scanner.debounce import Debouncer
    from checkin.scanner.pipeline import ScanPipeline
    from checkin.scanner.sources import Frame
    from checkin.services.checkin import CheckInService
    from checkin.services.demo import install_demo
    from checkin.storage import tables as t
    from checkin.storage.attendees import to_attendee
    from checkin.storage.db import open_database
    from checkin.storage.meta import ensure_desk
    from checkin.tickets.issue import ticket_text
    from checkin.tickets.keys import register_public_key

    n = 60 if quick else 200
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(Path(tmp) / "desk.sqlite3", check_location=False)
        install_demo(engine)
        key = Ed25519PrivateKey.generate()
        register_public_key(engine, EVENT_ID, key)
        with engine.connect() as conn:
            people = [to_attendee(r) for r in conn.execute(select(t.attendee).where(
                t.attendee.c.status == "active").limit(n))]
        service = CheckInService(engine, ensure_desk(engine, "Bench desk"))
        event = service.event
        checkpoint = Checkpoint(event.days[0].date)
        conditions = ("clean", "tilt", "noise", "dim", "phone", "motion")
        frames = [webcam_frame(ticket_text(key, EVENT_ID, a), size=(1280, 720), condition=conditions[i % 6],
                               seed=i) for i, a in enumerate(people)]
        pipeline = ScanPipeline(make_decoder(), Debouncer())
        service.scan("warm-up", checkpoint)  # first connection and event load are not per-scan costs
        totals, decodes, decisions_ms, cpu_totals = [], [], [], []
        results: dict[str, int] = defaultdict(int)
        for i, image in enumerate(frames):
            frame = Frame(image, time.monotonic(), i)  # the frame arrives now
            arrived, cpu_arrived = time.perf_counter(), time.thread_time()
            for text in pipeline.process(frame):
                decided = time.perf_counter()
                decision = service.scan(text, checkpoint, Source.CAMERA)
                done = time.perf_counter()
                results[decision.result.value] += 1
                totals.append((done - arrived) * 1000)
                cpu_totals.append((time.thread_time() - cpu_arrived) * 1000)
                decodes.append(pipeline.decode_ms)
                decisions_ms.append((done - decided) * 1000)
        engine.dispose()
        fsyncs = _fsync_times(Path(tmp) / "fsync.bin", 100)
    print(f"\n3. Scan-to-decision latency (720p frame in -> decision committed in SQLite, demo roster, "
          f"{len(totals)} of {len(frames)} frames decoded)")
    for label, values in (("frame -> decision", totals), ("  decode", decodes), ("  decide+commit", decisions_ms),
                          ("  CPU of the above", cpu_totals), ("  (fsync, same disk)", fsyncs)):
        print(f"   {label:<20} median {statistics.median(values):6.2f} ms   p95 {pct(values, 95):6.2f} ms")
    print(f"   results: {dict(results)} ({ScanResult.NOT_REGISTERED.value}: demo attendees not registered "
          "for day 1)")


def _fsync_times(path: Path, n: int) -> list[float]:
    """What one durable commit costs on this disk at this moment (SQLite FULL sync waits for it)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        def write_and_sync() -> None:
            os.write(fd, b"x" * 4096)
            os.fsync(fd)

        return timed(write_and_sync, n)
    finally:
        os.close(fd)


def bench_cheap_parts() -> None:
    from checkin.tickets.qr import qr_matrix

    key = Ed25519PrivateKey.generate()
    code = token.encode_ticket(key, EVENT_ID, "ab" * 16)
    keys = {token.key_id_for(key.public_key()): key.public_key()}
    from datetime import UTC, datetime

    now = datetime.now(UTC)

    def check() -> None:
        parsed = token.parse_code(code)
        assert isinstance(parsed, token.SignedTicket)
        token.verify_ticket(parsed, keys, EVENT_ID, now)

    def junk() -> None:
        with contextlib.suppress(token.TicketError):
            token.parse_code("CK1" + "A" * 3000)

    print("\n4. Cheap parts")
    for label, fn, repeat in (("parse+verify a ticket", check, 2000), ("refuse a 3 KB code", junk, 2000),
                              ("QR matrix (fixed mask)", lambda: qr_matrix(code), 200),
                              ("QR matrix (all 8 masks)", lambda: qr_matrix(code, mask=None), 50)):
        values = timed(fn, repeat)
        print(f"   {label:<26} median {statistics.median(values):7.3f} ms   p95 {pct(values, 95):7.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer frames (a smoke run)")
    parser.add_argument("--pin", action="store_true", help="run on one CPU core")
    args = parser.parse_args()
    if args.pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    import cv2

    print(f"checkin scan pipeline bench — OpenCV {cv2.__version__}, decoders: {', '.join(available_decoders())}, "
          f"{os.cpu_count()} CPUs{' (pinned to one)' if args.pin else ''}, OpenCV threads {cv2.getNumThreads()}")
    bench_decode_speed(args.quick)
    bench_detection(args.quick)
    bench_latency(args.quick)
    bench_cheap_parts()


if __name__ == "__main__":
    main()
