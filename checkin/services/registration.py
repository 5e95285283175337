# SPDX-License-Identifier: MIT
"""Roster edits made at a desk: walk-in registration, corrections, re-issued tickets; and listing.

Each edit is one local transaction holding the attendee row, an `attendee_change` row (what changed,
from which version, at which desk) and an outbox row, so sync can push it and the hub can resolve
conflicts per attendee by version (last writer wins, the loser kept visible as `superseded`).
A walk-in's creation is recorded with origin `walk_in`, which is what keeps a later roster import
from cancelling them. Values are read by the same rules as the import (`roster_mapping`), so a
desk cannot store what a file could not.

Thread: any one thread (the app's DB-writer thread); each call opens and closes its connection.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from checkin.domain.messages import say
from checkin.domain.models import Attendee, Desk
from checkin.domain.text import normalise_name
from checkin.services import roster_mapping as m
from checkin.services.rehearsal import active_id as active_rehearsal
from checkin.storage import attendees as repo
from checkin.storage import tables as t
from checkin.storage.db import read_tx, write_tx
from checkin.storage.events import current_event_id, list_sessions, load_event
from checkin.storage.outbox import enqueue
from checkin.storage.types import utcnow

EDITABLE = ("first_name", "last_name", "organisation", "position", "category", "email", "phone", "notes",
            "days", "sessions", "external_code", "status", "photo_consent")


class RegistrationError(ValueError):
    """A value typed at the desk cannot be stored; `.field` names it, the message says why."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class StaleEditError(RegistrationError):
    """Someone else changed the attendee since the form was opened; `.current` is the stored version."""

    def __init__(self, message: str, current: Attendee) -> None:
        super().__init__(message)
        self.current = current


def register_walk_in(engine: Engine, desk: Desk, **person: Any) -> Attendee:
    """Register someone who arrives without a registration; returns them with a fresh ticket."""
    with write_tx(engine) as conn:
        return add_walk_in(conn, desk, **person)


def add_walk_in(conn: Connection, desk: Desk, *, first_name: str, last_name: str, organisation: str = "",
                position: str = "", category: str = "participant", email: str = "", phone: str = "",
                days: Iterable[date | str] = (), sessions: Iterable[str] = (), notes: str = "",
                event_id: str | None = None) -> Attendee:
    """`register_walk_in` inside the caller's write transaction (the walk-in use case also admits
    the person in the same transaction: registered and checked in, or neither)."""
    now = utcnow()
    event_id = event_id or current_event_id(conn)
    values = _checked(conn, event_id, {
        "first_name": first_name, "last_name": last_name, "organisation": organisation,
        "position": position, "category": category, "email": email, "phone": phone, "notes": notes,
        "days": days, "sessions": sessions,
    })
    attendee = Attendee(id=str(uuid.uuid4()), event_id=str(event_id), ticket_id=secrets.token_hex(16), **values)
    row = repo.attendee_values(attendee)
    conn.execute(t.attendee.insert().values(id=attendee.id, version=1, updated_at=now, updated_by=desk.id,
                                            rehearsal_id=active_rehearsal(conn), **row))
    conn.execute(t.ticket.insert().values(id=attendee.ticket_id, attendee_id=attendee.id, issued_at=now))
    _log(conn, attendee.id, desk, now, 0, "add", {k: [None, _plain(v)] for k, v in values.items() if v},
         origin="walk_in")
    return _reload(conn, attendee.id)


