# SPDX-License-Identifier: MIT
"""Shared by the ticket and scanner tests: an organiser's key registered in the demo event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, select

from checkin.domain.models import Attendee, Checkpoint, Scan
from checkin.services.checkin import CheckInService
from checkin.storage import tables as t
from checkin.storage.scans import to_scan
from checkin.tickets.issue import ticket_text
from checkin.tickets.keys import register_public_key
from tests.conftest import DAY1

EVENT_ID = "kongres-sekretarzy-2022"
ENTRANCE = Checkpoint(DAY1)
TicketFor = Callable[[Attendee], str]


@pytest.fixture
def organiser_key(event_engine: Engine, service: CheckInService) -> Ed25519PrivateKey:
    """The organiser's signing key; its public half is registered, so desks accept its tickets."""
    key = Ed25519PrivateKey.generate()
    register_public_key(event_engine, EVENT_ID, key)
    service.reload()
    return key


@pytest.fixture
def ticket_for(organiser_key: Ed25519PrivateKey) -> TicketFor:
    return lambda attendee: ticket_text(organiser_key, EVENT_ID, attendee)


def logged_scan(engine: Engine, scan_id: str) -> Scan:
    """The row the service committed for a decision, read back from the database."""
    with engine.connect() as conn:
        row = conn.execute(select(t.scan).where(t.scan.c.id == scan_id)).one()
        outbox = conn.execute(select(t.outbox.c.ref_id).where(t.outbox.c.ref_id == scan_id)).first()
    assert outbox is not None, "every scan, rejected ones included, is queued for sync"
    return to_scan(row)


def now() -> datetime:
    return datetime.now(UTC)
