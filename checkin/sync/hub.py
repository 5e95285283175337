# SPDX-License-Identifier: MIT
"""Setting up the venue hub: schema (Alembic), least-privilege roles and the strings to hand out.

Roles (cluster-wide in PostgreSQL, so their names carry a prefix, `checkin` by default):
- `<prefix>_organiser`: reads everything, writes the event definition and roster, hands out and
  revokes desk logins (through functions owned by the hub's owner), never deletes or rewrites scans
  (they are the audit trail; an undo is a void scan);
- `<prefix>_desks` (no login): what every desk may do. It reads the event and the roster without
  e-mail and phone (unless the organiser turns on "show contact at desks"), inserts scans, badge
  prints, walk-ins, roster corrections, tickets and heartbeats carrying its own desk id (row-level
  policies, see migration 0003_i13_trust), may only revoke a ticket, and writes no attendance (the
  hub derives it), no event, key or desk row of another desk; no DELETE, no DDL;
- `<prefix>_desk`: the shared desk login (a member of `<prefix>_desks`) for small events;
  `<prefix>_d_<name>`: one login per desk (`checkin hub add-desk`), also a member;
- `<prefix>_dashboard`: reads the event, desks' status and attendance counts, no personal data.
The schema is owned by the admin who ran `checkin hub init`; triggers run as that owner
(SECURITY DEFINER), so no desk can write the change feed, attendance or the audit directly.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import SQLAlchemyError

from checkin.sync.urls import HUB_SCHEMA, HubTimeouts, hub_engine, libpq, normalise

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
ROLE_KINDS = ("organiser", "desk", "dashboard")
DESK_GROUP = "desks"  # the group role every desk login is a member of: <prefix>_desks
DESK_LOGIN = "d"  # per-desk logins: <prefix>_d_<name>

ALL_TABLES = ("event", "event_day", "event_key", "session", "attendee", "attendee_change", "ticket",
              "desk", "scan", "attendance", "badge_print", "change", "desk_heartbeat", "rehearsal")
CONTACT_COLUMNS = ("email", "phone")
# what a desk may read of a person, and change when it corrects a roster row: it may write down a
# phone number the person at the desk gives, but not read anyone's (unless "show contact at desks").
# "*" is every column the table has when `hub init` runs, "-name" leaves one out (so a column a
# later migration adds is granted without listing it here).
DESK_READS = ("*", *(f"-{c}" for c in CONTACT_COLUMNS))
DESK_CORRECTS = ("*", "-id", "-event_id")

Grant = tuple[str, str, tuple[str, ...] | None]  # (privilege, table, columns or None for all)


def _each(privilege: str, tables: tuple[str, ...]) -> list[Grant]:
    return [(privilege, table, None) for table in tables]


GRANTS: dict[str, list[Grant]] = {
    "organiser": [
        *_each("SELECT", (*ALL_TABLES, "hub_login", "hub_audit", "hub_setting", "checkpoint_counts", "desk_status")),
        *_each("INSERT", ("event", "event_day", "event_key", "session", "attendee", "attendee_change", "ticket",
                          "desk", "scan", "badge_print", "desk_heartbeat")),
        *_each("UPDATE", ("event", "event_day", "event_key", "session", "attendee", "ticket", "desk")),
        *_each("DELETE", ("event_day", "event_key", "session")),
    ],
    DESK_GROUP: [
        *_each("SELECT", tuple(t for t in ALL_TABLES if t != "attendee")),
        ("SELECT", "attendee", DESK_READS),
        *_each("INSERT", ("scan", "badge_print", "attendee", "attendee_change", "ticket", "desk", "desk_heartbeat")),
        ("UPDATE", "attendee", DESK_CORRECTS),
        ("UPDATE", "ticket", ("revoked_at",)),
    ],
    "dashboard": _each("SELECT", ("event", "event_day", "session", "checkpoint_counts", "desk_status")),
}
SEQUENCES = {"organiser": ("desk_heartbeat_id_seq",), DESK_GROUP: ("desk_heartbeat_id_seq",), "dashboard": ()}
ORGANISER_FUNCTIONS: tuple[str, ...] = ("add_desk_login(text, text, text)", "revoke_desk_login(text)",
                       "terminate_desk_sessions(text)", "set_contact_at_desks(boolean)",
                       "purge_attendee_audit(text)")  # issue 17: `checkin purge`, migration 0004
# The certificate register (issue 17): organisers only; desks never see it (see sync/register.py).
# UPDATE on attendee_change lets `checkin purge` blank the personal values kept in the change log.
REGISTER_TABLES = ("certificate", "certificate_issue", "certificate_counter")
GRANTS["organiser"] += [*_each("SELECT", REGISTER_TABLES), *_each("INSERT", REGISTER_TABLES),
                        *_each("UPDATE", ("certificate", "certificate_counter", "attendee_change"))]
# Rehearsals (issue 18): the organiser starts one (a row everyone reads) and ends it through
# `end_rehearsal`, the one function that deletes rows (only the rehearsal's own, see migration 0005_i18).
GRANTS["organiser"] += _each("INSERT", ("rehearsal",))
ORGANISER_FUNCTIONS += ("end_rehearsal(text, text)",)


@dataclass(frozen=True, slots=True)
class HubLimits:
    """What the hub enforces itself, whatever a desk does (set at `hub init` and `hub upgrade`):
    a session idle inside a transaction is ended after `idle_in_transaction_s` (a desk whose link
    stalled mid-push cannot hold its locks, and with them every other desk, for longer), and no
    statement of the checkin roles runs longer than `statement_s`. Tests pass shorter values."""

    idle_in_transaction_s: float = 15.0
    statement_s: float = 30.0


def apply_limits(conn: Connection, database: str, roles: list[str], limits: HubLimits) -> None:
    """Database-wide idle-in-transaction limit, per-role statement limit (admin connection)."""
    idle, stmt = round(limits.idle_in_transaction_s * 1000), round(limits.statement_s * 1000)
    conn.exec_driver_sql(f'ALTER DATABASE "{database}" SET idle_in_transaction_session_timeout = {idle}')
    for role in roles:
        conn.exec_driver_sql(f'ALTER ROLE "{role}" IN DATABASE "{database}" SET statement_timeout = {stmt}')
        conn.exec_driver_sql(f'ALTER ROLE "{role}" IN DATABASE "{database}" '
                             f"SET idle_in_transaction_session_timeout = {idle}")


class HubError(Exception):
    """The hub could not be set up or reached; the message says what to do."""


@dataclass(frozen=True, slots=True)
class HubRole:
    kind: str
    name: str
    password: str | None  # None: the role existed and its password was left alone
    url: str  # libpq form to hand out (with the password when known)


@dataclass(frozen=True, slots=True)
class HubSetup:
    revision: str
    roles: tuple[HubRole, ...] = field(default_factory=tuple)


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    cfg.attributes["schema"] = HUB_SCHEMA
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config(None)).get_current_head()  # type: ignore[arg-type]
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        exists = conn.execute(text("SELECT to_regclass(:t)"), {"t": f"{HUB_SCHEMA}.alembic_version"}).scalar()
        if exists is None:
            return None
        return conn.execute(text(f"SELECT version_num FROM {HUB_SCHEMA}.alembic_version")).scalar()


def upgrade_hub(admin_url: str | URL, *, limits: HubLimits | None = None, insecure: bool = False) -> str:
    """Create or migrate the hub schema to head; needs a role allowed to create the schema. Also
    (re)applies the hub's time limits to the database and every role granted access to it."""
    from alembic import command

    engine = _admin_engine(admin_url, insecure)
    try:
        with engine.connect() as conn:
            command.upgrade(_alembic_config(conn), "head")
            conn.commit()
        with engine.begin() as conn:
            database = str(normalise(admin_url).database)
            prefix = _known_prefix(conn)
            if prefix is not None:  # an existing hub: the rights of this version replace the old ones
                _apply_roles(conn, normalise(admin_url), prefix)
            # by oid, not name: a role another hub on the same server drops meanwhile is skipped
            # (the name-taking functions raise "role does not exist" for it)
            roles = [r[0] for r in conn.execute(text(
                "SELECT rolname FROM pg_roles WHERE has_database_privilege(oid, :db, 'CONNECT') "
                "AND has_schema_privilege(oid, :schema, 'USAGE') AND NOT rolsuper "
                "AND rolname <> current_user AND rolname NOT LIKE 'pg\\_%'"),
                {"db": database, "schema": HUB_SCHEMA})]
            apply_limits(conn, database, roles, limits or HubLimits())
        return head_revision()
    except SQLAlchemyError as exc:
        raise HubError(f"cannot set up the hub schema: {_first_line(exc)}") from exc
    finally:
        engine.dispose()


