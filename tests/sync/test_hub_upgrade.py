# SPDX-License-Identifier: MIT
"""A hub set up by the previous version (one shared desk role that could write attendance and read
contact data) is upgraded in place: its data stays, and the old rights are gone at once."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from psycopg import errors
from sqlalchemy.engine import make_url

from checkin.sync.hub import _alembic_config, drop_roles, head_revision, upgrade_hub
from checkin.sync.urls import hub_engine, libpq

OLD_DESK_RIGHTS = """
GRANT USAGE ON SCHEMA checkin TO {desk};
GRANT SELECT ON ALL TABLES IN SCHEMA checkin TO {desk};
GRANT INSERT ON checkin.scan, checkin.badge_print, checkin.attendee, checkin.attendee_change, checkin.ticket,
    checkin.desk, checkin.attendance TO {desk};
GRANT UPDATE ON checkin.attendee, checkin.ticket, checkin.desk, checkin.attendance TO {desk};
GRANT USAGE ON SEQUENCE checkin.attendance_id_seq TO {desk};
GRANT USAGE ON SCHEMA checkin TO {organiser};
GRANT SELECT ON ALL TABLES IN SCHEMA checkin TO {organiser};
"""


def test_an_old_hub_keeps_its_data_and_loses_the_old_rights(pg_server_url: str) -> None:
    from alembic import command

    suffix = uuid.uuid4().hex[:10]
    database, prefix = f"checkin_up_{suffix}", f"u{suffix}"
    server = make_url(pg_server_url.replace("postgresql://", "postgresql+psycopg://", 1))
    server_url, admin = libpq(server.set(database="postgres")), libpq(server.set(database=database))
    desk, organiser = f"{prefix}_desk", f"{prefix}_organiser"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
        for role in (desk, organiser, f"{prefix}_dashboard"):
            conn.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        engine = hub_engine(admin)
        try:
            with engine.connect() as conn:  # the schema as the previous version left it
                command.upgrade(_alembic_config(conn), "h0002_i17_register")
                conn.commit()
        finally:
            engine.dispose()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(OLD_DESK_RIGHTS.format(desk=desk, organiser=organiser))
            conn.execute(f'ALTER ROLE "{desk}" IN DATABASE "{database}" SET search_path = checkin')
            conn.execute("INSERT INTO checkin.attendee (id, event_id, first_name, last_name, email, updated_at) "
                         "VALUES ('a-1', 'kongres', 'Łukasz', 'Żółć-Ślęzak', 'lukasz@gmina.pl', now())")
            conn.execute("INSERT INTO checkin.scan (id, event_id, desk_id, device_time, checkpoint, day, source, "
                         "result, attendee_id) VALUES ('s-1', 'kongres', 'desk-1', now(), 'day:2022-10-19', "
                         "'2022-10-19', 'camera', 'accepted', 'a-1')")
            conn.execute("INSERT INTO checkin.attendance (attendee_id, checkpoint, day, scan_id, desk_id) "
                         "VALUES ('a-1', 'day:2022-10-19', '2022-10-19', 's-1', 'desk-1')")
        desk_url = libpq(server.set(database=database, username=desk))
        with psycopg.connect(desk_url) as conn:  # what the old rights allowed
            assert conn.execute("SELECT email FROM attendee").fetchone() == ("lukasz@gmina.pl",)
            assert conn.execute("UPDATE attendance SET active = false").rowcount == 1
            conn.rollback()

        assert upgrade_hub(admin) == head_revision()

        with psycopg.connect(desk_url) as conn:
            for sql in ("SELECT email FROM attendee", "UPDATE attendance SET active = false",
                        "UPDATE desk SET name = 'HACKED'"):
                with pytest.raises(errors.InsufficientPrivilege):
                    conn.execute(sql)
                conn.rollback()
            assert conn.execute("SELECT first_name FROM attendee").fetchone() == ("Łukasz",)
            conn.execute("INSERT INTO scan (id, event_id, desk_id, device_time, checkpoint, day, source, result, "
                         "attendee_id) VALUES ('s-2', 'kongres', 'desk-2', now(), 'day:2022-10-20', '2022-10-20', "
                         "'camera', 'accepted', 'a-1')")
            conn.commit()
        with psycopg.connect(admin) as conn:
            assert conn.execute("SELECT count(*) FROM checkin.attendance WHERE active").fetchone() == (2,)
            assert conn.execute("SELECT value FROM checkin.hub_setting WHERE key = 'role_prefix'").fetchone() == (
                prefix,)
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        drop_roles(server_url, prefix)