def correct_attendee(engine: Engine, desk: Desk, attendee_id: str, base_version: int, **fields: Any) -> Attendee:
    """Change some fields of one attendee, if nobody else changed them since `base_version`.

    Raises StaleEditError (after recording the refused edit as `superseded`) when the stored version
    moved on, so the desk can show both and let the volunteer decide.
    """
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise RegistrationError(f"cannot change {', '.join(unknown)}; editable: {', '.join(EDITABLE)}",
                                unknown[0])
    now = utcnow()
    stale: StaleEditError | None = None
    with write_tx(engine) as conn:
        current = repo.get_attendee(conn, attendee_id)
        if current is None:
            raise RegistrationError(f"no attendee with id {attendee_id}")
        _not_in_rehearsal(conn, attendee_id)
        values = _checked(conn, current.event_id, fields, partial=True)
        code = values.get("external_code")
        if code:
            holder = repo.by_external_code(conn, current.event_id, code)
            if holder is not None and holder.id != attendee_id:
                raise RegistrationError(say('ticket code "{code}" already belongs to {name}', code=code,
                                            name=holder.full_name), "external_code")
        diff = {k: [_plain(getattr(current, k)), _plain(v)] for k, v in values.items()
                if _plain(getattr(current, k)) != _plain(v)}
        if current.version != base_version:
            _log(conn, attendee_id, desk, now, base_version, "update", diff, outcome="superseded")
            stale = StaleEditError(
                f"{current.full_name} was changed elsewhere meanwhile (now version {current.version}, "
                f"this edit started from version {base_version}); nothing was saved, reload and try again",
                current)
        elif diff:
            updated = _replace(current, values)
            conn.execute(t.attendee.update().where(t.attendee.c.id == attendee_id).values(
                version=current.version + 1, updated_at=now, updated_by=desk.id, **repo.attendee_values(updated)))
            _log(conn, attendee_id, desk, now, base_version, "update", diff)
        result = _reload(conn, attendee_id)
    if stale is not None:
        raise stale
    return result


def _not_in_rehearsal(conn: Connection, attendee_id: str) -> None:
    """A rehearsal leaves no trace, so it may not change real people (its own walk-ins it may)."""
    running = active_rehearsal(conn)
    if running is None:
        return
    own = conn.execute(select(t.attendee.c.rehearsal_id).where(t.attendee.c.id == attendee_id)).scalar()
    if own != running:
        raise RegistrationError(say("a rehearsal is running: real attendees cannot be changed until it ends"))


def reissue_ticket(engine: Engine, desk: Desk, attendee_id: str) -> Attendee:
    """A new ticket (lost badge, shared QR): the old code is revoked and then scans as cancelled."""
    now = utcnow()
    with write_tx(engine) as conn:
        current = repo.get_attendee(conn, attendee_id)
        if current is None:
            raise RegistrationError(f"no attendee with id {attendee_id}")
        _not_in_rehearsal(conn, attendee_id)
        if current.cancelled:
            raise RegistrationError(say("{name}'s registration is cancelled; reactivate it before issuing a new "
                                        "ticket", name=current.full_name), "status")
        old, new = current.ticket_id, secrets.token_hex(16)
        if old:
            revoked = conn.execute(t.ticket.update().where(t.ticket.c.id == old).values(revoked_at=now))
            if revoked.rowcount == 0:  # a ticket from before the ticket table kept history
                conn.execute(t.ticket.insert().values(id=old, attendee_id=attendee_id, issued_at=now,
                                                      revoked_at=now))
        conn.execute(t.ticket.insert().values(id=new, attendee_id=attendee_id, issued_at=now))
        conn.execute(t.attendee.update().where(t.attendee.c.id == attendee_id).values(
            ticket_id=new, version=current.version + 1, updated_at=now, updated_by=desk.id))
        _log(conn, attendee_id, desk, now, current.version, "reissue_ticket", {"ticket_id": [old, new]})
        return _reload(conn, attendee_id)


def list_attendees(engine: Engine, *, search: str = "", category: str = "", status: str = "", limit: int = 50,
                   event_id: str | None = None) -> list[Attendee]:
    """Accent-insensitive search (`lukasz zolc` finds `Łukasz Żółć`), optionally by category/status."""
    cat = m.parse_category(category) if category else ""
    with read_tx(engine) as conn:
        event_id = event_id or load_event(conn).id
        if search.strip():
            found = repo.search(conn, event_id, search, limit=limit if not (cat or status) else 100_000)
        else:
            q = select(t.attendee).where(t.attendee.c.event_id == event_id)
            if cat:
                q = q.where(t.attendee.c.category == cat)
            if status:
                q = q.where(t.attendee.c.status == status)
            rows = conn.execute(q.order_by(t.attendee.c.last_name, t.attendee.c.first_name).limit(limit))
            return [repo.to_attendee(r) for r in rows]
    found = [a for a in found if (not cat or a.category == cat) and (not status or a.status == status)]
    return found[:limit]


