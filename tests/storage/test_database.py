# SPDX-License-Identifier: MIT
"""Opening the desk database: pragmas, migrations, refusing unsafe places, surviving a hard kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from checkin.storage import tables as t
from checkin.storage.db import DatabaseError, current_revision, head_revision, open_database, resolve_url
from checkin.storage.location import UnsafeLocationError, check_local_path

ROOT = Path(__file__).resolve().parents[2]


def test_new_database_is_created_migrated_and_durable(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "nested" / "desk.sqlite3")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_reopening_is_a_no_op_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    engine = open_database(path)
    with engine.begin() as conn:
        conn.execute(t.local_meta.insert().values(key="k", value="Łódź"))
    engine.dispose()
    engine = open_database(path)
    with engine.connect() as conn:
        assert conn.execute(select(t.local_meta.c.value)).scalar_one() == "Łódź"
    assert not list(tmp_path.glob("*.bak"))  # nothing to migrate, no backup taken
    engine.dispose()


def test_a_file_from_another_schema_version_is_backed_up_before_migrating_and_never_guessed(
    tmp_path: Path,
) -> None:
    """Before any migration the file is copied aside; a revision this release does not know (a newer
    release wrote it) is refused rather than "fixed". Only one revision exists so far, so a real
    old-to-new upgrade is exercised by the first migration on every new database instead."""
    path = tmp_path / "desk.sqlite3"
    engine = open_database(path)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'from_a_newer_release'"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="schema version 'from_a_newer_release' is unknown"):
        open_database(path)
    backups = list(tmp_path.glob("desk.sqlite3.before-*.bak"))
    assert len(backups) == 1 and backups[0].stat().st_size > 0


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("this is a shopping list, not a database\n" * 50)
    with pytest.raises(DatabaseError, match=r"notes\.sqlite3"):
        open_database(path)
    assert path.read_text().startswith("this is a shopping list")  # untouched


@pytest.mark.parametrize("folder", ["OneDrive - Urząd Gminy", "Dropbox", "Google Drive", "iCloud Drive"])
def test_synced_folders_are_refused(tmp_path: Path, folder: str) -> None:
    with pytest.raises(UnsafeLocationError, match="synced folder"):
        check_local_path(tmp_path / folder / "checkin.sqlite3")


def test_network_file_systems_are_refused(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/vda / ext4 rw 0 0\n//nas/share /mnt/nas cifs rw 0 0\nserver:/x /mnt/nfs nfs4 rw 0 0\n")
    with pytest.raises(UnsafeLocationError, match="cifs"):
        check_local_path(Path("/mnt/nas/desk.sqlite3"), str(mounts))
    with pytest.raises(UnsafeLocationError, match="nfs4"):
        check_local_path(Path("/mnt/nfs/deep/desk.sqlite3"), str(mounts))
    check_local_path(Path("/home/wolontariusz/desk.sqlite3"), str(mounts))  # local disk: fine


def test_db_option_takes_a_path_or_a_url(tmp_path: Path) -> None:
    assert resolve_url(tmp_path / "a.sqlite3") == f"sqlite:///{tmp_path / 'a.sqlite3'}"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url(None).startswith("sqlite:///") and resolve_url(None).endswith("checkin.sqlite3")


def test_a_check_in_shown_green_survives_a_hard_kill(tmp_path: Path) -> None:
    """kill -9 right after the decision is printed: the admission is on disk."""
    db = tmp_path / "desk.sqlite3"
    script = textwrap.dedent(f"""
        import os, sys, uuid
        from datetime import UTC, datetime
        from checkin.cli import main
        assert main(["--db", {str(db)!r}, "demo"]) == 0
        from checkin.storage.db import open_database
        from checkin.storage.meta import ensure_desk
        from checkin.services.checkin import CheckInService
        from checkin.domain.models import Checkpoint
        from datetime import date
        eng = open_database({str(db)!r})
        svc = CheckInService(eng, ensure_desk(eng, "Desk 1"))
        d = svc.scan("KS2214983908", Checkpoint(date(2022, 10, 19)))
        print(d.result.value, flush=True)
        os.kill(os.getpid(), 9)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "accepted"
    engine = open_database(db)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.attendance)).scalar_one() == 1
        pending = select(func.count()).select_from(t.outbox).where(t.outbox.c.kind == "scan")
        assert conn.execute(pending).scalar_one() == 1
    engine.dispose()
    assert os.path.exists(db)
