# SPDX-License-Identifier: MIT
"""The outbox: what this desk changed and the hub has not received yet. One writer, one reader.

Every local change that must reach the venue database (a scan, a roster edit, a badge print, the
desk's own row) is queued here by `enqueue` **inside the caller's transaction**, so the change and
its outbox row commit or roll back together — that is what makes "nothing is lost offline" true.
Push reads the oldest rows and deletes them only after the hub committed them.

The counts here are the one definition of "pending" (status bar, dashboard, wipe guard, sync
status): before this module each of them counted the table its own way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from checkin.storage import tables as t
from checkin.storage.types import utcnow

OutboxKind = Literal["event", "desk", "attendee", "attendee_change", "badge_print", "scan"]
# Push order matters: the hub needs a desk before its scans and an attendee before its changes.
# "event" (an organiser's key, session or event edit; ref_id is the event id) goes first, on its own.
KINDS: tuple[OutboxKind, ...] = ("event", "desk", "attendee", "attendee_change", "badge_print", "scan")

# A constant statement with separate parameters: SQLAlchemy caches the compiled INSERT, which
# matters on the scan path (every check-in queues one row).
_INSERT = t.outbox.insert()


def enqueue(conn: Connection, kind: OutboxKind, ref_id: str, created_at: datetime | None = None) -> None:
    """Queue one changed row for the hub, in the caller's (write) transaction."""
    conn.execute(_INSERT, {"kind": kind, "ref_id": ref_id, "created_at": created_at or utcnow()})


def enqueue_many(conn: Connection, kind: OutboxKind, ref_ids: Iterable[str],
                 created_at: datetime | None = None) -> None:
    """Queue many rows of one kind in one statement (roster imports touch thousands)."""
    now = created_at or utcnow()
    rows = [{"kind": kind, "ref_id": ref_id, "created_at": now} for ref_id in ref_ids]
    if rows:
        conn.execute(_INSERT, rows)


def pending_count(conn: Connection, kinds: Iterable[str] | None = None) -> int:
    """Rows not at the hub yet; `kinds` narrows it (e.g. ("scan",) for "check-ins waiting")."""
    query = select(func.count()).select_from(t.outbox)
    if kinds is not None:
        query = query.where(t.outbox.c.kind.in_(tuple(kinds)))
    return int(conn.execute(query).scalar_one())


def pending_by_kind(conn: Connection) -> dict[str, int]:
    """Kind -> rows not at the hub yet (the wipe guard and `checkin wipe` preview)."""
    rows = conn.execute(select(t.outbox.c.kind, func.count()).group_by(t.outbox.c.kind)).all()
    return {str(kind): int(n) for kind, n in rows}


def has_pending(conn: Connection, kinds: Iterable[str] | None = None) -> bool:
    """Cheaper than a count when only "anything at all?" matters (the sync thread's wake-up check)."""
    query = select(t.outbox.c.seq)
    if kinds is not None:
        query = query.where(t.outbox.c.kind.in_(tuple(kinds)))
    return conn.execute(query.limit(1)).first() is not None


def pending_refs(conn: Connection, kind: OutboxKind, ref_ids: Iterable[str]) -> set[str]:
    """Which of these rows still wait to be pushed (pull must not overwrite an unpushed local edit)."""
    ids = list(ref_ids)
    if not ids:
        return set()
    return {r[0] for r in conn.execute(select(t.outbox.c.ref_id).where(
        t.outbox.c.kind == kind, t.outbox.c.ref_id.in_(ids)))}


def latest_seq(conn: Connection) -> tuple[int, int | None]:
    """(count, highest seq): changes whenever anything is queued or pushed (dashboard fingerprint)."""
    count, top = conn.execute(select(func.count(), func.max(t.outbox.c.seq))).one()
    return int(count), (int(top) if top is not None else None)


def oldest(conn: Connection, limit: int, kinds: Iterable[str] = KINDS) -> list[tuple[int, str, str]]:
    """The next (seq, kind, ref_id) rows to push, oldest first."""
    rows = conn.execute(select(t.outbox.c.seq, t.outbox.c.kind, t.outbox.c.ref_id)
                        .where(t.outbox.c.kind.in_(tuple(kinds))).order_by(t.outbox.c.seq).limit(limit))
    return [(int(r.seq), str(r.kind), str(r.ref_id)) for r in rows]


def by_seq(conn: Connection, seqs: Iterable[int]) -> list[tuple[int, str, str]]:
    """Exactly these queued rows (a refused batch re-sent one by one; a row moved aside as held)."""
    rows = conn.execute(select(t.outbox.c.seq, t.outbox.c.kind, t.outbox.c.ref_id)
                        .where(t.outbox.c.seq.in_(list(seqs))).order_by(t.outbox.c.seq))
    return [(int(r.seq), str(r.kind), str(r.ref_id)) for r in rows]


def mark_delivered(conn: Connection, seqs: Iterable[int]) -> None:
    """Drop rows the hub has committed (only then: a failed push leaves them queued)."""
    conn.execute(t.outbox.delete().where(t.outbox.c.seq.in_(list(seqs))))


def discard(conn: Connection, kinds: Iterable[str]) -> None:
    """Forget queued rows of these kinds; only for `checkin wipe` after it checked nothing is pending."""
    conn.execute(t.outbox.delete().where(t.outbox.c.kind.in_(tuple(kinds))))


def withdraw(conn: Connection, kind: OutboxKind, ref_ids: Iterable[str]) -> None:
    """Forget queued rows that point at rows being removed; only for ending a rehearsal, whose rows
    were never real and must not reach the hub after it ended."""
    ids = list(ref_ids)
    for start in range(0, len(ids), 500):
        conn.execute(t.outbox.delete().where(t.outbox.c.kind == kind, t.outbox.c.ref_id.in_(ids[start:start + 500])))
