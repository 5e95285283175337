# SPDX-License-Identifier: MIT
"""Applying a checked roster to the attendees already stored: match, diff, then one bulk write.

Matching (never duplicates): first by registration id; rows left over by e-mail, then by folded
name + organisation, but only onto an attendee whose own registration id is empty (an earlier file
without ids, or a walk-in who was later registered properly). Only fields the file has a column for
are compared, so a file without a phone column does not wipe phone numbers typed in at a desk.

People absent from the file are cancelled, except walk-ins registered at a desk: their creation is
recorded in `attendee_change` with origin `walk_in` (see services/registration.py), and an attendee
that arrived here without any local creation record and was last edited at a desk is kept too.
Cancelled people who reappear are reactivated, unless a desk (not an import) cancelled them.

Everything is loaded with one query per table and written with executemany, so 20,000 rows take
seconds, not minutes; see bench/import_roster.py.
"""

from __future__ import annotations

import json
import re
import secrets
import uuid
from collections import defaultdict
from datetime import date
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Engine, Text, bindparam, select, type_coerce
from sqlalchemy.engine import Connection, Row

from checkin.domain.text import fold
from checkin.services.roster_model import ImportReport, ParsedRoster, RosterChange, RosterRow, name_key
from checkin.storage import tables as t
from checkin.storage.attendees import SEARCH_FIELDS
from checkin.storage.db import read_tx, write_tx
from checkin.storage.outbox import enqueue_many
from checkin.storage.types import utcnow

COMPARED = ("external_ref", "first_name", "last_name", "organisation", "position", "category", "email",
            "phone", "days", "sessions", "external_code", "notes", "photo_consent", "group_code")
_DEFAULTS: dict[str, Any] = {"organisation": "", "position": "", "category": "participant", "email": "",
                             "phone": "", "days": [], "sessions": [], "external_ref": "", "external_code": "",
                             "notes": "", "photo_consent": "", "group_code": ""}
_WRITTEN = (*COMPARED, "status", "search_key", "version", "updated_at", "updated_by")


def apply_roster(engine: Engine, event_id: str, parsed: ParsedRoster, *, dry_run: bool, cancel_missing: bool,
                 desk_id: str) -> ImportReport:
    """Compute the changes and, unless `dry_run`, write them in one transaction."""
    report = ImportReport(dry_run=dry_run, warnings=list(parsed.warnings), source=parsed.source,
                          rows=len(parsed.rows))
    if dry_run:
        with read_tx(engine) as conn:
            _plan(conn, event_id, parsed, report, cancel_missing, desk_id)
        return report
    with write_tx(engine) as conn:  # read and write under one lock: no desk edit slips in between
        plan = _plan(conn, event_id, parsed, report, cancel_missing, desk_id)
        _write(conn, plan, desk_id)
    return report


def db_value(field: str, value: Any) -> Any:
    """A field as stored: days as ISO strings, lists for days/sessions."""
    if field == "days":
        return [d.isoformat() if isinstance(d, date) else str(d) for d in value]
    if field == "sessions":
        return list(value)
    return value


class _Plan:
    def __init__(self, event_id: str) -> None:
        self.event_id = event_id
        self.inserts: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []
        self.changes: list[dict[str, Any]] = []


