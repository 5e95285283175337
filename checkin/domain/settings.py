# SPDX-License-Identifier: MIT
"""Every setting, declared once: name, type, default, scope, where it is stored, what it does.

Three scopes, three stores:
- **desk**: this desk's choices (camera, printer, auto-print …), kept in its own database
  (`local_meta` key "desk_settings", one JSON object), so `checkin badge auto-print on` and the
  desk app's settings page write the same value and the desk reads it from there.
- **event**: the event's rules (`accept_external_codes`, `city` …), kept with the event
  (`event.settings`, loaded from the event file and carried to every desk by sync).
- **organiser**: the organiser password, only its scrypt hash in `local_meta`.

This module is pure (no storage): `checkin.config` loads and saves desk settings through the
declarations here, the domain reads event settings through `EventSettings`. The stored desk
settings carry `SETTINGS_VERSION`; older stores are upgraded by the steps in `checkin.config`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any, Literal

from checkin.domain.messages import say

Scope = Literal["desk", "event", "organiser"]

DESK_STORE = 'local_meta "desk_settings" (JSON)'
EVENT_STORE = "event.settings (event file; synced)"
SETTINGS_VERSION = 2  # 1: auto-print kept apart in local_meta "auto_print"; 2: everything in desk_settings

ORGANISER_PASSWORD_MIN_LENGTH = 6


def _setting(default: Any, help: str, *, store: str = DESK_STORE) -> Any:
    return field(default=default, metadata={"help": help, "store": store})


@dataclass(frozen=True, slots=True)
class DeskSettings:
    """The desk scope. Field order is the order `checkin settings` lists them in."""

    language: str = _setting("", '"" follows the system locale; "pl" or "en"')
    camera: str = _setting("camera:0", 'a scanner source ("camera:0", "folder:DIR"); "" = no camera')
    camera_mirror: bool = _setting(True, "show the camera preview mirrored")
    camera_width: int = _setting(1280, "requested camera frame width (pixels)")
    camera_height: int = _setting(720, "requested camera frame height (pixels)")
    camera_roi: str = _setting("", '"" = the whole frame; "X,Y,W,H" in pixels = only look there (the queue '
                                   "behind the counter stays out)")
    decoder: str = _setting("", 'QR decoder; "" = best available')
    printer: str = _setting("", 'badge printer; "" = the system default printer')
    badge_template: str = _setting("a6", "badge template id (see `checkin badge templates`)")
    auto_print: bool = _setting(False, "print the badge at a person's first check-in at this desk")
    sounds: bool = _setting(True, "play a sound for each result")
    result_seconds: float = _setting(4.0, "how long a result stays on screen (seconds)")
    debounce_seconds: float = _setting(3.0, "ignore the same code again within this many seconds")
    undo_minutes: int = _setting(5, "how long a check-in can be undone at the desk (minutes)")
    checkpoint: str = _setting("", '"" = today\'s entrance or the running session; "day:DATE" or "session:CODE"')
    door_direction_key: str = _setting("F9", "door mode: the key that flips IN/OUT (a Qt key name, e.g. F9, F12, Tab)")
    door_auto_direction: bool = _setting(False, "door mode: a second scan of someone inside means they are leaving")
    hub_url: str = _setting("", "venue database (libpq URL without the password: that is in the keyring)",
                            store='local_meta "hub_url" (shared with `checkin sync --hub`)')
    kiosk: bool = _setting(False, "start as a self check-in kiosk (full screen; the organiser password leaves)")
    kiosk_idle_seconds: float = _setting(8.0, "kiosk: back to the welcome screen after this many seconds")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class EventSettings:
    """The event scope: rules every desk of the event applies the same way."""

    accept_external_codes: bool = _setting(
        True, "also accept the registration system's plain ticket numbers (unsigned)", store=EVENT_STORE)
    city: str = _setting("", "city printed on certificates", store=EVENT_STORE)
    kiosk_lookup: str = _setting(
        "", 'kiosk: also find people by surname + "booking_code" and/or "phone" (last digits); "" = tickets only',
        store=EVENT_STORE)
    supervisor_actions: str = _setting(
        "undo_old,walk_in,correct,reprint,checkpoint",
        "with volunteers defined: actions that need a supervisor's PIN (comma-separated)", store=EVENT_STORE)

    @classmethod
    def from_mapping(cls, stored: Mapping[str, Any]) -> EventSettings:
        return cls(**coerce_known(cls, stored))


@dataclass(frozen=True, slots=True)
class Setting:
    """One row of the registry (what `checkin settings` and docs show)."""

    name: str
    type: type
    default: Any
    scope: Scope
    store: str
    help: str

    def parse(self, text: str) -> Any:
        """A typed value from command-line text; ValueError names the setting and what it takes."""
        raw = text.strip()
        if self.type is bool:
            lowered = raw.lower()
            if lowered in ("on", "yes", "true", "1", "tak"):
                return True
            if lowered in ("off", "no", "false", "0", "nie"):
                return False
            raise ValueError(f"{self.name} takes on or off, not '{text}'")
        if self.type in (int, float):
            try:
                return self.type(raw)
            except ValueError:
                raise ValueError(f"{self.name} takes a number, not '{text}'") from None
        return raw


def _declared(cls: type, scope: Scope) -> list[Setting]:
    types = {"str": str, "bool": bool, "int": int, "float": float}
    out = []
    for f in fields(cls):
        default = f.default if f.default is not MISSING else None
        out.append(Setting(f.name, types[str(f.type)], default, scope, f.metadata["store"], f.metadata["help"]))
    return out


SETTINGS: tuple[Setting, ...] = (
    *_declared(DeskSettings, "desk"),
    *_declared(EventSettings, "event"),
    Setting("organiser_password", str, None, "organiser", 'local_meta "organiser_password" (scrypt hash only)',
            f"unlocks the organiser tools; at least {ORGANISER_PASSWORD_MIN_LENGTH} characters"),
)


def setting(name: str) -> Setting:
    for s in SETTINGS:
        if s.name == name:
            return s
    raise KeyError(name)


def coerce_known(cls: type, stored: Mapping[str, Any]) -> dict[str, Any]:
    """The stored values that `cls` declares and whose type fits; anything else takes the default.

    Lenient on purpose: a value written by a newer or older version must never stop a desk.
    """
    declared = {s.name: s for s in _declared(cls, "desk")}
    values: dict[str, Any] = {}
    for key, value in stored.items():
        s = declared.get(key)
        if s is None:
            continue
        if s.type is bool:
            values[key] = bool(value)
        elif s.type in (int, float) and isinstance(value, (int, float)) and not isinstance(value, bool):
            values[key] = s.type(value)
        elif s.type is str and isinstance(value, str):
            values[key] = value
    return values


def password_problem(password: str) -> str | None:
    """Why this organiser password is refused (in the core's language), or None when it is fine.

    The one place the minimum is checked: the CLI, the unlock screen and the settings page all ask here.
    """
    if len(password) < ORGANISER_PASSWORD_MIN_LENGTH:
        return say("the organiser password needs at least {n} characters", n=ORGANISER_PASSWORD_MIN_LENGTH)
    return None
