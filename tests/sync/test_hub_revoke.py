# SPDX-License-Identifier: MIT
"""A desk laptop goes missing during the event. The organiser revokes that desk's login: within
seconds it is cut off, even while its `checkin sync --watch` is running, and it is told why; the
other desks keep syncing as if nothing happened."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from synchelp import Hub, Site, fresh_db

from checkin.sync.desk_logins import DeskLogin, add_desk, list_desks
from checkin.sync.status import read_status
from checkin.sync.worker import SyncWorker

ROOT = Path(__file__).resolve().parents[2]


def plain(login: DeskLogin) -> str:
    return login.url.replace("sslmode=verify-full", "sslmode=disable")


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> float:
    """Seconds it took for `condition` to hold; fails the test after `timeout`."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.1)
    pytest.fail(f"not within {timeout} s: {what}")


def checkin_cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "checkin", "--db", str(db), *args], capture_output=True,
                          text=True, timeout=60, env=env, cwd=ROOT)


def test_a_revoked_desk_is_cut_within_seconds_and_the_others_keep_syncing(
        hub: Hub, organiser: tuple[Site, list[str]], tmp_path: Path, _template_db: Path, sites: list[Site]) -> None:
    _, people = organiser
    desks: dict[str, tuple[Site, DeskLogin]] = {}
    for name in ("Stanowisko A", "Stanowisko B"):
        login = add_desk(hub.organiser_url, name)
        site = Site(name, fresh_db(_template_db, tmp_path / f"{name[-1]}.sqlite3"), plain(login), organiser[0].now)
        sites.append(site)
        assert site.sync().ok
        desks[name] = (site, login)
    (a, login_a), (b, login_b) = desks["Stanowisko A"], desks["Stanowisko B"]

    # desk A: a real `checkin sync --watch` in its own process; desk B: the desk app's sync worker
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    log = tmp_path / "watch-a.log"
    with open(log, "w", encoding="utf-8") as out:
        watch = subprocess.Popen([sys.executable, "-m", "checkin", "--db", str(a.path), "sync", "--watch",
                                  "--poll", "1", "--hub", plain(login_a)], stdout=out, stderr=subprocess.STDOUT,
                                 env=env, cwd=ROOT)
    worker_b = SyncWorker(b.engine, plain(login_b), poll_interval=1.0)
    worker_b.start()
    try:
        sessions = f"SELECT count(*) FROM pg_stat_activity WHERE usename = '{login_a.role}'"
        wait_for(lambda: hub.scalar(sessions) >= 2, 30, "desk A's watch connected (sync and live listener)")
        a.admit(people[0])
        wait_for(lambda: hub.scalar("SELECT count(*) FROM scan WHERE desk_id = :d", d=a.desk.id) == 1, 15,
                 "desk A's scan reached the hub before the revocation")

        result = checkin_cli("hub", "revoke-desk", "Stanowisko A", "--hub", hub.organiser_url,
                             db=tmp_path / "organiser-cli.sqlite3")
        assert result.returncode == 0, result.stderr
        assert f"Desk login {login_a.role} revoked" in result.stdout
        cut_after = wait_for(lambda: hub.scalar(sessions) == 0, 5, "desk A's sessions ended")
        assert cut_after < 5
        wait_for(lambda: "withdrawn this desk's login" in log.read_text(encoding="utf-8"), 20,
                 "desk A's watch says its login was withdrawn")

        # A keeps scanning locally; nothing of it reaches the hub any more
        a.admit(people[1])
        b.admit(people[2])
        worker_b.sync_now()
        wait_for(lambda: hub.scalar("SELECT count(*) FROM scan WHERE desk_id = :d", d=b.desk.id) == 1, 10,
                 "desk B's scan reached the hub after A was revoked")
        time.sleep(2)  # A's watch has had time for a couple of attempts
        assert hub.scalar("SELECT count(*) FROM scan WHERE desk_id = :d", d=a.desk.id) == 1
        assert hub.scalar(sessions) == 0
        status_a = read_status(a.engine)
        assert status_a.pending_scans == 1 and not status_a.online
        assert "withdrawn this desk's login" in (status_a.last_error or "")
        assert read_status(b.engine).online
    finally:
        watch.send_signal(signal.SIGINT)
        try:
            watch.wait(10)
        except subprocess.TimeoutExpired:
            watch.kill()
            watch.wait(5)
        worker_b.stop()

    listed = {d.role: d for d in list_desks(hub.organiser_url)}
    assert listed[login_a.role].revoked_at is not None and listed[login_b.role].revoked_at is None
    audit = hub.scalar("SELECT login FROM hub_audit WHERE table_name = 'hub_login' AND ref_id = :r "
                       "AND action = 'update' AND detail ->> 'revoked_at' IS NOT NULL", r=login_a.role)
    assert audit == f"{hub.prefix}_organiser"  # the revocation is in the audit, with who did it


def test_a_revoked_login_handed_out_again_works_with_its_new_password(
        hub: Hub, organiser: tuple[Site, list[str]], tmp_path: Path, _template_db: Path, sites: list[Site]) -> None:
    login = add_desk(hub.organiser_url, "Szatnia")
    site = Site("Szatnia", fresh_db(_template_db, tmp_path / f"{uuid.uuid4().hex[:6]}.sqlite3"), plain(login),
                organiser[0].now)
    sites.append(site)
    assert site.sync().ok
    result = checkin_cli("hub", "revoke-desk", "Szatnia", "--hub", hub.organiser_url, db=tmp_path / "o.sqlite3")
    assert result.returncode == 0, result.stderr
    site.restart()
    failed = site.sync()
    assert not failed.ok and "withdrawn this desk's login" in (failed.error or "")
    again = add_desk(hub.organiser_url, "Szatnia")
    assert again.role == login.role and again.password != login.password
    site.hub_url = plain(again)
    site.restart()
    assert site.sync().ok
