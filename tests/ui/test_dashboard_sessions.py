# SPDX-License-Identifier: MIT
# ruff: noqa: F811  (pytest fixtures imported from tests/ui/admin_fixtures.py are parameters here)
"""The coordinator's session table says how many are inside a workshop now and how many seats are
left, and tells the same numbers as `checkin headcount --json` (what issue 14's door mode reads)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from checkin.app import AppContext
from checkin.domain.models import Checkpoint
from checkin.domain.results import Direction, ScanResult
from checkin.storage import tables as t
from checkin.storage.events import session_by_code
from checkin.ui.dashboard.view import DashboardView
from checkin.ui.tasks import TaskManager
from tests.conftest import DAY1, Clock
from tests.ui.admin_fixtures import (  # noqa: F401 (fixtures)
    admin_demo_template,
    ctx,
    demo_codes,
    tasks,
    warsaw_clock,
)

ROOT = Path(__file__).resolve().parents[2]


def _registered(ctx: AppContext, code: str, session: str) -> bool:
    with ctx.engine.connect() as conn:
        sessions = conn.execute(select(t.attendee.c.sessions).where(t.attendee.c.external_code == code)).scalar_one()
    return session in (sessions or [])


def test_inside_now_and_seats_left_match_the_command_line(qtbot, ctx: AppContext, tasks: TaskManager,
                                                         warsaw_clock: Clock) -> None:
    with ctx.engine.connect() as conn:
        workshop = session_by_code(conn, ctx.event().id, "D1-WS-KPA")
        plenary = session_by_code(conn, ctx.event().id, "D1-OTW")
    assert workshop is not None and plenary is not None and workshop.capacity == 40
    people = [(code, name) for code, name in demo_codes(ctx, limit=400) if _registered(ctx, code, "D1-WS-KPA")][:6]
    assert len(people) == 6
    warsaw_clock.set_local("2022-10-19 11:05")
    for code, _ in people:
        assert ctx.checkin.scan(code, Checkpoint(DAY1, workshop)).result is ScanResult.ACCEPTED
    for code, _ in people[:2]:  # two step out for a call
        assert ctx.checkin.scan(code, Checkpoint(DAY1, workshop), direction=Direction.OUT).result \
            is ScanResult.ACCEPTED
    for code, _ in people[:3]:
        ctx.checkin.scan(code, Checkpoint(DAY1, plenary))

    view = DashboardView(ctx, tasks)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    with qtbot.waitSignal(view.refreshed, timeout=5000):
        view.show()
    row = view.sessions.row_values("D1-WS-KPA")
    assert (row["Present"], row["Inside now"], row["Capacity"], row["Seats left"]) == ("6", "4", "40", "36")
    assert view.sessions.row_values("D1-OTW")["Seats left"] == "—"  # no capacity at the plenary

    cli = subprocess.run([sys.executable, "-m", "checkin", "--db", ctx.db_url, "headcount", "--day", "2022-10-19",
                          "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    for line in json.loads(cli.stdout)["sessions"]:
        shown = view.sessions.row_values(line["code"])
        assert shown["Present"] == str(line["present"])
        assert shown["Capacity"] == (str(line["capacity"]) if line["capacity"] is not None else "—")
        assert shown["Seats left"] == (str(line["seats_left"]) if line["seats_left"] is not None else "—")
        if line["inside"] is not None:  # exits scanned here
            assert shown["Inside now"] == str(line["inside_now"])
