# SPDX-License-Identifier: MIT
"""Least privilege at the hub: a desk laptop left unattended cannot rewrite history or the schema."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors
from synchelp import Hub

from checkin.sync.hub import current_revision, head_revision, init_hub, upgrade_hub
from checkin.sync.urls import hub_engine

SCAN = ("INSERT INTO scan (id, event_id, desk_id, device_time, checkpoint, day, source, result) "
        "VALUES (%s, 'kongres', 'desk-x', now(), 'day:2022-10-19', '2022-10-19', 'camera', 'accepted')")


def _fails(url: str, sql: str, params: tuple[object, ...] = ()) -> BaseException:
    with psycopg.connect(url, options="-c search_path=checkin") as conn:
        with pytest.raises(psycopg.Error) as info:
            conn.execute(sql, params)
        conn.rollback()
    return info.value


def test_desk_role_inserts_scans_but_cannot_rewrite_or_delete_them(hub: Hub) -> None:
    with psycopg.connect(hub.desk_url) as conn:  # search_path comes from the role's settings
        conn.execute(SCAN, ("s-1",))
        conn.commit()
    assert hub.scalar("SELECT count(*) FROM scan") == 1
    assert isinstance(_fails(hub.desk_url, "UPDATE scan SET result = 'void'"), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.desk_url, "DELETE FROM scan"), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.desk_url, "DELETE FROM attendee"), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.desk_url, "TRUNCATE scan"), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.desk_url, "INSERT INTO change (kind, ref_id) VALUES ('scan', 'x')"),
                      errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.desk_url, "UPDATE event SET name = 'x'"), errors.InsufficientPrivilege)
    assert hub.scalar("SELECT result FROM scan WHERE id = 's-1'") == "accepted"


def test_desk_role_cannot_change_the_schema(hub: Hub) -> None:
    assert isinstance(_fails(hub.desk_url, "ALTER TABLE scan ADD COLUMN hacked text"), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.desk_url, "CREATE TABLE checkin.notes (x int)"), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.desk_url, "CREATE TABLE public.notes (x int)"), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.desk_url, "DROP TABLE scan"), errors.InsufficientPrivilege)


def test_organiser_cannot_delete_scans_and_dashboard_only_reads(hub: Hub) -> None:
    assert isinstance(_fails(hub.organiser_url, "DELETE FROM scan"), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.organiser_url, "UPDATE scan SET desk_id = 'x'"), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.dashboard_url, SCAN, ("s-2",)), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.dashboard_url, "UPDATE attendee SET notes = ''"), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.dashboard_url, "SELECT count(*) FROM attendance"), errors.InsufficientPrivilege)
    assert isinstance(_fails(hub.dashboard_url, "SELECT first_name FROM attendee"), errors.InsufficientPrivilege)
    with psycopg.connect(hub.dashboard_url) as conn:  # aggregates only
        assert conn.execute("SELECT count(*) FROM checkpoint_counts").fetchone() == (0,)


def test_init_again_is_safe_and_upgrade_is_a_no_op_at_head(hub: Hub) -> None:
    again = init_hub(hub.admin_url, role_prefix=hub.prefix)
    assert [r.password for r in again.roles] == [None, None, None]  # existing passwords kept
    assert all(":" not in r.url.split("@")[0].removeprefix("postgresql://") for r in again.roles)
    assert upgrade_hub(hub.admin_url) == head_revision()
    engine = hub_engine(hub.admin_url)
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
    reset = init_hub(hub.admin_url, role_prefix=hub.prefix, reset_passwords=True)
    assert all(r.password and len(r.password) >= 20 for r in reset.roles)
    desk = next(r for r in reset.roles if r.kind == "desk")
    assert desk.url.startswith(f"postgresql://{hub.prefix}_desk:{desk.password}@127.0.0.1")
