# SPDX-License-Identifier: MIT
"""The venue Wi-Fi comes back: every desk pushes what it recorded offline, all at the same moment.

Desks admit the same people at different doors in different orders (the entrance at one desk, a
hall at another), so their batches overlap. The hub must take them all without a deadlock or a
lock wait that outlasts the desks' patience, and the whole morning must be there afterwards.
"""

from __future__ import annotations

import random
import threading

from synchelp import Hub, Site, add_people, assert_converged, settle
from test_sync_faults import _queue_scans

from checkin.storage.events import load_event
from checkin.sync.engine import publish
from checkin.sync.push import push_pending
from checkin.sync.urls import hub_engine


def test_six_desks_back_online_at_once_push_overlapping_mornings_without_a_deadlock(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    site, _ = organiser
    with site.engine.connect() as conn:
        event_id = load_event(conn).id
    people = add_people(site.engine, event_id, 120)
    organiser_hub = hub_engine(hub.organiser_url)
    publish(site.engine, organiser_hub)  # 120 more people
    organiser_hub.dispose()
    desks = [new_desk(f"Stanowisko {i + 1}") for i in range(6)]
    for n, desk in enumerate(desks):
        assert desk.sync().ok  # the roster
        order = people[:]
        random.Random(n).shuffle(order)  # each desk met the same people in its own order
        _queue_scans(desk, order, 480)
    errors: list[str] = []
    start = threading.Barrier(len(desks))

    def reconnect(desk: Site) -> None:
        engine = hub_engine(hub.desk_url)
        try:
            start.wait()
            push_pending(desk.engine, engine, desk.desk.id, batch_size=240)
        except Exception as exc:  # the failure is the finding: report every desk's
            errors.append(f"{desk.name}: {exc}".splitlines()[0])
        finally:
            engine.dispose()

    threads = [threading.Thread(target=reconnect, args=(d,)) for d in desks]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    assert errors == []
    assert hub.scalar("SELECT count(*) FROM checkin.scan") == 6 * 480
    settle(desks)
    assert_converged(hub, desks)
