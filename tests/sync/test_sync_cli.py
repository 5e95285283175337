# SPDX-License-Identifier: MIT
"""The IT volunteer and the desks at the command line: hub init, publish, a first desk sync, status."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url
from synchelp import fresh_db

from checkin.cli import main
from checkin.storage.db import open_database
from checkin.storage.meta import get_meta
from checkin.sync.hub import drop_roles
from checkin.sync.urls import libpq

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def empty_hub_db(pg_server_url: str):  # type: ignore[no-untyped-def]
    suffix = uuid.uuid4().hex[:10]
    server = make_url(pg_server_url.replace("postgresql://", "postgresql+psycopg://", 1))
    admin_db = libpq(server.set(database="postgres"))
    name = f"checkin_t_{suffix}"
    with psycopg.connect(admin_db, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield libpq(server.set(database=name)), f"t{suffix}"
    with psycopg.connect(admin_db, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    drop_roles(admin_db, f"t{suffix}")


def test_venue_set_up_from_the_command_line(empty_hub_db, tmp_path: Path, _template_db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    admin_url, prefix = empty_hub_db
    assert main(["hub", "init", admin_url, "--role-prefix", prefix, "--hub-host", "127.0.0.1", "--json"]) == 0
    roles = {r["kind"]: r["url"] for r in json.loads(capsys.readouterr().out)["roles"]}
    assert roles["desk"].startswith(f"postgresql://{prefix}_desk:")

    organiser = str(fresh_db(_template_db, tmp_path / "organiser.sqlite3"))
    assert main(["--db", organiser, "--desk", "Biuro", "event", "load", str(ROOT / "resources/demo/event.toml")]) == 0
    assert main(["--db", organiser, "hub", "publish", roles["organiser"]]) == 0
    assert "Published kongres-sekretarzy-2022: 2 days" in capsys.readouterr().out

    desk = str(fresh_db(_template_db, tmp_path / "desk1.sqlite3"))
    assert main(["--db", desk, "--desk", "Stanowisko 1", "sync", "--hub", roles["desk"], "--once"]) == 0
    captured = capsys.readouterr()
    assert "Event: Ogólnopolski Kongres Sekretarzy" in captured.out
    assert "password was NOT saved" in captured.err or "stored in the OS keyring" in captured.err
    engine = open_database(desk, check_location=False)
    with engine.connect() as conn:
        remembered = get_meta(conn, "hub_url")
    engine.dispose()
    assert remembered is not None and remembered.startswith(f"postgresql://{prefix}_desk@127.0.0.1")
    assert ":" not in remembered.split("@")[0].removeprefix("postgresql://")  # no password in the desk file

    assert main(["--db", desk, "sync"]) == 0  # remembered hub
    capsys.readouterr()
    assert main(["--db", desk, "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)["status"]
    assert status["online"] is True and status["pending"] == 0 and status["hub"] == remembered


def test_sync_without_a_hub_says_what_to_do(tmp_path: Path, _template_db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    desk = str(fresh_db(_template_db, tmp_path / "desk.sqlite3"))
    assert main(["--db", desk, "sync"]) == 2
    assert "no venue hub set for this desk yet" in capsys.readouterr().err
    assert main(["--db", desk, "sync", "--hub", "mysql://x@y/z"]) == 2
    assert "must be PostgreSQL" in capsys.readouterr().err


def test_unreachable_hub_fails_fast_and_keeps_the_desk_working(tmp_path: Path, _template_db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    desk = str(fresh_db(_template_db, tmp_path / "desk.sqlite3"))
    assert main(["--db", desk, "event", "load", str(ROOT / "resources/demo/event.toml")]) == 0
    assert main(["--db", desk, "sync", "--hub", "postgresql://checkin_desk@127.0.0.1:9/checkin"]) == 3
    err = capsys.readouterr().err
    assert "sync failed: hub unreachable" in err and "stay on this desk" in err
    assert main(["--db", desk, "sync", "status"]) == 0
    assert "OFFLINE" in capsys.readouterr().out
