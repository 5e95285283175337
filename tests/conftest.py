# SPDX-License-Identifier: MIT
"""Shared fixtures: a migrated temp database per test, the demo event, a desk and a fixed clock."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import Engine

from checkin.domain.models import Attendee, Desk
from checkin.services.checkin import CheckInService
from checkin.services.event import EventDefinition, install_event, parse_event_file
from checkin.storage import tables as t
from checkin.storage.attendees import attendee_values
from checkin.storage.db import open_database, write_tx
from checkin.storage.meta import ensure_desk

ROOT = Path(__file__).resolve().parents[1]
DEMO_EVENT = ROOT / "resources" / "demo" / "event.toml"
DAY1 = date(2022, 10, 19)
DAY2 = date(2022, 10, 20)


class Clock:
    """A settable clock; tests move time explicitly."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set_local(self, text: str) -> None:
        """Set from Warsaw local time, e.g. '2022-10-19 09:12'."""
        from zoneinfo import ZoneInfo

        self.now = datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Europe/Warsaw")).astimezone(UTC)


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = open_database(path)
    engine.dispose()
    return path


@pytest.fixture
def db_path(tmp_path: Path, _template_db: Path) -> Path:
    """A fresh, migrated SQLite file (copied from a template: migrating per test is slow)."""
    path = tmp_path / "desk.sqlite3"
    shutil.copy(_template_db, path)
    return path


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    eng = open_database(db_path)
    yield eng
    eng.dispose()


@pytest.fixture
def demo_definition() -> EventDefinition:
    return parse_event_file(DEMO_EVENT)


@pytest.fixture
def event_engine(engine: Engine, demo_definition: EventDefinition) -> Engine:
    """A database holding the demo event and its sessions, no attendees yet."""
    install_event(engine, demo_definition)
    return engine


@pytest.fixture
def desk(event_engine: Engine) -> Desk:
    return ensure_desk(event_engine, "Desk 1")


@pytest.fixture
def clock() -> Clock:
    c = Clock(datetime(2022, 10, 19, 7, 12, tzinfo=UTC))  # 09:12 in Warsaw, day 1
    return c


@pytest.fixture
def service(event_engine: Engine, desk: Desk, clock: Clock) -> CheckInService:
    return CheckInService(event_engine, desk, operator="test", clock=clock)


AddAttendee = Callable[..., Attendee]


@pytest.fixture
def add_attendee(event_engine: Engine, demo_definition: EventDefinition) -> AddAttendee:
    """Insert an attendee directly (the roster import has its own tests)."""

    def add(first_name: str = "Łukasz", last_name: str = "Żółć-Ślęzak", **fields: Any) -> Attendee:
        fields.setdefault("organisation", "Urząd Gminy Brzęczyszczykiewice")
        fields.setdefault("ticket_id", uuid.uuid4().hex)
        attendee = Attendee(id=fields.pop("id", str(uuid.uuid4())), event_id=demo_definition.event.id,
                            first_name=first_name, last_name=last_name, **fields)
        with write_tx(event_engine) as conn:
            conn.execute(t.attendee.insert().values(id=attendee.id, updated_at=datetime.now(UTC),
                                                    **attendee_values(attendee)))
            conn.execute(t.ticket.insert().values(id=attendee.ticket_id, attendee_id=attendee.id,
                                                  issued_at=datetime.now(UTC)))
        return attendee

    return add


def _pg_url() -> str | None:
    return os.environ.get("CHECKIN_TEST_PG_URL") or None


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """The PostgreSQL server for tests; skipped without CHECKIN_TEST_PG_URL, but never in CI."""
    url = _pg_url()
    if url is None:
        if os.environ.get("CHECKIN_REQUIRE_PG"):
            pytest.fail("CHECKIN_REQUIRE_PG is set but CHECKIN_TEST_PG_URL is not")
        pytest.skip("set CHECKIN_TEST_PG_URL to run PostgreSQL tests")
    import psycopg

    try:
        psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        if os.environ.get("CHECKIN_REQUIRE_PG"):
            pytest.fail(f"PostgreSQL at {url} is required here but unreachable: {exc}")
        pytest.skip(f"PostgreSQL at {url} unreachable: {exc}")
    return url
