# SPDX-License-Identifier: MIT
"""The event definition travels through ordinary sync: key (de)activation, session and event edits.

Before, only `checkin hub publish` carried the event to the hub, so an organiser who withdrew a
signing key with `checkin keys deactivate` and then synced left the hub (and every desk) accepting
it. Now such an edit queues an outbox row of kind "event" in its own transaction; the push sends the
whole definition (event, days, sessions, keys: a few rows) before any other queued row, and the
hub's feed carries it to the desks like any other change.

Only the organiser's role may write the event at the hub. A desk that edits its local copy gets a
held row saying so (nothing is dropped silently, nothing blocks its scans).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from checkin.storage import outbox
from checkin.storage import tables as t
from checkin.storage.db import read_tx
from checkin.sync.hubapi import Hub
from checkin.sync.rows import as_dicts, upsert

NOT_ORGANISER = ("only the organiser's connection may change the event at the hub: make this change on the "
                 "organiser's machine (it travels with its next sync), or dismiss it here")


def read_event(conn: Connection, event_id: str) -> dict[str, list[dict[str, Any]]]:
    """The local definition of one event: event, days, sessions, keys (as hub-ready dicts)."""
    def rows(table: Any, key: str) -> list[dict[str, Any]]:
        return as_dicts(conn.execute(select(table).where(table.c[key] == event_id)), table)

    return {"event": rows(t.event, "id"), "days": rows(t.event_day, "event_id"),
            "sessions": rows(t.session, "event_id"), "keys": rows(t.event_key, "event_id")}


def write_event(hub: Connection, definition: dict[str, list[dict[str, Any]]]) -> None:
    """Upsert one event definition in the caller's hub transaction (publish and push share it).
    Days no longer in the definition are removed; sessions and keys are never deleted (scans and
    tickets refer to them; a withdrawn key is `active = false`)."""
    if not definition["event"]:
        return
    event_id = definition["event"][0]["id"]
    upsert(hub, t.event, definition["event"], ["id"])
    day_keys = {d["date"] for d in definition["days"]}
    for old in hub.execute(select(t.event_day.c.date).where(t.event_day.c.event_id == event_id)).all():
        if old.date not in day_keys:
            hub.execute(t.event_day.delete().where(t.event_day.c.event_id == event_id,
                                                   t.event_day.c.date == old.date))
    upsert(hub, t.event_day, definition["days"], ["event_id", "date"])
    upsert(hub, t.session, definition["sessions"], ["id"])
    upsert(hub, t.event_key, definition["keys"], ["key_id"])


def push_events(local: Engine, hub: Hub, desk_id: str) -> int:
    """Send queued event edits (sync thread), before the other outbox rows. Returns rows delivered."""
    from checkin.sync.held import deliver_or_hold
    from checkin.sync.push import refusal

    def reason_for(exc: DBAPIError) -> str | None:
        state = getattr(getattr(exc, "orig", None), "sqlstate", "") or ""
        return NOT_ORGANISER if state == "42501" else refusal(exc)

    with read_tx(local) as conn:
        queued = outbox.oldest(conn, 100, ("event",))
    delivered = 0
    for seq, _kind, event_id in queued:
        with read_tx(local) as conn:
            definition = read_event(conn, event_id)
        delivered += deliver_or_hold(local, seq, partial(hub.write_event, desk_id, definition), reason_for)
    return delivered
