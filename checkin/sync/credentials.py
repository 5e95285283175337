# SPDX-License-Identifier: MIT
"""The hub password lives in the OS keyring (Windows Credential Manager, macOS Keychain, Secret
Service on Linux), never in the desk database or a config file.

Without a usable keyring (a headless Linux box, CI) we say so plainly; the desk can still use the
libpq fall-backs that need no code here: the `PGPASSWORD` variable or a `~/.pgpass` file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.engine import URL

from checkin.sync.urls import normalise

SERVICE = "checkin-venue-hub"


@dataclass(frozen=True, slots=True)
class StoreResult:
    stored: bool
    message: str


def account(url: str | URL) -> str:
    """Keyring account name: one password per role, host, port and database."""
    u = normalise(url)
    return f"{u.username or ''}@{u.host or 'localhost'}:{u.port or 5432}/{u.database}"


def store_password(url: str | URL) -> StoreResult:
    """Keep the URL's password in the OS keyring; the caller then remembers the URL without it."""
    u = normalise(url)
    if not u.password:
        return StoreResult(False, "no password in the URL; nothing to store")
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.set_password(SERVICE, account(u), str(u.password))
    except ImportError:
        return StoreResult(False, _no_keyring("the 'keyring' package is not installed"))
    except KeyringError as exc:
        return StoreResult(False, _no_keyring(str(exc) or exc.__class__.__name__))
    return StoreResult(True, f"hub password stored in the OS keyring ({SERVICE} / {account(u)})")


def load_password(url: str | URL) -> str | None:
    """The stored password, or None (no keyring, nothing stored): libpq may still find one."""
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(SERVICE, account(url))
    except (ImportError, KeyringError):
        return None


def forget_password(url: str | URL) -> None:
    try:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        keyring.delete_password(SERVICE, account(url))
    except (ImportError, PasswordDeleteError, KeyringError):
        pass


def _no_keyring(reason: str) -> str:
    from pathlib import Path

    from checkin.platforms import current, keyring_advice, pgpass_path

    system = current()
    pgpass = pgpass_path(system, Path.home(), os.environ.get("APPDATA"))
    return ("no OS keyring is available here (" + reason + "), so the hub password was NOT saved: "
            + keyring_advice(system) + "; or pass the full URL again next time, or put the password in the "
            f"PGPASSWORD environment variable or the file {pgpass}")


def remember_hub(engine: Engine, given: str, *, insecure: bool | None = None) -> tuple[str, str]:
    """Make `given` this desk's hub: the URL without its password goes to the desk database, the
    password to the OS keyring. Returns (the full URL to connect with now, a sentence about the password).

    The single place a hub is remembered, shared by `checkin sync --hub`, the settings page and the
    desk app's sync bridge, so the CLI and the GUI can never disagree about which hub a desk uses.
    `insecure` (`--insecure-hub`) is remembered with it; None keeps the choice already made. A
    plain-text road to another computer is refused here, before anything is stored.
    """
    from checkin.storage.db import write_tx
    from checkin.storage.meta import set_meta
    from checkin.sync.trust import check_transport
    from checkin.sync.urls import libpq

    url = normalise(given)
    allow = remembered_insecure(engine) if insecure is None else insecure
    check_transport(url, insecure=allow)
    message = store_password(url).message if url.password else ""
    with write_tx(engine) as conn:
        set_meta(conn, "hub_url", libpq(url, with_password=False))
        set_meta(conn, "hub_insecure", "1" if allow else None)
    return url.render_as_string(hide_password=False), message


def remembered_insecure(engine: Engine) -> bool:
    """Did a person accept an unencrypted hub for this desk (`--insecure-hub`)?"""
    from checkin.storage.meta import get_meta

    with engine.connect() as conn:
        return get_meta(conn, "hub_insecure") == "1"


def remembered_hub(engine: Engine) -> str | None:
    """The remembered hub URL (no password; the worker finds it in the keyring), or None."""
    from checkin.storage.meta import get_meta

    with engine.connect() as conn:
        return get_meta(conn, "hub_url") or None


def forget_hub(engine: Engine) -> None:
    from checkin.storage.db import write_tx
    from checkin.storage.meta import set_meta

    with write_tx(engine) as conn:
        set_meta(conn, "hub_url", None)
