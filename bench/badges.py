# SPDX-License-Identifier: MIT
"""Badge rendering speed and memory: `.venv/bin/python bench/badges.py [--n 1000] [--template a6]`.

Prints: one badge warm (median, p95, signed QR), the first badge in a fresh process (imports and
font registration included), and N badges into one PDF (time, size, peak Python memory via
tracemalloc, and the peak for N/4 to show how memory grows). Targets from issue 5: < 20 ms per badge
warm, 1,000 badges < 15 s, memory bounded.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
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
t1 = time.perf_counter()
key = Ed25519PrivateKey.generate()
render_badges(sample_attendees()[:1], sample_event(), load_template("{template}"), io.BytesIO(), signing_key=key)
t2 = time.perf_counter()
print(f"{{(t1 - t0) * 1000:.0f}} {{(t2 - t1) * 1000:.0f}}")
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
          f"Python {sys.version.split()[0]}")

    # 1. first badge in a fresh process
    out = subprocess.run([sys.executable, "-c", FIRST_BADGE.format(template=template.id)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    print(f"first badge, fresh process: imports {out[0]} ms + first render {out[1]} ms "
          f"= {int(out[0]) + int(out[1])} ms")

    # 2. one badge, warm (a whole one-page PDF each time, as the desk does per print)
    sample = list(people(7))
    for person in sample:
        render_badges([person], event, template, io.BytesIO(), signing_key=key)
    times = []
    for i in range(args.warm_runs):
        t0 = time.perf_counter()
        render_badges([sample[i % len(sample)]], event, template, io.BytesIO(), signing_key=key)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"one badge warm ({args.warm_runs} runs): median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms "
          f"(target < 20 ms)")

    # 3. N badges into one PDF, and N/4 for the memory slope
    for n in (max(1, args.n // 4), args.n):
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "badges.pdf"
            tracemalloc.start()
            t0 = time.perf_counter()
            pages = render_badges(people(n), event, template, pdf, signing_key=key)
            elapsed = time.perf_counter() - t0
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            size = pdf.stat().st_size
        print(f"{n} badges -> one PDF: {elapsed:.2f} s ({elapsed / n * 1000:.1f} ms/badge), {pages} pages, "
              f"{size / 1e6:.2f} MB ({size / n / 1000:.1f} KB/badge), peak traced memory {peak / 1e6:.1f} MB")
    print("(tracemalloc slows rendering by roughly 1.5-2x; the time figure above includes that)")
    t0 = time.perf_counter()
    render_badges(people(args.n), event, template, io.BytesIO(), signing_key=key)
    print(f"{args.n} badges without tracemalloc: {time.perf_counter() - t0:.2f} s (target < 15 s)")


if __name__ == "__main__":
    main()
