# SPDX-License-Identifier: MIT
"""Which attendees get a badge in a batch, in Polish alphabetical order, read in chunks.

Badges are laid out on the table by surname, so the order follows the Polish alphabet
(`Łukasiewicz` after `Lis`, before `Malinowski`), which a byte-wise SQL ORDER BY gets wrong. Only
the sort keys are held for the whole roster; full rows are read a chunk at a time while rendering.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Engine, select

from checkin.domain.models import Attendee
from checkin.storage import tables as t
from checkin.storage.attendees import to_attendee

_POLISH = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_RANK = {ch: i for i, ch in enumerate(_POLISH)}
CHUNK = 200


def polish_key(text: str) -> tuple[int, ...]:
    """Sort key following the Polish alphabet; other characters sort after it by code point."""
    return tuple(_RANK.get(ch, 100 + ord(ch)) for ch in text.casefold())


def badge_ids(engine: Engine, event_id: str, category: str | None = None) -> list[str]:
    """Active attendees of the event (optionally one category), sorted by surname, then first name."""
    a = t.attendee
    query = select(a.c.id, a.c.last_name, a.c.first_name).where(a.c.event_id == event_id, a.c.status == "active")
    if category:
        query = query.where(a.c.category == category)
    with engine.connect() as conn:
        rows = list(conn.execute(query))
    rows.sort(key=lambda r: (polish_key(r.last_name), polish_key(r.first_name), r.id))
    return [r.id for r in rows]


def iter_attendees(engine: Engine, ids: list[str]) -> Iterator[Attendee]:
    """The attendees for `ids`, in that order, fetched CHUNK rows at a time."""
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        with engine.connect() as conn:
            rows = {r.id: r for r in conn.execute(select(t.attendee).where(t.attendee.c.id.in_(chunk)))}
        for attendee_id in chunk:
            row = rows.get(attendee_id)
            if row is not None:
                yield to_attendee(row)
