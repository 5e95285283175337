# SPDX-License-Identifier: MIT
"""Volunteers at the desk: sign-in with a name and a short PIN, and what needs a supervisor.

The organiser issues the PINs (`checkin volunteer add`, or Organiser tools); they are stored hashed
(scrypt, like the organiser password) in the event's settings, so they reach every desk with the
event (`checkin hub publish`) and a desk can check them offline. A 6-digit PIN against a slow hash
keeps a casual guesser out; it is not meant to stop someone who copies a desk's database file.

Which actions need a supervisor is per event (`supervisor_actions` in the event's settings or
`[event]` of the event file); by default: undo after the last few minutes, walk-ins, name
corrections, badge reprints and changing the checkpoint. A desk of an event with no volunteers
defined works as before: no sign-in, nothing gated.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Engine

from checkin.config import check_secret, hash_secret
from checkin.domain.messages import say
from checkin.domain.models import Event
from checkin.storage.db import write_tx
from checkin.storage.events import load_event, save_event

ROLES = ("volunteer", "supervisor")
ACTIONS = {
    "undo_old": "undo a check-in older than the last few minutes",
    "walk_in": "register a walk-in",
    "correct": "correct a name or other details",
    "reprint": "print a badge again",
    "checkpoint": "change the checkpoint (day or session)",
}
DEFAULT_GATED = tuple(ACTIONS)


class VolunteerError(ValueError):
    """Sign-in or a PIN check failed, or the organiser asked for something impossible."""


@dataclass(frozen=True, slots=True)
class Volunteer:
    name: str
    role: str = "volunteer"

    @property
    def supervisor(self) -> bool:
        return self.role == "supervisor"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


def _entries(event: Event) -> list[dict[str, str]]:
    raw = event.settings.get("volunteers") or []
    return [dict(v) for v in raw if isinstance(v, dict) and v.get("name")]


def volunteers(event: Event) -> list[Volunteer]:
    return [Volunteer(v["name"], v.get("role", "volunteer")) for v in _entries(event)]


def sign_in_required(event: Event) -> bool:
    """Only when the organiser defined volunteers: a solo desk without PINs works as it always did."""
    return bool(_entries(event))


def gated_actions(event: Event) -> tuple[str, ...]:
    configured = event.settings.get("supervisor_actions")
    if configured is None:
        return DEFAULT_GATED
    if isinstance(configured, str):
        configured = [part.strip() for part in configured.split(",")]
    return tuple(a for a in configured if a in ACTIONS)


def needs_supervisor(event: Event, action: str, signed_in: Volunteer | None) -> bool:
    """Whether `action` must be confirmed with a supervisor's PIN at this moment."""
    if not sign_in_required(event) or signed_in is None or signed_in.supervisor:
        return False
    return action in gated_actions(event)


def sign_in(event: Event, name: str, pin: str) -> Volunteer:
    for entry in _entries(event):
        if entry["name"] == name:
            if check_secret(entry.get("pin", ""), pin.strip()):
                return Volunteer(entry["name"], entry.get("role", "volunteer"))
            raise VolunteerError(say("wrong PIN for {name}", name=name))
    raise VolunteerError(say("no volunteer named {name}", name=name))


def supervisor_for_pin(event: Event, pin: str) -> Volunteer:
    """The supervisor whose PIN this is (any supervisor may confirm)."""
    if not pin.strip():
        raise VolunteerError(say("this needs a supervisor's PIN"))
    for entry in _entries(event):
        if entry.get("role") == "supervisor" and check_secret(entry.get("pin", ""), pin.strip()):
            return Volunteer(entry["name"], "supervisor")
    raise VolunteerError(say("that PIN is not a supervisor's"))


# ---------------------------------------------------------------- the organiser's tools
def new_pin() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def _check_pin(pin: str) -> str:
    pin = pin.strip()
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise VolunteerError(say("a PIN is 4 to 8 digits"))
    return pin


def _save(engine: Engine, change: Any) -> Event:
    with write_tx(engine) as conn:
        event = load_event(conn)
        entries = change(_entries(event))
        updated = replace(event, settings={**event.settings, "volunteers": entries})
        save_event(conn, updated)
        return updated


def add_volunteer(engine: Engine, name: str, role: str = "volunteer", pin: str | None = None) -> tuple[Volunteer, str]:
    """Issue a PIN to a new volunteer (or a new PIN to an existing one); returns the PIN to hand over."""
    name = " ".join(name.split())
    if not name:
        raise VolunteerError("a volunteer needs a name")
    if role not in ROLES:
        raise VolunteerError(f"role must be one of: {', '.join(ROLES)}")
    pin = _check_pin(pin) if pin else new_pin()
    entry = {"name": name, "role": role, "pin": hash_secret(pin)}

    def change(entries: list[dict[str, str]]) -> list[dict[str, str]]:
        return [e for e in entries if e["name"] != name] + [entry]

    _save(engine, change)
    return Volunteer(name, role), pin


def remove_volunteer(engine: Engine, name: str) -> None:
    def change(entries: list[dict[str, str]]) -> list[dict[str, str]]:
        kept = [e for e in entries if e["name"] != name]
        if len(kept) == len(entries):
            raise VolunteerError(say("no volunteer named {name}", name=name))
        return kept

    _save(engine, change)


def set_gated_actions(engine: Engine, actions: list[str]) -> tuple[str, ...]:
    unknown = sorted(set(actions) - set(ACTIONS))
    if unknown:
        raise VolunteerError(f"unknown action {', '.join(unknown)}; known: {', '.join(ACTIONS)}")
    with write_tx(engine) as conn:
        event = load_event(conn)
        save_event(conn, replace(event, settings={**event.settings, "supervisor_actions": list(actions)}))
    return tuple(actions)
