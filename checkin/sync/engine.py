# SPDX-License-Identifier: MIT
"""One sync round (push, then pull) and the organiser's publish, with outcomes written to status.

Push goes first (as pretix does): a desk's own facts leave the machine before anything else, and a
roster edit pushed before the pull is decided at the hub rather than overwritten locally.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from checkin.storage import tables as t
from checkin.storage.db import read_tx, write_tx
from checkin.storage.meta import get_meta
from checkin.sync.event_push import read_event, write_event
from checkin.sync.hubapi import Hub, as_hub
from checkin.sync.pull import pull_changes
from checkin.sync.push import BATCH_SIZE, begin_as_desk, merge_attendees, push_pending, upsert_tickets
from checkin.sync.rows import SyncError, as_dicts
from checkin.sync.status import write_state
from checkin.sync.trust import hub_refusal

HEARTBEAT_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class SyncResult:
    ok: bool
    pushed: int = 0  # outbox rows delivered
    pulled: int = 0  # rows taken from the hub
    kinds: frozenset[str] = field(default_factory=frozenset)  # what changed locally: "scan", "attendee", ...
    error: str | None = None
    clock_offset_seconds: float | None = None
    duration_seconds: float = 0.0


@dataclass(slots=True)
class RoundMemo:
    """What one worker's rounds remember between them (sync thread only), so the hot path skips
    what has not changed: the desk id, when the last heartbeat went, when the status was written."""

    desk_id: str | None = None
    last_heartbeat: float | None = None  # monotonic; None: the next round is a full one
    status_written: float | None = None  # monotonic time of the last "online" status write

    def full_round_due(self) -> bool:
        return self.last_heartbeat is None or time.monotonic() - self.last_heartbeat > HEARTBEAT_SECONDS


STATUS_EVERY_S = 1.0  # an online desk's status (last pull, lag) is rewritten at most this often


def local_desk_id(local: Engine) -> str:
    with local.connect() as conn:
        desk_id = get_meta(conn, "desk_id")
    if desk_id is None:
        raise SyncError("this database has no desk yet; start the desk once (or pass --desk NAME)")
    return desk_id


def measure_clock(hub: Engine) -> float:
    """Hub clock minus ours, in seconds, taken at the midpoint of one round trip."""
    with hub.connect() as conn:
        before = time.time()
        hub_now = conn.execute(text("SELECT clock_timestamp()")).scalar_one()
        after = time.time()
    return hub_now.timestamp() - (before + after) / 2


def describe_error(exc: BaseException) -> str:
    """One line a volunteer can act on, from a driver error."""
    if "invalid transaction is rolled back" in str(exc):  # the connection died inside a transaction
        cause = exc.__cause__ or exc.__context__
        if cause is not None and cause is not exc and "invalid transaction" not in str(cause):
            return describe_error(cause)
        return "hub unreachable: the connection was cut (the hub stopped answering, or restarted)"
    orig = getattr(exc, "orig", None) or exc
    message = (str(orig).strip().splitlines() or [exc.__class__.__name__])[0]
    refusal = hub_refusal(str(orig))
    if refusal:
        return refusal
    low = message.lower()
    if "server closed the connection" in low and "unexpectedly" in low:
        return "hub unreachable: the connection was cut (the hub stopped answering, or restarted)"
    if "canceling statement due to" in low:
        return f"hub too slow or busy: {message}"
    if "connection" in low or "timeout" in low or "could not" in low:
        return f"hub unreachable: {message}"
    if "permission denied" in low:
        return f"the hub refused this desk's role: {message}"
    return message


def sync_once(local: Engine, hub: Hub | Engine, *, batch_size: int = BATCH_SIZE,
              memo: RoundMemo | None = None) -> SyncResult:
    """Push the outbox, pull the feed, record the outcome in `sync_state`.

    Never raises for hub trouble: the result (and the status) carry the error. Runs on the calling
    thread; the worker calls it on its sync thread.

    Without a `memo` (the CLI, tests) every round is *full*: it also measures the clock, sends the
    heartbeat and re-reads rehearsals. A worker passes its `RoundMemo`: then only a round with the
    heartbeat due (every `HEARTBEAT_SECONDS`) is full, and the others are the hot path that every
    other desk's push triggers, at every desk: push, pull, rehearsals only when the feed names one,
    and the online status rewritten at most every `STATUS_EVERY_S`. Each desk pays this path once
    per notification, so its fixed cost is what decides desk-to-desk lag (bench/sync.py prints it).
    """
    started = time.perf_counter()
    attempt = datetime.now(UTC).isoformat()
    venue = as_hub(hub)
    full = memo is None or memo.full_round_due()
    offset: float | None = None
    try:
        desk_id = (memo.desk_id if memo else None) or local_desk_id(local)
        if full:
            offset = venue.clock_offset()
        pushed = push_pending(local, venue, desk_id, batch_size=batch_size)
        if offset is not None:
            venue.heartbeat(desk_id, offset, local)
        pulled = pull_changes(local, venue, desk_id)
        if (full or "rehearsal" in pulled.kinds) and _sync_rehearsals(local, venue):
            pulled.kinds.add("rehearsal")  # a rehearsal started or ended: marks or removals here
    except (SQLAlchemyError, DBAPIError, SyncError, OSError) as exc:
        message = describe_error(exc)
        if memo is not None:
            memo.status_written = None  # the next success writes "online" again at once
        with write_tx(local) as conn:
            write_state(conn, online="0", connecting=None, last_attempt=attempt, last_error=message,
                        last_error_at=attempt)
        return SyncResult(False, error=message, duration_seconds=time.perf_counter() - started)
    now = datetime.now(UTC).isoformat()
    values: dict[str, str | None] = {"online": "1", "connecting": None, "last_attempt": attempt, "last_success": now,
                                     "last_pull": now, "last_error": None, "last_error_at": None}
    if offset is not None:
        values["clock_offset_ms"] = str(round(offset * 1000))
    if pulled.newest_scan is not None:
        hub_time, device_time = pulled.newest_scan
        values["scan_lag_ms"] = str(round((hub_time - device_time).total_seconds() * 1000))
    if memo is not None:
        memo.desk_id = desk_id
        if full:
            memo.last_heartbeat = time.monotonic()
        if offset is None and memo.status_written is not None \
                and time.monotonic() - memo.status_written < STATUS_EVERY_S:
            values = {}  # online, and said so less than a second ago: this round's times can wait
        else:
            memo.status_written = time.monotonic()
    if values:  # a status row is redone by the next round if the power goes: no fsync of its own
        with write_tx(local, background=True) as conn:
            write_state(conn, **values)
    return SyncResult(True, pushed, pulled.changes, frozenset(pulled.kinds), None, offset,
                      time.perf_counter() - started)


def _sync_rehearsals(local: Engine, venue: Hub) -> bool:
    """Rehearsal start/end from the hub (issue 18); only a PostgreSQL hub has them."""
    from checkin.services.rehearsal import sync_rehearsals

    engine = getattr(venue, "engine", None)
    return sync_rehearsals(local, engine) if isinstance(engine, Engine) else False


def refused(local: Engine, message: str) -> SyncResult:
    """Record a round that could not even start (the hub URL itself is refused) like any failure."""
    attempt = datetime.now(UTC).isoformat()
    with write_tx(local) as conn:
        write_state(conn, online="0", connecting=None, last_attempt=attempt, last_error=message,
                    last_error_at=attempt)
    return SyncResult(False, error=message)


def _heartbeat(hub: Engine, desk_id: str, offset: float, local: Engine | None = None) -> None:
    """Tell the hub this desk is alive, its name and how far its clock is off (the dashboard shows
    it). A heartbeat is an INSERT the hub turns into the desk's status: desks may not update desk rows."""
    name, version = "", ""
    if local is not None:
        with local.connect() as conn:
            row = conn.execute(select(t.desk.c.name, t.desk.c.app_version).where(t.desk.c.id == desk_id)).first()
        if row is not None:
            name, version = row.name, row.app_version or ""
    with hub.begin() as conn:
        begin_as_desk(conn, desk_id)
        conn.execute(text("INSERT INTO desk_heartbeat (desk_id, name, app_version, clock_offset_ms, device_time) "
                          "VALUES (:d, :n, :v, :o, :t)"),
                     {"d": desk_id, "n": name, "v": version, "o": round(offset * 1000), "t": datetime.now(UTC)})


