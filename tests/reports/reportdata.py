# SPDX-License-Identifier: MIT
"""Data for the report tests: a congress day with the awkward cases every export must get right.

Day 1 (2022-10-19, Warsaw = UTC+2):
- Łukasz Żółć-Ślęzak checks in at Desk 1 at 09:12; Desk 2, offline at the time, also admitted him at
  09:40 (a cross-desk duplicate that sync later merged): he must count once, at 09:12, Desk 1.
- Źdźisława Ćwiąkalska was admitted by Desk 2 at 09:05 and by Desk 1 at 09:20: earliest wins.
- Grzegorz Brzęczyszczykiewicz was checked in at 09:30 and the volunteer undid it (void): he is
  not present and is a no-show.
- Stefan Sowa goes straight into the opening session D1-OTW at 09:35 (marks the day too).
- "=HYPERLINK(...)" is a registration form attack: it must come out as text.
- Anna Anulowana cancelled (never a no-show); Dorota Drugodniowa is registered for day 2 only.
Day 2: Łukasz at 08:50, Ścibor Śliwa at 08:55.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine

from checkin.domain.models import Attendee, Desk, Event, Scan
from checkin.domain.results import Direction, ScanResult, Source
from checkin.storage.db import write_tx
from checkin.storage.events import load_event
from checkin.storage.scans import insert_scan, recompute_attendance

DAY1 = date(2022, 10, 19)
DAY2 = date(2022, 10, 20)
EVIL_ORG = '=HYPERLINK("http://zly.example/x","Kliknij")'


@dataclass
class Congress:
    engine: Engine
    desk1: Desk
    desk2: Desk
    people: dict[str, Attendee]
    voided_scan_id: str


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def merged_scan(engine: Engine, attendee: Attendee, desk: Desk, when: datetime, day: date) -> None:
    """A scan accepted by another desk while offline, arriving later by sync (same path as sync)."""
    with write_tx(engine) as conn:
        insert_scan(conn, Scan(
            id=str(uuid.uuid4()), event_id=attendee.event_id, desk_id=desk.id, operator="offline",
            device_time=when, checkpoint=f"day:{day.isoformat()}", day=day, session_id=None,
            direction=Direction.IN, source=Source.HANDHELD, result=ScanResult.ACCEPTED,
            attendee_id=attendee.id, ticket_id=attendee.ticket_id))
        recompute_attendance(conn, attendee.id, f"day:{day.isoformat()}", day, None)


def load_event_of(engine: Engine) -> Event:
    with engine.connect() as conn:
        return load_event(conn)


def pdftotext(path: Path, page: int | None = None) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed to read the PDFs back"
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
