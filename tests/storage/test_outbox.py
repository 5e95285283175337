# SPDX-License-Identifier: MIT
"""One outbox writer, one pending count: every change a desk makes queues exactly one row through
`checkin.storage.outbox`, and every screen that says "N waiting" counts the same rows."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import Engine

from checkin.badges.log import record_print
from checkin.domain.models import Checkpoint, Desk
from checkin.domain.results import Source
from checkin.services.admin import wipe_preview
from checkin.services.checkin import CheckInService
from checkin.services.dashboard import dashboard_snapshot
from checkin.services.desk_queries import pending_outbox
from checkin.services.registration import StaleEditError, correct_attendee, register_walk_in
from checkin.storage import outbox
from checkin.sync.status import read_status
from tests.conftest import DAY1, AddAttendee

CHECKIN = Path(__file__).resolve().parents[2] / "checkin"


def _queued(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        return [(kind, ref) for _seq, kind, ref in outbox.oldest(conn, 1000)]


def test_a_desk_morning_queues_one_row_per_change_and_every_screen_counts_the_same(
        event_engine: Engine, desk: Desk, service: CheckInService, add_attendee: AddAttendee) -> None:
    # the desk row itself was queued when the desk was made
    assert _queued(event_engine) == [("desk", desk.id)]
    lukasz = add_attendee()
    decision = service.admit(lukasz.id, Checkpoint(DAY1), Source.SEARCH)
    walk_in = register_walk_in(event_engine, desk, first_name="Małgorzata",
                               last_name="Wójcik-Jabłońska-Szczebrzeszyńska", days=[DAY1])
    corrected = correct_attendee(event_engine, desk, walk_in.id, walk_in.version,
                                 organisation="Urząd Marszałkowski Województwa Świętokrzyskiego w Kielcach")
    badge = record_print(event_engine, desk, walk_in.id, "a6", "HP")
    with pytest.raises(StaleEditError):  # a refused edit travels alone, as an attendee_change row
        correct_attendee(event_engine, desk, walk_in.id, walk_in.version, notes="late")

    queued = _queued(event_engine)
    assert queued[:5] == [("desk", desk.id), ("scan", decision.scan_id), ("attendee", walk_in.id),
                          ("attendee", corrected.id), ("badge_print", badge.id)]
    assert [k for k, _ in queued[5:]] == ["attendee_change"]

    # the status bar, the dashboard, sync status and the wipe guard agree on what is waiting
    total = len(queued)
    assert pending_outbox(event_engine) == total
    assert dashboard_snapshot(event_engine, desk.id).pending == total
    status = read_status(event_engine)
    assert (status.pending, status.pending_scans) == (total, 1)
    assert sum(wipe_preview(event_engine).pending.values()) == total
    assert wipe_preview(event_engine).pending == {"desk": 1, "scan": 1, "attendee": 2, "badge_print": 1,
                                                  "attendee_change": 1}


def test_rows_leave_the_outbox_only_when_delivered(event_engine: Engine, desk: Desk,
                                                   service: CheckInService, add_attendee: AddAttendee) -> None:
    service.admit(add_attendee().id, Checkpoint(DAY1), Source.SEARCH)
    with event_engine.begin() as conn:
        first = outbox.oldest(conn, 1)
        assert outbox.has_pending(conn, ("scan",))
        outbox.mark_delivered(conn, [seq for seq, _k, _r in first])
        assert outbox.pending_count(conn) == 1
        assert outbox.pending_refs(conn, "attendee", ["nobody"]) == set()


def test_only_the_outbox_module_writes_outbox_rows() -> None:
    """The rule this module exists for: a new kind of change cannot bypass it unnoticed."""
    offenders = []
    for path in CHECKIN.rglob("*.py"):
        if path.name == "outbox.py" or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr == "outbox"
                    and isinstance(node.value, ast.Name) and node.value.id == "t"):
                offenders.append(f"{path.relative_to(CHECKIN)}:{node.lineno}")
    assert offenders == []
