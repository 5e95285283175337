# SPDX-License-Identifier: MIT
"""Noticing a hub connection that accepts bytes but never answers.

TCP keepalives and `tcp_user_timeout` catch a pulled cable, and the hub's own `statement_timeout`
bounds slow statements, but none of them helps when something between desk and hub (a hung switch,
a captive portal, a half-dead access point) acknowledges every byte and forwards none: the server
never sees the query, so it never times out, and the driver waits for an answer forever.

So every call that waits for the hub is *armed* with a deadline. One daemon thread looks at the
armed calls a few times a second; a call past its deadline gets its socket shut down, which wakes
the blocked driver with "server closed the connection" at once. The caller then sees an ordinary
connection error, the pool is discarded and the desk reconnects by itself.

The deadline should exceed the statement and lock timeouts the hub enforces, so a slow but alive
hub answers with its own, clearer error first.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, event

_lock = threading.Lock()
_armed: dict[int, tuple[float, Any]] = {}  # id(psycopg connection) -> (deadline, connection)
_thread: threading.Thread | None = None
_cut_count = 0


def cuts() -> int:
    """How many stalled connections the watchdog has cut in this process (for tests and logs)."""
    return _cut_count


def arm(conn: Any, seconds: float) -> None:
    """`conn` (a psycopg connection) is about to wait for the hub at most `seconds`."""
    global _thread
    with _lock:
        _armed[id(conn)] = (time.monotonic() + seconds, conn)
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_watch, name="checkin-hub-watchdog", daemon=True)
            _thread.start()


def disarm(conn: Any) -> None:
    with _lock:
        _armed.pop(id(conn), None)


@contextlib.contextmanager
def guarded(conn: Any, seconds: float) -> Iterator[None]:
    arm(conn, seconds)
    try:
        yield
    finally:
        disarm(conn)


def cut(conn: Any) -> None:
    """Shut the connection's socket down under the driver's feet (any thread)."""
    global _cut_count
    try:
        fd = conn.pgconn.socket
    except Exception:  # already closed
        return
    _cut_count += 1
    with contextlib.suppress(OSError):
        # fromfd duplicates the descriptor; shutdown acts on the socket both descriptors share
        s = socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.shutdown(socket.SHUT_RDWR)
        finally:
            s.close()


def _watch() -> None:
    """Watchdog thread: cut every armed call past its deadline."""
    while True:
        time.sleep(0.1)
        now = time.monotonic()
        with _lock:
            late = [conn for deadline, conn in _armed.values() if deadline <= now]
            for conn in late:
                _armed.pop(id(conn), None)
        for conn in late:
            cut(conn)


def attach(engine: Engine, seconds: float) -> None:
    """Arm every statement, commit and rollback `engine` sends, and ping pooled connections on
    checkout under the same deadline (a stalled pooled connection would hang a plain pre-ping)."""

    def dbapi(conn: Any) -> Any:
        return conn.connection.dbapi_connection

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn: Any, *_: Any) -> None:
        arm(dbapi(conn), seconds)

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn: Any, *_: Any) -> None:
        disarm(dbapi(conn))

    @event.listens_for(engine, "handle_error")
    def _error(ctx: Any) -> None:
        if ctx.connection is not None and ctx.connection.connection.dbapi_connection is not None:
            disarm(ctx.connection.connection.dbapi_connection)

    # commit and rollback have no "after" event: the pool's checkin (or the next statement) disarms
    @event.listens_for(engine, "commit")
    def _commit(conn: Any) -> None:
        arm(dbapi(conn), seconds)

    @event.listens_for(engine, "rollback")
    def _rollback(conn: Any) -> None:
        arm(dbapi(conn), seconds)

    @event.listens_for(engine.pool, "checkout")
    def _checkout(dbapi_conn: Any, record: Any, proxy: Any) -> None:
        from sqlalchemy.exc import DisconnectionError

        if record.info.pop("fresh", False):
            return
        try:
            with guarded(dbapi_conn, seconds):
                autocommit = dbapi_conn.autocommit
                dbapi_conn.autocommit = True  # a ping must not leave a transaction open
                try:
                    dbapi_conn.execute("SELECT 1")
                finally:
                    dbapi_conn.autocommit = autocommit
        except Exception as exc:  # the pool discards this connection and opens a new one
            raise DisconnectionError(str(exc)) from exc

    @event.listens_for(engine.pool, "connect")
    def _connect(dbapi_conn: Any, record: Any) -> None:
        record.info["fresh"] = True

    @event.listens_for(engine.pool, "checkin")
    def _checkin(dbapi_conn: Any, record: Any) -> None:
        if dbapi_conn is not None:
            disarm(dbapi_conn)

    @event.listens_for(engine.pool, "reset")
    def _reset(dbapi_conn: Any, record: Any, state: Any = None) -> None:
        arm(dbapi_conn, seconds)
