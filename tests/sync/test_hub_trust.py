# SPDX-License-Identifier: MIT
"""A curious volunteer at a desk laptop opens `psql` with that desk's own login and tries what the
issue describes. PostgreSQL itself refuses every statement; the desk program does nothing special."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from synchelp import Hub, Site, fresh_db, settle

from checkin.services.registration import correct_attendee, register_walk_in
from checkin.sync.desk_logins import DeskLogin, add_desk, list_desks, set_contact_at_desks

DeskFactory = Callable[[str], tuple[Site, DeskLogin]]


def plain(login: DeskLogin) -> str:
    """The hub in these tests is on this computer without TLS (the TLS road has its own test)."""
    return login.url.replace("sslmode=verify-full", "sslmode=disable")


@pytest.fixture
def desk_with_login(hub: Hub, organiser: tuple[Site, list[str]], tmp_path: Path, _template_db: Path,
                    sites: list[Site]) -> DeskFactory:
    """A desk with its own login from `hub add-desk`, after its first sync (which binds the login)."""

    def make(name: str) -> tuple[Site, DeskLogin]:
        login = add_desk(hub.organiser_url, name)
        site = Site(name, fresh_db(_template_db, tmp_path / f"{uuid.uuid4().hex[:6]}.sqlite3"), plain(login),
                    organiser[0].now)
        sites.append(site)
        result = site.sync()
        assert result.ok, result.error
        return site, login

    return make


def refused(url: str, sql: str, params: tuple[object, ...] = ()) -> psycopg.Error:
    """Run `sql` as that login; PostgreSQL must raise. Returns the error for the test to inspect."""
    with psycopg.connect(url) as conn:
        with pytest.raises(psycopg.Error) as info:
            conn.execute(sql, params)
        conn.rollback()
    return info.value


def scan_sql(desk_id: str) -> tuple[str, tuple[object, ...]]:
    return ("INSERT INTO scan (id, event_id, desk_id, device_time, checkpoint, day, source, result) "
            "VALUES (%s, 'kongres', %s, now(), 'day:2022-10-19', '2022-10-19', 'camera', 'accepted')",
            (str(uuid.uuid4()), desk_id))


def test_add_desk_hands_out_verify_full_and_binds_the_login_to_the_first_desk(
        hub: Hub, desk_with_login: DeskFactory) -> None:
    site, login = desk_with_login("Stanowisko Łódź 1")
    assert login.role == f"{hub.prefix}_d_stanowisko_lodz_1"
    assert "sslmode=verify-full" in login.url and login.password in login.url
    bound = hub.scalar("SELECT desk_id FROM hub_login WHERE role_name = :r", r=login.role)
    assert bound == site.desk.id
    desks = {d.role: d for d in list_desks(hub.organiser_url)}
    assert desks[login.role].desk_id == site.desk.id and desks[login.role].last_contact is not None
    assert desks[f"{hub.prefix}_desk"].kind == "shared"


def test_every_statement_from_the_issue_is_refused_by_postgresql(
        hub: Hub, organiser: tuple[Site, list[str]], desk_with_login: DeskFactory) -> None:
    _, people = organiser
    a, login_a = desk_with_login("Stanowisko A")
    b, _ = desk_with_login("Stanowisko B")
    a.admit(people[0])
    b.admit(people[1])
    settle([a, b])
    with psycopg.connect(hub.organiser_url) as conn:  # the organiser revoked someone's ticket
        conn.execute("UPDATE ticket SET revoked_at = now() WHERE attendee_id = %s", (people[2],))
    url = plain(login_a)
    present = hub.scalar("SELECT count(*) FROM attendance WHERE active")
    assert present == 2

    denied = [
        "SELECT email, phone FROM attendee",
        "SELECT email FROM attendee WHERE id = 'x'",
        "UPDATE attendance SET active = false",
        "DELETE FROM attendance",
        "INSERT INTO attendance (attendee_id, checkpoint, day) VALUES ('x', 'day:2022-10-19', '2022-10-19')",
        "UPDATE desk SET name = 'HACKED'",
        "DELETE FROM desk",
        "UPDATE event_key SET active = false",
        "INSERT INTO event_key (key_id, event_id, public_key, created_at) VALUES ('deadbeef', 'kongres', 'x', now())",
        "UPDATE scan SET result = 'void'",
        "DELETE FROM ticket",
        "DELETE FROM attendee",
        "UPDATE ticket SET attendee_id = 'someone-else'",
        "SELECT * FROM hub_audit",
        "SELECT * FROM hub_login",
        "INSERT INTO hub_audit (action, table_name) VALUES ('x', 'y')",
        "SELECT derive_attendance(ARRAY['x'], ARRAY['c'], ARRAY['2022-10-19'::date], ARRAY[NULL])",
    ]
    for sql in denied:
        assert isinstance(refused(url, sql), errors.InsufficientPrivilege), sql

    # a revoked ticket stays revoked, for a desk (and for anyone)
    error = refused(url, "UPDATE ticket SET revoked_at = NULL WHERE attendee_id = %s", (people[2],))
    assert isinstance(error, errors.InsufficientPrivilege) and "stays revoked" in str(error)
    # rows carrying another desk's id: refused by the row-level policy
    for sql, params in (scan_sql(b.desk.id),
                        ("INSERT INTO badge_print (id, attendee_id, desk_id, printed_at, template) "
                         "VALUES (%s, %s, %s, now(), 'a6')", (str(uuid.uuid4()), people[0], b.desk.id)),
                        ("INSERT INTO desk_heartbeat (desk_id, name) VALUES (%s, 'HACKED')", (b.desk.id,)),
                        ("INSERT INTO desk (id, name) VALUES ('desk-fake', 'Fake desk')", ()),
                        ("UPDATE attendee SET notes = 'VIP' WHERE id = %s", (people[3],)),
                        ("INSERT INTO attendee_change (id, attendee_id, desk_id, changed_at, base_version, fields) "
                         "VALUES ('c-x', %s, %s, now(), 1, '{}')", (people[3], b.desk.id))):
        error = refused(url, sql, params)
        assert isinstance(error, errors.InsufficientPrivilege), sql
        assert "row-level security" in str(error), sql

    assert hub.scalar("SELECT count(*) FROM attendance WHERE active") == present
    assert hub.scalar("SELECT count(*) FROM desk WHERE name = 'HACKED'") == 0
    assert hub.scalar("SELECT count(*) FROM scan WHERE desk_id = :d", d=b.desk.id) == 1


def test_a_desk_writes_its_own_rows_and_the_hub_derives_attendance(
        hub: Hub, organiser: tuple[Site, list[str]], desk_with_login: DeskFactory) -> None:
    _, people = organiser
    a, login_a = desk_with_login("Stanowisko A")
    walk_in = register_walk_in(a.engine, a.desk, first_name="Bożena", last_name="Gąsiorowska-Źdźbło",
                               organisation="Urząd Gminy Brzęczyszczykiewice", phone="+48 600 700 800")
    a.admit(walk_in.id)
    a.admit(people[0])
    correct_attendee(a.engine, a.desk, people[1], 1, organisation="Urząd Marszałkowski Województwa Świętokrzyskiego")
    assert a.sync().ok
    assert hub.scalar("SELECT count(*) FROM attendance WHERE active AND desk_id = :d", d=a.desk.id) == 2
    assert hub.scalar("SELECT phone FROM attendee WHERE id = :i", i=walk_in.id) == "+48 600 700 800"
    assert hub.scalar("SELECT organisation FROM attendee WHERE id = :i", i=people[1]).startswith("Urząd Marsz")
    with psycopg.connect(plain(login_a)) as conn:  # its own scan, as itself, goes in
        sql, params = scan_sql(a.desk.id)
        conn.execute(sql, params)
    assert hub.scalar("SELECT hub_login.desk_id FROM hub_login WHERE role_name = :r", r=login_a.role) == a.desk.id
    assert hub.scalar("SELECT last_seen FROM desk WHERE id = :d", d=a.desk.id) is not None


def test_contact_fields_stay_with_the_organiser_until_shown_at_desks(
        hub: Hub, organiser: tuple[Site, list[str]], desk_with_login: DeskFactory) -> None:
    _, people = organiser
    with psycopg.connect(hub.organiser_url) as conn:
        conn.execute("UPDATE attendee SET email = 'lukasz@gmina.pl', version = version + 1, updated_at = now() "
                     "WHERE id = %s", (people[0],))
    a, login_a = desk_with_login("Stanowisko A")
    assert isinstance(refused(hub.desk_url, "SELECT email FROM attendee"), errors.InsufficientPrivilege)
    with a.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT email FROM attendee WHERE id = ?", (people[0],)).scalar() == ""
    set_contact_at_desks(hub.organiser_url, True)
    assert a.sync().ok
    with a.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT email FROM attendee WHERE id = ?", (people[0],)).scalar() == \
            "lukasz@gmina.pl"
    with psycopg.connect(plain(login_a)) as conn:
        assert conn.execute("SELECT count(*) FROM attendee WHERE email <> ''").fetchone() == (1,)
    set_contact_at_desks(hub.organiser_url, False)
    assert a.sync().ok
    with a.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT email FROM attendee WHERE id = ?", (people[0],)).scalar() == ""
    assert isinstance(refused(plain(login_a), "SELECT phone FROM attendee"), errors.InsufficientPrivilege)


def test_the_shared_desk_role_still_works_for_small_events(hub: Hub, organiser: tuple[Site, list[str]],
                                                          new_desk: Callable[..., Site]) -> None:
    _, people = organiser
    d1, d2 = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    d1.admit(people[0])
    d2.admit(people[1])
    settle([d1, d2])
    assert hub.scalar("SELECT count(*) FROM attendance WHERE active") == 2
    assert isinstance(refused(hub.desk_url, "UPDATE attendance SET active = false"), errors.InsufficientPrivilege)
    assert isinstance(refused(hub.desk_url, "SELECT email, phone FROM attendee"), errors.InsufficientPrivilege)