@dataclass(frozen=True, slots=True)
class PublishResult:
    event_id: str
    days: int
    sessions: int
    keys: int
    attendees: int


def publish(local: Engine, hub: Engine, *, batch_size: int = BATCH_SIZE) -> PublishResult:
    """Upload this (organiser's) database's event definition and whole roster to the hub.

    Needs the organiser role (desks may not write the event). Safe to repeat: the event is upserted,
    attendees merge by version exactly like a push, so a re-publish never undoes a newer desk edit.
    """
    desk_id = local_desk_id(local)
    with read_tx(local) as conn:
        event_id = get_meta(conn, "event_id")
        if event_id is None:
            raise SyncError("this database holds no event to publish; run `checkin event load FILE` first")
        definition = read_event(conn, event_id)
        attendees = as_dicts(conn.execute(select(t.attendee).where(t.attendee.c.event_id == event_id)
                                          .order_by(t.attendee.c.id)), t.attendee)
        ids = {a["id"] for a in attendees}
        tickets = [r for r in as_dicts(conn.execute(select(t.ticket)), t.ticket) if r["attendee_id"] in ids]
    with hub.begin() as conn:
        begin_as_desk(conn, desk_id)
        write_event(conn, definition)
    for start in range(0, len(attendees), batch_size):
        chunk = attendees[start:start + batch_size]
        chunk_ids = {a["id"] for a in chunk}
        with hub.begin() as conn:
            begin_as_desk(conn, desk_id)
            merge_attendees(conn, chunk)
            upsert_tickets(conn, [tk for tk in tickets if tk["attendee_id"] in chunk_ids])
    return PublishResult(event_id, len(definition["days"]), len(definition["sessions"]), len(definition["keys"]),
                         len(attendees))
