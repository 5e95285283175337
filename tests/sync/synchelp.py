# SPDX-License-Identifier: MIT
"""Helpers for the sync tests: a throw-away hub database per test, desks as separate SQLite files."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url

from checkin.domain.models import Attendee, Checkpoint, Desk
from checkin.services.checkin import CheckInService
from checkin.services.event import EventDefinition, install_event
from checkin.storage import tables as t
from checkin.storage.attendees import attendee_values
from checkin.storage.db import open_database, write_tx
from checkin.storage.events import load_event, session_by_code
from checkin.storage.meta import ensure_desk
from checkin.sync.engine import SyncResult, publish, sync_once
from checkin.sync.hub import drop_roles, init_hub
from checkin.sync.urls import hub_engine, libpq

POLISH_PEOPLE = [
    ("Łukasz", "Żółć-Ślęzak", "Urząd Gminy Brzęczyszczykiewice"),
    ("Małgorzata", "Wójcik-Jabłońska", "Starostwo Powiatowe w Łęcznej"),
    ("Grzegorz", "Brzęczek", "Urząd Miasta Łodzi"),
    ("Zofia", "Śliwińska", "Gmina Żółkiewka"),
    ("Jędrzej", "Kręcisz", "Urząd Marszałkowski Województwa Świętokrzyskiego"),
    ("Agnieszka", "Łęcka", "Gmina Szczebrzeszyn"),
]


@dataclass
class Hub:
    server_url: str  # admin, `postgres` database
    admin_url: str
    organiser_url: str
    desk_url: str
    dashboard_url: str
    database: str
    prefix: str
    _engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        """Admin engine on the hub schema, for assertions."""
        if self._engine is None:
            self._engine = hub_engine(self.admin_url)
        return self._engine

    def scalar(self, sql: str, **params: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def create_hub(server_url: str) -> Hub:
    suffix = uuid.uuid4().hex[:10]
    database, prefix = f"checkin_t_{suffix}", f"t{suffix}"
    server = make_url(server_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with psycopg.connect(libpq(server.set(database="postgres")), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    admin = server.set(database=database)
    setup = init_hub(admin, role_prefix=prefix)
    urls = {r.kind: r.url for r in setup.roles}
    return Hub(libpq(server.set(database="postgres")), libpq(admin), urls["organiser"], urls["desk"],
               urls["dashboard"], database, prefix)


def destroy_hub(hub: Hub) -> None:
    hub.close()
    with psycopg.connect(hub.server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{hub.database}" WITH (FORCE)')
    drop_roles(hub.server_url, hub.prefix)


@dataclass
class Site:
    """One desk: its own SQLite file, its own clock, its own hub connection."""

    name: str
    path: Path
    hub_url: str
    now: datetime
    engine: Engine = field(init=False)
    desk: Desk = field(init=False)
    _hub: Engine | None = None
    online: bool = True

    def __post_init__(self) -> None:
        self.open()

    def open(self) -> None:
        self.engine = open_database(self.path, check_location=False)
        self.desk = ensure_desk(self.engine, self.name)

    def restart(self) -> None:
        """As if the desk program were closed and started again: new engine, new hub connection."""
        self.engine.dispose()
        if self._hub is not None:
            self._hub.dispose()
            self._hub = None
        self.open()

    def clock(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now

    @property
    def hub(self) -> Engine:
        if self._hub is None:
            url = self.hub_url if self.online else "postgresql://nobody@127.0.0.1:9/unreachable"
            self._hub = hub_engine(url)
        return self._hub

    def go_offline(self) -> None:
        self.online = False
        if self._hub is not None:
            self._hub.dispose()
            self._hub = None

    def go_online(self) -> None:
        self.online = True
        if self._hub is not None:
            self._hub.dispose()
            self._hub = None

    def sync(self) -> SyncResult:
        return sync_once(self.engine, self.hub)

    def service(self) -> CheckInService:
        return CheckInService(self.engine, self.desk, operator=self.name, clock=self.clock)

    def checkpoint(self, where: str) -> Checkpoint:
        """`day:2022-10-19` style shortcuts: 'day1', 'day2' or a session code."""
        with self.engine.connect() as conn:
            event = load_event(conn)
            if where in ("day1", "day2"):
                return Checkpoint(event.dates[0 if where == "day1" else 1])
            session = session_by_code(conn, event.id, where)
        assert session is not None, where
        return Checkpoint(session.day, session)

    def admit(self, attendee_id: str, where: str = "day1") -> Any:
        return self.service().admit(attendee_id, self.checkpoint(where))

    def close(self) -> None:
        self.engine.dispose()
        if self._hub is not None:
            self._hub.dispose()


def make_organiser(path: Path, hub: Hub, definition: EventDefinition, people: int = 6) -> tuple[Site, list[str]]:
    """The organiser's machine: the event file, a Polish roster, published to the hub."""
    site = Site("Biuro organizatora", path, hub.organiser_url, datetime(2022, 10, 19, 6, 0, tzinfo=UTC))
    install_event(site.engine, definition)
    ids = add_people(site.engine, definition.event.id, people)
    with _Disposing(hub_engine(hub.organiser_url)) as eng:
        publish(site.engine, eng)
    return site, ids


