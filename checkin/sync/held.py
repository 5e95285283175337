# SPDX-License-Identifier: MIT
"""Held rows: what the hub refused for good, kept aside so the rest of the queue goes on.

A value the hub cannot store (a 115-character operator name in a 100-character column) would be
refused on every retry and, sitting at the head of the outbox, would keep every later check-in of
that desk from leaving it. Such a row is moved from `outbox` to `held` in one local transaction,
with the hub's reason in words a person can act on. Nothing is dropped: the scan or roster edit
stays in the desk's database, `sync status` and the organiser tools list it, and the organiser
either corrects it and sends it again (`resend`) or dismisses it (`dismiss`, kept as a record).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, Table, select
from sqlalchemy.exc import DBAPIError

from checkin.domain.messages import say
from checkin.storage import outbox
from checkin.storage import tables as t
from checkin.storage.db import write_tx

# outbox kind -> the local table and its key column
TABLES: dict[str, tuple[Table, str]] = {
    "scan": (t.scan, "id"), "attendee": (t.attendee, "id"), "attendee_change": (t.attendee_change, "id"),
    "badge_print": (t.badge_print, "id"), "desk": (t.desk, "id"), "event": (t.event, "id"),
}


class HeldError(ValueError):
    """An organiser action on a held row that cannot be done; the message says why."""


@dataclass(frozen=True, slots=True)
class HeldItem:
    id: int
    kind: str
    ref_id: str
    reason: str
    held_at: datetime
    state: str = "held"

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of `checkin sync status --json`: kind, id, reason (+ details)."""
        return {"kind": self.kind, "id": self.ref_id, "reason": self.reason, "held_id": self.id,
                "held_at": self.held_at.isoformat(), "state": self.state}


def too_long(table: Table, row: dict[str, Any]) -> list[str]:
    """Sentences for every text value longer than its column allows (the hub's limits are the
    same `checkin.storage.tables` definitions, so the desk can check before the hub refuses)."""
    found = []
    for column in table.columns:
        limit = getattr(column.type, "length", None)
        value = row.get(column.name)
        if limit and isinstance(value, str) and len(value) > limit:
            found.append(say("{field} is {length} characters long; at most {limit} are allowed",
                             field=column.name, length=len(value), limit=limit))
    return found


def hold(local: Engine, seq: int, hub_reason: str) -> None:
    """Move one outbox row to `held` (sync thread). The reason names the field when we can tell."""
    with write_tx(local) as conn:
        found = outbox.by_seq(conn, [seq])
        if not found:
            return
        _seq, kind, ref_id = found[0]
        reason = hub_reason
        if kind in TABLES:
            table, key = TABLES[kind]
            row = conn.execute(select(table).where(table.c[key] == ref_id)).first()
            if row is not None and (problems := too_long(table, dict(row._mapping))):
                reason = "; ".join(problems) + f" (the hub said: {hub_reason})"
        conn.execute(t.held.insert().values(kind=kind, ref_id=ref_id, reason=reason,
                                            held_at=datetime.now(UTC), state="held", resolved_by=""))
        outbox.mark_delivered(conn, [seq])  # it leaves the queue only together with the held row


def deliver_or_hold(local: Engine, seq: int, send: Callable[[], None],
                    reason_for: Callable[[DBAPIError], str | None]) -> bool:
    """Send one outbox row in its own hub transaction (sync thread): delivered, or held when the
    hub refuses it for good (`reason_for` gives the reason, None = a passing fault: re-raised, so
    the round retries later). True when it reached the hub."""
    try:
        send()
    except DBAPIError as exc:
        reason = reason_for(exc)
        if reason is None:
            raise
        hold(local, seq, reason)
        return False
    with write_tx(local) as conn:
        outbox.mark_delivered(conn, [seq])
    return True


def held_items(engine: Engine, *, include_resolved: bool = False) -> list[HeldItem]:
    h = t.held
    query = select(h).order_by(h.c.id)
    if not include_resolved:
        query = query.where(h.c.state == "held")
    with engine.connect() as conn:
        return [HeldItem(r.id, r.kind, r.ref_id, r.reason, r.held_at, r.state) for r in conn.execute(query)]


def held_row(engine: Engine, held_id: int) -> dict[str, Any]:
    """The local row behind a held entry, for the organiser to look at before correcting it."""
    with engine.connect() as conn:
        entry = _entry(conn, held_id)
        table, key = TABLES[entry.kind]
        row = conn.execute(select(table).where(table.c[key] == entry.ref_id)).first()
    return dict(row._mapping) if row is not None else {}


def resend(engine: Engine, held_id: int, corrections: dict[str, str] | None = None, *, by: str = "") -> None:
    """Correct the held row's fields (if given) and queue it for the hub again."""
    corrections = corrections or {}
    with write_tx(engine) as conn:
        entry = _entry(conn, held_id)
        table, key = TABLES[entry.kind]
        unknown = sorted(set(corrections) - {c.name for c in table.columns} | set(corrections) & {key})
        if unknown:
            raise HeldError(f"{entry.kind} has no field {', '.join(unknown)} that can be corrected")
        row = conn.execute(select(table).where(table.c[key] == entry.ref_id)).first()
        if row is None:
            raise HeldError(f"the {entry.kind} {entry.ref_id} is no longer in this database")
        problems = too_long(table, {**dict(row._mapping), **corrections})
        if problems:
            raise HeldError("still too long: " + "; ".join(problems) + ". Correct it with --set FIELD=VALUE")
        if corrections:
            conn.execute(table.update().where(table.c[key] == entry.ref_id).values(**corrections))
        outbox.enqueue(conn, entry.kind, entry.ref_id)
        _resolve(conn, held_id, "resent", by)


def dismiss(engine: Engine, held_id: int, *, by: str = "") -> None:
    """Never send this row; it stays in this desk's database and in the held list as dismissed."""
    with write_tx(engine) as conn:
        _entry(conn, held_id)
        _resolve(conn, held_id, "dismissed", by)


def _entry(conn: Any, held_id: int) -> Any:
    entry = conn.execute(select(t.held).where(t.held.c.id == held_id)).first()
    if entry is None:
        raise HeldError(f"no held row number {held_id}; `checkin sync held` lists them")
    if entry.state != "held":
        raise HeldError(f"held row {held_id} was already {entry.state}")
    return entry


def _resolve(conn: Any, held_id: int, state: str, by: str) -> None:
    conn.execute(t.held.update().where(t.held.c.id == held_id)
                 .values(state=state, resolved_at=datetime.now(UTC), resolved_by=by[:100]))
