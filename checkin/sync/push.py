# SPDX-License-Identifier: MIT
"""Push: this desk's outbox to the hub, one hub transaction per batch.

Idempotent by construction, so a lost reply is simply resent: scans, prints and change-log rows
are `INSERT ... ON CONFLICT (id) DO NOTHING` on ids made at the desk; attendance at the hub is
derived by the hub itself from its scan log (a trigger, migration 0003_i13_trust: desks hold no
write right on it) under a per-attendee advisory lock, so two desks pushing the same person at once
cannot race; every row a desk inserts carries its own desk id (the hub refuses others); attendee
rows merge by (version, updated_at, desk) and a loser is kept as an `attendee_change` row with
outcome `superseded`. Outbox rows are deleted only after the hub transaction has committed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from checkin.domain.results import ScanResult
from checkin.storage import outbox
from checkin.storage import tables as t
from checkin.storage.db import read_tx, write_tx
from checkin.storage.outbox import KINDS
from checkin.sync.hubapi import Hub, as_hub
from checkin.sync.rows import as_dicts, attendee_key, json_safe, permitted_columns, superseded_change, upsert

BATCH_SIZE = 500
ROW_KINDS = tuple(k for k in KINDS if k != "event")  # event edits go first, on their own (event_push)
_ATTENDANCE_RESULTS = (ScanResult.ACCEPTED.value, ScanResult.VOID.value)


@dataclass
class Batch:
    seqs: list[int]
    desks: list[dict[str, Any]]
    attendees: list[dict[str, Any]]
    tickets: list[dict[str, Any]]
    changes: list[dict[str, Any]]
    prints: list[dict[str, Any]]
    scans: list[dict[str, Any]]


def pending_count(conn: Connection) -> int:
    return outbox.pending_count(conn, KINDS)


def read_batch(local: Engine, limit: int = BATCH_SIZE, seqs: list[int] | None = None) -> Batch | None:
    """The oldest `limit` outbox rows (or exactly `seqs`) and the local rows they point at (one read
    transaction)."""
    with read_tx(local) as conn:
        # exactly `seqs`: one refused batch, row by row (see `_send_one_by_one`)
        rows = outbox.oldest(conn, limit, KINDS) if seqs is None else outbox.by_seq(conn, seqs)[:limit]
        if not rows:
            return None
        ids: dict[str, set[str]] = defaultdict(set)
        for _seq, kind, ref_id in rows:
            ids[kind].add(ref_id)

        def fetch(table: Any, key: str, wanted: set[str], skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
            if not wanted:
                return []
            found = conn.execute(select(table).where(table.c[key].in_(sorted(wanted))).order_by(table.c[key]))
            return as_dicts(found, table, skip)

        return Batch(
            seqs=[seq for seq, _kind, _ref in rows],
            desks=fetch(t.desk, "id", ids["desk"], ("last_sync", "clock_offset_ms")),
            attendees=fetch(t.attendee, "id", ids["attendee"]),
            tickets=fetch(t.ticket, "attendee_id", ids["attendee"]),
            # an attendee travels with its change log: the hub needs it to tell an edit made on top of
            # the hub's version from a conflicting one (see `_is_conflict`)
            changes=_unique(fetch(t.attendee_change, "id", ids["attendee_change"])
                            + fetch(t.attendee_change, "attendee_id", ids["attendee"])),
            prints=fetch(t.badge_print, "id", ids["badge_print"]),
            scans=fetch(t.scan, "id", ids["scan"], ("hub_time",)),
        )


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list({r["id"]: r for r in rows}.values())


def begin_as_desk(hub: Connection, desk_id: str) -> None:
    """Tag this hub transaction with the desk id: the feed trigger records it as the origin, so the
    pushing desk can ignore its own notifications."""
    hub.execute(text("SELECT set_config('checkin.desk_id', :d, true)"), {"d": desk_id})


def write_batch(hub: Connection, batch: Batch) -> None:
    """Apply one batch inside the caller's hub transaction."""
    if batch.desks:  # registration only: later name and status travel in the heartbeat
        upsert(hub, t.desk, batch.desks, ["id"], update=False)
    upsert(hub, t.attendee_change, batch.changes, ["id"], update=False)
    merge_attendees(hub, batch.attendees)
    upsert_tickets(hub, batch.tickets)
    upsert(hub, t.badge_print, batch.prints, ["id"], update=False)
    insert_scans(hub, batch.scans)  # the hub derives attendance from these