def _valid_prefix(prefix: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,40}", prefix):
        raise HubError(f"role prefix '{prefix}' must be lower-case letters, digits or _ (starting with a letter)")
    return prefix


def role_name(prefix: str, kind: str) -> str:
    return f"{_valid_prefix(prefix)}_{kind}"


def init_hub(admin_url: str | URL, *, role_prefix: str = "checkin", hub_host: str | None = None,
             reset_passwords: bool = False, limits: HubLimits | None = None, insecure: bool = False) -> HubSetup:
    """`checkin hub init`: schema + migrations + roles + grants + time limits. Safe to run again.

    Existing roles keep their passwords unless `reset_passwords`; new roles get random ones.
    """
    revision = upgrade_hub(admin_url, limits=limits, insecure=insecure)
    admin = normalise(admin_url)
    engine = _admin_engine(admin, insecure)
    try:
        with engine.begin() as conn:
            roles = _apply_roles(conn, admin, role_prefix, reset_passwords, hub_host)
            apply_limits(conn, str(admin.database), [r.name for r in roles], limits or HubLimits())
    except SQLAlchemyError as exc:
        raise HubError(f"cannot create the hub roles (the URL must be an admin such as postgres): "
                       f"{_first_line(exc)}") from exc
    finally:
        engine.dispose()
    return HubSetup(revision, tuple(roles))


