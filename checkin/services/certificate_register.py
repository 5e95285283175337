# SPDX-License-Identifier: MIT
"""The register of issued certificates (ewidencja wydanych zaświadczeń): numbers that are never reused.

Where the numbers come from:
- with a venue hub remembered on this laptop, the HUB allocates them, in one transaction per batch
  under an advisory lock on the series. Two organiser laptops printing at the same moment queue on
  that lock, so they can never hand out the same number (and UNIQUE(number) on the hub would refuse
  it anyway). The laptop then copies the event's whole register from the hub into its own database;
- without a hub (a one-laptop event) the local database is the register (SQLite's write lock does
  what the advisory lock does on the hub).

Offline policy: a laptop that has a hub but cannot reach it REFUSES to issue new numbers (a clear
error, nothing written). Provisional local numbers would have to be renumbered later, and a
renumbered certificate already handed to a funder is exactly what a register must prevent. A
re-issue of someone who already has a number needs no allocation and works offline; its log entry
waits locally (`certificate_issue` rows not yet on the hub) and is sent with the next hub contact.

A re-issue keeps the number and adds a `reissue` row to the log; the first issue is an `issue` row.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from checkin.services.certificate_config import format_number, series_of
from checkin.storage import tables as t
from checkin.storage.db import read_tx, write_tx
from checkin.sync.rows import as_dicts, upsert

HUB_ISSUES_SENT = "certificate_issues_sent"


class RegisterError(Exception):
    """Numbers cannot be allocated; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Request:
    """One person to number: who, and the hours on the certificate being printed now."""

    attendee_id: str
    first_name: str
    last_name: str
    organisation: str
    minutes: int


@dataclass(frozen=True, slots=True)
class Entry:
    number: str
    attendee_id: str
    issued_on: date
    reissue: bool


def _lock(conn: Connection, series: str) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": f"checkin-certificate/{series}"})


def _next_seq(conn: Connection, series: str) -> int:
    """The next number in the series (caller holds the series lock / the SQLite write lock)."""
    row = conn.execute(t.certificate_counter.update().where(t.certificate_counter.c.series == series)
                       .values(last=t.certificate_counter.c.last + 1).returning(t.certificate_counter.c.last)).first()
    if row is not None:
        return int(row[0])
    # first number of the series; a register copied in from elsewhere may already hold some
    highest = conn.execute(select(func.max(t.certificate.c.seq)).where(t.certificate.c.series == series)).scalar()
    seq = int(highest or 0) + 1
    conn.execute(t.certificate_counter.insert().values(series=series, last=seq))
    return seq


def allocate(conn: Connection, event_id: str, pattern: str, year: int, requests: Sequence[Request], *,
             desk_id: str, issued_on: date, now: datetime | None = None) -> list[Entry]:
    """Give each request its number: the existing one (a re-issue) or the next free one. Logs every issue.

    Runs inside the caller's write transaction, on SQLite (a desk-only register) or on the hub.
    """
    now = now or datetime.now(UTC)
    series = series_of(pattern, year)
    _lock(conn, series)
    ids = [r.attendee_id for r in requests]
    existing = {r.attendee_id: r for r in conn.execute(select(t.certificate).where(
        t.certificate.c.event_id == event_id, t.certificate.c.attendee_id.in_(ids)))}
    entries: list[Entry] = []
    for req in requests:
        old = existing.get(req.attendee_id)
        if old is not None:
            number, reissue, first_issued = old.number, True, old.issued_on
            conn.execute(t.certificate.update().where(t.certificate.c.number == number).values(minutes=req.minutes))
        else:
            seq = _next_seq(conn, series)
            number, reissue, first_issued = format_number(pattern, year, seq), False, issued_on
            conn.execute(t.certificate.insert().values(
                number=number, event_id=event_id, attendee_id=req.attendee_id, series=series, seq=seq,
                first_name=req.first_name, last_name=req.last_name, organisation=req.organisation,
                issued_on=issued_on, minutes=req.minutes, created_at=now, created_by=desk_id))
        conn.execute(t.certificate_issue.insert().values(
            id=str(uuid.uuid4()), number=number, action="reissue" if reissue else "issue", issued_at=now,
            minutes=req.minutes, desk_id=desk_id))
        entries.append(Entry(number, req.attendee_id, first_issued, reissue))
    return entries


def known_numbers(local: Engine, event_id: str, attendee_ids: Sequence[str]) -> dict[str, tuple[str, date]]:
    with local.connect() as conn:
        return {r.attendee_id: (r.number, r.issued_on) for r in conn.execute(
            select(t.certificate).where(t.certificate.c.event_id == event_id,
                                        t.certificate.c.attendee_id.in_(list(attendee_ids))))}


