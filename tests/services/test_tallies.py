# SPDX-License-Identifier: MIT
"""The dashboard's running tallies always equal a count from scratch.

Two desks share one roster. Whatever happens in whatever order — admissions at the entrance and in
workshops, exits, undone admissions, pages of the other desk's scans arriving late, roster edits
(category, cancellation, workshop choices) — the headcount, arrivals and desk activity read from the
tallies are the same as counting the rows again, on both desks.
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from checkin.domain.models import Attendee, Checkpoint
from checkin.domain.results import Direction, ScanResult
from checkin.services.checkin import CheckInService, VoidError
from checkin.services.event import install_event, parse_event_file
from checkin.services.headcount import arrivals, desk_activity, headcount, recount
from checkin.storage import tables as t
from checkin.storage.attendees import attendee_values
from checkin.storage.db import open_database, write_tx
from checkin.storage.events import list_sessions, load_event
from checkin.storage.meta import ensure_desk
from checkin.storage.tallies import rebuild
from checkin.sync.pull import Cursor, Page, apply_page
from checkin.sync.rows import as_dicts
from tests.conftest import DAY1, DAY2, DEMO_EVENT

PEOPLE = 6
CHECKPOINTS = ("day1", "day2", "D1-WS-KPA", "D1-OTW", "D2-WS-LIDER")
CATEGORIES = ("participant", "speaker", "media")


class Venue:
    """Two desk databases with the same event and roster, and a clock moving a minute per step."""

    def __init__(self, folder: Path, template: Path) -> None:
        self.engines: list[Engine] = []
        self.services: list[CheckInService] = []
        self.now = datetime(2022, 10, 19, 6, 50, tzinfo=UTC)
        for name in ("Stanowisko A", "Stanowisko B"):
            path = folder / f"{name[-1]}.sqlite3"
            shutil.copy(template, path)
            engine = open_database(path)
            self.engines.append(engine)
            self.services.append(CheckInService(engine, ensure_desk(engine, name), clock=lambda: self.now))
        self.people = [str(uuid.uuid4()) for _ in range(PEOPLE)]
        with self.engines[0].connect() as conn:
            event = load_event(conn)
        rows = [{"id": pid, "updated_at": self.now, **attendee_values(Attendee(
            pid, event.id, "Małgorzata", f"Wójcik-Jabłońska-{i}", category=CATEGORIES[i % 3],
            days=(DAY1,) if i % 3 == 0 else (), sessions=("D1-WS-KPA",) if i % 2 else ()))}
            for i, pid in enumerate(self.people)]
        for engine in self.engines:
            with write_tx(engine) as conn:
                conn.execute(t.attendee.insert(), rows)
        with self.engines[0].connect() as conn:
            self.sessions = {s.code: s for s in list_sessions(conn, event.id)}

    def checkpoint(self, name: str) -> Checkpoint:
        if name == "day1":
            return Checkpoint(DAY1)
        if name == "day2":
            return Checkpoint(DAY2)
        session = self.sessions[name]
        return Checkpoint(session.day, session)

    def step(self, op: tuple[Any, ...]) -> None:
        self.now += timedelta(minutes=1, seconds=7)
        kind, desk = op[0], op[1]
        service = self.services[desk]
        if kind == "scan":
            _, _, person, where, out = op
            service.admit(self.people[person], self.checkpoint(CHECKPOINTS[where]),
                          direction=Direction.OUT if out else Direction.IN)
        elif kind == "void":
            with self.engines[desk].connect() as conn:
                ids = [r[0] for r in conn.execute(select(t.scan.c.id).where(
                    t.scan.c.result == ScanResult.ACCEPTED.value).order_by(t.scan.c.device_time))]
            if ids:
                with contextlib.suppress(VoidError):  # already undone: the desk refuses, nothing changes
                    service.void(ids[op[2] % len(ids)])
        elif kind == "pull":
            self.pull(source=1 - desk, target=desk)
        elif kind == "edit":
            _, _, person, field, value = op
            changes: dict[str, Any] = {
                "category": {"category": CATEGORIES[value % 3]},
                "status": {"status": "cancelled" if value % 2 else "active"},
                "sessions": {"sessions": [["D1-WS-KPA"], [], ["D1-WS-KPA", "D2-WS-LIDER"]][value % 3]},
                "days": {"days": [[], [DAY2.isoformat()], [DAY1.isoformat(), DAY2.isoformat()]][value % 3]},
            }[field]
            with write_tx(self.engines[desk]) as conn:
                conn.execute(t.attendee.update().where(t.attendee.c.id == self.people[person])
                             .values(updated_at=self.now, **changes))

    def pull(self, source: int, target: int) -> None:
        """The other desk's scans arrive as a sync page would bring them (attendance re-derived)."""
        with self.engines[source].connect() as conn:
            scans = as_dicts(conn.execute(select(t.scan)), t.scan)
        page = Page(Cursor(), {"scan"}, [], [], [], [], [], [], [], [], [], scans)
        with write_tx(self.engines[target]) as conn:
            apply_page(conn, page, self.services[target].desk.id)

    def assert_tallies_equal_a_recount(self) -> None:
        for engine in self.engines:
            with engine.connect() as conn:
                event = load_event(conn)
            for day in (None, DAY1, DAY2):
                assert headcount(engine, day) == recount(engine, day)
            for day in (DAY1, DAY2):
                assert arrivals(engine, event, day) == _arrivals_from_scratch(engine, event, day)
            since = self.now - timedelta(minutes=3, seconds=30)
            for window_end in (None, since):
                window = timedelta(minutes=4)
                assert (sorted(desk_activity(engine, event, window_end, window), key=_desk)
                        == sorted(desk_activity(engine, event, window_end, window, from_scratch=True), key=_desk))