def _plan(conn: Connection, event_id: str, parsed: ParsedRoster, report: ImportReport, cancel_missing: bool,
          desk_id: str) -> _Plan:
    existing = _load_existing(conn, event_id)
    protected = _desk_registered(conn, event_id, desk_id, existing)
    matches = _match(parsed.rows, existing)
    fields = [f for f in COMPARED if f in parsed.fields]
    plan = _Plan(event_id)
    now = utcnow()
    for row in parsed.rows:
        old = matches.get(row.row)
        new_values = {f: db_value(f, row.value(f)) for f in fields}
        if old is None:
            values = {**_DEFAULTS, **new_values, "id": str(uuid.uuid4()), "event_id": event_id,
                      "ticket_id": secrets.token_hex(16), "status": "active", "version": 1,
                      "updated_at": now, "updated_by": desk_id}
            values["search_key"] = _search_key(values)
            plan.inserts.append(values)
            change = RosterChange("add", values["id"], row.external_ref, row.full_name, row.row,
                                  {f: (None, v) for f, v in new_values.items() if v not in ("", [])})
            report.added += 1
            _record(plan, report, change, 0, desk_id, now)
            continue
        diff = {f: (_stored(old, f), v) for f, v in new_values.items() if _stored(old, f) != v}
        action = "update"
        status = old.status
        if old.status == "cancelled":
            if old.updated_by in (desk_id, "import"):
                action, status = "reactivate", "active"
                diff["status"] = ("cancelled", "active")
            else:
                report.warnings.append(f"row {row.row}: {row.full_name} was cancelled at a desk and stays "
                                       "cancelled; reactivate them at the desk if they are coming after all")
        if not diff:
            report.unchanged += 1
            continue
        merged = {f: _stored(old, f) for f in COMPARED} | new_values
        plan.updates.append(_update_values(old, merged, status, now, desk_id))
        if action == "reactivate":
            report.reactivated += 1
        else:
            report.updated += 1
        _record(plan, report, RosterChange(action, old.id, row.external_ref or old.external_ref or "",
                                           row.full_name, row.row, diff), old.version, desk_id, now)
    if cancel_missing:
        claimed = {a.id for a in matches.values()}
        kept = 0
        for old in existing:
            if old.id in claimed or old.status != "active":
                continue
            if old.id in protected:
                kept += 1
                continue
            merged = {f: _stored(old, f) for f in COMPARED}
            plan.updates.append(_update_values(old, merged, "cancelled", now, desk_id))
            report.cancelled += 1
            _record(plan, report, RosterChange("cancel", old.id, old.external_ref or "",
                                               f"{old.first_name} {old.last_name}", None,
                                               {"status": ("active", "cancelled")}), old.version, desk_id, now)
        if kept:
            report.warnings.append(f"{kept} people registered at a desk are not in the file and were kept")
        active = sum(1 for a in existing if a.status == "active")
        if report.cancelled > 10 and report.cancelled * 5 > active:
            report.warnings.append(
                f"{report.cancelled} of {active} registered people are missing from the file and "
                f"{'would be' if report.dry_run else 'were'} cancelled; if the file is only part of the list, "
                "import the full list again (it reactivates them) or use --keep-missing")
    return plan


def _load_existing(conn: Connection, event_id: str) -> list[Any]:
    """All attendees of the event in one query. The JSON lists are fetched as text and decoded once
    per distinct value: 20,000 people share a handful of day and session lists."""
    decoded: dict[str | None, list[Any]] = {}

    def as_list(raw: str | None) -> list[Any]:
        if raw not in decoded:
            decoded[raw] = json.loads(raw) if raw else []
        return list(decoded[raw])

    cols = [c for c in t.attendee.c if c.name not in ("days", "sessions", "search_key")]
    query = select(*cols, type_coerce(t.attendee.c.days, Text).label("days"),
                   type_coerce(t.attendee.c.sessions, Text).label("sessions")).where(t.attendee.c.event_id == event_id)
    return [SimpleNamespace(**(r._asdict() | {"days": as_list(r.days), "sessions": as_list(r.sessions)}))
            for r in conn.execute(query)]


_SPACES = re.compile(r"\s+")
_cached_fold = lru_cache(maxsize=100_000)(fold)


def _fold(text: str) -> str:
    """`fold`, faster: ASCII text (e-mails, ids) needs only lower-casing and space collapsing, and
    names and organisations repeat, so they are cached. Same result as `fold` (tested)."""
    if text.isascii():
        return _SPACES.sub(" ", text.lower()).strip()
    return _cached_fold(text)


def _search_key(values: dict[str, Any]) -> str:
    """`storage.attendees.search_key_for` with the faster fold above."""
    return " ".join(_fold(str(values.get(f) or "")) for f in SEARCH_FIELDS)


def _record(plan: _Plan, report: ImportReport, change: RosterChange, base_version: int, desk_id: str,
            now: Any) -> None:
    report.changes.append(change)
    plan.changes.append({
        "id": str(uuid.uuid4()), "attendee_id": change.attendee_id, "desk_id": desk_id, "changed_at": now,
        "base_version": base_version, "outcome": "applied",
        # an added attendee's values are the attendee row itself; only updates carry their diff
        "fields": {"origin": "import", "action": change.action, "row": change.row} | (
            {} if change.action == "add" else
            {"changes": {k: [old, new] for k, (old, new) in change.fields.items()}}),
    })


def _stored(row: Row, field: str) -> Any:
    value = getattr(row, field)
    if field in ("days", "sessions"):
        return list(value or [])
    return value if value is not None else _DEFAULTS.get(field, "")


def _update_values(old: Row, merged: dict[str, Any], status: str, now: Any, desk_id: str) -> dict[str, Any]:
    values = {**merged, "status": status, "version": old.version + 1, "updated_at": now, "updated_by": desk_id}
    values["search_key"] = _search_key(values)
    values["b_id"] = old.id
    return values