def checked_in_on(engine: Engine, attendee_ids: Iterable[str], day: date) -> dict[str, datetime]:
    """When each of these attendees was first admitted on `day` (entrance or any session)."""
    ids = list(attendee_ids)
    if not ids:
        return {}
    with read_tx(engine) as conn:
        rows = conn.execute(select(t.attendance.c.attendee_id, t.attendance.c.first_time).where(
            t.attendance.c.checkpoint == f"day:{day.isoformat()}", t.attendance.c.active.is_(True),
            t.attendance.c.attendee_id.in_(ids)))
        return {r.attendee_id: r.first_time for r in rows if r.first_time is not None}


# ------------------------------------------------------------------------------------ internals
def _checked(conn: Connection, event_id: str | None, fields: dict[str, Any], partial: bool = False) -> dict[str, Any]:
    """Validate desk input with the import's rules; return values ready for an Attendee."""
    if event_id is None:
        raise RegistrationError("no event in this database yet; load the event first")
    event = load_event(conn, event_id)
    out: dict[str, Any] = {}
    try:
        for key, value in fields.items():
            if key in ("first_name", "last_name"):
                out[key] = normalise_name(str(value or ""))
                if not out[key]:
                    raise RegistrationError(say(f"the {m.FIELDS[key]} is required"), key)
            elif key == "category":
                out[key] = m.parse_category(str(value or ""))
            elif key == "email":
                out[key] = m.check_email(str(value or ""))
            elif key == "days":
                out[key] = m.parse_days(value or (), event.dates)
            elif key == "sessions":
                codes = [s.code for s in list_sessions(conn, event.id)]
                out[key] = tuple(sorted(m.parse_sessions(value or (), codes)))
            elif key == "status":
                if value not in ("active", "cancelled"):
                    raise RegistrationError(f'status must be "active" or "cancelled", not "{value}"', key)
                out[key] = value
            elif key == "notes":
                out[key] = str(value or "").strip()
            elif key == "photo_consent":
                out[key] = value if value in ("", "yes", "no") else m.parse_consent(str(value or ""))
            else:
                out[key] = normalise_name(str(value or ""))
            if isinstance(out[key], str):
                m.check_length(key, out[key])
    except m.ValueProblem as exc:
        raise RegistrationError(say("{field}: {problem}", field=m.FIELDS.get(key, key), problem=exc), key) from exc
    if not partial:
        out.setdefault("category", "participant")
    return out


def _replace(a: Attendee, values: dict[str, Any]) -> Attendee:
    from dataclasses import replace

    return replace(a, **values)


def _plain(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return [v.isoformat() if isinstance(v, date) else v for v in value]
    return value


def _log(conn: Connection, attendee_id: str, desk: Desk, now: datetime, base_version: int, action: str,
         changes: dict[str, Any], origin: str = "desk", outcome: str = "applied") -> None:
    change_id = str(uuid.uuid4())
    conn.execute(t.attendee_change.insert().values(
        id=change_id, attendee_id=attendee_id, desk_id=desk.id, changed_at=now, base_version=base_version,
        outcome=outcome, fields={"origin": origin, "action": action, "changes": changes}))
    if outcome == "applied":  # sync pushes the attendee together with its change log
        enqueue(conn, "attendee", attendee_id, now)
    else:  # a refused edit travels alone, so coordinators see it at the hub too
        enqueue(conn, "attendee_change", change_id, now)


def _reload(conn: Connection, attendee_id: str) -> Attendee:
    attendee = repo.get_attendee(conn, attendee_id)
    assert attendee is not None
    return attendee