def insert_scans(hub: Connection, rows: list[dict[str, Any]]) -> None:
    """A batch's scans in ONE statement (`INSERT ... SELECT FROM jsonb_populate_recordset`), new ids
    only. The hub's statement trigger then derives attendance once for the whole batch and takes its
    per-attendee locks in one global order. Row by row (executemany), every row's trigger locked its
    attendee in the batch's own order, so desks that met the same people in different orders
    deadlocked when the Wi-Fi came back for all of them at once (test_sync_reconnect_burst).
    The hub is always PostgreSQL (`write_batch` runs only there)."""
    if not rows:
        return
    columns = ", ".join(c.name for c in t.scan.columns if c.name in rows[0])
    hub.execute(text(f"INSERT INTO scan ({columns}) SELECT {columns} FROM "
                     "jsonb_populate_recordset(NULL::scan, CAST(:rows AS jsonb)) ON CONFLICT (id) DO NOTHING"),
                {"rows": json.dumps([{k: json_safe(v) for k, v in r.items()} for r in rows])})


def push_pending(local: Engine, hub: Hub | Engine, desk_id: str, *, batch_size: int = BATCH_SIZE,
                 on_batch: Callable[[int], None] | None = None) -> int:
    """Push until the outbox is empty; returns the number of outbox rows delivered.

    Runs on the caller's thread (the sync thread). A failure leaves the current batch in the outbox;
    the next attempt resends it, which the hub absorbs. A batch the hub refuses for good (a value it
    cannot store) is retried row by row and only the refused rows are held (`checkin.sync.held`).
    """
    from checkin.sync.event_push import push_events

    with local.connect() as conn:  # the usual case on a busy sync thread: nothing queued
        if not outbox.has_pending(conn, KINDS):
            return 0
    hub = as_hub(hub)
    delivered = push_events(local, hub, desk_id)
    while (batch := read_batch(local, batch_size)) is not None:
        try:
            _send(hub, desk_id, batch)
        except DBAPIError as exc:
            if refusal(exc) is None:
                raise
            delivered += _send_one_by_one(local, hub, desk_id, batch)
            continue
        # only now: the hub has committed. No fsync of its own: if the power takes this delete, the
        # rows are sent again and the hub absorbs them (every write there is idempotent)
        with write_tx(local, background=True) as conn:
            outbox.mark_delivered(conn, batch.seqs)
        delivered += len(batch.seqs)
        if on_batch is not None:
            on_batch(len(batch.seqs))
        if len(batch.seqs) < batch_size:
            break
    return delivered


def _send(hub: Hub, desk_id: str, batch: Batch) -> None:
    hub.write_batch(desk_id, batch)


# SQLSTATEs that no resend can fix: the value itself is wrong for the hub (class 22: too long,
# out of range, bad encoding...; 23502/23514: a missing or invalid required value)
_FOR_GOOD = ("22", "23502", "23514")


def refusal(exc: BaseException) -> str | None:
    """The hub's reason when `exc` means "this row can never be stored", else None (retry later)."""
    orig = getattr(exc, "orig", None)
    state = getattr(orig, "sqlstate", None) or ""
    if not state or not (state.startswith(_FOR_GOOD[0]) or state in _FOR_GOOD[1:]):
        return None
    return (str(orig).strip().splitlines() or [state])[0]


