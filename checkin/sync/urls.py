# SPDX-License-Identifier: MIT
"""Hub connection strings: accept what people paste, connect with short timeouts.

People paste `postgresql://user:pw@host/db?sslmode=verify-full&sslrootcert=...` (the libpq form
that `psql` and `checkin hub init` print); SQLAlchemy needs the driver named, so we rewrite to
`postgresql+psycopg://`. Query parameters (sslmode, sslrootcert, ...) go to libpq unchanged.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

HUB_SCHEMA = "checkin"
CONNECT_TIMEOUT_S = 3
NOTIFY_CHANNEL = "checkin_changes"


class HubUrlError(ValueError):
    """A hub URL that cannot be used; the message says what is wrong."""


def normalise(url: str | URL) -> URL:
    """`postgres://` and `postgresql://` become `postgresql+psycopg://`; anything else is refused."""
    text = str(url) if isinstance(url, URL) else url.strip()
    if isinstance(url, URL):
        parsed = url
    else:
        for prefix in ("postgres://", "postgresql://"):
            if text.startswith(prefix):
                text = "postgresql+psycopg://" + text[len(prefix):]
        try:
            parsed = make_url(text)
        except ArgumentError as exc:
            raise HubUrlError(f"'{text}' is not a database URL like postgresql://user@host/dbname") from exc
    if parsed.get_backend_name() != "postgresql":
        raise HubUrlError(f"the venue hub must be PostgreSQL (postgresql://...), not '{parsed.drivername}'")
    if parsed.drivername != "postgresql+psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if not parsed.database:
        raise HubUrlError("the hub URL needs a database name, e.g. postgresql://checkin_desk@venue-laptop/checkin")
    return parsed


def without_password(url: str | URL) -> URL:
    # URL.set() ignores None values, so clearing a field needs the NamedTuple's _replace
    return normalise(url)._replace(password=None)


def display(url: str | URL) -> str:
    """For logs and status: never shows a password."""
    return without_password(url).render_as_string(hide_password=True)


def libpq(url: str | URL, *, with_password: bool = True) -> str:
    """The `postgresql://` form that psql, pgAdmin and other desks accept."""
    u = normalise(url).set(drivername="postgresql")
    if not with_password:
        u = u._replace(password=None)
    return u.render_as_string(hide_password=False)


def connect_args(application_name: str = "checkin") -> dict[str, Any]:
    """Short connect timeout and TCP keepalives so a pulled cable is noticed in seconds, not hours."""
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3,
        "tcp_user_timeout": 10_000,
        "application_name": application_name,
        "options": f"-c search_path={HUB_SCHEMA}",
    }


def hub_engine(url: str | URL, *, password: str | None = None, application_name: str = "checkin",
               insecure: bool = False) -> Engine:
    """An engine for the hub; `password` (from the keyring) fills a URL that has none.

    Refuses (HubUrlError) a plain-text road to a hub on another computer unless `insecure`
    (`--insecure-hub`): see `checkin.sync.trust`."""
    from checkin.sync.trust import check_transport

    check_transport(url, insecure=insecure)
    u = normalise(url)
    if password and not u.password:
        u = u.set(password=password)
    return create_engine(u, connect_args=connect_args(application_name), pool_pre_ping=True,
                         pool_size=2, max_overflow=2, pool_recycle=600)
