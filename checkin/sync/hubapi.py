# SPDX-License-Identifier: MIT
"""The boundary between a sync round and the venue hub.

A round (`checkin.sync.engine.sync_once`: push, heartbeat, pull) talks to the hub only through
this small `Hub` protocol: the engine, push and pull modules decide *what* to send and apply, and
`PgHub` alone knows *how* that becomes SQL on PostgreSQL (psycopg through SQLAlchemy). That keeps
the SQL in one place per operation and lets a different hub (a test double that misbehaves on
purpose, an HTTP relay one day) stand in without touching the engine.

Every call blocks the calling (sync) thread and is bounded by the engine's time limits
(`checkin.sync.urls.HubTimeouts`, `checkin.sync.watchdog`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from sqlalchemy import Engine, select

if TYPE_CHECKING:
    from checkin.sync.pull import Cursor, Page
    from checkin.sync.push import Batch

EventDefinition = dict[str, list[dict[str, Any]]]  # event, days, sessions, keys (see event_push)


@runtime_checkable
class Hub(Protocol):
    def clock_offset(self) -> float:
        """The hub's clock minus ours, in seconds."""

    def write_batch(self, desk_id: str, batch: Batch) -> None:
        """Store one outbox batch in one hub transaction (all or nothing)."""

    def write_event(self, desk_id: str, definition: EventDefinition) -> None:
        """Store one event definition (organiser role only)."""

    def heartbeat(self, desk_id: str, offset: float, local: Engine | None = None) -> None:
        """Tell the hub this desk is alive and how far its clock is off."""

    def read_page(self, cursor: Cursor, desk_id: str, limit: int, want_events: bool) -> Page:
        """The next page of the change feed after `cursor`, with the rows it names."""

    def fetch_rows(self, kind: str, ids: set[str]) -> list[dict[str, Any]]:
        """Current hub rows of one kind ("scan", "badge_print") by id."""


class PgHub:
    """The PostgreSQL hub behind a SQLAlchemy engine (made by `checkin.sync.urls.hub_engine`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def clock_offset(self) -> float:
        from checkin.sync.engine import measure_clock

        return measure_clock(self.engine)

    def write_batch(self, desk_id: str, batch: Batch) -> None:
        from checkin.sync.push import begin_as_desk, write_batch

        with self.engine.begin() as conn:
            begin_as_desk(conn, desk_id)
            write_batch(conn, batch)

    def write_event(self, desk_id: str, definition: EventDefinition) -> None:
        from checkin.sync.event_push import write_event
        from checkin.sync.push import begin_as_desk

        with self.engine.begin() as conn:
            begin_as_desk(conn, desk_id)
            write_event(conn, definition)

    def heartbeat(self, desk_id: str, offset: float, local: Engine | None = None) -> None:
        from checkin.sync.engine import _heartbeat

        _heartbeat(self.engine, desk_id, offset, local)

    def read_page(self, cursor: Cursor, desk_id: str, limit: int, want_events: bool) -> Page:
        from checkin.sync.pull import read_page

        return read_page(self.engine, cursor, desk_id, limit, want_events=want_events)

    def fetch_rows(self, kind: str, ids: set[str]) -> list[dict[str, Any]]:
        from checkin.storage import tables as t
        from checkin.sync.rows import as_dicts

        table = {"scan": t.scan, "badge_print": t.badge_print}[kind]
        with self.engine.connect() as conn:
            return as_dicts(conn.execute(select(table).where(table.c.id.in_(sorted(ids)))), table)


def as_hub(hub: Hub | Engine) -> Hub:
    """Callers may pass a bare hub engine (tests, the CLI); the round works with a `Hub`."""
    return PgHub(hub) if isinstance(hub, Engine) else hub