def _send_one_by_one(local: Engine, hub: Hub, desk_id: str, batch: Batch) -> int:
    """A refused batch, one outbox row per hub transaction: the good rows go, the bad are held."""
    from checkin.sync.held import deliver_or_hold

    delivered = 0
    for seq in batch.seqs:
        single = read_batch(local, 1, seqs=[seq])
        if single is not None:
            delivered += deliver_or_hold(local, seq, partial(_send, hub, desk_id, single), refusal)
    return delivered


def merge_attendees(hub: Connection, rows: list[dict[str, Any]]) -> None:
    """Last writer wins per attendee; the loser is logged as a superseded change (see module doc)."""
    if not rows:
        return
    ids = sorted(r["id"] for r in rows)
    readable = permitted_columns(hub, t.attendee)  # a desk login reads no e-mail or phone
    writable = set(permitted_columns(hub, t.attendee, "UPDATE"))
    current = {r.id: r._mapping for r in hub.execute(
        select(*(t.attendee.c[n] for n in readable)).where(t.attendee.c.id.in_(ids)).order_by(t.attendee.c.id)
        .with_for_update(key_share=True)
    )}
    inserts: list[dict[str, Any]] = []
    for row in rows:
        old = current.get(row["id"])
        if old is None:
            inserts.append(row)
            continue
        if attendee_key(row) == attendee_key(old):
            continue
        winner, loser = (row, old) if attendee_key(row) > attendee_key(old) else (old, row)
        if winner is row:
            # a field this login may write but not read (contact) is sent only when the desk typed
            # something: its empty copy means "hidden from this desk", not "erase"
            hub.execute(t.attendee.update().where(t.attendee.c.id == row["id"]).values(
                {k: v for k, v in row.items() if k != "id" and k in writable and (k in readable or v)}))
        if _is_conflict(hub, winner, loser):
            upsert(hub, t.attendee_change, [superseded_change(loser)], ["id"], update=False)
    if inserts:  # new rows (walk-ins): the rows were locked above, so DO NOTHING loses no edit
        upsert(hub, t.attendee, inserts, ["id"], update=False)


def _is_conflict(hub: Connection, winner: Any, loser: Any) -> bool:
    """Not every overwrite is a conflict: an edit made on top of the row it replaces (the desk had
    pulled it: its change log names that version as its base) is simply the next version."""
    if int(winner["version"]) <= int(loser["version"]):
        return True
    based_on_loser = hub.execute(
        select(t.attendee_change.c.id).where(
            t.attendee_change.c.attendee_id == winner["id"],
            t.attendee_change.c.desk_id == winner["updated_by"],
            t.attendee_change.c.base_version >= loser["version"],
            t.attendee_change.c.outcome == "applied",
        ).limit(1)
    ).first()
    if based_on_loser is not None:
        return False
    return winner["updated_by"] != loser["updated_by"] and int(winner["version"]) != int(loser["version"]) + 1


def upsert_tickets(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Tickets are issued once and may later be revoked; a revocation is never undone by a resend."""
    for row in rows:
        existing = conn.execute(select(t.ticket.c.revoked_at).where(t.ticket.c.id == row["id"])).first()
        if existing is None:
            upsert(conn, t.ticket, [row], ["id"], update=False)
        elif existing.revoked_at is None and row["revoked_at"] is not None:
            conn.execute(t.ticket.update().where(t.ticket.c.id == row["id"]).values(revoked_at=row["revoked_at"]))


def attendance_keys(scans: list[dict[str, Any]]) -> set[tuple[str, str, date, str | None]]:
    """Every (attendee, checkpoint) a set of scans can change; a session scan also marks its day."""
    keys: set[tuple[str, str, date, str | None]] = set()
    for s in scans:
        if s["attendee_id"] is None or s["result"] not in _ATTENDANCE_RESULTS:
            continue
        keys.add((s["attendee_id"], s["checkpoint"], s["day"], s["session_id"]))
        if s["session_id"] is not None:
            keys.add((s["attendee_id"], f"day:{s['day'].isoformat()}", s["day"], None))
    return keys