def allocate_locally(local: Engine, event_id: str, pattern: str, year: int, requests: Sequence[Request], *,
                     desk_id: str, issued_on: date) -> list[Entry]:
    with write_tx(local) as conn:
        return allocate(conn, event_id, pattern, year, requests, desk_id=desk_id, issued_on=issued_on)


def reissue_offline(local: Engine, entries: dict[str, tuple[str, date]], requests: Sequence[Request], *,
                    desk_id: str) -> list[Entry]:
    """Hub unreachable, everyone already numbered: log the re-issues here; they go to the hub later."""
    now = datetime.now(UTC)
    out: list[Entry] = []
    with write_tx(local) as conn:
        for req in requests:
            number, first = entries[req.attendee_id]
            conn.execute(t.certificate_issue.insert().values(id=str(uuid.uuid4()), number=number, action="reissue",
                                                             issued_at=now, minutes=req.minutes, desk_id=desk_id))
            out.append(Entry(number, req.attendee_id, first, True))
    return out


def allocate_on_hub(local: Engine, hub: Engine, event_id: str, pattern: str, year: int,
                    requests: Sequence[Request], *, desk_id: str, issued_on: date) -> list[Entry]:
    """Numbers from the hub, then the event's whole register copied here. Raises RegisterError when the
    hub cannot be reached or refuses (nothing is issued then)."""
    try:
        _send_offline_issues(local, hub, event_id)
        with hub.begin() as conn:
            entries = allocate(conn, event_id, pattern, year, requests, desk_id=desk_id, issued_on=issued_on)
        mirror_register(local, hub, event_id)
    except SQLAlchemyError as exc:
        from checkin.sync.engine import describe_error

        raise RegisterError(
            "the register of certificate numbers is kept on the venue hub so that two laptops never issue the "
            f"same number, and the hub cannot be used now ({describe_error(exc)}); nothing was issued. "
            "Connect to the hub and try again (the organiser role is needed).") from exc
    return entries


def mirror_register(local: Engine, hub: Engine, event_id: str) -> int:
    """Copy the event's register and issue log from the hub into the local database; returns rows."""
    with hub.connect() as conn:
        certs = as_dicts(conn.execute(select(t.certificate).where(t.certificate.c.event_id == event_id)),
                         t.certificate)
        numbers = [c["number"] for c in certs]
        issues = as_dicts(conn.execute(select(t.certificate_issue).where(
            t.certificate_issue.c.number.in_(numbers))), t.certificate_issue) if numbers else []
        counters = as_dicts(conn.execute(select(t.certificate_counter)), t.certificate_counter)
    with write_tx(local) as conn:
        upsert(conn, t.certificate, certs, ["number"])
        upsert(conn, t.certificate_issue, issues, ["id"], update=False)
        upsert(conn, t.certificate_counter, counters, ["series"])
        sent = {i["id"] for i in issues}
        _mark_sent(conn, sent)
    return len(certs)


def _mark_sent(conn: Connection, ids: set[str]) -> None:
    from checkin.storage.meta import get_meta, set_meta

    known = set((get_meta(conn, HUB_ISSUES_SENT) or "").split())
    set_meta(conn, HUB_ISSUES_SENT, " ".join(sorted(known | ids)))


def _send_offline_issues(local: Engine, hub: Engine, event_id: str) -> None:
    """Re-issue log rows written while the hub was unreachable go to the hub now."""
    from checkin.storage.meta import get_meta

    with read_tx(local) as conn:
        sent = set((get_meta(conn, HUB_ISSUES_SENT) or "").split())
        mine = as_dicts(conn.execute(select(t.certificate_issue).join(
            t.certificate, t.certificate.c.number == t.certificate_issue.c.number).where(
            t.certificate.c.event_id == event_id)), t.certificate_issue)
    waiting = [r for r in mine if r["id"] not in sent]
    if waiting:
        with hub.begin() as conn:
            upsert(conn, t.certificate_issue, waiting, ["id"], update=False)


def register_rows(local: Engine, event_id: str | None = None) -> list[dict[str, Any]]:
    """The register for an export: number order, with how many times each was issued."""
    with local.connect() as conn:
        q = select(t.certificate)
        if event_id:
            q = q.where(t.certificate.c.event_id == event_id)
        certs = [dict(r._mapping) for r in conn.execute(q.order_by(t.certificate.c.series, t.certificate.c.seq))]
        counts: dict[str, int] = {}
        last: dict[str, datetime] = {}
        for number, issued_at in conn.execute(select(t.certificate_issue.c.number, t.certificate_issue.c.issued_at)):
            counts[number] = counts.get(number, 0) + 1
            if number not in last or issued_at > last[number]:
                last[number] = issued_at
    for c in certs:
        c["issues"] = counts.get(c["number"], 1)
        c["last_issued_at"] = last.get(c["number"])
    return certs
