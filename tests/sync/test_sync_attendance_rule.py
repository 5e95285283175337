# SPDX-License-Identifier: MIT
"""The hub derives attendance set-wise in SQL (a trigger on its scan log); desks derive it with
`recompute_attendance`. On any scan log (entries, exits, sessions, voids, ties in time, several
desks) both must give the same rows."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from synchelp import Hub, fresh_db

from checkin.storage import tables as t
from checkin.storage.db import open_database, write_tx
from checkin.storage.scans import recompute_attendance
from checkin.sync.push import attendance_keys
from checkin.sync.rows import upsert

DAYS = [date(2022, 10, 19), date(2022, 10, 20)]
SESSIONS = {"s-otw": DAYS[0], "s-cyf": DAYS[0], "s-d2": DAYS[1]}
T0 = datetime(2022, 10, 19, 7, 0, tzinfo=UTC)

scan_spec = st.tuples(
    st.integers(0, 2),  # attendee
    st.sampled_from(["day:0", "day:1", *SESSIONS]),  # checkpoint
    st.sampled_from(["in", "in", "out"]),
    st.sampled_from(["accepted", "accepted", "duplicate"]),
    st.integers(0, 6),  # minute (small range: ties happen)
    st.sampled_from(["desk-a", "desk-b"]),
    st.booleans(),  # voided later?
)


def _scans(specs: list[tuple[int, str, str, str, int, str, bool]], tag: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i, (who, where, direction, result, minute, desk, void) in enumerate(specs):
        if where.startswith("day:"):
            day, session, checkpoint = DAYS[int(where[4:])], None, f"day:{DAYS[int(where[4:])].isoformat()}"
        else:
            day, session, checkpoint = SESSIONS[where], where, f"session:{where}"
        base = {"event_id": "kongres", "desk_id": desk, "operator": "", "checkpoint": checkpoint, "day": day,
                "session_id": session, "direction": direction, "source": "handheld", "attendee_id": f"{tag}-{who}",
                "ticket_id": None, "detail": ""}
        scan_id = f"{tag}-{i:02d}-{uuid.uuid4().hex[:6]}"
        rows.append({**base, "id": scan_id, "device_time": T0 + timedelta(minutes=minute), "result": result,
                     "voided_scan_id": None})
        if void and result == "accepted":
            rows.append({**base, "id": f"{scan_id}-void", "device_time": T0 + timedelta(minutes=minute, seconds=30),
                         "result": "void", "voided_scan_id": scan_id})
    return rows


def _rows(conn, tag: str) -> set[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    a = t.attendance
    # an inactive row (everything voided) means the same as no row: a desk that saw the admission
    # before its void keeps one, a desk that pulled both at once never made it
    return {(r.attendee_id, r.checkpoint, r.day, r.session_id, r.scan_id, r.first_time, r.desk_id, bool(r.inside))
            for r in conn.execute(select(a).where(a.c.attendee_id.like(f"{tag}-%"), a.c.active.is_(True)))}


def test_hub_and_desk_derive_the_same_attendance(hub: Hub, tmp_path: Path, _template_db: Path) -> None:
    local = open_database(fresh_db(_template_db, tmp_path / "rule.sqlite3"), check_location=False)

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(st.lists(scan_spec, min_size=1, max_size=14), st.integers(1, 3))
    def check(specs: list[tuple[int, str, str, str, int, str, bool]], batches: int) -> None:
        tag = uuid.uuid4().hex[:8]
        scans = _scans(specs, tag)
        with write_tx(local) as conn:
            upsert(conn, t.scan, scans, ["id"], update=False)
            for key in sorted(attendance_keys(scans), key=lambda k: (k[0], k[1])):
                recompute_attendance(conn, *key)
            expected = _rows(conn, tag)
        size = -(-len(scans) // batches)  # the hub gets them in several pushes, like desks would send them
        for start in range(0, len(scans), size):
            with hub.engine.begin() as conn:
                chunk = scans[start:start + size]
                upsert(conn, t.scan, chunk, ["id"], update=False)  # the hub's trigger derives attendance
        with hub.engine.connect() as conn:
            assert _rows(conn, tag) == expected

    try:
        check()
    finally:
        local.dispose()