def _desk(activity: Any) -> str:
    return str(activity.desk_id)


def _arrivals_from_scratch(engine: Engine, event: Any, day: Any) -> Any:
    from checkin.services.headcount import arrivals_on

    with engine.connect() as conn:
        return arrivals_on(conn, event, day, from_scratch=True)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tally") / "event.sqlite3"
    engine = open_database(path)
    install_event(engine, parse_event_file(DEMO_EVENT))
    engine.dispose()
    return path


people = st.integers(0, PEOPLE - 1)
desks = st.integers(0, 1)
operations = st.one_of(
    st.tuples(st.just("scan"), desks, people, st.integers(0, len(CHECKPOINTS) - 1), st.booleans()),
    st.tuples(st.just("scan"), desks, people, st.just(0), st.just(False)),
    st.tuples(st.just("void"), desks, st.integers(0, 50)),
    st.tuples(st.just("pull"), desks),
    st.tuples(st.just("edit"), desks, people, st.sampled_from(["category", "status", "sessions", "days"]),
              st.integers(0, 5)),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(operations, min_size=1, max_size=30))
def test_tallies_equal_a_recount_whatever_happens_at_two_desks(
    steps: list[tuple[Any, ...]], template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    venue = Venue(tmp_path_factory.mktemp("venue"), template)
    try:
        for op in steps:
            venue.step(op)
        venue.pull(0, 1)
        venue.pull(1, 0)
        venue.assert_tallies_equal_a_recount()
    finally:
        for engine in venue.engines:
            engine.dispose()


def test_a_busy_morning_counts_the_same_from_tallies_and_from_scratch_and_rebuild_changes_nothing(
    template: Path, tmp_path: Path
) -> None:
    venue = Venue(tmp_path, template)
    for i in range(120):
        venue.step(("scan", i % 2, i % PEOPLE, i % len(CHECKPOINTS), i % 7 == 3))
        if i % 11 == 0:
            venue.step(("void", i % 2, i))
        if i % 13 == 0:
            venue.step(("edit", 0, i % PEOPLE, "category", i))
        if i % 17 == 0:
            venue.step(("pull", i % 2))
    venue.assert_tallies_equal_a_recount()
    kpa = next(s for s in headcount(venue.engines[0], DAY1).sessions if s.code == "D1-WS-KPA")
    assert kpa.present > 0 and kpa.inside_now <= kpa.present
    assert kpa.seats_left == kpa.capacity - kpa.inside_now  # exits are scanned here: seats follow inside now
    before = headcount(venue.engines[0])
    with write_tx(venue.engines[0]) as conn:
        rebuild(conn)
    assert headcount(venue.engines[0]) == before
    for engine in venue.engines:
        engine.dispose()


def test_a_desk_database_from_before_the_tallies_is_upgraded_with_its_history_counted_and_kept_counting(
    template: Path, tmp_path: Path
) -> None:
    from alembic import command

    from checkin.storage.db import _alembic_config, upgrade

    venue = Venue(tmp_path, template)
    for i in range(40):
        venue.step(("scan", 0, i % PEOPLE, i % len(CHECKPOINTS), i % 5 == 4))
    engine = venue.engines[0]
    expected = recount(engine)
    from alembic.script import ScriptDirectory

    with engine.connect() as conn:
        config = _alembic_config(conn)
        before = ScriptDirectory.from_config(config).get_revision("0004_i15_tallies").down_revision
        command.downgrade(config, str(before))
        conn.commit()
    with engine.connect() as conn:
        assert not conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name = 'attendance_tally'").all()
    upgrade(engine)  # later migrations rebuild the attendee table: the triggers must survive that
    assert headcount(engine) == expected and any(s.present for s in expected.sessions)
    venue.step(("scan", 0, 1, 2, False))
    venue.step(("edit", 0, 1, "category", 2))  # speaker -> media
    assert headcount(engine) == recount(engine) != expected
    for e in venue.engines:
        e.dispose()