def _desk_registered(conn: Connection, event_id: str, desk_id: str, existing: list[Row]) -> set[str]:
    """Attendees an import must never cancel: walk-ins registered at a desk.

    Only creation records written by someone other than this import are decoded (few, usually).
    """
    event_ids = select(t.attendee.c.id).where(t.attendee.c.event_id == event_id).scalar_subquery()
    created = t.attendee_change.c.base_version == 0
    in_event = t.attendee_change.c.attendee_id.in_(event_ids)
    recorded = set(conn.execute(select(t.attendee_change.c.attendee_id).where(created, in_event)).scalars())
    by_desks = conn.execute(select(t.attendee_change.c.attendee_id, t.attendee_change.c.fields).where(
        created, in_event, t.attendee_change.c.desk_id.not_in([desk_id, "import"])))
    protected = {r.attendee_id for r in by_desks if (r.fields or {}).get("origin") == "walk_in"}
    # arrived by sync without a local creation record, and last touched at a desk: keep
    protected |= {a.id for a in existing if a.id not in recorded and a.updated_by not in (desk_id, "import", "")}
    return protected


def _match(rows: list[RosterRow], existing: list[Row]) -> dict[int, Row]:
    """File row number -> the stored attendee it describes (see module docstring)."""
    by_ref = {a.external_ref: a for a in existing if a.external_ref}
    matches: dict[int, Row] = {}
    claimed: set[str] = set()
    for row in rows:
        found = by_ref.get(row.external_ref) if row.external_ref else None
        if found is not None:
            matches[row.row] = found
            claimed.add(found.id)
    rest = [row for row in rows if row.row not in matches]
    if not rest or len(claimed) == len(existing):
        return matches
    by_email: dict[str, list[Row]] = defaultdict(list)
    by_name: dict[str, list[Row]] = defaultdict(list)
    for a in existing:
        if a.id in claimed:
            continue
        if a.email:
            by_email[a.email.lower()].append(a)
        by_name[name_key(a.first_name, a.last_name, a.organisation or "")].append(a)
    for row in rest:

        def usable(a: Row, row: RosterRow = row) -> bool:
            return a.id not in claimed and not (row.external_ref and a.external_ref)

        candidates = [a for a in by_email.get(row.email.lower(), []) if usable(a)] if row.email else []
        if len(candidates) > 1:
            candidates = [a for a in candidates if name_key(a.first_name, a.last_name, a.organisation or "")
                          == row.name_key] or candidates[:0]
        if not candidates:
            candidates = [a for a in by_name.get(row.name_key, [])
                          if usable(a) and not (row.email and a.email and row.email.lower() != a.email.lower())]
        if len(candidates) == 1:
            matches[row.row] = candidates[0]
            claimed.add(candidates[0].id)
    return matches


def _write(conn: Connection, plan: _Plan, desk_id: str) -> None:
    now = utcnow()
    if plan.inserts:
        conn.execute(_bulk(conn, t.attendee.insert(), plan.inserts[0]), _json_lists(conn, plan.inserts))
        conn.execute(t.ticket.insert(), [{"id": v["ticket_id"], "attendee_id": v["id"], "issued_at": now}
                                         for v in plan.inserts])
    if plan.updates:
        stmt = t.attendee.update().where(t.attendee.c.id == bindparam("b_id"))
        conn.execute(_bulk(conn, stmt, dict.fromkeys(_WRITTEN)), _json_lists(conn, plan.updates))
    if plan.changes:
        conn.execute(t.attendee_change.insert(), plan.changes)
        enqueue_many(conn, "attendee", [c["attendee_id"] for c in plan.changes], now)


def _bulk(conn: Connection, stmt: Any, keys: dict[str, Any]) -> Any:
    """Explicit bind parameters for `keys`; on SQLite the JSON lists arrive already serialised."""
    as_text = conn.dialect.name == "sqlite"
    return stmt.values({k: bindparam(k, type_=Text() if as_text and k in _JSON_LISTS else t.attendee.c[k].type)
                        for k in keys if k != "b_id"})


_JSON_LISTS = ("days", "sessions")


def _json_lists(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Serialise days/sessions once per distinct list (SQLite only, see `_bulk`)."""
    if conn.dialect.name != "sqlite":
        return rows
    cache: dict[tuple[str, ...], str] = {}
    for row in rows:
        for k in _JSON_LISTS:
            key = tuple(row[k])
            text = cache.get(key)
            if text is None:
                text = cache[key] = json.dumps(list(key))
            row[k] = text
    return rows
