# SPDX-License-Identifier: MIT
"""Attendee rows: lookups for the scan path, search, and writes that keep `search_key` current."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.engine import Connection, Row

from checkin.domain.models import Attendee
from checkin.domain.text import fold, search_tokens
from checkin.storage import tables as t

SEARCH_FIELDS = ("first_name", "last_name", "organisation", "email", "external_ref", "external_code")


def search_key_for(values: Mapping[str, Any]) -> str:
    """Folded text that search matches against: `Łukasz Żółć` -> `lukasz zolc ...`."""
    return " ".join(fold(str(values.get(f) or "")) for f in SEARCH_FIELDS)


def to_attendee(row: Row) -> Attendee:
    return Attendee(
        id=row.id, event_id=row.event_id, first_name=row.first_name, last_name=row.last_name,
        organisation=row.organisation or "", position=row.position or "", category=row.category,
        email=row.email or "", phone=row.phone or "", notes=row.notes or "",
        external_ref=row.external_ref or "", external_code=row.external_code or "",
        ticket_id=row.ticket_id or "", days=tuple(date.fromisoformat(d) for d in (row.days or [])),
        sessions=tuple(row.sessions or []), status=row.status, version=row.version,
        updated_at=row.updated_at, photo_consent=getattr(row, "photo_consent", "") or "",
        group_code=getattr(row, "group_code", "") or "",
    )


def get_attendee(conn: Connection, attendee_id: str) -> Attendee | None:
    row = conn.execute(select(t.attendee).where(t.attendee.c.id == attendee_id)).first()
    return to_attendee(row) if row else None


def find_attendee_id(conn: Connection, event_id: str, ref: str) -> str | None:
    """Resolve what a user typed: an id, a unique id prefix (6+ characters), or an external ref."""
    for column in (t.attendee.c.id, t.attendee.c.external_ref, t.attendee.c.external_code):
        row = conn.execute(
            select(t.attendee.c.id).where(t.attendee.c.event_id == event_id, column == ref)
        ).first()
        if row:
            return str(row[0])
    if len(ref) >= 6:
        rows = conn.execute(
            select(t.attendee.c.id).where(t.attendee.c.event_id == event_id, t.attendee.c.id.startswith(ref))
            .limit(2)
        ).all()
        if len(rows) == 1:
            return str(rows[0][0])
    return None


_BY_TICKET = select(t.attendee).where(t.attendee.c.ticket_id == bindparam("ticket_id"))
_BY_CODE = select(t.attendee).where(
    t.attendee.c.event_id == bindparam("event_id"), t.attendee.c.external_code == bindparam("code"))


def by_ticket(conn: Connection, ticket_id: str) -> tuple[Attendee | None, datetime | None]:
    """The attendee a ticket id belongs to, and when the ticket was revoked (None if current)."""
    row = conn.execute(_BY_TICKET, {"ticket_id": ticket_id}).first()
    if row:
        return to_attendee(row), None
    old = conn.execute(
        select(t.ticket.c.attendee_id, t.ticket.c.revoked_at).where(t.ticket.c.id == ticket_id)
    ).first()
    if old is None:
        return None, None
    return get_attendee(conn, old.attendee_id), old.revoked_at


def by_external_code(conn: Connection, event_id: str, code: str) -> Attendee | None:
    row = conn.execute(_BY_CODE, {"event_id": event_id, "code": code}).first()
    if row is None and code != code.upper():
        row = conn.execute(
            select(t.attendee).where(
                t.attendee.c.event_id == event_id, func.upper(t.attendee.c.external_code) == code.upper()
            )
        ).first()
    return to_attendee(row) if row else None


def search(conn: Connection, event_id: str, query: str, limit: int = 50) -> list[Attendee]:
    """Accent-insensitive: every token must appear somewhere; surname prefix matches rank first."""
    tokens = search_tokens(query)
    q = select(t.attendee).where(t.attendee.c.event_id == event_id)
    if tokens:
        q = q.where(and_(*[t.attendee.c.search_key.contains(tok, autoescape=True) for tok in tokens]))
    rows = conn.execute(q.order_by(t.attendee.c.last_name, t.attendee.c.first_name).limit(limit * 4)).all()
    found = [to_attendee(r) for r in rows]
    if tokens:
        first = tokens[0]

        def rank(a: Attendee) -> tuple[int, str, str]:
            names = (fold(a.last_name), fold(a.first_name))
            exact = 0 if any(n.startswith(first) for n in names) else 1
            return exact, fold(a.last_name), fold(a.first_name)

        found.sort(key=rank)
    return found[:limit]


def count_attendees(conn: Connection, event_id: str, active_only: bool = True) -> int:
    q = select(func.count()).select_from(t.attendee).where(t.attendee.c.event_id == event_id)
    if active_only:
        q = q.where(t.attendee.c.status == "active")
    return int(conn.execute(q).scalar_one())


def attendee_values(a: Attendee) -> dict[str, Any]:
    """Row values for an Attendee (without id/version bookkeeping)."""
    values: dict[str, Any] = {
        "event_id": a.event_id, "first_name": a.first_name, "last_name": a.last_name,
        "organisation": a.organisation, "position": a.position, "category": a.category,
        "email": a.email, "phone": a.phone, "notes": a.notes, "external_ref": a.external_ref,
        "external_code": a.external_code, "ticket_id": a.ticket_id or None,
        "days": [d.isoformat() for d in a.days], "sessions": list(a.sessions), "status": a.status,
        "photo_consent": a.photo_consent,
        "group_code": a.group_code,
    }
    values["search_key"] = search_key_for(values)
    return values
