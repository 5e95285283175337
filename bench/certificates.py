# SPDX-License-Identifier: MIT
"""Certificate batches: `.venv/bin/python bench/certificates.py [--n 400] [--rounds 3]`.

Builds a throw-away database with the demo event and N attendees present on both days (two
workshops each), then times `issue_certificates` for everyone: numbering in the local register,
one PDF per person, one combined PDF, a ZIP per institution. Prints medians over the rounds (each
round after the first is a re-issue: same numbers, logged) and the per-certificate cost.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(folder: Path, n: int) -> tuple[object, str]:
    from checkin.domain.models import Attendee, Checkpoint
    from checkin.services.checkin import CheckInService
    from checkin.services.event import install_event, parse_event_file
    from checkin.storage import tables as t
    from checkin.storage.attendees import attendee_values
    from checkin.storage.db import open_database, write_tx
    from checkin.storage.events import session_by_code
    from checkin.storage.meta import ensure_desk

    engine = open_database(folder / "bench.sqlite3", check_location=False)
    definition = parse_event_file(ROOT / "resources" / "demo" / "event.toml")
    install_event(engine, definition)
    desk = ensure_desk(engine, "Biuro")
    orgs = ["Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach", "Urząd Gminy Pcim",
            "Starostwo Powiatowe w Łęcznej", "Urząd Miasta Łodzi", "Gmina Szczebrzeszyn"]
    people = []
    with write_tx(engine) as conn:
        for i in range(n):
            a = Attendee(id=str(uuid.uuid4()), event_id=definition.event.id, first_name="Małgorzata",
                         last_name=f"Wójcik-Jabłońska-Szczebrzeszyńska {i}", organisation=orgs[i % len(orgs)],
                         ticket_id=uuid.uuid4().hex, sessions=("D1-WS-KPA", "D2-WS-LIDER"))
            conn.execute(t.attendee.insert().values(id=a.id, updated_at=datetime.now(UTC), **attendee_values(a)))
            people.append(a.id)
    now = [datetime(2022, 10, 19, 7, 0, tzinfo=UTC)]
    service = CheckInService(engine, desk, operator="bench", clock=lambda: now[0])
    with engine.connect() as conn:
        kpa = session_by_code(conn, definition.event.id, "D1-WS-KPA")
        lider = session_by_code(conn, definition.event.id, "D2-WS-LIDER")
    day1, day2 = definition.event.dates
    for checkpoint in (Checkpoint(day1), Checkpoint(day1, kpa), Checkpoint(day2), Checkpoint(day2, lider)):
        now[0] = datetime.combine(checkpoint.day, datetime.min.time(), tzinfo=UTC).replace(hour=13, minute=40)
        for attendee_id in people:
            service.admit(attendee_id, checkpoint)
    return engine, desk.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from checkin.services.certificate_batch import issue_certificates

    folder = Path(tempfile.mkdtemp(prefix="bench-certificates-"))
    try:
        engine, desk_id = build(folder, args.n)
        times = []
        for r in range(args.rounds):
            out = folder / f"round{r}"
            out.mkdir()
            started = time.perf_counter()
            report = issue_certificates(engine, desk_id, out_dir=out, combined=out / "all.pdf",
                                        zip_by_organisation=True, hub=None)
            times.append(time.perf_counter() - started)
            assert len(report.certificates) == args.n
        median = statistics.median(times)
        print(f"certificates_n={args.n}")
        print(f"certificates_batch_median_s={median:.2f}")
        print(f"certificates_per_certificate_median_ms={median / args.n * 1000:.1f}")
        print(f"certificates_first_issue_s={times[0]:.2f}")
        print(f"certificates_combined_pdf_kb={(folder / 'round0' / 'all.pdf').stat().st_size // 1024}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