class _Disposing:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __enter__(self) -> Engine:
        return self.engine

    def __exit__(self, *exc: object) -> None:
        self.engine.dispose()


def add_people(engine: Engine, event_id: str, count: int) -> list[str]:
    ids = []
    with write_tx(engine) as conn:
        for i in range(count):
            first, last, org = POLISH_PEOPLE[i % len(POLISH_PEOPLE)]
            if i >= len(POLISH_PEOPLE):
                last = f"{last} {i // len(POLISH_PEOPLE) + 1}"
            a = Attendee(id=str(uuid.uuid4()), event_id=event_id, first_name=first, last_name=last,
                         organisation=org, ticket_id=uuid.uuid4().hex, external_code=f"KS22-{i + 1:05d}")
            conn.execute(t.attendee.insert().values(id=a.id, updated_at=datetime.now(UTC), updated_by="import",
                                                    **attendee_values(a)))
            conn.execute(t.ticket.insert().values(id=a.ticket_id, attendee_id=a.id, issued_at=datetime.now(UTC)))
            ids.append(a.id)
    return ids


def make_desk(path: Path, name: str, hub: Hub, start: datetime | None = None) -> Site:
    """A desk started for the first time against the hub: empty database, first sync pulls all."""
    site = Site(name, path, hub.desk_url, start or datetime(2022, 10, 19, 7, 0, tzinfo=UTC))
    result = site.sync()
    assert result.ok, result.error
    return site


def fresh_db(template: Path, path: Path) -> Path:
    shutil.copy(template, path)
    return path


# ---------------------------------------------------------------- observations
def attendance(engine: Engine, *, detail: bool = False) -> set[tuple[Any, ...]]:
    """(attendee, checkpoint, first scan id) of every active attendance row; with `detail` also
    the first time, desk and whether the person is inside."""
    a = t.attendance
    with engine.connect() as conn:
        rows = conn.execute(select(a).where(a.c.active.is_(True))).all()
    if detail:
        return {(r.attendee_id, r.checkpoint, r.scan_id, r.first_time, r.desk_id, bool(r.inside)) for r in rows}
    return {(r.attendee_id, r.checkpoint, r.scan_id) for r in rows}


def attendance_rows(engine: Engine) -> int:
    with engine.connect() as conn:
        return len(conn.execute(select(t.attendance.c.attendee_id).where(t.attendance.c.active.is_(True))).all())


def scan_ids(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(select(t.scan.c.id))]


def pending(engine: Engine) -> int:
    with engine.connect() as conn:
        return len(conn.execute(select(t.outbox.c.seq)).all())


def settle(sites: list[Site], rounds: int = 2) -> None:
    """Everyone online syncs twice: first round pushes everything, second pulls everything."""
    for _ in range(rounds):
        for s in sites:
            result = s.sync()
            assert result.ok, f"{s.name}: {result.error}"


def assert_converged(hub: Hub, sites: list[Site]) -> set[tuple[str, str, str]]:
    expected = attendance(hub.engine)
    detailed = attendance(hub.engine, detail=True)
    hub_scans = scan_ids(hub.engine)
    assert len(hub_scans) == len(set(hub_scans))
    for s in sites:
        assert attendance(s.engine, detail=True) == detailed, s.name
        assert attendance_rows(s.engine) == len(expected), s.name
        local = scan_ids(s.engine)
        assert len(local) == len(set(local))
        assert set(local) == set(hub_scans), s.name
        assert pending(s.engine) == 0, s.name
    return expected


DAY1 = date(2022, 10, 19)
