# SPDX-License-Identifier: MIT
"""Two and three desks scanning at the congress entrance, online and offline, end up agreeing."""

from __future__ import annotations

from datetime import timedelta

from synchelp import Hub, Site, assert_converged, attendance, scan_ids, settle

from checkin.domain.results import ScanResult
from checkin.storage.attendees import count_attendees
from checkin.storage.events import load_event
from checkin.sync.conflicts import conflicts


def test_a_new_desk_pulls_event_and_roster_before_it_scans(hub: Hub, organiser: tuple[Site, list[str]],
                                                           new_desk) -> None:
    _, people = organiser
    desk = new_desk("Stanowisko 1")
    with desk.engine.connect() as conn:
        event = load_event(conn)
        assert event.name.startswith("Ogólnopolski Kongres Sekretarzy")
        assert count_attendees(conn, event.id) == len(people)
    decision = desk.admit(people[0], "day1")
    assert decision.result is ScanResult.ACCEPTED
    assert decision.attendee.last_name == "Żółć-Ślęzak"


def test_two_online_desks_share_check_ins(hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    _, people = organiser
    d1, d2 = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    assert d1.admit(people[0]).result is ScanResult.ACCEPTED
    assert d1.sync().ok and d2.sync().ok
    again = d2.admit(people[0])
    assert again.result is ScanResult.DUPLICATE
    assert again.first_desk == "Stanowisko 1"
    assert d2.admit(people[1]).result is ScanResult.ACCEPTED
    settle([d1, d2])
    converged = assert_converged(hub, [d1, d2])
    assert {a for a, _, _ in converged} == {people[0], people[1]}
    assert conflicts(d1.engine) == []


def test_three_desks_offline_admit_the_same_person_once_with_a_flagged_duplicate(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    _, people = organiser
    desks = [new_desk(f"Stanowisko {i}") for i in (1, 2, 3)]
    for d in desks:
        d.go_offline()
    # the same attendee at all three desks, at 07:00:05, 07:00:03 and 07:00:09; others differ
    desks[0].now += timedelta(seconds=4)
    desks[1].now += timedelta(seconds=2)
    desks[2].now += timedelta(seconds=8)
    for d in desks:
        assert d.admit(people[0]).result is ScanResult.ACCEPTED  # nobody can know yet
        assert not d.sync().ok  # the hub is unreachable; scanning goes on
    assert desks[0].admit(people[1]).result is ScanResult.ACCEPTED
    assert desks[1].admit(people[2], "D1-OTW").result is ScanResult.ACCEPTED
    assert desks[2].admit(people[3], "day2").result is ScanResult.ACCEPTED
    for d in desks:
        d.go_online()
    settle(desks)
    converged = assert_converged(hub, desks)
    first = [scan for attendee, cp, scan in converged if attendee == people[0] and cp == "day:2022-10-19"]
    assert len(first) == 1
    with desks[1].engine.connect() as conn:  # the earliest scan (desk 2, 07:00:03) is the attendance
        desk_of_first = conn.exec_driver_sql("SELECT desk_id FROM scan WHERE id = ?", (first[0],)).scalar()
    assert desk_of_first == desks[1].desk.id
    # a session admission also marks the day
    assert any(a == people[2] and cp == "day:2022-10-19" for a, cp, _ in converged)
    assert len(converged) == 5  # p0 day1, p1 day1, p2 session + day1, p3 day2
    for d in desks:
        dupes = conflicts(d.engine)
        assert len(dupes) == 2
        assert {x.kept_desk for x in dupes} == {"Stanowisko 2"}
        assert {x.duplicate_desk for x in dupes} == {"Stanowisko 1", "Stanowisko 3"}
        assert all(x.attendee_name == "Łukasz Żółć-Ślęzak" for x in dupes)
    assert hub.scalar("SELECT count(*) FROM scan") == len(scan_ids(desks[0].engine)) == 6


def test_the_same_batch_pushed_twice_changes_nothing(hub: Hub, organiser: tuple[Site, list[str]],
                                                     new_desk) -> None:
    from checkin.sync.push import begin_as_desk, read_batch, write_batch

    _, people = organiser
    d1 = new_desk("Stanowisko 1")
    for p in people:
        d1.admit(p)
    batch = read_batch(d1.engine)
    assert batch is not None and len(batch.scans) == len(people)
    for _ in range(2):  # the reply to the first commit was "lost": the desk sends it again
        with d1.hub.begin() as conn:
            begin_as_desk(conn, d1.desk.id)
            write_batch(conn, batch)
    assert hub.scalar("SELECT count(*) FROM scan") == len(people)
    assert hub.scalar("SELECT count(*) FROM attendance WHERE active") == len(people)
    assert d1.sync().ok  # and the outbox, still full, is sent a third time
    assert_converged(hub, [d1])
    assert attendance(hub.engine) == attendance(d1.engine)
