# SPDX-License-Identifier: MIT
"""Property: whatever order three desks scan, lose the network, restart and sync in, once everyone
is back online and has synced, every desk and the hub hold the same scans and the same attendance,
and at no point was a scan anywhere but on its desk, in its outbox or at the hub."""

from __future__ import annotations

import contextlib
import itertools
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select
from synchelp import Hub, Site, assert_converged, fresh_db, make_desk, scan_ids, settle

from checkin.domain.results import ScanResult
from checkin.services.checkin import VoidError
from checkin.storage import tables as t

DESKS = st.integers(min_value=0, max_value=2)
PLACES = st.sampled_from(["day1", "D1-OTW", "D1-CYF", "day2"])


class VenueMachine(RuleBasedStateMachine):
    hub: Hub
    people: list[str]
    template: Path
    workdir: Path
    counter = itertools.count()

    def __init__(self) -> None:
        super().__init__()
        n = next(self.counter)
        self.sites: list[Site] = []
        for i in range(3):
            path = fresh_db(self.template, self.workdir / f"example{n}-desk{i}.sqlite3")
            self.sites.append(make_desk(path, f"Stanowisko {i + 1}", self.hub))

    @rule(d=DESKS, person=st.integers(min_value=0, max_value=5), where=PLACES)
    def scan(self, d: int, person: int, where: str) -> None:
        decision = self.sites[d].admit(self.people[person], where)
        assert decision.result in (ScanResult.ACCEPTED, ScanResult.DUPLICATE, ScanResult.NOT_REGISTERED)

    @rule(d=DESKS)
    def undo_last_admission(self, d: int) -> None:
        site = self.sites[d]
        with site.engine.connect() as conn:
            last = conn.execute(select(t.scan.c.id).where(
                t.scan.c.desk_id == site.desk.id, t.scan.c.result == ScanResult.ACCEPTED.value
            ).order_by(t.scan.c.device_time.desc()).limit(1)).first()
        if last is not None:
            with contextlib.suppress(VoidError):  # already undone
                site.service().void(last[0], reason="pomyłka")

    @rule(d=DESKS)
    def lose_network(self, d: int) -> None:
        self.sites[d].go_offline()

    @rule(d=DESKS)
    def regain_network(self, d: int) -> None:
        self.sites[d].go_online()

    @rule(d=DESKS)
    def restart_desk(self, d: int) -> None:
        self.sites[d].restart()

    @rule(d=DESKS)
    def sync(self, d: int) -> None:
        result = self.sites[d].sync()
        assert result.ok == self.sites[d].online, result.error

    @invariant()
    def nothing_is_lost(self) -> None:
        at_hub = set(scan_ids(self.hub.engine))
        for site in self.sites:
            with site.engine.connect() as conn:
                queued = {r[0] for r in conn.execute(select(t.outbox.c.ref_id).where(t.outbox.c.kind == "scan"))}
                own = {r[0] for r in conn.execute(select(t.scan.c.id).where(t.scan.c.desk_id == site.desk.id))}
            assert own <= at_hub | queued, site.name

    def teardown(self) -> None:
        try:
            for site in self.sites:
                site.go_online()
            settle(self.sites)
            assert_converged(self.hub, self.sites)
        finally:
            for site in self.sites:
                site.close()


def test_desks_converge_whatever_happens(hub: Hub, organiser: tuple[Site, list[str]], tmp_path: Path,
                                        _template_db: Path) -> None:
    VenueMachine.hub = hub
    VenueMachine.people = organiser[1]
    VenueMachine.template = _template_db
    VenueMachine.workdir = tmp_path
    run_state_machine_as_test(VenueMachine, settings=settings(
        max_examples=5, stateful_step_count=20, deadline=None, derandomize=True,
        suppress_health_check=list(HealthCheck)))
