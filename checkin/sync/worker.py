# SPDX-License-Identifier: MIT
"""The sync thread: pushes and pulls in the background, never in the scan path.

The GUI wraps a `SyncWorker` in its own QThread-friendly bridge; this module knows nothing of Qt.
**Callbacks (`on_status`, `on_changes`) are called on the sync thread**: a GUI must re-emit them as
signals (queued connections) and never touch widgets from them.

When it syncs:
- right away on start, after `sync_now()`, and when the hub notifies a change by another desk;
- the moment a local transaction that queued an outbox row is committed and its connection goes back
  to the pool (a SQLAlchemy pool event on the local engine: the scan path neither waits nor knows),
  so a check-in is on its way to the hub within a millisecond or two, not a polling interval;
- when the outbox has rows written by another process on the same file (checked every
  `push_check_interval`, a cheap local query; only a safety net now);
- every `poll_interval` seconds in any case (the fallback when notifications are lost);
- after a failure, with exponential backoff (`checkin.sync.backoff`, 1, 2, 4 ... 30 s); a desk
  that loses the network keeps scanning locally all the while, and catches up on the next success.

But never more than half of the time: after a round the thread rests as long as the round took
(at most `MAX_REST_S`), so wake-ups that come faster than rounds fold into one round. Each round
woken by a notification is the hot path (`checkin.sync.engine.sync_once` with a `RoundMemo`).

No call waits for the hub unbounded (`HubTimeouts`, `checkin.sync.watchdog`): a stalled link makes
the round fail within the watchdog limit, and when the listener's connection is cut the pooled
connections are dropped too, so the next round starts fresh and the status says offline within
seconds rather than after a second wait.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine, event

from checkin.storage import outbox
from checkin.storage.db import write_tx
from checkin.sync.backoff import Backoff
from checkin.sync.credentials import load_password, remembered_insecure
from checkin.sync.engine import RoundMemo, SyncResult, local_desk_id, refused, sync_once
from checkin.sync.live import HubListener
from checkin.sync.push import KINDS
from checkin.sync.status import SyncStatus, read_status, write_state
from checkin.sync.urls import HubTimeouts, HubUrlError, display, hub_engine, normalise

MAX_REST_S = 0.25  # the longest pause between two rounds that the duty-cycle rule may ask for


class SyncWorker:
    def __init__(self, local_engine: Engine, hub_url: str, *,
                 on_status: Callable[[SyncStatus], None] | None = None,
                 on_changes: Callable[[set[str]], None] | None = None,
                 poll_interval: float = 5.0, push_check_interval: float = 1.0,
                 password: str | None = None, listen: bool = True, timeouts: HubTimeouts | None = None,
                 backoff: Backoff | None = None, insecure: bool | None = None) -> None:
        self.local = local_engine
        self.hub_url = normalise(hub_url)
        # --insecure-hub is remembered with the hub (credentials.remember_hub); None: use that choice
        self.insecure = remembered_insecure(local_engine) if insecure is None else insecure
        self._password = password or (None if self.hub_url.password else load_password(self.hub_url))
        self.on_status = on_status
        self.on_changes = on_changes
        self.poll_interval = poll_interval
        self.push_check_interval = push_check_interval
        self._listen = listen
        self.timeouts = timeouts or HubTimeouts.default()
        self.backoff = backoff or Backoff()
        self._hub: Engine | None = None
        self._lock = threading.Lock()  # one sync at a time (run_once may be called from elsewhere too)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._listener: HubListener | None = None
        self._memo = RoundMemo()  # sync thread (under _lock): what rounds remember between them
        self._full_wanted = False  # set by sync_now (any thread), taken by the next round
        self.last_result: SyncResult | None = None

    # ------------------------------------------------------------------ control (any thread)
    def start(self) -> None:
        """Start the sync thread (a daemon: it never keeps the app alive)."""
        if self._thread is not None:
            return
        self._stopping.clear()
        with write_tx(self.local) as conn:  # until the first round ends, say so (not yesterday's "online")
            write_state(conn, connecting="1")
        if self._listen:
            self._listener = HubListener(self.hub_url, local_desk_id(self.local), self._notified,
                                         password=self._password, on_state=self._live_changed,
                                         timeouts=self.timeouts, backoff=Backoff(self.backoff.first,
                                                                                 self.backoff.maximum),
                                         insecure=self.insecure)
            self._listener.start()
        event.listen(self.local, "after_cursor_execute", self._saw_statement)
        event.listen(self.local.pool, "checkin", self._saw_commit)
        self._thread = threading.Thread(target=self._loop, name="checkin-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the thread to finish its current round and wait up to `timeout` seconds."""
        self._stopping.set()
        self._wake.set()
        for target, name, fn in ((self.local, "after_cursor_execute", self._saw_statement),
                                 (self.local.pool, "checkin", self._saw_commit)):
            if event.contains(target, name, fn):
                event.remove(target, name, fn)
        if self._listener is not None:
            self._listener.stop(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
        if self._hub is not None:
            self._hub.dispose()
            self._hub = None

    def sync_now(self) -> None:
        """Wake the sync thread now for a full round (the volunteer pressed "Sync now": clock,
        heartbeat and rehearsals too, not only the hot path)."""
        self._full_wanted = True
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def status(self) -> SyncStatus:
        return read_status(self.local, live=bool(self._listener and self._listener.connected),
                           hub=display(self.hub_url))

    # ------------------------------------------------------------------ work (sync thread)
    def run_once(self) -> SyncResult:
        """One push+pull round on the calling thread; serialised with the background loop."""
        with self._lock:
            if self._hub is None:
                try:
                    self._hub = hub_engine(self.hub_url, password=self._password, application_name="checkin-desk",
                                           timeouts=self.timeouts, insecure=self.insecure)
                except HubUrlError as exc:  # e.g. a plain-text road to another computer: say so, keep scanning
                    self.last_result = refused(self.local, str(exc))
                    return self.last_result
            if self._full_wanted:
                self._full_wanted = False
                self._memo.last_heartbeat = None
            result = sync_once(self.local, self._hub, memo=self._memo)
            if not result.ok and self._hub is not None:
                self._hub.dispose()  # drop half-dead pooled connections; reconnect fresh next time
            self.last_result = result
            return result

    def _loop(self) -> None:
        """The sync thread's body."""
        while not self._stopping.is_set():
            self._wake.clear()
            result = self.run_once()
            self._emit(result)
            if result.ok:
                self.backoff.succeeded()
                wait = self.poll_interval
                # At most half of the time in rounds: when pushes all over the venue wake this desk
                # faster than it syncs (a busy laptop, 50 desks), the next round waits as long as
                # this one took and then takes everything that came meanwhile in one go, instead of
                # one round per notification. Idle, a round takes a few ms, and so does the rest.
                if self._stopping.wait(min(result.duration_seconds, MAX_REST_S)):
                    break
            else:
                wait = self.backoff.failed()
            deadline = time.monotonic() + wait
            while not self._stopping.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                if self._wake.wait(min(self.push_check_interval, remaining)):
                    break
                if result.ok and self._has_pending():
                    break

    def _emit(self, result: SyncResult) -> None:
        if self.on_status is not None:
            self.on_status(self.status())
        if result.kinds and self.on_changes is not None:
            self.on_changes(set(result.kinds))

    def _has_pending(self) -> bool:
        """Anything new to push? After a successful round the outbox is empty, so any row is new."""
        with self.local.connect() as conn:
            return outbox.has_pending(conn, KINDS)

    def _saw_statement(self, conn: object, _cursor: object, statement: str, *_args: object) -> None:
        """Any thread writing locally: remember on the pooled connection that it queued outbox rows."""
        if statement.startswith("INSERT INTO outbox"):
            conn.info["outbox_queued"] = True  # type: ignore[attr-defined]

    def _saw_commit(self, _dbapi_conn: object, record: object) -> None:
        """Any thread: a connection went back to the pool, so its transaction is over (committed, or
        rolled back: then one harmless extra round). Wake the push if it queued anything."""
        info = record.info  # type: ignore[attr-defined]
        if info.pop("outbox_queued", False):
            self._wake.set()

    def _notified(self, origin: str) -> None:
        """Listener thread: another desk changed something (or we reconnected)."""
        self._wake.set()

    def _live_changed(self, connected: bool) -> None:
        """Listener thread: the notification connection came up or went down. The sync thread does a
        round and reports the new state, so callbacks stay on the sync thread. Lost: the pooled hub
        connections share the listener's path and are likely dead too; drop them (idle ones only,
        a round in progress is bounded by its own watchdog) so the round connects afresh."""
        if not connected and self._hub is not None and self._lock.acquire(blocking=False):
            try:
                if self._hub is not None:
                    self._hub.dispose()
            finally:
                self._lock.release()
        self._wake.set()
