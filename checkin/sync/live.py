# SPDX-License-Identifier: MIT
"""LISTEN/NOTIFY: the hub's feed trigger notifies `checkin_changes` with the pushing desk's id in
the same transaction as the change, so other desks learn of it the moment it commits.

The listener holds its own autocommit connection on its own thread and only *wakes* the sync
thread; it never reads data itself (the feed is the truth, a notification is just a hint, and a
lost one costs at most one polling interval).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy.engine import URL

from checkin.sync import watchdog
from checkin.sync.backoff import Backoff
from checkin.sync.urls import NOTIFY_CHANNEL, HubTimeouts, connect_args, libpq, normalise


class HubListener:
    """Runs on its own daemon thread; calls `on_notify(origin_desk_id)` from that thread."""

    def __init__(self, hub_url: str | URL, desk_id: str, on_notify: Callable[[str], None], *,
                 password: str | None = None, on_state: Callable[[bool], None] | None = None,
                 timeouts: HubTimeouts | None = None, backoff: Backoff | None = None,
                 insecure: bool = False) -> None:
        from checkin.sync.trust import check_transport

        check_transport(hub_url, insecure=insecure)
        url = normalise(hub_url)
        if password and not url.password:
            url = url.set(password=password)
        self._conninfo = libpq(url)
        self._desk_id = desk_id
        self._on_notify = on_notify
        self._on_state = on_state
        self._timeouts = timeouts or HubTimeouts.default()
        self._backoff = backoff or Backoff()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = False

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="checkin-hub-listener", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _set_state(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            if self._on_state is not None:
                self._on_state(connected)

    def _run(self) -> None:
        """Listener thread: connect, LISTEN, relay notifications; reconnect with backoff."""
        import psycopg

        args = connect_args("checkin-listener", self._timeouts)
        args.pop("options", None)
        limit = self._timeouts.watchdog
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, **args) as conn:
                    with watchdog.guarded(conn, limit):
                        conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self._set_state(True)
                    self._backoff.succeeded()
                    self._on_notify("")  # (re)connected: catch up on anything missed meanwhile
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            if note.payload != self._desk_id:
                                self._on_notify(note.payload)
                        # notices a dead connection between notifications, and (guarded) a link
                        # that swallows bytes: the watchdog cuts it, we reconnect
                        with watchdog.guarded(conn, limit):
                            conn.execute("SELECT 1")
            except psycopg.Error:
                self._set_state(False)
                self._stop.wait(self._backoff.failed())
        self._set_state(False)
