# SPDX-License-Identifier: MIT
"""Organiser chores without a screen: session edits, the end-of-event wipe, dashboard numbers."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlalchemy import Engine, func, select

from checkin.domain.models import Checkpoint
from checkin.services.admin import (
    SessionEdit,
    SessionEditError,
    WipeRefusedError,
    parse_capacity,
    parse_clock,
    session_edit_for,
    update_sessions,
    wipe_personal_data,
    wipe_preview,
)
from checkin.services.checkin import CheckInService
from checkin.services.dashboard import activity_fingerprint, dashboard_snapshot, default_day
from checkin.storage import tables as t
from checkin.storage.events import load_event, session_by_code
from tests.conftest import DAY1, DAY2, AddAttendee, Clock


def _edit(engine: Engine, code: str) -> SessionEdit:
    with engine.connect() as conn:
        event = load_event(conn)
        session = session_by_code(conn, event.id, code)
    assert session is not None
    return session_edit_for(session, event)


def test_a_workshop_moves_rooms_and_grows(event_engine: Engine) -> None:
    with event_engine.connect() as conn:
        event = load_event(conn)
    edit = _edit(event_engine, "D1-WS-KPA")
    assert (edit.starts, edit.ends, edit.capacity) == (time(15, 45), time(17, 15), 40)
    changed = update_sessions(event_engine, event, [
        SessionEdit("D1-WS-KPA", "Warsztat: KPA po nowelizacji", "Sala Paderewski", time(16, 0), time(17, 30), 45),
        _edit(event_engine, "D1-OTW"),  # unchanged rows are not rewritten
    ])
    assert changed == 1
    with event_engine.connect() as conn:
        s = session_by_code(conn, event.id, "D1-WS-KPA")
    assert s is not None
    assert (s.title, s.room, s.capacity) == ("Warsztat: KPA po nowelizacji", "Sala Paderewski", 45)
    assert s.starts_at == datetime(2022, 10, 19, 14, 0, tzinfo=UTC)  # Warsaw is UTC+2 in October


def test_a_bad_edit_names_the_session_and_field_and_saves_nothing(event_engine: Engine) -> None:
    with event_engine.connect() as conn:
        event = load_event(conn)
    good = SessionEdit("D1-OTW", "Otwarcie", "Sala A", time(9, 30), time(11, 0), None)
    bad = SessionEdit("D1-WS-RODO", "RODO", "Sala Moniuszko", time(17, 0), time(16, 0), 30)
    with pytest.raises(SessionEditError) as err:
        update_sessions(event_engine, event, [good, bad])
    assert (err.value.code, err.value.field) == ("D1-WS-RODO", "ends")
    assert _edit(event_engine, "D1-OTW").title.startswith("Otwarcie kongresu")  # all or nothing
    with pytest.raises(SessionEditError, match="no such session"):
        update_sessions(event_engine, event, [SessionEdit("NIE-MA", "x", "", None, None, None)])


@pytest.mark.parametrize(("text", "expected"), [("9:30", time(9, 30)), ("09.30", time(9, 30)), ("", None)])
def test_clock_cells(text: str, expected: time | None) -> None:
    assert parse_clock(text, "X", "starts") == expected


@pytest.mark.parametrize("text", ["25:00", "wpół do dziesiątej", "9"])
def test_bad_clock_cells(text: str) -> None:
    with pytest.raises(SessionEditError, match="is not a time"):
        parse_clock(text, "X", "starts")


def test_capacity_cells() -> None:
    assert parse_capacity(" 40 ", "X") == 40 and parse_capacity("", "X") is None
    for text in ("0", "-3", "dużo"):
        with pytest.raises(SessionEditError, match="whole number"):
            parse_capacity(text, "X")


def test_wipe_refuses_while_a_scan_is_unsynced(service: CheckInService, add_attendee: AddAttendee,
                                               event_engine: Engine) -> None:
    person = add_attendee()
    service.admit(person.id, Checkpoint(DAY1))
    preview = wipe_preview(event_engine)
    assert preview.pending_scans == 1 and not preview.allowed
    with pytest.raises(WipeRefusedError, match="1 scans"):
        wipe_personal_data(event_engine)
    with event_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.scan)).scalar() == 1
        assert conn.execute(select(func.count()).select_from(t.attendee)).scalar() == 1


def test_wipe_after_sync_deletes_personal_data_and_keeps_the_event(service: CheckInService,
                                                                   add_attendee: AddAttendee,
                                                                   event_engine: Engine, db_path: object) -> None:
    person = add_attendee(email="lukasz.zolc@example.gov.pl")
    service.admit(person.id, Checkpoint(DAY1))
    with event_engine.begin() as conn:  # what sync does after the hub committed
        conn.execute(t.outbox.delete())
    report = wipe_personal_data(event_engine)
    assert (report.attendees, report.scans, report.attendance, report.tickets) == (1, 1, 1, 1)
    assert report.vacuumed
    with event_engine.connect() as conn:
        for table in (t.attendee, t.scan, t.attendance, t.ticket, t.badge_print, t.attendee_change):
            assert conn.execute(select(func.count()).select_from(table)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(t.session)).scalar() > 0
    event_engine.dispose()
    from pathlib import Path

    raw = b"".join(p.read_bytes() for p in Path(str(db_path)).parent.glob("desk.sqlite3*"))
    assert b"lukasz.zolc@example.gov.pl" not in raw  # not left behind in free pages or the WAL


def test_dashboard_numbers_follow_scans(service: CheckInService, add_attendee: AddAttendee, event_engine: Engine,
                                        clock: Clock) -> None:
    people = [add_attendee(f"Osoba{i}", "Źdźbło", category="speaker" if i == 0 else "participant")
              for i in range(3)]
    before = activity_fingerprint(event_engine)
    clock.set_local("2022-10-19 08:55")
    service.admit(people[0].id, Checkpoint(DAY1))
    clock.set_local("2022-10-19 09:07")
    service.admit(people[1].id, Checkpoint(DAY1))
    assert activity_fingerprint(event_engine) != before
    data = dashboard_snapshot(event_engine, service.desk.id, None, clock())
    assert data.day == DAY1
    day = data.counts.days[0]
    assert (day.registered, day.present) == (3, 2)
    assert day.by_category == {"participant": (2, 1), "speaker": (1, 1)}
    assert [(b.strftime("%H:%M"), n) for b, n in data.arrivals] == [("08:50", 1), ("09:00", 1)]
    (desk,) = data.desks
    assert desk.this_desk and (desk.scans_recent, desk.accepted_recent) == (2, 2)
    assert data.pending >= 2
    assert "D1-OTW" in data.sessions


def test_default_day_on_a_rehearsal_evening_is_the_nearest_event_day(event_engine: Engine) -> None:
    with event_engine.connect() as conn:
        event = load_event(conn)
    assert default_day(event, datetime(2022, 10, 18, 18, 0, tzinfo=UTC)) == DAY1
    assert default_day(event, datetime(2022, 10, 20, 8, 0, tzinfo=UTC)) == DAY2
    assert default_day(event, datetime(2022, 10, 25, 8, 0, tzinfo=UTC)) == DAY2
