# SPDX-License-Identifier: MIT
"""Shared set-up for the dashboard and organiser tests: the demo congress on a fresh desk at
09:12 on day one in Warsaw, the task lanes, and helpers to check people in."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from checkin.app import AppContext, build_context
from checkin.domain.models import Checkpoint
from checkin.storage import tables as t
from tests.conftest import DAY1, Clock


@pytest.fixture(scope="session")
def admin_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo installed once; each test copies the file (importing 420 people per test is slow)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    ctx = build_context(db=path, desk_name="Desk 1")
    assert ctx.demo_installed
    with ctx.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.engine.dispose()
    return path


@pytest.fixture
def warsaw_clock() -> Clock:
    return Clock(datetime(2022, 10, 19, 7, 12, tzinfo=UTC))  # 09:12 in Warsaw, day one


@pytest.fixture
def ctx(tmp_path: Path, admin_demo_template: Path, warsaw_clock: Clock) -> Iterator[AppContext]:
    db = tmp_path / "x.sqlite3"
    shutil.copy(admin_demo_template, db)
    context = build_context(db=db, desk_name="Desk 1", clock=warsaw_clock)
    yield context
    context.engine.dispose()


@pytest.fixture
def tasks(qtbot: object) -> Iterator[object]:
    from checkin.ui.tasks import TaskManager

    manager = TaskManager()
    yield manager
    manager.cancel_all()
    manager.wait()


def demo_codes(ctx: AppContext, limit: int = 10, category: str | None = None) -> list[tuple[str, str]]:
    """(external ticket code, 'First Last') of demo attendees, in roster order."""
    query = select(t.attendee.c.external_code, t.attendee.c.first_name, t.attendee.c.last_name).where(
        t.attendee.c.status == "active", t.attendee.c.external_code != "")
    if category:
        query = query.where(t.attendee.c.category == category)
    with ctx.engine.connect() as conn:
        rows = conn.execute(query.order_by(t.attendee.c.external_ref).limit(limit)).all()
    return [(r[0], f"{r[1]} {r[2]}") for r in rows]


def day_one(ctx: AppContext) -> Checkpoint:
    return Checkpoint(DAY1)
