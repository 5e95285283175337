# SPDX-License-Identifier: MIT
"""Event set-up from a TOML file, and choosing the checkpoint a desk scans for.

Session ids are derived from the event id and the session code (UUID v5), so every desk that loads
the same file, and the hub, agree on them without talking to each other.
"""

from __future__ import annotations

import tomllib
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, select

from checkin.domain.models import Checkpoint, Event, EventDay, Session, SessionKind
from checkin.domain.presence import PresenceRulesError, parse_rules
from checkin.services.certificate_config import CertificateConfigError, parse_paperwork
from checkin.storage import outbox
from checkin.storage import tables as t
from checkin.storage.db import write_tx
from checkin.storage.events import list_sessions, save_event, save_sessions, session_by_code

_NAMESPACE = uuid.UUID("6f1d4a52-8c1e-4a0e-9a57-1f3b0f6a0c11")


class EventFileError(ValueError):
    """The event file is wrong; the message names the entry and the field."""


@dataclass(frozen=True, slots=True)
class EventDefinition:
    event: Event
    sessions: tuple[Session, ...]


def session_id_for(event_id: str, code: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{event_id}/{code}"))


def parse_event_file(path: Path) -> EventDefinition:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise EventFileError(f"{path}: file not found") from exc
    except UnicodeDecodeError as exc:
        raise EventFileError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise EventFileError(f"{path}: not valid TOML: {exc}") from exc
    return parse_event_data(data, str(path), base=path.parent)


def parse_event_data(data: dict[str, Any], where: str = "event", base: Path | None = None) -> EventDefinition:
    ev = data.get("event")
    if not isinstance(ev, dict):
        raise EventFileError(f"{where}: missing [event] table")
    for key in ("id", "name"):
        if not str(ev.get(key, "")).strip():
            raise EventFileError(f"{where}: [event] needs '{key}'")
    tz_name = str(ev.get("timezone", "Europe/Warsaw"))
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise EventFileError(f"{where}: [event] timezone '{tz_name}' is not a known time zone") from exc
    days: list[EventDay] = []
    for i, d in enumerate(data.get("days", []), start=1):
        days.append(EventDay(_date(d.get("date"), f"{where}: [[days]] #{i} 'date'"), str(d.get("label", ""))))
    if not days:
        raise EventFileError(f"{where}: at least one [[days]] entry with a date is needed")
    if len({d.date for d in days}) != len(days):
        raise EventFileError(f"{where}: a day is listed twice in [[days]]")
    settings = {k: v for k, v in ev.items() if k not in {"id", "name", "timezone", "venue"}}
    try:
        settings.update(parse_paperwork(data, list(data.get("sessions", [])), where, base))
    except CertificateConfigError as exc:
        raise EventFileError(str(exc)) from exc
    if "presence" in data:  # `[presence]` at the top level reads better than `[event.presence]`
        settings["presence"] = data["presence"]
    if "presence" in settings:
        try:
            settings["presence"] = parse_rules(settings["presence"], f"{where}: [presence]").to_json()
        except PresenceRulesError as exc:
            raise EventFileError(str(exc)) from exc
    event = Event(str(ev["id"]).strip(), str(ev["name"]).strip(), tz_name,
                  tuple(sorted(days, key=lambda d: d.date)), settings, str(ev.get("venue", "")))
    sessions: list[Session] = []
    codes: set[str] = set()
    for i, s in enumerate(data.get("sessions", []), start=1):
        ctx = f"{where}: [[sessions]] #{i}"
        code = str(s.get("code", "")).strip()
        if not code:
            raise EventFileError(f"{ctx} needs a 'code'")
        if code in codes:
            raise EventFileError(f"{ctx}: code '{code}' is used twice")
        codes.add(code)
        day = _date(s.get("day"), f"{ctx} ({code}) 'day'")
        if day not in event.dates:
            raise EventFileError(f"{ctx} ({code}): day {day} is not one of the event's [[days]]")
        kind = str(s.get("kind", "other"))
        if kind not in SessionKind._value2member_map_:
            raise EventFileError(f"{ctx} ({code}): kind '{kind}' must be one of "
                                 + ", ".join(k.value for k in SessionKind))
        capacity = s.get("capacity")
        if capacity is not None and (not isinstance(capacity, int) or capacity < 1):
            raise EventFileError(f"{ctx} ({code}): capacity must be a whole number above 0")
        starts = _time_on(day, s.get("starts"), tz, f"{ctx} ({code}) 'starts'")
        ends = _time_on(day, s.get("ends"), tz, f"{ctx} ({code}) 'ends'")
        if starts and ends and ends <= starts:
            raise EventFileError(f"{ctx} ({code}): 'ends' must be after 'starts'")
        sessions.append(Session(
            id=session_id_for(event.id, code), event_id=event.id, day=day, code=code,
            title=str(s.get("title", code)), room=str(s.get("room", "")), starts_at=starts, ends_at=ends,
            capacity=capacity, kind=SessionKind(kind),
            requires_registration=bool(s.get("registration_required", False)),
            tracks_inside=bool(s.get("track_exits", False)),
        ))
    return EventDefinition(event, tuple(sessions))


def _date(value: Any, what: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise EventFileError(f"{what} must be a date like 2022-10-19, got {value!r}") from exc


def _time_on(day: date, value: Any, tz: ZoneInfo, what: str) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        clock = value if isinstance(value, time) else time.fromisoformat(str(value))
    except ValueError as exc:
        raise EventFileError(f"{what} must be a time like 09:30, got {value!r}") from exc
    from datetime import UTC

    return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)


def install_event(engine: Engine, definition: EventDefinition) -> None:
    """Load (or reload, after an edit of the file) an event definition. A reload of an event this
    database already holds is an edit: it is queued for the hub like any change (the first load is
    published with `checkin hub publish`, together with the roster)."""
    with write_tx(engine) as conn:
        known = conn.execute(select(t.event.c.id).where(t.event.c.id == definition.event.id)).first()
        save_event(conn, definition.event)
        save_sessions(conn, definition.event.id, definition.sessions)
        if known is not None:
            outbox.enqueue(conn, "event", definition.event.id)


class CheckpointError(ValueError):
    """No checkpoint could be chosen; the message says what to pass."""


def resolve_checkpoint(engine: Engine, event: Event, *, day: date | None = None,
                       session_code: str | None = None, now: datetime | None = None) -> Checkpoint:
    """`--session CODE`, `--day DATE`, or today's entrance when today is an event day.

    Never guesses a day: on a rehearsal evening the desk must be told which day it is scanning for.
    """
    with engine.connect() as conn:
        if session_code:
            session = session_by_code(conn, event.id, session_code)
            if session is None:
                codes = ", ".join(s.code for s in list_sessions(conn, event.id)) or "none defined"
                raise CheckpointError(f"no session with code '{session_code}' (sessions: {codes})")
            return Checkpoint(session.day, session)
    if day is not None:
        if day not in event.dates:
            raise CheckpointError(f"{day} is not a day of {event.name} "
                                  f"({', '.join(d.isoformat() for d in event.dates)})")
        return Checkpoint(day)
    today = event.local_date(now or datetime.now(tz=event.tz))
    if today in event.dates:
        return Checkpoint(today)
    raise CheckpointError(
        f"today ({today}) is not a day of {event.name} ({', '.join(d.isoformat() for d in event.dates)}); "
        "choose the day or session explicitly (--day DATE or --session CODE)"
    )


def session_running(sessions: list[Session], now: datetime) -> Session | None:
    """The session in progress now (or starting within 15 minutes), for the desk's default."""
    from datetime import timedelta

    candidates = [s for s in sessions if s.starts_at and s.ends_at
                  and s.starts_at - timedelta(minutes=15) <= now < s.ends_at]
    return min(candidates, key=lambda s: s.starts_at or now) if candidates else None


def event_and_sessions(engine: Engine) -> tuple[Event, list[Session]]:
    """The current event and all its sessions, in one read (organiser screens; any thread)."""
    from checkin.storage.events import load_event

    with engine.connect() as conn:
        event = load_event(conn)
        return event, list_sessions(conn, event.id)
