# SPDX-License-Identifier: MIT
"""Opening the local database: where it lives, SQLite pragmas, write transactions, migrations.

Durability: WAL with `synchronous=FULL`, so a check-in shown green survives a power cut.
Concurrency: readers never block the writer (WAL); write transactions start with `BEGIN IMMEDIATE`
so two writers (the scan writer and the sync thread) queue on `busy_timeout` instead of failing
with "database is locked" when a read transaction tries to upgrade.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url

from checkin.domain.messages import say
from checkin.storage.location import check_local_path

BUSY_TIMEOUT_MS = 10_000


class DatabaseError(Exception):
    """A database could not be opened or upgraded; the message says what to do."""


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("checkin", appauthor=False)) / "checkin.sqlite3"


def resolve_url(db: str | Path | None) -> str:
    """`--db` takes a file path or an SQLAlchemy URL; nothing means the per-user default file."""
    if db is None or str(db) == "":
        return f"sqlite:///{default_db_path()}"
    text_db = str(db)
    if "://" in text_db:
        return text_db
    return f"sqlite:///{Path(text_db).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def create_db_engine(url: str, *, check_location: bool = True, create_folder: bool = True) -> Engine:
    """An engine with the pragmas set on every new connection. Does not migrate.

    A missing folder is created only when asked (`create_folder`): a mistyped `--db` path must not
    quietly start an empty database somewhere; a folder the desk cannot write to is said in one sentence.
    """
    path = sqlite_path(url)
    if path is not None:
        if check_location:
            check_local_path(path)
        _check_folder(path, create_folder)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_hooks(engine)
        return engine
    if make_url(url).get_backend_name() == "sqlite":  # in-memory: one shared connection
        from sqlalchemy.pool import StaticPool

        engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
        _install_sqlite_hooks(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _check_folder(path: Path, create_folder: bool) -> None:
    folder = path.parent
    if not folder.exists():
        if not create_folder:
            raise DatabaseError(say("The folder {folder} does not exist: check the --db path, or add --create to "
                                    "start a new database there.", folder=folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(say("Cannot create the folder {folder}: {error}.", folder=folder,
                                    error=exc.strerror or exc)) from exc
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise DatabaseError(say("The desk cannot write to {path}: the folder or file is read-only. Choose a folder "
                                "you can write to (--db), or ask for write access.", path=path))


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class _WriteGate:
    """In-process priority for the write lock: a background writer (the sync thread catching up)
    steps aside while any foreground writer (a scan) is waiting for the lock. SQLite alone would let
    the sync thread, which commits and begins again in a tight loop, win the lock over and over
    while the scan sleeps in its busy handler."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.waiting = 0

    def add(self, n: int) -> None:
        with self._lock:
            self.waiting += n

    def wait_clear(self, limit_s: float = 0.5) -> None:
        deadline = time.monotonic() + limit_s
        while self.waiting and time.monotonic() < deadline:
            time.sleep(0.001)


_gate = _WriteGate()


@contextmanager
def write_tx(engine: Engine, *, background: bool = False) -> Iterator[Connection]:
    """One write transaction: commits on success, rolls back on any exception.

    `background=True` (bulk work off the scan path: sync catch-up) waits until no foreground writer
    of this process is queued for the lock, and commits without fsync (only for work that is
    redone when lost, such as a pulled page with its cursor); keep such transactions short.
    """
    if background:
        _gate.wait_clear()
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        if background:
            # what background work writes can be redone (a pull re-reads a page whose commit was
            # lost with the power), so its commits skip the fsync; the next scan's commit syncs them
            raw = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
            if raw is not None:  # on the driver connection: SQLAlchemy would wrap it in a transaction
                raw.execute("PRAGMA synchronous=NORMAL")
            try:
                with conn.begin():
                    yield conn
            finally:
                if raw is not None:
                    raw.execute("PRAGMA synchronous=FULL")
            return
        _gate.add(1)
        try:
            tx = conn.begin()  # BEGIN IMMEDIATE: this is where a writer waits for the lock
        finally:
            _gate.add(-1)
        with tx:
            yield conn


@contextmanager
def read_tx(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn, conn.begin():
        yield conn


def open_database(db: str | Path | None = None, *, check_location: bool = True,
                  create_folder: bool = True) -> Engine:
    """Open (creating if needed) and upgrade the database; the one entry point the app uses.

    `create_folder=False` (the CLI's `--db` without `--create`) refuses a folder that does not exist.
    """
    url = resolve_url(db)
    try:
        engine = create_db_engine(url, check_location=check_location, create_folder=create_folder)
        upgrade(engine)
    except DatabaseError:
        raise
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{url}: not a usable checkin database ({exc})") from exc
    except Exception as exc:
        if exc.__class__.__name__ in {"OperationalError", "DatabaseError"}:
            raise DatabaseError(f"Cannot open the database {url}: {exc}") from exc
        raise
    return engine


MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def _version() -> str:
    from checkin import __version__

    return __version__


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)  # type: ignore[arg-type]
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def upgrade(engine: Engine) -> None:
    """Bring the schema to head; back up an existing SQLite file first (vorta does the same)."""
    from alembic import command

    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    path = sqlite_path(str(engine.url))
    if current is not None and path is not None and path.exists():
        backup = path.with_name(f"{path.name}.before-{head}.bak")
        if not backup.exists():
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
            shutil.copy2(path, backup)
    from alembic.util.exc import CommandError

    try:
        with engine.connect() as conn:
            command.upgrade(_alembic_config(conn), "head")
            conn.commit()
    except CommandError as exc:
        raise DatabaseError(
            f"{engine.url.database or engine.url}: its schema version '{current}' is unknown to checkin "
            f"{_version()} (was it written by a newer version?). Nothing was changed; use that version "
            "or another database file."
        ) from exc
