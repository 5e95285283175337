# SPDX-License-Identifier: MIT
"""Connection strings as people paste them, and passwords that never end up in a file."""

from __future__ import annotations

import pytest

from checkin.sync.credentials import account, store_password
from checkin.sync.engine import sync_once
from checkin.sync.urls import HubUrlError, display, hub_engine, libpq, normalise, without_password


def test_pasted_libpq_urls_get_the_driver_and_keep_tls_options() -> None:
    url = normalise("postgres://checkin_desk:tajne-hasło@192.168.10.5/checkin"
                    "?sslmode=verify-full&sslrootcert=C:/checkin/root.crt")
    assert url.drivername == "postgresql+psycopg"
    assert url.query == {"sslmode": "verify-full", "sslrootcert": "C:/checkin/root.crt"}
    assert without_password(url).password is None
    assert "tajne" not in display(url)
    remembered = libpq(url, with_password=False)  # what the desk file keeps
    assert remembered.startswith("postgresql://checkin_desk@192.168.10.5/checkin?")
    assert normalise(remembered).query == url.query  # (percent-encoded, which libpq reads back)
    assert account(url) == "checkin_desk@192.168.10.5:5432/checkin"


@pytest.mark.parametrize(("text", "message"), [
    ("sqlite:///desk.sqlite3", "must be PostgreSQL"),
    ("postgresql://checkin_desk@venue-laptop", "needs a database name"),
    ("to nie jest adres", "is not a database URL"),
])
def test_unusable_urls_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(HubUrlError, match=message):
        normalise(text)


def test_without_a_keyring_the_password_is_not_stored_and_the_user_is_told() -> None:
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    before = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())  # a headless box: no Secret Service, no Credential Manager
    try:
        result = store_password("postgresql://checkin_desk:tajne@hub/checkin")
    finally:
        keyring.set_keyring(before)
    assert not result.stored
    assert "NOT saved" in result.message and "PGPASSWORD" in result.message


def test_verify_full_is_passed_to_libpq_and_never_falls_back_to_plain_text(pg_server_url: str, engine) -> None:  # type: ignore[no-untyped-def]
    from checkin.storage.meta import ensure_desk

    ensure_desk(engine, "Stanowisko 1")
    hub = hub_engine(libpq(normalise(pg_server_url)) + "?sslmode=verify-full&sslrootcert=/nonexistent/root.crt")
    try:
        result = sync_once(engine, hub)
    finally:
        hub.dispose()
    assert not result.ok
    assert result.error is not None and "SSL" in result.error  # refused, not silently unencrypted
