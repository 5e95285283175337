# SPDX-License-Identifier: MIT
"""Settings storage: loads and saves the declarations of `checkin.domain.settings`, upgrades old stores.

Desk settings are kept in `local_meta` (key "desk_settings", JSON) rather than a separate file: each
desk's SQLite file already *is* the desk, so copying or wiping it carries its settings along. Unknown
keys from a newer version are kept, missing ones take defaults (forward and backward compatible).
The CLI (`checkin badge auto-print`, `checkin settings`) and the desk app read and write this one
store through `load_settings` / `update_settings`; nothing else touches the "desk_settings" key.

The stored JSON carries "_version" (`SETTINGS_VERSION`). `load_settings` applies the upgrade steps
below in memory (so a desk that is only read still behaves right) and the next save persists them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from checkin.domain.settings import SETTINGS_VERSION, DeskSettings, coerce_known, password_problem
from checkin.storage.db import write_tx
from checkin.storage.meta import get_meta, set_meta

__all__ = [
    "DeskSettings",
    "check_organiser_password",
    "has_organiser_password",
    "load_settings",
    "save_settings",
    "set_organiser_password",
    "update_settings",
]

SETTINGS_KEY = "desk_settings"
PASSWORD_KEY = "organiser_password"
HUB_URL_KEY = "hub_url"
LEGACY_AUTO_PRINT_KEY = "auto_print"  # version 1: `checkin badge auto-print` wrote here, the desk never read it
VERSION_KEY = "_version"


def _v1_to_v2(stored: dict[str, Any], conn: Connection) -> dict[str, Any]:
    """Fold the old separate auto-print switch into the desk settings (it wins: it was set last by hand)."""
    legacy = get_meta(conn, LEGACY_AUTO_PRINT_KEY)
    if legacy is not None:
        stored["auto_print"] = legacy == "1"
    return stored


# version -> step that turns a store of that version into the next one
UPGRADES: dict[int, Callable[[dict[str, Any], Connection], dict[str, Any]]] = {1: _v1_to_v2}
_RETIRED_KEYS = {2: (LEGACY_AUTO_PRINT_KEY,)}  # local_meta keys a version's save removes


def _read(conn: Connection) -> dict[str, Any]:
    raw = get_meta(conn, SETTINGS_KEY)
    try:
        stored = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        stored = {}
    if not isinstance(stored, dict):
        stored = {}
    version = int(stored.get(VERSION_KEY, 1)) if isinstance(stored.get(VERSION_KEY, 1), int) else 1
    while version < SETTINGS_VERSION:
        stored = UPGRADES[version](stored, conn)
        version += 1
    stored[VERSION_KEY] = max(version, SETTINGS_VERSION)
    return stored


def load_settings(engine: Engine) -> DeskSettings:
    with engine.connect() as conn:
        stored = _read(conn)
        hub_url = get_meta(conn, HUB_URL_KEY) or ""
    values = coerce_known(DeskSettings, stored)
    values["hub_url"] = hub_url
    return DeskSettings(**values)


def save_settings(engine: Engine, settings: DeskSettings) -> None:
    if _has_password(settings.hub_url):
        raise ValueError("store the hub password in the keyring (checkin.sync.credentials.remember_hub), "
                         "not in the settings")
    with write_tx(engine) as conn:
        stored = _read(conn)
        stored.update(settings.to_json())  # keep keys a newer version wrote
        stored.pop("hub_url", None)
        set_meta(conn, SETTINGS_KEY, json.dumps(stored, ensure_ascii=False))
        for version, keys in _RETIRED_KEYS.items():
            if version <= SETTINGS_VERSION:
                for key in keys:
                    set_meta(conn, key, None)
        set_meta(conn, HUB_URL_KEY, settings.hub_url or None)


def _has_password(url: str) -> bool:
    """Parsed the way the sync engine parses it, rather than by hand."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return bool(url) and make_url(url).password is not None
    except ArgumentError:
        return False


def update_settings(engine: Engine, **changes: Any) -> DeskSettings:
    """Change some desk settings (CLI and app alike); unknown names raise TypeError."""
    settings = replace(load_settings(engine), **changes)
    save_settings(engine, settings)
    return settings


# ---------------------------------------------------------------- organiser password
def _hash(password: str, salt: bytes) -> str:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1).hex()


def set_organiser_password(engine: Engine, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise ValueError(problem)
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
