# SPDX-License-Identifier: MIT
"""This desk's identity and local choices, kept in the `local_meta` table of its own database.

The desk id is made once per database file: each desk has its own SQLite file, so the file *is*
the desk. The name is what volunteers see ("Desk 2") and can change; the id never does.
"""

from __future__ import annotations

import socket
import uuid

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from checkin import __version__
from checkin.domain.messages import say
from checkin.domain.models import Desk
from checkin.storage import tables as t
from checkin.storage.db import write_tx
from checkin.storage.outbox import enqueue
from checkin.storage.types import utcnow


def get_meta(conn: Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute(select(t.local_meta.c.value).where(t.local_meta.c.key == key)).first()
    return row[0] if row else default


def set_meta(conn: Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute(t.local_meta.delete().where(t.local_meta.c.key == key))
        return
    updated = conn.execute(t.local_meta.update().where(t.local_meta.c.key == key).values(value=value))
    if updated.rowcount == 0:
        conn.execute(t.local_meta.insert().values(key=key, value=value))


def ensure_desk(engine: Engine, name: str | None = None) -> Desk:
    """This database's desk, created on first use; `name` renames it when given."""
    with write_tx(engine) as conn:
        desk_id = get_meta(conn, "desk_id")
        if desk_id is None:
            desk_id = str(uuid.uuid4())
            set_meta(conn, "desk_id", desk_id)
        current = get_meta(conn, "desk_name")
        if current == f"Desk {socket.gethostname()[:40]}":
            current = None  # the old default spoke English and named the computer: replace it
        # a short code from the desk's id: unique enough at a venue, the same in every language's sentence
        desk_name = name or current or say("Desk {code}", code=desk_id.replace("-", "")[:4].upper())
        if desk_name != current:
            set_meta(conn, "desk_name", desk_name)
        exists = conn.execute(select(t.desk.c.id).where(t.desk.c.id == desk_id)).first()
        values = {"name": desk_name, "app_version": __version__, "last_seen": utcnow()}
        if exists:
            conn.execute(t.desk.update().where(t.desk.c.id == desk_id).values(**values))
        else:
            conn.execute(t.desk.insert().values(id=desk_id, **values))
            enqueue(conn, "desk", desk_id)
    return Desk(desk_id, desk_name)


def desk_names(conn: Connection) -> dict[str, str]:
    return {row.id: row.name for row in conn.execute(select(t.desk.c.id, t.desk.c.name))}
