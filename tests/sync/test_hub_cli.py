# SPDX-License-Identifier: MIT
"""The organiser hands out desk logins from a terminal: `checkin hub add-desk` prints the string and
writes a QR code a desk can read; `hub desks` lists them; `hub contact-at-desks` toggles contact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
from synchelp import Hub, Site, fresh_db

from checkin.sync.desk_logins import read_qr_png

ROOT = Path(__file__).resolve().parents[2]


def checkin_cli(*args: str, db: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "checkin", "--db", str(db), *args], capture_output=True,
                          text=True, timeout=120, env=env, cwd=cwd)


def test_add_desk_prints_a_verify_full_string_and_a_qr_code_of_it(
        hub: Hub, organiser: tuple[Site, list[str]], tmp_path: Path, _template_db: Path, sites: list[Site]) -> None:
    org, _ = organiser
    db = org.path
    added = checkin_cli("hub", "add-desk", "Sala A wejście", "--hub", hub.organiser_url,
                        "--hub-host", "hub.kongres.lan", db=db, cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    role = f"{hub.prefix}_d_sala_a_wejscie"
    url = next(line.strip() for line in added.stdout.splitlines() if line.strip().startswith("postgresql://"))
    assert url.startswith(f"postgresql://{role}:") and "@hub.kongres.lan:" in url and "sslmode=verify-full" in url
    assert read_qr_png(tmp_path / "desk-sala_a_wejscie.png") == url

    again = checkin_cli("hub", "add-desk", "Sala A wejście", "--hub", hub.organiser_url, db=db, cwd=tmp_path)
    assert again.returncode != 0 and "already has a login" in again.stderr

    desk = Site("Sala A", fresh_db(_template_db, tmp_path / "a.sqlite3"),
                url.replace("hub.kongres.lan", "127.0.0.1").replace("sslmode=verify-full", "sslmode=disable"),
                org.now)
    sites.append(desk)
    assert desk.sync().ok
    listed = checkin_cli("--json", "hub", "desks", "--hub", hub.organiser_url, db=db, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = {r["role"]: r for r in json.loads(listed.stdout)}
    assert rows[role]["desk_id"] == desk.desk.id and rows[role]["desk_name"] == "Sala A"
    assert rows[role]["last_contact"] is not None and rows[role]["revoked_at"] is None
    text = checkin_cli("hub", "desks", "--hub", hub.organiser_url, db=db, cwd=tmp_path).stdout
    assert "Sala A wejście (Sala A)" in text

    on = checkin_cli("hub", "contact-at-desks", "on", "--hub", hub.organiser_url, db=db, cwd=tmp_path)
    assert on.returncode == 0 and "now see e-mail and phone" in on.stdout
    with psycopg.connect(hub.desk_url) as conn:
        conn.execute("SELECT email, phone FROM attendee")
    denied = checkin_cli("hub", "add-desk", "Intruz", "--hub", hub.desk_url, db=db, cwd=tmp_path)
    assert denied.returncode != 0 and "permission denied" in denied.stderr
