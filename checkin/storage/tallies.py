# SPDX-License-Identifier: MIT
"""Running totals for the dashboard, kept by SQLite triggers (desk databases only).

Why triggers: attendance and scans are written by several paths (the scan path, voids, pulled pages
from other desks, roster edits by import or sync). A trigger runs inside the same transaction as the
write that causes it, whoever makes it, so the totals can never drift from the rows, and reading
them costs O(sessions + desks), not O(scans). Measured at 20,000 people / 200,000 scans
(bench/dashboard.py): a from-scratch recount with covering indexes stays at tens of milliseconds,
the tallies at about one.

Three tables:
- `attendance_tally`: per checkpoint, day, session, attendee event + category and (day checkpoints
  only) ten-UTC-minute bucket of the first entry: how many attendance rows are active (`present`)
  and active-and-inside (`inside`). Attendance rows whose attendee is not in the local roster are
  kept under event '' / category ''; they move to the right key when the attendee arrives.
- `registration_tally`: per event, 'day' (ISO date, or '*' for "every day") or 'session' (code)
  and category: active registrations.
- `scan_tally`: per event, desk and UTC minute ('*' for the desk's total): scans, admissions, last.

The DDL below is frozen by migration 0004_i15_tallies: change it only through a new migration.
`checkin.services.headcount.recount` is the from-scratch definition these must always equal.
"""

from __future__ import annotations

import weakref

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import Connection

TABLES = ("attendance_tally", "registration_tally", "scan_tally")

_BUCKET = "CASE WHEN {r}.session_id IS NULL THEN coalesce(substr({r}.first_time, 1, 15), '') ELSE '' END"
_ATT_CONFLICT = ("ON CONFLICT (checkpoint, day, session_id, event_id, category, bucket) "
                 "DO UPDATE SET present = present + excluded.present, inside = inside + excluded.inside")
_ATT_COLUMNS = "(event_id, category, checkpoint, day, session_id, bucket, present, inside)"


def _attendance_row(r: str, sign: str) -> str:
    """Add (sign '') or take away (sign '-') one attendance row `r` (NEW/OLD) under its attendee."""
    return (f"INSERT INTO attendance_tally {_ATT_COLUMNS} "
            f"SELECT coalesce(a.event_id, ''), coalesce(a.category, ''), {r}.checkpoint, {r}.day, "
            f"coalesce({r}.session_id, ''), {_BUCKET.format(r=r)}, "
            f"{sign}({r}.active <> 0), {sign}({r}.active <> 0 AND {r}.inside <> 0) "
            f"FROM (SELECT 1) LEFT JOIN attendee a ON a.id = {r}.attendee_id WHERE true {_ATT_CONFLICT};")


def _attendee_rows(attendee_id: str, event: str, category: str, sign: str) -> str:
    """Add or take away every attendance row of one attendee under the given event and category."""
    return (f"INSERT INTO attendance_tally {_ATT_COLUMNS} "
            f"SELECT {event}, {category}, at.checkpoint, at.day, coalesce(at.session_id, ''), "
            f"{_BUCKET.format(r='at')}, {sign}(at.active <> 0), {sign}(at.active <> 0 AND at.inside <> 0) "
            f"FROM attendance at WHERE at.attendee_id = {attendee_id} {_ATT_CONFLICT};")


def _array(expr: str) -> str:
    return f"CASE json_type({expr}) WHEN 'array' THEN {expr} END"


def _registration(r: str, sign: str) -> str:
    """Add or take away one attendee row's registrations (only while its status is active)."""
    conflict = "ON CONFLICT (event_id, kind, key, category) DO UPDATE SET n = n + excluded.n;"
    cols = "INSERT INTO registration_tally (event_id, kind, key, category, n) "
    active = f"{r}.status = 'active'"
    return (
        f"{cols}SELECT {r}.event_id, 'day', j.value, {r}.category, {sign}1 "
        f"FROM json_each({_array(f'{r}.days')}) j WHERE {active} {conflict}"
        f"{cols}SELECT {r}.event_id, 'day', '*', {r}.category, {sign}1 "
        f"WHERE {active} AND coalesce(json_array_length({_array(f'{r}.days')}), 0) = 0 {conflict}"
        f"{cols}SELECT DISTINCT {r}.event_id, 'session', j.value, {r}.category, {sign}1 "
        f"FROM json_each({_array(f'{r}.sessions')}) j WHERE {active} {conflict}"
    )


