# SPDX-License-Identifier: MIT
"""A rehearsal the day before doors open, on the real system: the organiser starts it on the hub,
two desks follow through sync and mark what they do; ending it removes those rows from the hub and
from both desks — also the one a desk made offline after the end — and real check-ins stay."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select, text
from synchelp import DAY1, Hub, Site, assert_converged, attendance, scan_ids, settle

from checkin.badges.log import record_print
from checkin.cli import main
from checkin.services.registration import register_walk_in
from checkin.services.rehearsal import is_running, latest
from checkin.storage import tables as t


def rehearsal_rows(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return {name: len(conn.execute(select(table.c.id).where(table.c.rehearsal_id.is_not(None))).all())
                for name, table in (("scans", t.scan), ("prints", t.badge_print), ("walk_ins", t.attendee))}


def test_rehearsal_across_a_hub_and_two_desks_leaves_only_real_data(hub: Hub, organiser, new_desk, capsys):  # type: ignore[no-untyped-def]
    office, people = organiser
    desk_a: Site = new_desk("Stanowisko 1")
    desk_b: Site = new_desk("Stanowisko 2")
    real = desk_a.admit(people[0])  # a real check-in before the rehearsal
    settle([desk_a, desk_b])

    assert main(["--db", str(office.path), "rehearsal", "start", "--hub", hub.organiser_url, "--json"]) == 0
    capsys.readouterr()
    settle([desk_a, desk_b])
    assert is_running(desk_a.engine) and is_running(desk_b.engine)

    # the rehearsal: volunteers try everything on real people
    rehearsed = desk_a.admit(people[1])
    again = desk_b.admit(people[0])  # already in for real: a duplicate, still marked
    undo = desk_b.service().void(real.scan_id, reason="trying undo")  # undoes a REAL check-in
    walk_in = register_walk_in(desk_b.engine, desk_b.desk, first_name="Małgorzata",
                               last_name="Wójcik-Jabłońska-Szczebrzeszyńska",
                               organisation="Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach",
                               days=[DAY1])
    desk_b.service().admit(walk_in.id, desk_b.checkpoint("day1"))
    record_print(desk_a.engine, desk_a.desk, people[1], "a6", "Brother QL")
    settle([desk_a, desk_b])
    assert rehearsal_rows(hub.engine) == {"scans": 4, "prints": 1, "walk_ins": 1}
    assert (people[0], "day:2022-10-19", real.scan_id) not in attendance(hub.engine)  # undone, for now

    # desk 2 keeps rehearsing offline and misses the end
    desk_b.go_offline()
    late = desk_b.admit(people[2])

    assert main(["--db", str(office.path), "rehearsal", "end", "--hub", hub.organiser_url, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["rehearsal"]["removed_on_hub"]
    assert report == {desk_a.desk.id: {"scans": 1, "prints": 1},
                      desk_b.desk.id: {"scans": 3, "walk_ins": 1}}
    assert rehearsal_rows(hub.engine) == {"scans": 0, "prints": 0, "walk_ins": 0}
    assert hub.scalar("SELECT count(*) FROM ticket WHERE attendee_id = :a", a=walk_in.id) == 0

    desk_a.sync()
    assert not is_running(desk_a.engine)
    assert rehearsal_rows(desk_a.engine) == {"scans": 0, "prints": 0, "walk_ins": 0}
    desk_b.go_online()
    desk_b.sync()  # pushes its late rehearsal scan first: the hub drops it; then removes its own rows
    settle([desk_a, desk_b])
    assert rehearsal_rows(desk_b.engine) == {"scans": 0, "prints": 0, "walk_ins": 0}
    assert late.scan_id not in scan_ids(hub.engine)

    # real data untouched: the real check-in is back in force everywhere, nobody else is present
    expected = assert_converged(hub, [desk_a, desk_b])
    assert expected == {(people[0], "day:2022-10-19", real.scan_id)}
    for gone in (rehearsed.scan_id, again.scan_id, undo.scan_id, late.scan_id):
        assert gone not in scan_ids(desk_a.engine) and gone not in scan_ids(desk_b.engine)
    with desk_b.engine.connect() as conn:
        assert conn.execute(select(t.attendee.c.id).where(t.attendee.c.id == walk_in.id)).first() is None

    # the audit keeps what was removed, per desk: on the hub and on each desk
    with hub.engine.connect() as conn:
        on_hub = conn.execute(text("SELECT ended_at, removed FROM rehearsal")).one()
    assert on_hub.ended_at is not None and on_hub.removed["desks"] == report
    b_record = latest(desk_b.engine)
    assert b_record is not None and not b_record.running
    # desk 2 held its own four rehearsal scans, the late one included, and desk 1's (pulled)
    assert (b_record.removed_here["scans"], b_record.removed_here["prints"], b_record.removed_here["walk_ins"]) \
        == (5, 1, 1)
    assert b_record.removed.get("desks") == report

    # after the rehearsal, desks record real check-ins again, unmarked
    desk_a.now += timedelta(minutes=5)
    after = desk_a.admit(people[1])
    assert after.admitted
    with desk_a.engine.connect() as conn:
        assert conn.execute(select(t.scan.c.rehearsal_id).where(t.scan.c.id == after.scan_id)).scalar() is None
