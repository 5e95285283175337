# SPDX-License-Identifier: MIT
"""The local schema (SQLAlchemy 2 declarative, `Mapped[]`).

The same logical schema exists at the venue hub (see `checkin.sync`). Rules that keep sync safe:
- every row that can be created at a desk has a text UUID made at the desk (no autoincrement ids
  cross the network);
- `scan` is append-only: an undo is a new scan with result `void` and `voided_scan_id`;
- `attendance` is derived from scans (earliest accepted, non-voided scan per attendee+checkpoint)
  and can always be recomputed, see `repositories.recompute_attendance`;
- `outbox`, `sync_state` and `local_meta` never leave this machine.

Queries go through Core (`Model.__table__`) for speed; the ORM classes document the schema.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from checkin.storage.types import UTCDateTime


class Base(DeclarativeBase):
    pass


class EventRow(Base):
    __tablename__ = "event"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Warsaw")
    venue: Mapped[str] = mapped_column(String(300), default="")
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EventDayRow(Base):
    __tablename__ = "event_day"
    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"), primary_key=True)
    date: Mapped[date] = mapped_column(Date, primary_key=True)
    label: Mapped[str] = mapped_column(String(200), default="")


class EventKeyRow(Base):
    """Ed25519 public keys that desks accept for this event's tickets (several during rotation)."""

    __tablename__ = "event_key"
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"), index=True)
    public_key: Mapped[str] = mapped_column(String(128))  # base64 raw 32 bytes
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SessionRow(Base):
    __tablename__ = "session"
    __table_args__ = (UniqueConstraint("event_id", "code"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"))
    day: Mapped[date] = mapped_column(Date)
    code: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(300))
    room: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(32), default="other")
    requires_registration: Mapped[bool] = mapped_column(Boolean, default=False)
    tracks_inside: Mapped[bool] = mapped_column(Boolean, default=False)


class AttendeeRow(Base):
    __tablename__ = "attendee"
    __table_args__ = (
        Index("ix_attendee_event_ref", "event_id", "external_ref"),
        Index("ix_attendee_external_code", "event_id", "external_code"),
        Index("ix_attendee_updated_at", "updated_at"),
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"))
    external_ref: Mapped[str] = mapped_column(String(200), default="")
    external_code: Mapped[str] = mapped_column(String(200), default="")
    ticket_id: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(500), default="")
    position: Mapped[str] = mapped_column(String(300), default="")
    category: Mapped[str] = mapped_column(String(32), default="participant")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    days: Mapped[list[str]] = mapped_column(JSON, default=list)
    sessions: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default="active")
    photo_consent: Mapped[str] = mapped_column(String(8), default="")  # "" not asked | yes | no
    search_key: Mapped[str] = mapped_column(Text, default="")  # folded text for accent-free search
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(64), default="")  # desk id, or "import"
    group_code: Mapped[str] = mapped_column(String(200), default="", index=True)  # order no. / group / delegation
    rehearsal_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # walk-in made in a rehearsal


class AttendeeChangeRow(Base):
    """Every roster edit (import, desk correction, walk-in), including the losers of a conflict."""

    __tablename__ = "attendee_change"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    attendee_id: Mapped[str] = mapped_column(String(64), index=True)
    desk_id: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    base_version: Mapped[int] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    outcome: Mapped[str] = mapped_column(String(16), default="applied")  # applied | superseded


class TicketRow(Base):
    """Every ticket id ever issued, so a re-issued (revoked) code is told apart from a forged one."""

    __tablename__ = "ticket"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    attendee_id: Mapped[str] = mapped_column(ForeignKey("attendee.id"), index=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class DeskRow(Base):
    __tablename__ = "desk"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    last_seen: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_sync: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    clock_offset_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    app_version: Mapped[str] = mapped_column(String(32), default="")


class ScanRow(Base):
    __tablename__ = "scan"
    __table_args__ = (
        Index("ix_scan_attendee_checkpoint", "attendee_id", "checkpoint"),
        Index("ix_scan_attendee_day", "attendee_id", "day"),
        Index("ix_scan_time", "device_time"),
        Index("ix_scan_voided", "voided_scan_id"),
        Index("ix_scan_checkpoint_time", "checkpoint", "device_time"),  # presence minutes, door's last scans
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64))
    desk_id: Mapped[str] = mapped_column(String(64))
    operator: Mapped[str] = mapped_column(String(100), default="")
    device_time: Mapped[datetime] = mapped_column(UTCDateTime)
    hub_time: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    checkpoint: Mapped[str] = mapped_column(String(100))
    day: Mapped[date] = mapped_column(Date)
    session_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    direction: Mapped[str] = mapped_column(String(8), default="in")
    source: Mapped[str] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(String(24))
    attendee_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    ticket_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    detail: Mapped[str] = mapped_column(String(300), default="")
    voided_scan_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    rehearsal_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # removed when it ends
    key_id: Mapped[str | None] = mapped_column(String(16), nullable=True)  # signing key of the code (audit)