def _scan_row(r: str, sign: str) -> str:
    conflict = ("ON CONFLICT (event_id, desk_id, minute) DO UPDATE SET scans = scans + excluded.scans, "
                "accepted = accepted + excluded.accepted, last_time = max(last_time, excluded.last_time);")
    values = f"{sign}1, {sign}({r}.result = 'accepted'), {r}.device_time"
    cols = "INSERT INTO scan_tally (event_id, desk_id, minute, scans, accepted, last_time) "
    return (f"{cols}SELECT {r}.event_id, {r}.desk_id, substr({r}.device_time, 1, 16), {values} WHERE true {conflict}"
            f"{cols}SELECT {r}.event_id, {r}.desk_id, '*', {values} WHERE true {conflict}")


_NONE = "''"  # the event/category of attendance whose attendee is not here
_ATTENDANCE_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in (
    "attendee_id", "checkpoint", "day", "session_id", "first_time", "active", "inside"))
_ROSTER_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in ("event_id", "category", "status", "days",
                                                                  "sessions"))

TABLE_STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE attendance_tally (
        event_id VARCHAR(64) NOT NULL, category VARCHAR(32) NOT NULL, checkpoint VARCHAR(100) NOT NULL,
        day DATE NOT NULL, session_id VARCHAR(64) NOT NULL, bucket VARCHAR(16) NOT NULL,
        present INTEGER NOT NULL DEFAULT 0, inside INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (checkpoint, day, session_id, event_id, category, bucket))""",
    "CREATE INDEX ix_attendance_tally_day ON attendance_tally (day, session_id)",
    """CREATE TABLE registration_tally (
        event_id VARCHAR(64) NOT NULL, kind VARCHAR(8) NOT NULL, key VARCHAR(64) NOT NULL,
        category VARCHAR(32) NOT NULL, n INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (event_id, kind, key, category))""",
    """CREATE TABLE scan_tally (
        event_id VARCHAR(64) NOT NULL, desk_id VARCHAR(64) NOT NULL, minute VARCHAR(16) NOT NULL,
        scans INTEGER NOT NULL DEFAULT 0, accepted INTEGER NOT NULL DEFAULT 0, last_time DATETIME,
        PRIMARY KEY (event_id, desk_id, minute))""",
    "CREATE INDEX ix_scan_tally_minute ON scan_tally (minute)",
)

TRIGGER_STATEMENTS: tuple[str, ...] = (
    "CREATE TRIGGER IF NOT EXISTS tally_attendance_insert AFTER INSERT ON attendance BEGIN "
    f"{_attendance_row('NEW', '')} END",
    f"CREATE TRIGGER IF NOT EXISTS tally_attendance_update AFTER UPDATE ON attendance WHEN {_ATTENDANCE_CHANGED} BEGIN "
    f"{_attendance_row('OLD', '-')} {_attendance_row('NEW', '')} END",
    "CREATE TRIGGER IF NOT EXISTS tally_attendance_delete AFTER DELETE ON attendance BEGIN "
    f"{_attendance_row('OLD', '-')} END",
    "CREATE TRIGGER IF NOT EXISTS tally_attendee_insert AFTER INSERT ON attendee BEGIN "
    f"{_attendee_rows('NEW.id', _NONE, _NONE, '-')} {_attendee_rows('NEW.id', 'NEW.event_id', 'NEW.category', '')} "
    f"{_registration('NEW', '')} END",
    f"CREATE TRIGGER IF NOT EXISTS tally_attendee_update AFTER UPDATE ON attendee WHEN {_ROSTER_CHANGED} BEGIN "
    f"{_attendee_rows('OLD.id', 'OLD.event_id', 'OLD.category', '-')} "
    f"{_attendee_rows('NEW.id', 'NEW.event_id', 'NEW.category', '')} "
    f"{_registration('OLD', '-')} {_registration('NEW', '')} END",
    "CREATE TRIGGER IF NOT EXISTS tally_attendee_delete AFTER DELETE ON attendee BEGIN "
    f"{_attendee_rows('OLD.id', 'OLD.event_id', 'OLD.category', '-')} {_attendee_rows('OLD.id', _NONE, _NONE, '')} "
    f"{_registration('OLD', '-')} END",
    f"CREATE TRIGGER IF NOT EXISTS tally_scan_insert AFTER INSERT ON scan BEGIN {_scan_row('NEW', '')} END",
    f"CREATE TRIGGER IF NOT EXISTS tally_scan_delete AFTER DELETE ON scan BEGIN {_scan_row('OLD', '-')} END",
)

TRIGGERS = ("tally_attendance_insert", "tally_attendance_update", "tally_attendance_delete", "tally_attendee_insert",
            "tally_attendee_update", "tally_attendee_delete", "tally_scan_insert", "tally_scan_delete")
DROP_STATEMENTS: tuple[str, ...] = tuple(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS) + tuple(
    f"DROP TABLE IF EXISTS {name}" for name in TABLES)


def before_migrations(conn: Connection) -> None:
    """Lift the triggers before any migration runs (called by the migration environment).

    A migration that rebuilds attendee, attendance or scan (Alembic's batch mode on SQLite: copy,
    drop, rename) would fail on triggers naming the dropped table, or silently lose the ones on it.
    """
    if conn.dialect.name == "sqlite":
        for name in TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def after_migrations(conn: Connection) -> None:
    """Recount the tallies and lay the triggers again (where the schema has the tallies)."""
    if conn.dialect.name == "sqlite" and inspect(conn).has_table("attendance_tally"):
        rebuild(conn)
        for statement in TRIGGER_STATEMENTS:
            conn.exec_driver_sql(statement)


def backfill(conn: Connection) -> None:
    """Fill the tallies from the rows (after creating them, or to repair: see `rebuild`)."""
    conn.exec_driver_sql(
        f"INSERT INTO attendance_tally {_ATT_COLUMNS} "
        f"SELECT coalesce(a.event_id, ''), coalesce(a.category, ''), at.checkpoint, at.day, "
        f"coalesce(at.session_id, ''), {_BUCKET.format(r='at')} AS b, sum(at.active <> 0), "
        f"sum(at.active <> 0 AND at.inside <> 0) FROM attendance at LEFT JOIN attendee a ON a.id = at.attendee_id "
        f"GROUP BY 1, 2, 3, 4, 5, 6")
    days, sessions = _array("a.days"), _array("a.sessions")
    conn.exec_driver_sql(
        "INSERT INTO registration_tally (event_id, kind, key, category, n) "
        f"SELECT a.event_id, 'day', j.value, a.category, count(*) FROM attendee a, json_each({days}) j "
        "WHERE a.status = 'active' GROUP BY 1, 2, 3, 4 "
        "UNION ALL SELECT a.event_id, 'day', '*', a.category, count(*) FROM attendee a "
        f"WHERE a.status = 'active' AND coalesce(json_array_length({days}), 0) = 0 GROUP BY 1, 2, 3, 4 "
        f"UNION ALL SELECT a.event_id, 'session', j.value, a.category, count(DISTINCT a.id) "
        f"FROM attendee a, json_each({sessions}) j WHERE a.status = 'active' GROUP BY 1, 2, 3, 4")
    conn.exec_driver_sql(
        "INSERT INTO scan_tally (event_id, desk_id, minute, scans, accepted, last_time) "
        "SELECT event_id, desk_id, substr(device_time, 1, 16), count(*), sum(result = 'accepted'), max(device_time) "
        "FROM scan GROUP BY 1, 2, 3 "
        "UNION ALL SELECT event_id, desk_id, '*', count(*), sum(result = 'accepted'), max(device_time) "
        "FROM scan GROUP BY 1, 2")


def rebuild(conn: Connection) -> None:
    """Recount every tally from the rows (a repair tool; the triggers make it unnecessary in use)."""
    for name in TABLES:
        conn.exec_driver_sql(f"DELETE FROM {name}")
    backfill(conn)


_KNOWN: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def available(conn: Connection) -> bool:
    """True on a desk database that has the tallies (SQLite at schema 0004_i15 or later). Remembered
    per engine once true: migrations only ever add them, and the dashboard asks several times a read."""
    if conn.dialect.name != "sqlite":
        return False
    if _KNOWN.get(conn.engine):
        return True
    found = inspect(conn).has_table("attendance_tally")
    if found:
        _KNOWN[conn.engine] = True
    return found
