# SPDX-License-Identifier: MIT
"""Retention (RODO): remove attendees' personal data once the event is old enough.

`checkin purge --personal-data-older-than DAYS` on the organiser's laptop. What goes: names,
institutions, positions, e-mails, phones, notes, registration ids and ticket codes of every
attendee of the event, and the old values kept in the roster change log and in the hub's audit
trail (`hub_audit`: its rows stay, their detail is blanked). What stays:
- every attendee row, anonymised (category, registered days and sessions, status), so every count
  (per day, session, category, hour of arrival, desk) is exactly what it was;
- scans and attendance (they name no one once the attendee is anonymised);
- the certificate register: number, date, name, institution and hours, because the register must
  outlive the roster (a funder may ask about a certificate years later).

Where: on the venue hub (when this laptop has one) and in this laptop's database, in that order.
Desks receive the anonymised rows with their next sync (a newer version wins, as for any roster
edit); a desk that will never sync again is cleaned with `checkin wipe`. If the hub cannot be
reached the purge is refused, unless `local_only` says to clean this laptop alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from checkin.storage import tables as t
from checkin.storage.db import sqlite_path, write_tx
from checkin.storage.events import load_event

PERSONAL_FIELDS = ("first_name", "last_name", "organisation", "position", "email", "phone", "notes",
                   "external_ref", "external_code", "search_key", "photo_consent")
PURGED_BY = "purge"


class PurgeRefusedError(Exception):
    """Too early, or the hub cannot be reached; the message says what to do. Nothing was changed."""


@dataclass
class PurgeReport:
    dry_run: bool
    event_id: str
    ended_on: date
    allowed_from: date
    attendees: dict[str, int] = field(default_factory=dict)  # where -> rows anonymised (or to be)
    changes: dict[str, int] = field(default_factory=dict)  # where -> change-log rows blanked
    register_kept: int = 0
    local_only: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"dry_run": self.dry_run, "event_id": self.event_id, "ended_on": self.ended_on.isoformat(),
                "attendees": self.attendees, "changes": self.changes, "register_kept": self.register_kept,
                "local_only": self.local_only}

    def summary(self) -> str:
        verb = "would be anonymised" if self.dry_run else "anonymised"
        places = "; ".join(f"{where}: {n} attendee(s) {verb}, {self.changes.get(where, 0)} change-log entries "
                           "blanked" for where, n in self.attendees.items())
        lines = [f"{'Dry run — nothing changed. ' if self.dry_run else ''}Personal data of {self.event_id} "
                 f"(ended {self.ended_on.isoformat()}): {places}.",
                 "Kept: attendee counts per day, session, category and desk; scans and attendance without "
                 f"names; the certificate register ({self.register_kept} number(s) with name and date)."]
        if not self.dry_run:
            lines.append("Desks get the anonymised roster at their next sync; wipe any desk that will not sync "
                         "again with `checkin wipe`.")
        if self.local_only:
            lines.append("Only this computer was cleaned (--local-only): run the purge again when the venue hub "
                         "can be reached.")
        return "\n".join(lines)


def _needs_purge(event_id: str) -> Any:
    a = t.attendee
    return (a.c.event_id == event_id) & (a.c.updated_by != PURGED_BY) & or_(
        *[a.c[f] != "" for f in PERSONAL_FIELDS])


def _counts(conn: Connection, event_id: str) -> tuple[int, int]:
    attendees = int(conn.execute(select(func.count()).select_from(t.attendee).where(_needs_purge(event_id)))
                    .scalar_one())
    ids = select(t.attendee.c.id).where(t.attendee.c.event_id == event_id).scalar_subquery()
    changes = sum(1 for (fields,) in conn.execute(select(t.attendee_change.c.fields).where(
        t.attendee_change.c.attendee_id.in_(ids))) if fields != {"purged": True})
    return attendees, changes


def anonymise(conn: Connection, event_id: str, now: datetime) -> tuple[int, int]:
    """Blank every personal field of the event's attendees (version + 1, so the change syncs and wins)
    and the old values in their change log. Works on SQLite and on the hub alike."""
    a = t.attendee
    attendees = conn.execute(a.update().where(_needs_purge(event_id)).values(
        **{f: "" for f in PERSONAL_FIELDS}, version=a.c.version + 1, updated_at=now, updated_by=PURGED_BY)
    ).rowcount or 0
    ids = select(a.c.id).where(a.c.event_id == event_id).scalar_subquery()
    changes = conn.execute(t.attendee_change.update().where(t.attendee_change.c.attendee_id.in_(ids))
                           .values(fields={"purged": True})).rowcount or 0
    return int(attendees), int(changes)


def _hub(engine: Engine) -> Engine | None:
    from checkin.reports.query import ReportError
    from checkin.services.certificate_batch import _hub_for

    try:
        return _hub_for(engine)
    except ReportError as exc:
        raise PurgeRefusedError(f"{exc}; nothing was changed") from exc


def purge_personal_data(engine: Engine, *, older_than_days: int, dry_run: bool = False, local_only: bool = False,
                        hub: Engine | str | None = "remembered", today: date | None = None) -> PurgeReport:
    """Anonymise the event's attendees on the hub and here; see the module docstring for what stays."""
    if older_than_days < 0:
        raise PurgeRefusedError("--personal-data-older-than takes a number of days (0 or more)")
    with engine.connect() as conn:
        event = load_event(conn)
        register_kept = int(conn.execute(select(func.count()).select_from(t.certificate).where(
            t.certificate.c.event_id == event.id)).scalar_one())
    ended = max(event.dates)
    allowed = ended + timedelta(days=older_than_days + 1)
    today = today or datetime.now(event.tz).date()
    if today < allowed:
        raise PurgeRefusedError(f"{event.name} ended on {ended.isoformat()}: its personal data is younger than "
                                f"{older_than_days} day(s) until {allowed.isoformat()}; nothing was changed")
    report = PurgeReport(dry_run, event.id, ended, allowed, register_kept=register_kept, local_only=local_only)
    hub_engine = None if local_only else (_hub(engine) if hub == "remembered" else hub)
    assert not isinstance(hub_engine, str)
    now = datetime.now(UTC)
    try:
        if hub_engine is not None:
            try:
                with hub_engine.begin() as conn:
                    if dry_run:
                        report.attendees["venue hub"], report.changes["venue hub"] = _counts(conn, event.id)
                    else:
                        report.attendees["venue hub"], report.changes["venue hub"] = anonymise(conn, event.id, now)
                        # old values in the hub's audit trail go too (the audit rows themselves stay)
                        conn.execute(text("SELECT purge_attendee_audit(:e)"), {"e": event.id})
            except SQLAlchemyError as exc:
                from checkin.sync.engine import describe_error

                raise PurgeRefusedError(
                    f"the venue hub cannot be purged now ({describe_error(exc)}; the organiser role is needed); "
                    "nothing was changed. Connect and run again, or add --local-only to clean this computer "
                    "alone") from exc
    finally:
        if hub == "remembered" and hub_engine is not None:
            hub_engine.dispose()
    with write_tx(engine) as conn:
        if dry_run:
            report.attendees["this computer"], report.changes["this computer"] = _counts(conn, event.id)
        else:
            if engine.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA secure_delete=ON")
            report.attendees["this computer"], report.changes["this computer"] = anonymise(conn, event.id, now)
    if not dry_run:
        compact(engine)
    return report


def compact(engine: Engine) -> None:
    """Overwritten values otherwise stay readable in SQLite's free pages and WAL until reused."""
    if sqlite_path(str(engine.url)) is None:
        return
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
