# SPDX-License-Identifier: MIT
"""Pull: the hub's change feed into the local database, one local transaction per page.

The cursor is commit-safe. A serial cursor would skip a row whose transaction took its number
early and committed late. Instead the cursor is the hub *snapshot* (`pg_current_snapshot()`) up to
which everything has been applied: a pull takes a new target snapshot and reads exactly the feed
rows whose transaction was still invisible in the old one and is visible in the new one
(`pg_visible_in_snapshot(txid, ...)`). A transaction that was running at the last pull is in the
old snapshot's in-progress list, so its rows are read whenever it commits, however late.
Compared with `txid < pg_snapshot_xmin(...)`, which is also safe, this never holds back rows that
are already committed while some unrelated transaction anywhere on the server stays open.

Large pulls are paged by `(txid, seq)` within the one target snapshot; the state (done snapshot,
target snapshot, position) is stored in `sync_state` in the same local transaction as the rows it
covers, so a crash between pages resumes where it stopped (every apply is idempotent).
Pulled rows create no outbox rows: they came from the hub.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.engine import Connection

from checkin.storage import tables as t
from checkin.storage.db import write_tx
from checkin.storage.meta import get_meta, set_meta
from checkin.storage.outbox import enqueue, pending_refs
from checkin.storage.scans import recompute_attendance
from checkin.sync.hubapi import Hub, as_hub
from checkin.sync.push import attendance_keys
from checkin.sync.rows import SyncError, as_dicts, attendee_key, permitted_columns, superseded_change, upsert

PAGE_SIZE = 1000
PART_ROWS = 100  # rows per local transaction to start with; adapted to PART_TARGET_S as pages go
PART_TARGET_S = 0.015  # how long one part may hold the local write lock
DERIVE_PER_TX = 10  # attendance keys derived per local transaction
CURSOR_KEY = "pull_cursor"
CHECKPOINT_ROWS = 500  # pulled rows between two WAL checkpoints by the sync thread (~1 MB of pages)
_applied: dict[str, int] = {}  # database URL -> pulled rows applied since its last checkpoint
_FEED_COLUMNS = "SELECT txid::text AS txid, seq, kind, ref_id, origin FROM change "
_IN_TARGET = ("pg_visible_in_snapshot(txid, CAST(:target AS pg_snapshot)) "
              "AND (txid, seq) > (CAST(:atxid AS xid8), :aseq) ")
FIRST_FEED_QUERY = text(_FEED_COLUMNS + "WHERE " + _IN_TARGET + "ORDER BY txid, seq LIMIT :limit")
NEXT_FEED_QUERY = text(
    _FEED_COLUMNS + "WHERE txid >= pg_snapshot_xmin(CAST(:done AS pg_snapshot)) "
    "AND NOT pg_visible_in_snapshot(txid, CAST(:done AS pg_snapshot)) AND " + _IN_TARGET
    + "ORDER BY txid, seq LIMIT :limit"
)


@dataclass(frozen=True)
class Cursor:
    done: str | None = None  # snapshot up to which everything is applied (None: nothing yet)
    target: str | None = None  # snapshot of the pull in progress
    after: tuple[str, int] = ("0", 0)  # position within the pull in progress

    def to_text(self) -> str:
        return json.dumps({"done": self.done, "target": self.target, "after": list(self.after)})

    @classmethod
    def from_text(cls, value: str) -> Cursor:
        data = json.loads(value)
        return cls(data.get("done"), data.get("target"), (str(data["after"][0]), int(data["after"][1])))


@dataclass
class PullResult:
    changes: int = 0
    kinds: set[str] = field(default_factory=set)
    newest_scan: tuple[datetime, datetime] | None = None  # (hub_time, device_time) of another desk's scan


@dataclass
class Page:
    cursor: Cursor
    kinds: set[str]
    events: list[dict[str, Any]]
    days: list[dict[str, Any]]
    sessions: list[dict[str, Any]]
    keys: list[dict[str, Any]]
    attendees: list[dict[str, Any]]
    tickets: list[dict[str, Any]]
    changes: list[dict[str, Any]]
    desks: list[dict[str, Any]]
    prints: list[dict[str, Any]]
    scans: list[dict[str, Any]]
    own: dict[str, set[str]] = field(default_factory=dict)  # this desk's own scan/print ids in the feed
    feed_rows: int = 0  # feed rows read (own ones included); 0: nothing happened since the cursor


_OWN = {"scan": (t.scan, "scans"), "badge_print": (t.badge_print, "prints")}


def read_cursor(conn: Connection) -> Cursor:
    row = conn.execute(select(t.sync_state.c.value).where(t.sync_state.c.key == CURSOR_KEY)).first()
    return Cursor.from_text(row[0]) if row else Cursor()


def write_cursor(conn: Connection, cursor: Cursor) -> None:
    upsert(conn, t.sync_state, [{"key": CURSOR_KEY, "value": cursor.to_text()}], ["key"])


def read_page(hub: Engine, cursor: Cursor, desk_id: str, limit: int = PAGE_SIZE,
              want_events: bool = False) -> Page:
    """The next page of feed rows and the current hub rows they name (one hub read transaction).

    A page with fewer than `limit` feed rows completes the pull: its cursor marks the target
    snapshot as done."""
    with hub.connect() as conn, conn.begin():
        target = cursor.target or conn.execute(text("SELECT pg_current_snapshot()::text")).scalar_one()
        params = {"target": target, "done": cursor.done, "atxid": cursor.after[0], "aseq": cursor.after[1],
                  "limit": limit}
        feed = conn.execute(NEXT_FEED_QUERY if cursor.done else FIRST_FEED_QUERY, params).all()
        if len(feed) < limit:
            following = Cursor(done=target)
        else:
            following = Cursor(cursor.done, target, (feed[-1].txid, int(feed[-1].seq)))
        ids: dict[str, set[str]] = defaultdict(set)
        own: dict[str, set[str]] = defaultdict(set)
        for f in feed:
            if f.kind in ("scan", "badge_print") and f.origin == desk_id:
                own[f.kind].add(f.ref_id)  # our own facts: normally here already (see _add_own_history)
                continue
            ids[f.kind].add(f.ref_id)

        def fetch(table: Any, key: str, wanted: set[str]) -> list[dict[str, Any]]:
            if not wanted:
                return []
            return as_dicts(conn.execute(select(table).where(table.c[key].in_(sorted(wanted)))), table)

        def fetch_attendees(wanted: set[str]) -> list[dict[str, Any]]:
            """Only the columns this login may read; contact fields it may not read arrive empty,
            so a desk keeps no e-mail or phone the organiser did not show it."""
            if not wanted:
                return []
            readable = permitted_columns(conn, t.attendee)
            hidden = {c.name: "" for c in t.attendee.columns if c.name not in readable}
            rows = conn.execute(select(*(t.attendee.c[n] for n in readable))
                                .where(t.attendee.c.id.in_(sorted(wanted))))
            return [{**r, **hidden} for r in as_dicts(rows, t.attendee)]

        events = ids["event"]
        if want_events:  # a desk's first pull: the event definition before any roster row
            events |= {r[0] for r in conn.execute(select(t.event.c.id))}
        return Page(
            cursor=following, kinds={f.kind for f in feed if f.kind in ids},
            events=fetch(t.event, "id", events), days=fetch(t.event_day, "event_id", events),
            sessions=fetch(t.session, "event_id", events), keys=fetch(t.event_key, "event_id", events),
            attendees=fetch_attendees(ids["attendee"]),
            tickets=fetch(t.ticket, "attendee_id", ids["attendee"]),
            changes=fetch(t.attendee_change, "id", ids["attendee_change"]),
            desks=[d for d in fetch(t.desk, "id", ids["desk"]) if d["id"] != desk_id],
            prints=fetch(t.badge_print, "id", ids["badge_print"]),
            scans=fetch(t.scan, "id", ids["scan"]),
            own=dict(own), feed_rows=len(feed),
        )


def apply_page(conn: Connection, page: Page, desk_id: str) -> None:
    """Write one page into the local database (caller's transaction), attendance derived at once,
    cursor moved; no outbox rows. (`pull_changes` applies pages in short parts instead.)"""
    apply_part(conn, page, desk_id)
    write_cursor(conn, page.cursor)


def apply_part(conn: Connection, page: Page, desk_id: str, *, defer_attendance: bool = False) -> None:
    """Write (part of) a page, cursor untouched. `defer_attendance`: only note the attendance keys
    the scans touch (`attendance_pending`); `derive_pending` derives each of them once later."""
    missing = {a["event_id"] for a in page.attendees}
    if missing:
        missing -= {r[0] for r in conn.execute(select(t.event.c.id))} | {e["id"] for e in page.events}
    if missing:
        raise SyncError(f"the hub holds attendees of event {', '.join(sorted(missing))} but not the event "
                        "itself: run `checkin hub publish URL` on the organiser's machine first")
    for ev in page.events:
        upsert(conn, t.event, [ev], ["id"])
        conn.execute(t.event_day.delete().where(t.event_day.c.event_id == ev["id"]))
        upsert(conn, t.event_day, [d for d in page.days if d["event_id"] == ev["id"]], ["event_id", "date"])
        if get_meta(conn, "event_id") is None:
            set_meta(conn, "event_id", ev["id"])
    upsert(conn, t.session, page.sessions, ["id"])
    upsert(conn, t.event_key, page.keys, ["key_id"])
    upsert(conn, t.desk, page.desks, ["id"])
    upsert(conn, t.attendee_change, page.changes, ["id"])  # updated too: `checkin purge` blanks old values
    _apply_attendees(conn, page.attendees, desk_id)
    from checkin.sync.push import upsert_tickets

    upsert_tickets(conn, page.tickets)
    upsert(conn, t.badge_print, page.prints, ["id"], update=False)
    upsert(conn, t.scan, page.scans, ["id"], update=False)
    keys = sorted(attendance_keys(page.scans), key=lambda k: (k[0], k[1]))
    if defer_attendance:
        upsert(conn, t.attendance_pending, [{"attendee_id": a, "checkpoint": c, "day": d, "session_id": s}
                                            for a, c, d, s in keys], ["attendee_id", "checkpoint"], update=False)
        return
    for attendee_id, checkpoint, day, session_id in keys:
        recompute_attendance(conn, attendee_id, checkpoint, day, session_id)


def _apply_attendees(conn: Connection, rows: list[dict[str, Any]], desk_id: str) -> None:
    """Take the hub's row unless this desk holds a newer edit not pushed yet (it will win at the hub).

    If the hub's row beats an unpushed local edit, the local edit is the loser: it is logged here as
    superseded (and queued for the hub), because after this transaction its values exist nowhere else.
    """
    if not rows:
        return
    ids = [r["id"] for r in rows]
    local = {r.id: r._mapping for r in conn.execute(select(t.attendee).where(t.attendee.c.id.in_(ids)))}
    pending = pending_refs(conn, "attendee", ids)
    take: list[dict[str, Any]] = []
    for row in rows:
        mine = local.get(row["id"])
        if mine is None:
            take.append(row)
            continue
        if attendee_key(mine) == attendee_key(row):
            if any(mine[c] != row[c] for c in ("email", "phone")):  # the organiser showed or hid contact
                take.append(row)
            continue
        if row["id"] in pending:
            if attendee_key(mine) > attendee_key(row):
                continue
            loser = superseded_change(dict(mine))
            known = select(t.attendee_change.c.id).where(t.attendee_change.c.id == loser["id"])
            if conn.execute(known).first() is None:
                conn.execute(t.attendee_change.insert().values(**loser))
                enqueue(conn, "attendee_change", loser["id"], row["updated_at"])
        take.append(row)
    _free_ticket_ids(conn, take)
    upsert(conn, t.attendee, take, ["id"])


def _free_ticket_ids(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """A ticket moved between attendees at the hub must not trip the local UNIQUE(ticket_id)."""
    for row in rows:
        if row.get("ticket_id"):
            conn.execute(t.attendee.update().where(t.attendee.c.ticket_id == row["ticket_id"],
                                                   t.attendee.c.id != row["id"]).values(ticket_id=None))


def split_page(page: Page, rows: int) -> list[Page]:
    """A page as parts of at most about `rows` rows each, in the order they must be applied (event
    first, attendees with their tickets, then change log, prints, scans). Kinds share a part when
    they fit, so the live case (a few scans, a desk's heartbeat) is one short transaction, not one
    per kind. Every part carries the page's cursor; only the last one writes it. There is always at
    least one part."""
    parts: list[Page] = []
    current: dict[str, list[dict[str, Any]]] = {}
    size = 0

    def close() -> None:
        nonlocal current, size
        got = current.get
        parts.append(Page(page.cursor, set(), got("events", []), got("days", []), got("sessions", []),
                          got("keys", []), got("attendees", []), got("tickets", []), got("changes", []),
                          got("desks", []), got("prints", []), got("scans", [])))
        current, size = {}, 0

    def add(name: str, values: list[dict[str, Any]], weight: int) -> None:
        nonlocal size
        if values and size and size + weight > rows:
            close()
        current.setdefault(name, []).extend(values)
        size += weight

    definition = ("events", "days", "sessions", "keys", "desks")
    for name in definition:  # an event definition is never split: its days and sessions go together
        current[name] = list(getattr(page, name))
    size = sum(len(current[n]) for n in definition)
    for i in range(0, len(page.attendees), rows):
        chunk = page.attendees[i:i + rows]
        ids = {a["id"] for a in chunk}
        add("attendees", chunk, len(chunk))
        current.setdefault("tickets", []).extend(tk for tk in page.tickets if tk["attendee_id"] in ids)
    for name in ("changes", "prints", "scans"):
        values = getattr(page, name)
        for i in range(0, len(values), rows):
            add(name, values[i:i + rows], len(values[i:i + rows]))
    close()
    return parts


def derive_pending(local: Engine, *, keys_per_tx: int = DERIVE_PER_TX) -> int:
    """Derive the attendance of every key left in `attendance_pending`, a few keys per short
    (background) transaction. Sync thread. Returns how many keys were derived."""
    p = t.attendance_pending
    done = 0
    while True:
        with write_tx(local, background=True) as conn:
            keys = conn.execute(select(p).order_by(p.c.attendee_id, p.c.checkpoint).limit(keys_per_tx)).all()
            for k in keys:
                recompute_attendance(conn, k.attendee_id, k.checkpoint, k.day, k.session_id)
                conn.execute(p.delete().where(p.c.attendee_id == k.attendee_id, p.c.checkpoint == k.checkpoint))
        done += len(keys)
        if len(keys) < keys_per_tx:
            return done


def pull_changes(local: Engine, hub: Hub | Engine, desk_id: str, *, page_size: int = PAGE_SIZE,
                 part_rows: int = PART_ROWS, part_target_s: float = PART_TARGET_S) -> PullResult:
    """Pull every change committed since the last pull. Runs on the caller's thread (the sync thread).

    Each page is applied in parts, each its own short background transaction, so a scan never
    waits long for the write lock: a part is sized to take about `part_target_s` (starting from
    `part_rows` rows and adapting page by page to this machine), and the sync thread steps aside
    while a scan waits (see `write_tx`). The cursor moves with the last part.
    A crash between parts re-applies the page (every apply is idempotent). Attendance is derived in
    the part that brings the scans; only while more full pages follow (a long catch-up) are the keys
    noted instead and derived once each after the last page (`derive_pending`).
    """
    result = PullResult()
    hub = as_hub(hub)
    deferred: bool | None = None  # attendance keys noted, to derive at the end
    while True:
        with local.connect() as conn:  # one look: the cursor, whether we have an event, work left over
            cursor = read_cursor(conn)
            known_events = conn.execute(_ANY_EVENT).first() is not None
            if deferred is None:  # keys left by an interrupted pull are derived with this pull's
                deferred = conn.execute(_ANY_PENDING).first() is not None
        page = hub.read_page(cursor, desk_id, page_size, not known_events)
        if page.feed_rows == 0 and cursor.target is None and cursor.done is not None:
            break  # nothing new: keep the cursor (the next pull asks the same question), write nothing
        _add_own_history(local, hub, page)
        parts = split_page(page, part_rows)
        # attendance is derived in the part that brings the scans (parts are sized by time, that
        # included), except while more full pages follow: a long catch-up derives each key once
        # at the end (derive_pending) instead of once per page
        defer = page.cursor.target is not None
        deferred = deferred or defer
        busy, applied_rows = 0.0, 0
        for number, part in enumerate(parts):
            started = time.perf_counter()
            with write_tx(local, background=True) as conn:
                if read_cursor(conn) != cursor:  # another puller (a second process) got here first
                    break
                apply_part(conn, part, desk_id, defer_attendance=defer)
                if number == len(parts) - 1:
                    write_cursor(conn, page.cursor)
            busy += time.perf_counter() - started
            applied_rows += _rows(part)
        else:
            if applied_rows >= part_rows and busy > 0:  # size the next page's parts to the target
                per_row = busy / applied_rows
                part_rows = max(50, min(1000, round(part_target_s / per_row)))
            result.kinds |= page.kinds
            for s in page.scans:
                if s["desk_id"] != desk_id and (result.newest_scan is None or s["hub_time"] > result.newest_scan[0]):
                    result.newest_scan = (s["hub_time"], s["device_time"])
            result.changes += sum(len(x) for x in (page.events, page.attendees, page.changes, page.desks,
                                                    page.prints, page.scans))
            _checkpoint(local, applied_rows)
            if page.cursor.target is None:
                break
    if deferred:
        derive_pending(local)
    return result


_ANY_EVENT = select(t.event.c.id).limit(1)
_ANY_PENDING = select(t.attendance_pending.c.attendee_id).limit(1)


def _checkpoint(local: Engine, rows: int) -> None:
    """Copy the WAL back into the database now, on the sync thread (PASSIVE: it never waits for or
    blocks a writer), once `CHECKPOINT_ROWS` pulled rows have been applied since the last time.
    Otherwise the scan whose commit crosses SQLite's auto-checkpoint threshold (about 4 MB) pays
    for the pages a catch-up wrote, hundreds of milliseconds on a slow disk. Not every round: a
    checkpoint syncs the files to disk, too much for each live round of a few scans."""
    if local.dialect.name != "sqlite":
        return
    key = str(local.url)
    _applied[key] = _applied.get(key, 0) + rows
    if _applied[key] < CHECKPOINT_ROWS:
        return
    _applied[key] = 0
    with local.connect() as conn:
        raw = conn.connection.dbapi_connection
        if raw is not None:
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)")


def _rows(page: Page) -> int:
    return sum(len(x) for x in (page.events, page.sessions, page.keys, page.desks, page.attendees,
                                page.changes, page.prints, page.scans))


def _add_own_history(local: Engine, hub: Hub, page: Page) -> None:
    """This desk's own scans and prints are skipped by `read_page` (they are here already) — unless
    this copy is behind its own history at the hub: restored from an older backup, or a replaced
    laptop with the same desk id. Those missing rows are fetched and applied like anyone else's."""
    if not page.own:
        return
    missing: dict[str, set[str]] = {}
    with local.connect() as conn:
        for kind, (table, _) in _OWN.items():
            wanted = page.own.get(kind, set())
            if wanted:
                here = {r[0] for r in conn.execute(select(table.c.id).where(table.c.id.in_(sorted(wanted))))}
                if wanted - here:
                    missing[kind] = wanted - here
    if not missing:
        return
    for kind, ids in missing.items():
        getattr(page, _OWN[kind][1]).extend(hub.fetch_rows(kind, ids))
        page.kinds.add(kind)
