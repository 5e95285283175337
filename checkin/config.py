# SPDX-License-Identifier: MIT
"""Desk settings: one typed declaration, defaults in one place, stored in the desk's own database.

Kept in `local_meta` (key "desk_settings", JSON) rather than a separate file: each desk's SQLite
file already *is* the desk, so copying or wiping it carries its settings along. Unknown keys from a
newer version are kept, missing ones take defaults (forward and backward compatible).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import Engine

from checkin.storage.db import write_tx
from checkin.storage.meta import get_meta, set_meta

SETTINGS_KEY = "desk_settings"
PASSWORD_KEY = "organiser_password"


@dataclass(frozen=True, slots=True)
class DeskSettings:
    language: str = ""  # "" = follow the system locale; "pl" or "en"
    camera: str = "camera:0"  # a scanner.sources spec; "" = no camera (handheld scanner and search only)
    camera_mirror: bool = True
    camera_width: int = 1280
    camera_height: int = 720
    decoder: str = ""  # "" = best available
    printer: str = ""  # "" = system default printer
    badge_template: str = "a6"
    auto_print: bool = False
    sounds: bool = True
    result_seconds: float = 4.0  # how long a result stays on screen
    debounce_seconds: float = 3.0
    undo_minutes: int = 5
    checkpoint: str = ""  # "" = today's entrance / running session; else "day:DATE" or "session:CODE"
    hub_url: str = ""  # stored as local_meta "hub_url" (shared with `checkin sync --hub`), no password

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def load_settings(engine: Engine) -> DeskSettings:
    with engine.connect() as conn:
        raw = get_meta(conn, SETTINGS_KEY)
        hub_url = get_meta(conn, "hub_url") or ""
    data: dict[str, Any] = {}
    if raw:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError:
            data = {}
    known = {f.name: f for f in fields(DeskSettings)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in known:
            default = getattr(DeskSettings(), key)
            if isinstance(default, bool):
                values[key] = bool(value)
            elif isinstance(default, (int, float)) and isinstance(value, (int, float)):
                values[key] = type(default)(value)
            elif isinstance(default, str) and isinstance(value, str):
                values[key] = value
    values["hub_url"] = hub_url
    return DeskSettings(**values)


def save_settings(engine: Engine, settings: DeskSettings) -> None:
    with write_tx(engine) as conn:
        raw = get_meta(conn, SETTINGS_KEY)
        stored = json.loads(raw) if raw else {}
        stored.update(settings.to_json())  # keep keys a newer version wrote
        stored.pop("hub_url", None)
        set_meta(conn, SETTINGS_KEY, json.dumps(stored, ensure_ascii=False))
        if _has_password(settings.hub_url):
            raise ValueError("store the hub password in the keyring (checkin.sync.credentials.remember_hub), "
                             "not in the settings")
        set_meta(conn, "hub_url", settings.hub_url or None)


def _has_password(url: str) -> bool:
    """Parsed the way the sync engine parses it, rather than by hand."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return bool(url) and make_url(url).password is not None
    except ArgumentError:
        return False


def update_settings(engine: Engine, **changes: Any) -> DeskSettings:
    settings = replace(load_settings(engine), **changes)
    save_settings(engine, settings)
    return settings


# ---------------------------------------------------------------- organiser password
def _hash(password: str, salt: bytes) -> str:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1).hex()


def set_organiser_password(engine: Engine, password: str) -> None:
    if len(password) < 6:
        raise ValueError("the organiser password needs at least 6 characters")
    salt = os.urandom(16)
    with write_tx(engine) as conn:
        set_meta(conn, PASSWORD_KEY, f"scrypt${salt.hex()}${_hash(password, salt)}")


def has_organiser_password(engine: Engine) -> bool:
    with engine.connect() as conn:
        return get_meta(conn, PASSWORD_KEY) is not None


def check_organiser_password(engine: Engine, password: str) -> bool:
    with engine.connect() as conn:
        stored = get_meta(conn, PASSWORD_KEY)
    if not stored:
        return False
    _scheme, salt_hex, digest = stored.split("$", 2)
    return hmac.compare_digest(_hash(password, bytes.fromhex(salt_hex)), digest)


# ---------------------------------------------------------------- volunteer PINs (issue 18)
def hash_secret(secret: str) -> str:
    """A salted scrypt hash in the organiser password's format, for volunteer PINs."""
    salt = os.urandom(16)
    return f"scrypt${salt.hex()}${_hash(secret, salt)}"


def check_secret(stored: str, secret: str) -> bool:
    try:
        _scheme, salt_hex, digest = stored.split("$", 2)
        return hmac.compare_digest(_hash(secret, bytes.fromhex(salt_hex)), digest)
    except ValueError:
        return False
