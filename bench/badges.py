# SPDX-License-Identifier: MIT
"""Badge rendering speed and memory: `.venv/bin/python bench/badges.py [--n 1000] [--template a6]`.

Prints: one badge warm (median, p95, signed QR), the first badge in a fresh process (imports and
font registration included), and N badges into one PDF in a fresh process (time, size, and how much
the peak RSS grew while rendering, for N/4 and N, to show how memory scales). Targets from issue 5: < 20 ms per badge
warm, 1,000 badges < 15 s, memory bounded.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIRST_BADGE = """
import time, io
t0 = time.perf_counter()
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from checkin.badges.preview import sample_attendees, sample_event
from checkin.badges.render import render_badges
from checkin.badges.templates import load_template
import checkin.tickets.issue  # signing's DB layer: already loaded in the desk app and the CLI
t1 = time.perf_counter()
key = Ed25519PrivateKey.generate()
render_badges(sample_attendees()[:1], sample_event(), load_template("{template}"), io.BytesIO(), signing_key=key)
t2 = time.perf_counter()
print(f"{{(t1 - t0) * 1000:.0f}} {{(t2 - t1) * 1000:.0f}}")
"""


BATCH = """
import resource, sys, tempfile, time
from pathlib import Path
sys.path[:0] = [".", "bench"]
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from badges import people
from checkin.badges.preview import sample_event
from checkin.badges.render import render_badges
from checkin.badges.templates import load_template
template, event, key = load_template("{template}"), sample_event(), Ed25519PrivateKey.generate()
render_badges(people(1), event, template, Path(tempfile.mkdtemp()) / "warm.pdf", signing_key=key)
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
pdf = Path(tempfile.mkdtemp()) / "badges.pdf"
t0, c0 = time.perf_counter(), time.process_time()
pages = render_badges(people({n}), event, template, pdf, signing_key=key)
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(elapsed, pages, pdf.stat().st_size, rss0, rss1, cpu)
"""


def people(n: int):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from checkin.badges.preview import sample_attendees

    base = sample_attendees()
    for i in range(n):
        yield replace(base[i % len(base)], id=f"bench-{i}", ticket_id=f"{i + 1:032x}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--template", default="a6")
    parser.add_argument("--warm-runs", type=int, default=200)
    args = parser.parse_args()

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from checkin.badges.preview import sample_event
    from checkin.badges.render import render_badges
    from checkin.badges.templates import load_template

    template = load_template(args.template)
    event = sample_event()
    key = Ed25519PrivateKey.generate()
    print(f"template {template.id} ({template.width_mm:g} x {template.height_mm:g} mm), signed QR, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")

    # 1. first badge in a fresh process
    out = subprocess.run([sys.executable, "-c", FIRST_BADGE.format(template=template.id)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    print(f"first badge, fresh process: imports {out[0]} ms + first render {out[1]} ms "
          f"= {int(out[0]) + int(out[1])} ms")

    # 2. one badge, warm (a whole one-page PDF each time, as the desk does per print)
    sample = list(people(7))
    for person in sample:
        render_badges([person], event, template, io.BytesIO(), signing_key=key)
    times, cpu = [], []
    for i in range(args.warm_runs):
        t0, c0 = time.perf_counter(), time.process_time()
        render_badges([sample[i % len(sample)]], event, template, io.BytesIO(), signing_key=key)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    times.sort()
    cpu.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"one badge warm ({args.warm_runs} runs): median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms "
          f"wall; CPU median {statistics.median(cpu):.1f} ms, p95 {cpu[int(len(cpu) * 0.95) - 1]:.1f} ms "
          f"(target < 20 ms)")

    # 3. N badges into one PDF in a fresh process each, for N/4 and N: time, size, peak RSS growth
    for n in (max(1, args.n // 4), args.n):
        out = subprocess.run([sys.executable, "-c", BATCH.format(template=template.id, n=n)], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
        elapsed, pages, size, rss0, rss1 = float(out[0]), int(out[1]), int(out[2]), int(out[3]), int(out[4])
        cpu = float(out[5])
        print(f"{n} badges -> one PDF: {elapsed:.2f} s wall, {cpu:.2f} s CPU ({cpu / n * 1000:.1f} ms/badge; "
              f"target for 1,000: < 15 s), {pages} pages, {size / 1e6:.2f} MB ({size / n / 1000:.1f} KB/badge), "
              f"peak RSS {rss1 / 1024:.0f} MB, of which rendering added {(rss1 - rss0) / 1024:.1f} MB")


if __name__ == "__main__":
    main()
