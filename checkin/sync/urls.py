# SPDX-License-Identifier: MIT
"""Hub connection strings: accept what people paste, connect with short timeouts.

People paste `postgresql://user:pw@host/db?sslmode=verify-full&sslrootcert=...` (the libpq form
that `psql` and `checkin hub init` print); SQLAlchemy needs the driver named, so we rewrite to
`postgresql+psycopg://`. Query parameters (sslmode, sslrootcert, ...) go to libpq unchanged.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

HUB_SCHEMA = "checkin"
NOTIFY_CHANNEL = "checkin_changes"


@dataclass(frozen=True, slots=True)
class HubTimeouts:
    """How long a desk waits for the hub, in seconds. Every wait is bounded:

    - `connect`: TCP + TLS + login;
    - `lock`: waiting for another desk's lock (the hub answers with an error, the round is retried);
    - `statement`: any one statement (the hub cancels it and says so);
    - `watchdog`: no answer at all (the request may never have reached the hub): the desk cuts the
      connection itself. Longer than `statement`, so a slow but alive hub explains itself first.

    The defaults make a stalled link show as offline within about ten seconds. Tests shorten them;
    `CHECKIN_HUB_WATCHDOG_S` overrides the watchdog for a desk process (fault tests, odd networks).
    """

    connect: float = 3.0
    lock: float = 3.0
    statement: float = 5.0
    watchdog: float = 6.0

    @classmethod
    def default(cls) -> HubTimeouts:
        value = os.environ.get("CHECKIN_HUB_WATCHDOG_S")
        if not value:
            return cls()
        seconds, base = float(value), cls()
        return replace(base, watchdog=seconds, statement=min(base.statement, seconds * 0.8),
                       lock=min(base.lock, seconds * 0.5), connect=min(base.connect, seconds))


CONNECT_TIMEOUT_S = HubTimeouts().connect


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


def connect_args(application_name: str = "checkin", timeouts: HubTimeouts | None = None) -> dict[str, Any]:
    """Connect, statement and lock timeouts and TCP keepalives, so neither a pulled cable nor a
    busy hub keeps a desk waiting for long (a link that swallows bytes is the watchdog's job)."""
    tm = timeouts or HubTimeouts.default()
    return {
        "connect_timeout": max(1, round(tm.connect)),
        "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3,
        "tcp_user_timeout": round(tm.watchdog * 1000),
        "application_name": application_name,
        "options": (f"-c search_path={HUB_SCHEMA} -c statement_timeout={round(tm.statement * 1000)} "
                    f"-c lock_timeout={round(tm.lock * 1000)}"),
    }


def hub_engine(url: str | URL, *, password: str | None = None, application_name: str = "checkin",
               timeouts: HubTimeouts | None = None, insecure: bool = False) -> Engine:
    """An engine for the hub; `password` (from the keyring) fills a URL that has none. Every call
    it makes is bounded by `timeouts` (see `HubTimeouts` and `checkin.sync.watchdog`).

    Refuses (HubUrlError) a plain-text road to a hub on another computer unless `insecure`
    (`--insecure-hub`): see `checkin.sync.trust`."""
    from checkin.sync import watchdog
    from checkin.sync.trust import check_transport

    check_transport(url, insecure=insecure)
    tm = timeouts or HubTimeouts.default()
    u = normalise(url)
    if password and not u.password:
        u = u.set(password=password)
    engine = create_engine(u, connect_args=connect_args(application_name, tm), pool_pre_ping=False,
                           pool_size=2, max_overflow=2, pool_recycle=600, pool_timeout=tm.watchdog)
    watchdog.attach(engine, tm.watchdog)
    return engine