class AttendanceRow(Base):
    """Derived: the first admission per attendee and checkpoint. `active` is false once voided."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("attendee_id", "checkpoint"),
        Index("ix_attendance_checkpoint_attendee", "checkpoint", "active", "attendee_id"),
        Index("ix_attendance_day", "day", "active"),
        Index("ix_attendance_checkpoint_inside", "checkpoint", "active", "inside"),  # inside now, every scan
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    attendee_id: Mapped[str] = mapped_column(String(64))
    checkpoint: Mapped[str] = mapped_column(String(100))
    day: Mapped[date] = mapped_column(Date)
    session_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    scan_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    first_time: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    desk_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    inside: Mapped[bool] = mapped_column(Boolean, default=True)


class BadgePrintRow(Base):
    __tablename__ = "badge_print"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    attendee_id: Mapped[str] = mapped_column(String(64), index=True)
    desk_id: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    template: Mapped[str] = mapped_column(String(64))
    copy_no: Mapped[int] = mapped_column(Integer, default=1)
    printer: Mapped[str] = mapped_column(String(200), default="")
    rehearsal_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class RehearsalRow(Base):
    """A rehearsal: while `ended_at` is empty, scans, prints and walk-ins carry its id; ending it
    deletes exactly those rows (they were never real) and keeps this row with what was removed."""

    __tablename__ = "rehearsal"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_by: Mapped[str] = mapped_column(String(100), default="")
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    ended_by: Mapped[str] = mapped_column(String(100), default="")
    removed: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # hub's counts per desk and kind
    removed_here: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # local only: this copy's


class OutboxRow(Base):
    """Local only: what has not reached the hub yet. Rows leave only after the hub commits."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(24))  # scan | attendee | badge_print | attendee_change
    ref_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class HeldRow(Base):
    """Local only: an outbox row the hub refused for good (a value it cannot store). It left the
    outbox so the rest of the queue goes on, and waits here for the organiser to correct and re-send
    it or dismiss it; the row itself (the scan, the roster edit) is never deleted."""

    __tablename__ = "held"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(24))
    ref_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    held_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16), default="held", index=True)  # held | resent | dismissed
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    resolved_by: Mapped[str] = mapped_column(String(100), default="")


class AttendancePendingRow(Base):
    """Local only: attendance keys whose scans were pulled but whose attendance row is not derived
    yet. A catch-up touches the same people page after page; deriving each key once at the end (in
    short transactions) instead of once per page is what keeps a 50,000-change catch-up quick and
    the scan path unblocked. A crash leaves the keys here; the next pull derives them."""

    __tablename__ = "attendance_pending"
    attendee_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    checkpoint: Mapped[str] = mapped_column(String(100), primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    session_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class SyncStateRow(Base):
    """Local only: sync cursors and status, one value per key."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LocalMetaRow(Base):
    """Local only: this desk's identity and choices (desk id and name, current event, hub URL)."""

    __tablename__ = "local_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CertificateRow(Base):
    """The register of issued certificates (ewidencja): one number per attendee and event, never reused.

    With a venue hub the hub allocates the numbers (see `checkin.sync.register`) and this table is
    the organiser laptop's copy; without one this table is the register itself. A purge of personal
    data keeps it: the register must outlive the roster.
    """

    __tablename__ = "certificate"
    __table_args__ = (UniqueConstraint("event_id", "attendee_id"),)
    number: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64))
    attendee_id: Mapped[str] = mapped_column(String(64))
    series: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(500), default="")
    issued_on: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer, default=0)  # hours on the certificate, in minutes
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64), default="")  # desk id of the organiser laptop


class CertificateIssueRow(Base):
    """Every time a certificate was printed: the first issue and each re-issue (same number)."""

    __tablename__ = "certificate_issue"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    number: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(16))  # issue | reissue
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    desk_id: Mapped[str] = mapped_column(String(64), default="")


class CertificateCounterRow(Base):
    """Last number used per series (`KS/2022/{seq}`); used only when there is no hub."""

    __tablename__ = "certificate_counter"
    series: Mapped[str] = mapped_column(String(64), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class WrittenFileRow(Base):
    """Local only: files with personal data this app wrote (exports, tickets, badge PDFs), so the
    end-of-event wipe can remove every copy, not only the database."""

    __tablename__ = "written_file"
    path: Mapped[str] = mapped_column(Text, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


event = _table(EventRow)
event_day = _table(EventDayRow)
event_key = _table(EventKeyRow)
session = _table(SessionRow)
attendee = _table(AttendeeRow)
attendee_change = _table(AttendeeChangeRow)
ticket = _table(TicketRow)
desk = _table(DeskRow)
scan = _table(ScanRow)
attendance = _table(AttendanceRow)
badge_print = _table(BadgePrintRow)
rehearsal = _table(RehearsalRow)
outbox = _table(OutboxRow)
held = _table(HeldRow)
attendance_pending = _table(AttendancePendingRow)
sync_state = _table(SyncStateRow)
local_meta = _table(LocalMetaRow)
certificate = _table(CertificateRow)
certificate_issue = _table(CertificateIssueRow)
certificate_counter = _table(CertificateCounterRow)
written_file = _table(WrittenFileRow)
