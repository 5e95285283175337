# SPDX-License-Identifier: MIT
"""Frozen dataclasses handed out by repositories.

Repositories never hand out ORM objects, so nothing lazy-loads on another thread and the UI can keep
these values as long as it likes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from checkin.domain.results import Direction, ScanResult, Source
from checkin.domain.settings import EventSettings


class Category(StrEnum):
    PARTICIPANT = "participant"
    SPEAKER = "speaker"
    PARTNER = "partner"
    MEDIA = "media"
    STAFF = "staff"
    ORGANISER = "organiser"
    GUEST = "guest"


class SessionKind(StrEnum):
    PLENARY = "plenary"
    PANEL = "panel"
    WORKSHOP = "workshop"
    MEAL = "meal"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class EventDay:
    date: date
    label: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    name: str
    timezone: str
    days: tuple[EventDay, ...]
    settings: dict[str, Any] = field(default_factory=dict)
    venue: str = ""

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def dates(self) -> tuple[date, ...]:
        return tuple(d.date for d in self.days)

    @property
    def allows_external_codes(self) -> bool:
        """Plain ticket numbers from an external registration system are accepted unsigned."""
        return self.rules.accept_external_codes

    @property
    def rules(self) -> EventSettings:
        """The event-scope settings, typed, with the declared defaults (checkin.domain.settings)."""
        return EventSettings.from_mapping(self.settings)

    def local_date(self, moment: datetime) -> date:
        """The calendar day at the venue for a UTC moment."""
        return moment.astimezone(self.tz).date()


@dataclass(frozen=True, slots=True)
class Session:
    id: str
    event_id: str
    day: date
    code: str
    title: str
    room: str = ""
    starts_at: datetime | None = None  # UTC
    ends_at: datetime | None = None  # UTC
    capacity: int | None = None
    kind: SessionKind = SessionKind.OTHER
    requires_registration: bool = False
    tracks_inside: bool = False  # exits are scanned, so "inside now" is meaningful


@dataclass(frozen=True, slots=True)
class Attendee:
    id: str
    event_id: str
    first_name: str
    last_name: str
    organisation: str = ""
    position: str = ""
    category: str = Category.PARTICIPANT.value
    email: str = ""
    phone: str = ""
    notes: str = ""
    external_ref: str = ""  # the registration system's id (the key for re-imports)
    external_code: str = ""  # a plain ticket number printed by the registration system
    ticket_id: str = ""  # the random id inside our signed QR
    days: tuple[date, ...] = ()  # empty: registered for every day of the event
    sessions: tuple[str, ...] = ()  # session codes
    status: str = "active"  # active | cancelled
    version: int = 1
    updated_at: datetime | None = None
    group_code: str = ""  # order number / group / delegation: people admitted together
    photo_consent: str = ""  # "" not asked | "yes" | "no" (consent to the use of one's image, wizerunek)

    @property
    def no_photos(self) -> bool:
        """The badge carries the discreet no-photo mark and the photographers' list names them."""
        return self.photo_consent == "no"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    def registered_for_day(self, day: date) -> bool:
        return not self.days or day in self.days

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "organisation": self.organisation,
            "position": self.position,
            "category": self.category,
            "email": self.email,
            "phone": self.phone,
            "notes": self.notes,
            "external_ref": self.external_ref,
            "external_code": self.external_code,
            "ticket_id": self.ticket_id,
            "days": [d.isoformat() for d in self.days],
            "sessions": list(self.sessions),
            "status": self.status,
            "photo_consent": self.photo_consent,
            "version": self.version,
            "group": self.group_code,
        }


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """Where a scan happens: a day's entrance or one session."""

    day: date
    session: Session | None = None

    @property
    def key(self) -> str:
        """Stable text key, unique per event: `day:2022-10-19` or `session:<session id>`."""
        return f"session:{self.session.id}" if self.session else f"day:{self.day.isoformat()}"

    @property
    def label(self) -> str:
        if self.session:
            return f"{self.session.code} {self.session.title}"
        return self.day.isoformat()

    @property
    def tracks_inside(self) -> bool:
        return bool(self.session and self.session.tracks_inside)


@dataclass(frozen=True, slots=True)
class Desk:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Scan:
    id: str
    event_id: str
    desk_id: str
    operator: str
    device_time: datetime
    checkpoint: str
    day: date
    session_id: str | None
    direction: Direction
    source: Source
    result: ScanResult
    attendee_id: str | None
    ticket_id: str | None
    detail: str = ""
    voided_scan_id: str | None = None
    desk_name: str = ""
    rehearsal_id: str | None = None  # made during a rehearsal: removed everywhere when it ends
    key_id: str | None = None  # the key that signed the scanned ticket (audit), when it was a signed code


@dataclass(frozen=True, slots=True)
class Attendance:
    attendee_id: str
    checkpoint: str
    day: date
    session_id: str | None
    scan_id: str
    first_time: datetime
    desk_id: str
    desk_name: str = ""
    inside: bool = True