def _known_prefix(conn: Connection) -> str | None:
    """The role prefix of this hub: recorded by `init`, or (a hub set up by an older version) the
    one organiser role with rights on the schema."""
    recorded = conn.execute(text("SELECT value FROM hub_setting WHERE key = 'role_prefix'")).scalar()
    if recorded:
        return str(recorded)
    found = conn.execute(text(
        "SELECT left(rolname, -length('_organiser')) FROM pg_roles WHERE rolname LIKE '%\\_organiser' "
        "AND NOT rolsuper AND has_schema_privilege(rolname, :s, 'USAGE')"), {"s": HUB_SCHEMA}).scalars().all()
    return str(found[0]) if len(found) == 1 else None


def _apply_roles(conn: Connection, admin: URL, role_prefix: str, reset_passwords: bool = False,
                 hub_host: str | None = None) -> list[HubRole]:
    """Roles, group, grants and settings of `role_prefix` as this version defines them (admin tx)."""
    roles: list[HubRole] = []
    group = role_name(role_prefix, DESK_GROUP)
    _ensure_group(conn, group)
    _grant(conn, group, DESK_GROUP, str(admin.database))
    for key, value in (("role_prefix", role_prefix), ("desk_group", group)):
        conn.execute(text("INSERT INTO hub_setting (key, value) VALUES (:k, :v) ON CONFLICT (key) "
                          "DO UPDATE SET value = EXCLUDED.value"), {"k": key, "v": value})
    for kind in ROLE_KINDS:
        name = role_name(role_prefix, kind)
        password = _ensure_role(conn, name, reset_passwords)
        if kind == "desk":
            _revoke_direct(conn, name)
            conn.exec_driver_sql(f'GRANT "{group}" TO "{name}"')
            conn.exec_driver_sql(f'ALTER ROLE "{name}" IN DATABASE "{admin.database}" SET search_path = {HUB_SCHEMA}')
        else:
            _grant(conn, name, kind, str(admin.database))
        if kind in ("organiser", "desk"):
            conn.execute(text("INSERT INTO hub_login (role_name, kind, label) VALUES (:r, :k, :l) "
                              "ON CONFLICT (role_name) DO NOTHING"),
                         {"r": name, "k": "organiser" if kind == "organiser" else "shared",
                          "l": "organiser" if kind == "organiser" else "shared"})
        # _replace, not set(): set() ignores None and would leak the admin's password
        public = admin._replace(username=name, password=password, host=hub_host or admin.host)
        roles.append(HubRole(kind, name, password, libpq(public)))
    organiser = role_name(role_prefix, "organiser")
    for signature in ORGANISER_FUNCTIONS:
        conn.exec_driver_sql(f'GRANT EXECUTE ON FUNCTION {HUB_SCHEMA}.{signature} TO "{organiser}"')
    contact = conn.execute(text("SELECT value FROM hub_setting WHERE key = 'show_contact_at_desks'")).scalar()
    if contact == "on":
        conn.exec_driver_sql(f'GRANT SELECT (email, phone) ON {HUB_SCHEMA}.attendee TO "{group}"')
    return roles


