# SPDX-License-Identifier: MIT
"""Entries at the front door, exits at the back door, both offline, synced late through the hub:
every desk ends with the same minutes of presence, and a late exit changes minutes, never loses them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from synchelp import Hub, Site, assert_converged, settle

from checkin.domain.results import Direction, ScanResult
from checkin.services.presence import session_presence
from checkin.storage.db import write_tx
from checkin.storage.events import load_event, session_by_code
from checkin.sync.engine import publish
from checkin.sync.urls import hub_engine

AFTER = datetime(2022, 10, 19, 18, 0, tzinfo=UTC)  # long after the workshop: minutes are final


def at(site: Site, hhmm: str) -> None:
    """Set the desk's clock to a Warsaw time on day 1 (CEST, UTC+2); `Site.clock` adds a second."""
    h, m = (int(x) for x in hhmm.split(":"))
    site.now = datetime(2022, 10, 19, h - 2, m, tzinfo=UTC) - timedelta(seconds=1)


def minutes(site_engine, code: str = "D1-WS-RODO") -> dict[str, tuple[int, bool]]:  # type: ignore[no-untyped-def]
    with site_engine.connect() as conn:
        event = load_event(conn)
        session = session_by_code(conn, event.id, code)
        assert session is not None
        return {p.attendee_id: (p.span.minutes, p.span.attended)
                for p in session_presence(conn, event, session, now=AFTER).people}


def test_two_doors_offline_agree_on_minutes_after_a_late_sync(hub: Hub, organiser: tuple[Site, list[str]],
                                                             new_desk) -> None:
    office, people = organiser
    # the RODO workshop (15:45–17:15, exits counted) opened to everyone, published to the hub
    with write_tx(office.engine) as conn:
        conn.execute(text("UPDATE session SET requires_registration = 0 WHERE code = 'D1-WS-RODO'"))
    organiser_hub = hub_engine(hub.organiser_url)
    try:
        publish(office.engine, organiser_hub)
    finally:
        organiser_hub.dispose()
    front, back = new_desk("Drzwi przednie"), new_desk("Drzwi tylne")
    p0, p1, p2 = people[:3]
    for door in (front, back):
        door.go_offline()
    rodo_front, rodo_back = front.checkpoint("D1-WS-RODO"), back.checkpoint("D1-WS-RODO")
    enter, leave = front.service(), back.service()

    at(front, "15:40")
    assert enter.admit(p0, rodo_front).result is ScanResult.ACCEPTED
    at(front, "15:50")
    assert enter.admit(p1, rodo_front).result is ScanResult.ACCEPTED
    at(back, "16:00")  # p0 steps out through the back door: that door never saw the entry
    out = leave.admit(p0, rodo_back, direction=Direction.OUT)
    assert (out.result, out.reason) == (ScanResult.ACCEPTED, "exit_unmatched")
    at(front, "16:20")  # ...and comes back in at the front, which still thinks p0 is inside
    assert enter.admit(p0, rodo_front).result is ScanResult.DUPLICATE
    at(front, "16:30")
    assert enter.admit(p2, rodo_front).result is ScanResult.ACCEPTED
    at(back, "17:05")
    leave.admit(p0, rodo_back, direction=Direction.OUT)
    at(back, "17:10")
    leave.admit(p1, rodo_back, direction=Direction.OUT)

    # before the sync each door knows half of the story
    assert minutes(front.engine) == {p0: (90, True), p1: (85, True), p2: (45, False)}
    assert minutes(back.engine) == {}

    for door in (back, front):
        door.go_online()
    settle([back, front])
    assert_converged(hub, [front, back])
    expected = {p0: (15 + 45, False),  # 15:45–16:00 and 16:20–17:05: 60 of 90 minutes
                p1: (80, True),  # 15:50–17:10
                p2: (45, False)}  # 16:30, no exit: closed at the end, 17:15
    assert minutes(front.engine) == minutes(back.engine) == expected
    event, session = front.service().event, rodo_front.session
    assert session is not None
    with hub.engine.connect() as conn:  # the hub's own scan log gives the same answer
        on_hub = {p.attendee_id: (p.span.minutes, p.span.attended)
                  for p in session_presence(conn, event, session, now=AFTER).people}
    assert on_hub == expected
