# SPDX-License-Identifier: MIT
"""After the event someone asks "who let this person in, from which desk, at what time — and who
changed the roster?". The organiser exports the audit from the hub: every attempt (admissions and
refusals, with desk, login, volunteer, both clocks, reason, key) and every hub-side change."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from openpyxl import load_workbook
from sqlalchemy import text
from synchelp import Hub, Site, fresh_db, settle

from checkin.domain.results import ScanResult
from checkin.services.checkin import CheckInService
from checkin.storage.events import load_event
from checkin.sync.desk_logins import add_desk, revoke_desk
from checkin.tickets.keys import register_public_key
from checkin.tickets.token import encode_ticket, key_id_for

ROOT = Path(__file__).resolve().parents[2]


def checkin_cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "checkin", "--db", str(db), *args], capture_output=True,
                          text=True, timeout=120, env=env, cwd=ROOT)


def test_the_organiser_exports_every_attempt_and_every_hub_side_change(
        hub: Hub, organiser: tuple[Site, list[str]], tmp_path: Path, _template_db: Path, sites: list[Site]) -> None:
    org, people = organiser
    signing_key = Ed25519PrivateKey.generate()  # the organiser's ticket key, reaching desks by sync
    with org.engine.connect() as conn:
        event_id = load_event(conn).id
    ticket_key = register_public_key(org.engine, event_id, signing_key)
    assert org.sync().ok
    login = add_desk(hub.organiser_url, "Stanowisko A")
    desk = Site("Stanowisko A", fresh_db(_template_db, tmp_path / "a.sqlite3"),
                login.url.replace("sslmode=verify-full", "sslmode=disable"), org.now)
    sites.append(desk)
    assert desk.sync().ok
    volunteer = CheckInService(desk.engine, desk.desk, operator="Zofia Ś.", clock=desk.clock)
    found_by_name = volunteer.admit(people[0], desk.checkpoint("day1"))
    assert found_by_name.result is ScanResult.ACCEPTED
    with desk.engine.connect() as conn:
        ticket_of_second = conn.execute(text("SELECT ticket_id FROM attendee WHERE id = :a"),
                                        {"a": people[1]}).scalar_one()
    scanned = volunteer.scan(encode_ticket(signing_key, event_id, ticket_of_second), desk.checkpoint("day1"))
    assert scanned.result is ScanResult.ACCEPTED
    stranger_key = Ed25519PrivateKey.generate()  # a ticket signed by a key this event does not know
    forged = encode_ticket(stranger_key, event_id, uuid.uuid4().hex)
    refused = volunteer.scan(forged, desk.checkpoint("day1"))
    assert refused.result is not ScanResult.ACCEPTED
    settle([desk])

    with psycopg.connect(hub.organiser_url) as conn:  # hub-side changes by the organiser
        conn.execute("UPDATE attendee SET last_name = 'Żółć-Ślęzak-Nowak', version = version + 1, updated_at = now() "
                     "WHERE id = %s", (people[0],))
        late_key = key_id_for(Ed25519PrivateKey.generate().public_key())
        conn.execute("INSERT INTO event_key (key_id, event_id, public_key, created_at) VALUES (%s, %s, 'x', now())",
                     (late_key, event_id))
        conn.execute("UPDATE event_key SET active = false WHERE key_id = %s", (late_key,))
    revoke_desk(hub.organiser_url, "Stanowisko A")

    out = tmp_path / "audyt.xlsx"
    done = checkin_cli("export", "audit", "--out", str(out), "--hub", hub.organiser_url, db=org.path)
    assert done.returncode == 0, done.stderr
    book = load_workbook(out, read_only=True)
    attempts = [list(r) for r in book["Próby"].iter_rows(values_only=True)]
    header, rows = attempts[0], attempts[1:]
    col = {name: i for i, name in enumerate(header)}
    admitted = next(r for r in rows if r[col["Id skanu"]] == found_by_name.scan_id)
    assert admitted[col["Stanowisko"]] == "Stanowisko A" and admitted[col["Login"]] == login.role
    assert admitted[col["Operator"]] == "Zofia Ś." and admitted[col["Nazwisko"]] == "Żółć-Ślęzak-Nowak"
    assert admitted[col["Czas huba"]] and admitted[col["Czas stanowiska"]]
    by_ticket = next(r for r in rows if r[col["Id skanu"]] == scanned.scan_id)
    assert by_ticket[col["Wynik"]] == "accepted" and by_ticket[col["Klucz"]] == ticket_key
    assert admitted[col["Klucz"]] in ("", None)  # found by name: no code, no key
    rejected = next(r for r in rows if r[col["Wynik"]] == refused.result.value)
    assert rejected[col["Klucz"]] == key_id_for(stranger_key.public_key())
    assert rejected[col["Powód"]]

    changes = [list(r) for r in book["Zmiany na hubie"].iter_rows(values_only=True)]
    ch = {name: i for i, name in enumerate(changes[0])}
    by = [(r[ch["Tabela"]], r[ch["Akcja"]], r[ch["Login"]], r[ch["Wiersz"]], r[ch["Klucz"]], r[ch["Zmiany"]])
          for r in changes[1:]]
    organiser_role = f"{hub.prefix}_organiser"
    assert any(t == "attendee" and a == "update" and who == organiser_role and ref == people[0]
               and "Żółć-Ślęzak-Nowak" in detail for t, a, who, ref, _, detail in by)
    assert {(t, a) for t, a, who, _, key, _ in by if key == late_key and who == organiser_role} == {
        ("event_key", "insert"), ("event_key", "update")}
    assert any(t == "hub_login" and a == "update" and ref == login.role and "revoked_at" in detail
               for t, a, _, ref, _, detail in by)
    assert not any("@" in str(detail) for *_, detail in by)  # e-mail values are never copied into the audit

    csv_out = tmp_path / "audyt.csv"
    done = checkin_cli("export", "audit", "--out", str(csv_out), "--delimiter", ";", "--hub", hub.organiser_url,
                       db=org.path)
    assert done.returncode == 0, done.stderr
    written = csv_out.read_text(encoding="utf-8-sig")
    assert "Próby" in written and "Zmiany na hubie" in written and login.role in written
    assert list(csv.reader(written.splitlines(), delimiter=";"))[1][0] == "Czas huba"


def test_a_desk_login_cannot_read_the_audit(hub: Hub, tmp_path: Path, _template_db: Path) -> None:
    db = fresh_db(_template_db, tmp_path / "desk.sqlite3")
    done = checkin_cli("export", "audit", "--out", str(tmp_path / "a.csv"), "--hub", hub.desk_url, db=db)
    assert done.returncode != 0
    assert "the audit is the organiser's" in done.stderr
    assert not (tmp_path / "a.csv").exists()
