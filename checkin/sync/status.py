# SPDX-License-Identifier: MIT
"""What the desk shows about sync: online or not, what is waiting, when it last worked, lag, clock.

The sync thread writes its outcome to `sync_state` after every attempt, so `read_status` needs
only the local database: the status bar, `checkin sync status` in another terminal and a support
person reading the file all see the same thing, and reading it never touches the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from checkin.storage import outbox
from checkin.storage import tables as t
from checkin.storage.meta import get_meta
from checkin.sync.held import HeldItem, held_items
from checkin.sync.push import pending_count
from checkin.sync.rows import upsert

CLOCK_WARN_SECONDS = 60.0
STALE_AFTER_S = 300.0  # default: the desk's list is "old" 5 minutes after the last pull
STALE_META_KEY = "sync_stale_after_s"  # local_meta override, seconds
STATE_KEYS = ("online", "last_attempt", "last_success", "last_error", "last_error_at", "clock_offset_ms",
              "scan_lag_ms", "last_pull", "connecting")


@dataclass(frozen=True, slots=True)
class SyncStatus:
    hub: str | None  # hub URL without password; None: this desk works alone
    online: bool  # the last attempt reached the hub
    pending: int  # outbox rows not yet at the hub
    pending_scans: int
    last_attempt: datetime | None
    last_success: datetime | None
    last_error: str | None  # the last failure, kept until the next success
    last_error_at: datetime | None
    lag_seconds: float | None  # newest other-desk scan: hub receive time minus its device time
    since_pull_seconds: float | None  # time since the last successful pull
    clock_offset_seconds: float | None  # hub clock minus this desk's clock
    live: bool = False  # LISTEN/NOTIFY connected (only known while a worker runs)
    unencrypted: bool = False  # the hub is on another computer and the road is plain text (--insecure-hub)
    connecting: bool = False  # a sync thread started and has not reached the hub or given up yet
    stale_after_seconds: float = STALE_AFTER_S
    held: tuple[HeldItem, ...] = field(default_factory=tuple)  # rows the hub refused for good

    @property
    def state(self) -> str:
        """"online" | "offline" | "connecting" (a desk without a hub is offline: it works alone)."""
        if self.hub is None:
            return "offline"
        if self.connecting:
            return "connecting"
        return "online" if self.online else "offline"

    @property
    def stale(self) -> bool:
        """A hub is set and this desk's copy of the roster and scans is older than the setting."""
        if self.hub is None:
            return False
        return self.since_pull_seconds is None or self.since_pull_seconds > self.stale_after_seconds

    @property
    def clock_warning(self) -> bool:
        return self.clock_offset_seconds is not None and abs(self.clock_offset_seconds) > CLOCK_WARN_SECONDS

    def summary(self) -> str:
        """One line for a status bar or terminal."""
        held = f"{len(self.held)} HELD (refused by the hub): see `checkin sync held`" if self.held else ""
        if self.hub is None:
            return "; ".join(filter(None, [f"No venue hub set; {self.pending} changes kept on this desk", held]))
        state = {"online": "online", "offline": "OFFLINE", "connecting": "connecting"}[self.state]
        parts = [f"{state} ({self.hub})", f"{self.pending_scans} scans / {self.pending} changes waiting"]
        if self.stale:
            parts.append("list NOT UPDATED " + (f"for {self.since_pull_seconds / 60:.0f} min"
                                                if self.since_pull_seconds is not None else "yet"))
        if held:
            parts.append(held)
        if self.unencrypted:
            parts.insert(1, "unencrypted")
        if self.last_success:
            parts.append(f"last sync {self.last_success.astimezone():%H:%M:%S}")
        if self.lag_seconds is not None:
            parts.append(f"lag {self.lag_seconds:.1f} s")
        if self.clock_warning:
            parts.append(f"CLOCK OFF BY {self.clock_offset_seconds:+.0f} s: fix this computer's time")
        if not self.online and self.last_error:
            parts.append(f"error: {self.last_error}")
        return "; ".join(parts)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            data[f.name] = value.isoformat() if isinstance(value, datetime) else value
        data["clock_warning"] = self.clock_warning
        data["state"] = self.state
        data["stale"] = self.stale
        data["held"] = [h.to_json() for h in self.held]
        return data


def _state(conn: Connection) -> dict[str, str]:
    return {r.key: r.value for r in conn.execute(select(t.sync_state).where(t.sync_state.c.key.in_(STATE_KEYS)))}


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def read_status(engine: Engine, *, live: bool = False, now: datetime | None = None,
                hub: str | None = None) -> SyncStatus:
    """Status from the local database alone (any thread; a short read transaction). `hub`: the hub
    a running worker uses, when it was given one rather than the remembered one."""
    now = now or datetime.now(UTC)
    with engine.connect() as conn:
        state = _state(conn)
        hub = hub or get_meta(conn, "hub_url")
        pending = pending_count(conn)
        pending_scans = outbox.pending_count(conn, ("scan",))
        stale_after = float(get_meta(conn, STALE_META_KEY) or STALE_AFTER_S)
    held = tuple(held_items(engine))
    last_pull = _time(state.get("last_pull"))
    return SyncStatus(
        hub=hub, online=state.get("online") == "1", pending=pending, pending_scans=pending_scans,
        last_attempt=_time(state.get("last_attempt")), last_success=_time(state.get("last_success")),
        last_error=state.get("last_error") or None, last_error_at=_time(state.get("last_error_at")),
        lag_seconds=int(state["scan_lag_ms"]) / 1000 if state.get("scan_lag_ms") else None,
        since_pull_seconds=(now - last_pull).total_seconds() if last_pull else None,
        clock_offset_seconds=int(state["clock_offset_ms"]) / 1000 if state.get("clock_offset_ms") else None,
        live=live, connecting=state.get("connecting") == "1", stale_after_seconds=stale_after, held=held,
        unencrypted=_unencrypted(hub),
    )


def _unencrypted(hub: str | None) -> bool:
    from checkin.sync.trust import unencrypted
    from checkin.sync.urls import HubUrlError

    try:
        return bool(hub) and unencrypted(hub or "")
    except HubUrlError:
        return False


def write_state(conn: Connection, **values: str | None) -> None:
    """Record sync outcomes (caller's local write transaction). None clears a key. Two statements
    whatever the number of keys: every sync round calls this."""
    assert all(key in STATE_KEYS for key in values), values
    cleared = [key for key, value in values.items() if value is None]
    if cleared:
        conn.execute(t.sync_state.delete().where(t.sync_state.c.key.in_(cleared)))
    upsert(conn, t.sync_state, [{"key": k, "value": v} for k, v in values.items() if v is not None], ["key"])
