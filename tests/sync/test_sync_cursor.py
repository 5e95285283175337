# SPDX-License-Identifier: MIT
"""The pull cursor never skips a row whose transaction commits late."""

from __future__ import annotations

import psycopg
from synchelp import Hub, Site, scan_ids

INSERT = ("INSERT INTO checkin.scan (id, event_id, desk_id, device_time, checkpoint, day, source, result, "
          "attendee_id) VALUES (%s, 'kongres-sekretarzy-2022', 'desk-remote', now(), 'day:2022-10-19', "
          "'2022-10-19', 'camera', 'accepted', %s)")


def test_interleaved_hub_transactions_are_all_pulled(hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    _, people = organiser
    desk = new_desk("Stanowisko 1")
    with psycopg.connect(hub.admin_url) as t1, psycopg.connect(hub.admin_url) as t2:
        t1.execute(INSERT, ("scan-from-slow-transaction", people[0]))  # T1 takes the lower seq ...
        t2.execute(INSERT, ("scan-from-fast-transaction", people[1]))
        t2.commit()  # ... but T2 commits first
        seqs = dict(t2.execute("SELECT ref_id, seq FROM checkin.change WHERE kind = 'scan'").fetchall())
        assert list(seqs) == ["scan-from-fast-transaction"]  # T1's row is not visible yet

        assert desk.sync().ok  # the desk pulls while T1 is still open: it gets T2's row ...
        assert "scan-from-fast-transaction" in scan_ids(desk.engine)
        assert "scan-from-slow-transaction" not in scan_ids(desk.engine)  # ... and cannot see T1's yet

        t1.commit()
        all_seqs = dict(t1.execute("SELECT ref_id, seq FROM checkin.change WHERE kind = 'scan'").fetchall())
        assert all_seqs["scan-from-slow-transaction"] < all_seqs["scan-from-fast-transaction"]

    assert desk.sync().ok
    assert {"scan-from-slow-transaction", "scan-from-fast-transaction"} <= set(scan_ids(desk.engine))
    with desk.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT attendee_id FROM attendance WHERE active").fetchall()
    assert {r[0] for r in rows} == {people[0], people[1]}


def test_a_page_boundary_resumes_exactly(hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    from checkin.sync.pull import pull_changes

    _, people = organiser
    desk = new_desk("Stanowisko 1")
    with psycopg.connect(hub.admin_url) as conn:
        for i in range(25):
            conn.execute(INSERT, (f"remote-{i:03d}", people[i % len(people)]))
        conn.commit()
    result = pull_changes(desk.engine, desk.hub, desk.desk.id, page_size=7)  # 4 pages
    assert result.kinds == {"scan"}
    assert {s for s in scan_ids(desk.engine) if s.startswith("remote-")} == {f"remote-{i:03d}" for i in range(25)}
