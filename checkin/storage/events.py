# SPDX-License-Identifier: MIT
"""Reading and writing the event, its days, sessions and public keys."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.engine import Connection, Row

from checkin.domain.models import Event, EventDay, Session, SessionKind
from checkin.storage import tables as t
from checkin.storage.meta import get_meta, set_meta
from checkin.storage.types import utcnow


class NoEventError(LookupError):
    """The database holds no event yet."""


def current_event_id(conn: Connection) -> str | None:
    event_id = get_meta(conn, "event_id")
    if event_id is not None:
        return event_id
    row = conn.execute(select(t.event.c.id).order_by(t.event.c.updated_at.desc())).first()
    return row[0] if row else None


def load_event(conn: Connection, event_id: str | None = None) -> Event:
    event_id = event_id or current_event_id(conn)
    row = conn.execute(select(t.event).where(t.event.c.id == event_id)).first() if event_id else None
    if row is None:
        raise NoEventError("No event in this database yet. Run `checkin demo` or `checkin event load FILE`.")
    days = tuple(
        EventDay(r.date, r.label)
        for r in conn.execute(select(t.event_day).where(t.event_day.c.event_id == row.id).order_by("date"))
    )
    return Event(row.id, row.name, row.timezone, days, dict(row.settings or {}), row.venue)


# settings kept by the desks' own tools, not by the event file: a reloaded file must not drop them
KEPT_SETTINGS = ("volunteers", "supervisor_actions")


def save_event(conn: Connection, event: Event) -> None:
    """Insert or update an event with its days (days not listed any more are removed)."""
    settings = dict(event.settings)
    old = conn.execute(select(t.event.c.settings).where(t.event.c.id == event.id)).scalar()
    for key in KEPT_SETTINGS:
        if key not in settings and old and key in old:
            settings[key] = old[key]
    values = {"name": event.name, "timezone": event.timezone, "venue": event.venue,
              "settings": settings, "updated_at": utcnow()}
    if conn.execute(select(t.event.c.id).where(t.event.c.id == event.id)).first():
        conn.execute(t.event.update().where(t.event.c.id == event.id).values(**values))
    else:
        conn.execute(t.event.insert().values(id=event.id, **values))
    conn.execute(t.event_day.delete().where(t.event_day.c.event_id == event.id))
    if event.days:
        conn.execute(t.event_day.insert(), [
            {"event_id": event.id, "date": d.date, "label": d.label} for d in event.days
        ])
    set_meta(conn, "event_id", event.id)


def _session(row: Row) -> Session:
    return Session(
        id=row.id, event_id=row.event_id, day=row.day, code=row.code, title=row.title, room=row.room,
        starts_at=row.starts_at, ends_at=row.ends_at, capacity=row.capacity,
        kind=SessionKind(row.kind) if row.kind in SessionKind._value2member_map_ else SessionKind.OTHER,
        requires_registration=bool(row.requires_registration), tracks_inside=bool(row.tracks_inside),
    )


def list_sessions(conn: Connection, event_id: str, day: date | None = None) -> list[Session]:
    query = select(t.session).where(t.session.c.event_id == event_id)
    if day is not None:
        query = query.where(t.session.c.day == day)
    return [_session(r) for r in conn.execute(query.order_by(t.session.c.starts_at, t.session.c.code))]


def session_by_code(conn: Connection, event_id: str, code: str) -> Session | None:
    row = conn.execute(
        select(t.session).where(t.session.c.event_id == event_id, t.session.c.code == code)
    ).first()
    return _session(row) if row else None


def session_by_id(conn: Connection, session_id: str) -> Session | None:
    row = conn.execute(select(t.session).where(t.session.c.id == session_id)).first()
    return _session(row) if row else None


def save_sessions(conn: Connection, event_id: str, sessions: Iterable[Session]) -> None:
    """Upsert sessions by code. Sessions missing from the list are kept: scans may refer to them."""
    for s in sessions:
        values = {"day": s.day, "title": s.title, "room": s.room, "starts_at": s.starts_at,
                  "ends_at": s.ends_at, "capacity": s.capacity, "kind": s.kind.value,
                  "requires_registration": s.requires_registration, "tracks_inside": s.tracks_inside}
        existing = session_by_code(conn, event_id, s.code)
        if existing:
            conn.execute(t.session.update().where(t.session.c.id == existing.id).values(**values))
        else:
            conn.execute(t.session.insert().values(id=s.id, event_id=event_id, code=s.code, **values))


def public_keys(conn: Connection, event_id: str) -> dict[str, str]:
    """Active public keys (key id -> base64) that desks accept for this event."""
    rows = conn.execute(
        select(t.event_key.c.key_id, t.event_key.c.public_key).where(
            t.event_key.c.event_id == event_id, t.event_key.c.active.is_(True)
        )
    )
    return {r.key_id: r.public_key for r in rows}


def add_public_key(conn: Connection, event_id: str, key_id: str, public_key_b64: str) -> None:
    if conn.execute(select(t.event_key.c.key_id).where(t.event_key.c.key_id == key_id)).first():
        conn.execute(t.event_key.update().where(t.event_key.c.key_id == key_id).values(active=True))
        return
    conn.execute(t.event_key.insert().values(
        key_id=key_id, event_id=event_id, public_key=public_key_b64, created_at=utcnow(), active=True
    ))