def _ensure_group(conn: Connection, name: str) -> None:
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is None:
        conn.exec_driver_sql(f'CREATE ROLE "{name}" NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE')


def _ensure_role(conn: Connection, name: str, reset: bool) -> str | None:
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    if exists and not reset:
        return None
    password = secrets.token_urlsafe(18)
    verb = "ALTER" if exists else "CREATE"
    # DDL takes no bind parameters; the password is url-safe base64, so quoting is enough
    conn.exec_driver_sql(f"{verb} ROLE \"{name}\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                         f"PASSWORD '{password}'")
    return password


def _revoke_direct(conn: Connection, role: str) -> None:
    """Drop the role's own table rights (REVOKE on a table takes its column rights too): what it may
    do comes from `GRANTS` afresh, so an upgraded hub loses the rights older versions handed out."""
    q = f'"{role}"'
    conn.exec_driver_sql(f'REVOKE CREATE ON SCHEMA {HUB_SCHEMA} FROM {q}')
    conn.exec_driver_sql(f'REVOKE ALL ON ALL TABLES IN SCHEMA {HUB_SCHEMA} FROM {q}')
    conn.exec_driver_sql(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA {HUB_SCHEMA} FROM {q}')


def _grant(conn: Connection, role: str, kind: str, database: str) -> None:
    q = f'"{role}"'
    conn.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{database}" TO {q}')
    conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA {HUB_SCHEMA} TO {q}')
    _revoke_direct(conn, role)
    for privilege, table, columns in GRANTS[kind]:
        cols = f" ({', '.join(_column_list(conn, table, columns))})" if columns else ""
        conn.exec_driver_sql(f"GRANT {privilege}{cols} ON {HUB_SCHEMA}.{table} TO {q}")
    for seq in SEQUENCES[kind]:
        conn.exec_driver_sql(f"GRANT USAGE ON SEQUENCE {HUB_SCHEMA}.{seq} TO {q}")
    conn.exec_driver_sql(f'ALTER ROLE {q} IN DATABASE "{database}" SET search_path = {HUB_SCHEMA}')


def _column_list(conn: Connection, table: str, spec: tuple[str, ...]) -> list[str]:
    if "*" not in spec:
        return list(spec)
    left_out = {c[1:] for c in spec if c.startswith("-")}
    found = conn.execute(text("SELECT column_name FROM information_schema.columns WHERE table_schema = :s "
                              "AND table_name = :t ORDER BY ordinal_position"), {"s": HUB_SCHEMA, "t": table})
    return [c for c in found.scalars() if c not in left_out]


def drop_roles(admin_url: str | URL, role_prefix: str) -> None:
    """Remove the roles of one prefix, per-desk logins included (tests; retiring a hub).
    Their objects must be gone already (drop the hub database first)."""
    engine = _admin_engine(admin_url)
    try:
        with engine.begin() as conn:
            desks = conn.execute(text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"),
                                 {"p": f"{_valid_prefix(role_prefix)}_{DESK_LOGIN}_"}).scalars().all()
            for name in [*desks, *(role_name(role_prefix, k) for k in (*ROLE_KINDS, DESK_GROUP))]:
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')
    finally:
        engine.dispose()


def _admin_engine(url: str | URL, insecure: bool = False) -> Engine:
    # migrations on a big hub may take minutes: generous limits, but never unbounded
    return hub_engine(url, application_name="checkin-hub-admin",
                      timeouts=HubTimeouts(connect=10, lock=60, statement=600, watchdog=660), insecure=insecure)


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else exc.__class__.__name__
