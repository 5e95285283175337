# SPDX-License-Identifier: MIT
"""Row plumbing shared by push and pull: dialect-neutral upserts and attendee ordering.

Both sides hold the same logical tables (`checkin.storage.tables`); on the hub they resolve through
`search_path=checkin`, so the same Core `Table` objects serve SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Row

_SUPERSEDED_NS = uuid.UUID("2b0e4f64-93c5-4d8e-8d5c-3c1a6f0e7b21")
ATTENDEE_FIELDS = ("event_id", "external_ref", "external_code", "ticket_id", "first_name", "last_name",
                   "organisation", "position", "category", "email", "phone", "notes", "days", "sessions",
                   "status", "photo_consent", "search_key", "version", "updated_at", "updated_by", "group_code")


class SyncError(Exception):
    """Sync cannot go on until a person acts; the message says what to do."""


def as_dicts(rows: Iterable[Row], table: Table, skip: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Row -> dict restricted to `table`'s columns (minus `skip`)."""
    wanted = {c.name for c in table.columns} - set(skip)
    out: list[dict[str, Any]] = []
    picks: list[tuple[int, str]] | None = None
    for row in rows:
        if picks is None:
            picks = [(i, k) for i, k in enumerate(row._fields) if k in wanted]
        out.append({k: row[i] for i, k in picks})
    return out


def upsert(conn: Connection, table: Table, rows: list[dict[str, Any]], keys: Sequence[str], *,
           update: bool = True) -> None:
    """INSERT ... ON CONFLICT (keys) DO UPDATE (or DO NOTHING) on SQLite and PostgreSQL alike."""
    if not rows:
        return
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(table)
    columns = [c for c in rows[0] if c not in keys]
    if update and columns:
        stmt = stmt.on_conflict_do_update(index_elements=list(keys),
                                          set_={c: stmt.excluded[c] for c in columns})
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
    # executemany: psycopg pipelines the rows, and the statement compiles once (a 500-row VALUES list
    # would be compiled afresh every batch, which costs more than the round trips it saves)
    conn.execute(stmt, rows)


def attendee_key(row: Any) -> tuple[int, datetime, str]:
    """Last writer wins by (version, updated_at, updated_by): a total order every desk agrees on."""
    m = row if isinstance(row, Mapping) else row._mapping
    return int(m["version"]), m["updated_at"], str(m["updated_by"] or "")


def json_safe(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value


def superseded_change(row: Any) -> dict[str, Any]:
    """The attendee_change row recording a losing roster edit; its id is derived from the losing
    row, so the hub and a desk that both notice the same loss write the same row once."""
    m = row if isinstance(row, Mapping) else row._mapping
    version, updated_at, updated_by = attendee_key(m)
    ident = uuid.uuid5(_SUPERSEDED_NS, f"{m['id']}/{version}/{updated_by}/{updated_at.isoformat()}")
    return {
        "id": str(ident), "attendee_id": m["id"], "desk_id": updated_by or "unknown", "changed_at": updated_at,
        "base_version": version, "outcome": "superseded",
        "fields": {f: json_safe(m[f]) for f in ATTENDEE_FIELDS if f in m and f not in ("search_key",)},
    }


def permitted_columns(conn: Connection, table: Table, privilege: str = "SELECT") -> list[str]:
    """The columns of `table` this hub login may read (or update). A desk login may not read e-mail
    and phone unless the organiser shows contact at desks (column grants, see `checkin.sync.hub`);
    on SQLite every column is ours."""
    names = [c.name for c in table.columns]
    if conn.dialect.name != "postgresql":
        return names
    allowed = set(conn.execute(text(
        "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:t) AND attnum > 0 AND NOT attisdropped "
        "AND has_column_privilege(attrelid, attnum, :p)"), {"t": table.name, "p": privilege}).scalars())
    return [n for n in names if n in allowed]
