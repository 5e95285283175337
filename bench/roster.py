# SPDX-License-Identifier: MIT
"""The synthetic roster the desk benches share: `n` attendees whose codes are KS00000000, KS00000001 ...

Each bench scans those codes (`f"KS{i:08d}"`), so the roster and the codes are made in one place.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Engine

from checkin.domain.models import Attendee
from checkin.storage import tables as t
from checkin.storage.attendees import attendee_values
from checkin.storage.db import write_tx


def add_roster(engine: Engine, event_id: str, n: int) -> None:
    """Register `n` people with long Polish names and tickets, in one local transaction."""
    now = datetime.now(UTC)
    rows = []
    for i in range(n):
        a = Attendee(id=str(uuid.uuid4()), event_id=event_id, first_name="Zofia",
                     last_name=f"Wąsowicz-{i}", organisation="Urząd Gminy Łęczna",
                     external_code=f"KS{i:08d}", ticket_id=uuid.uuid4().hex)
        rows.append({"id": a.id, "updated_at": now, **attendee_values(a)})
    with write_tx(engine) as conn:
        conn.execute(t.attendee.insert(), rows)
