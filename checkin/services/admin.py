# SPDX-License-Identifier: MIT
"""Organiser chores that are not part of scanning: editing sessions and the end-of-event wipe
(database and files: one service for `checkin wipe` and the organiser's Wipe page).

Kept free of Qt so the rules (what a valid edit is, when a wipe is allowed) are tested without a
display and could be offered from the CLI too. The organiser screens only call these functions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, time

from sqlalchemy import Engine, func, select

from checkin.domain.models import Event, Session
from checkin.storage import outbox
from checkin.storage import tables as t
from checkin.storage.db import sqlite_path, write_tx
from checkin.storage.events import list_sessions, save_sessions

# Outbox kinds that carry personal data or attendance. A wipe must not destroy them before the
# venue database has them, or the event's attendance record would be lost for good.
PERSONAL_KINDS = ("scan", "attendee", "attendee_change", "badge_print")


# ---------------------------------------------------------------- session edits
class SessionEditError(ValueError):
    """One edit is wrong; names the session code and the field so the table can point at the cell."""

    def __init__(self, code: str, field: str, message: str) -> None:
        super().__init__(f"{code}: {field}: {message}")
        self.code = code
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class SessionEdit:
    """What the organiser may change in the session table; times are local to the event."""

    code: str
    title: str
    room: str
    starts: time | None
    ends: time | None
    capacity: int | None


def session_edit_for(session: Session, event: Event) -> SessionEdit:
    """The editable view of a stored session (UTC times shown in the event's time zone)."""

    def local(moment: datetime | None) -> time | None:
        return moment.astimezone(event.tz).time().replace(second=0, microsecond=0) if moment else None

    return SessionEdit(session.code, session.title, session.room, local(session.starts_at),
                       local(session.ends_at), session.capacity)


def parse_clock(text: str, code: str, field: str) -> time | None:
    """`9:30`, `09:30` or empty; anything else is an error naming the cell."""
    text = text.strip()
    if not text:
        return None
    try:
        hours, minutes = text.replace(".", ":").split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise SessionEditError(code, field, f"'{text}' is not a time like 09:30") from None


def parse_capacity(text: str, code: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise SessionEditError(code, "capacity", f"'{text}' is not a whole number of seats (leave empty for no limit)")
    return int(text)


def validate_edit(edit: SessionEdit) -> None:
    if not edit.title.strip():
        raise SessionEditError(edit.code, "title", "a session needs a title")
    if edit.starts and edit.ends and edit.ends <= edit.starts:
        raise SessionEditError(edit.code, "ends", "the session must end after it starts")
    if edit.capacity is not None and edit.capacity < 1:
        raise SessionEditError(edit.code, "capacity", "capacity must be at least 1 (or empty for no limit)")


def update_sessions(engine: Engine, event: Event, edits: list[SessionEdit]) -> int:
    """Apply edits by session code in one transaction; all or nothing. Returns how many changed.

    Runs on the caller's thread (the GUI sends it to the writer lane). Session ids do not change,
    so scans already recorded for a session keep pointing at it.
    """
    for edit in edits:
        validate_edit(edit)
    with write_tx(engine) as conn:
        current = {s.code: s for s in list_sessions(conn, event.id)}
        changed: list[Session] = []
        for edit in edits:
            session = current.get(edit.code)
            if session is None:
                raise SessionEditError(edit.code, "code", "no such session in this event")

            def utc(clock: time | None, day: object = session.day) -> datetime | None:
                if clock is None:
                    return None
                return datetime.combine(day, clock, tzinfo=event.tz).astimezone(UTC)  # type: ignore[arg-type]

            updated = replace(session, title=edit.title.strip(), room=edit.room.strip(),
                              starts_at=utc(edit.starts), ends_at=utc(edit.ends), capacity=edit.capacity)
            if updated != session:
                changed.append(updated)
        save_sessions(conn, event.id, changed)
        if changed:
            outbox.enqueue(conn, "event", event.id)  # the hub and the other desks follow with sync
    return len(changed)


# ---------------------------------------------------------------- end-of-event wipe
@dataclass(frozen=True, slots=True)
class WipePreview:
    """What a wipe would delete, and what is still waiting for the venue database."""

    attendees: int
    scans: int
    badge_prints: int
    pending: dict[str, int]  # outbox kind -> rows not yet at the hub

    @property
    def pending_scans(self) -> int:
        return self.pending.get("scan", 0)

    @property
    def pending_other(self) -> int:
        return sum(n for kind, n in self.pending.items() if kind in PERSONAL_KINDS and kind != "scan")

    @property
    def allowed(self) -> bool:
        return self.pending_scans == 0 and self.pending_other == 0


@dataclass(frozen=True, slots=True)
class WipeReport:
    attendees: int
    scans: int
    attendance: int
    badge_prints: int
    changes: int
    tickets: int
    vacuumed: bool


class WipeRefusedError(Exception):
    """Unsynced scans or roster changes would be lost; sync first."""

    def __init__(self, preview: WipePreview) -> None:
        super().__init__(
            f"{preview.pending_scans} scans and {preview.pending_other} other changes have not reached the "
            "venue database yet; sync this desk until nothing is pending, then wipe"
        )
        self.preview = preview


def pending_by_kind(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return outbox.pending_by_kind(conn)


def wipe_preview(engine: Engine) -> WipePreview:
    with engine.connect() as conn:
        def count(table: object) -> int:
            return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]

        attendees, scans, prints = count(t.attendee), count(t.scan), count(t.badge_print)
    return WipePreview(attendees, scans, prints, pending_by_kind(engine))


def wipe_personal_data(engine: Engine) -> WipeReport:
    """Delete every attendee, scan, attendance, badge print and roster change from this desk.

    Kept: the event, its days and sessions, public keys, this desk's identity and settings, so the
    desk can be reused. Refuses (raising WipeRefusedError) while anything personal is still in the
    outbox. The check and the deletes share one write transaction, so a scan recorded in between
    cannot slip through. Afterwards the SQLite file is vacuumed: deleted rows otherwise stay
    readable in free pages and in the WAL.
    """
    with write_tx(engine) as conn:
        pending = outbox.pending_by_kind(conn)
        preview = WipePreview(0, 0, 0, pending)
        if not preview.allowed:
            raise WipeRefusedError(preview)
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA secure_delete=ON")
        removed = {}
        for name, table in (("attendance", t.attendance), ("scans", t.scan), ("badge_prints", t.badge_print),
                            ("changes", t.attendee_change), ("tickets", t.ticket), ("attendees", t.attendee)):
            removed[name] = int(conn.execute(table.delete()).rowcount or 0)
        outbox.discard(conn, PERSONAL_KINDS)
    vacuumed = False
    if sqlite_path(str(engine.url)) is not None:
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("VACUUM")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        vacuumed = True
    return WipeReport(removed["attendees"], removed["scans"], removed["attendance"], removed["badge_prints"],
                      removed["changes"], removed["tickets"], vacuumed)


@dataclass(frozen=True, slots=True)
class DeskWipeReport:
    """`checkin wipe` and the Wipe page: the database, then every file the app wrote."""

    database: WipeReport | None  # None in a dry run
    preview: WipePreview
    files: tuple[str, ...]  # deleted (or, in a dry run, to be deleted)
    files_missing: int  # recorded but already gone
    register_kept: int  # certificate numbers kept (the register must outlive the roster)

    def summary(self, dry_run: bool = False) -> str:
        p = self.preview
        head = "Dry run — nothing deleted. Would delete" if dry_run else "Deleted"
        lines = [f"{head}: {p.attendees} attendees, {p.scans} scans, {p.badge_prints} badge prints from this "
                 f"desk's database; {len(self.files)} file(s) written by checkin (exports, tickets, badge PDFs, "
                 "database backups)."]
        lines += [f"  {f}" for f in self.files[:20]]
        if len(self.files) > 20:
            lines.append(f"  ... and {len(self.files) - 20} more")
        if self.files_missing:
            lines.append(f"{self.files_missing} file(s) checkin wrote were already moved or deleted; copies made "
                         "outside the app (e-mail, USB sticks) are beyond its reach.")
        if self.register_kept:
            lines.append(f"Kept: the certificate register ({self.register_kept} number(s)); it must outlive the "
                         "roster.")
        return "\n".join(lines)


def wipe_desk(engine: Engine, *, dry_run: bool = False, temp_dir: object = None) -> DeskWipeReport:
    """Every copy on this desk: database rows (refused while anything is unsynced, see
    `wipe_personal_data`), then exports, ticket folders and badge PDFs the app wrote, temp badge
    folders, and the database backups made before migrations. Runs on the caller's thread (the app:
    the writer lane)."""
    from pathlib import Path

    from checkin.services.written_files import delete_files

    preview = wipe_preview(engine)
    with engine.connect() as conn:
        register_kept = int(conn.execute(select(func.count()).select_from(t.certificate)).scalar_one())
    folder = Path(str(temp_dir)) if temp_dir is not None else None
    if dry_run:
        if not preview.allowed:
            raise WipeRefusedError(preview)
        sweep = delete_files(engine, temp_dir=folder, dry_run=True)
        return DeskWipeReport(None, preview, tuple(map(str, sweep.deleted)), sweep.missing, register_kept)
    database = wipe_personal_data(engine)  # refuses before touching any file
    sweep = delete_files(engine, temp_dir=folder)
    return DeskWipeReport(database, preview, tuple(map(str, sweep.deleted)), sweep.missing, register_kept)
