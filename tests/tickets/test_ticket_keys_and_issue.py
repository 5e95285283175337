# SPDX-License-Identifier: MIT
"""The organiser creates a signing key, issues tickets for the mail merge and prints PDFs."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import cv2
import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine

from checkin.domain.results import ScanResult
from checkin.services.checkin import CheckInService
from checkin.tickets import keys, token
from checkin.tickets.issue import issue_tickets
from checkin.tickets.qr import qr_matrix, qr_version, svg_text
from tests.conftest import AddAttendee
from tests.tickets.ticket_help import ENTRANCE, EVENT_ID

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@posix_only
def test_generated_key_file_is_private_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "organizator.key"
    key_id = keys.generate_keypair(path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    loaded = keys.load_private_key(path)
    assert token.key_id_for(loaded.public_key()) == key_id
    with pytest.raises(keys.KeyFileError, match="refusing to overwrite"):
        keys.generate_keypair(path)
    assert token.key_id_for(keys.load_private_key(path).public_key()) == key_id, "old key untouched"


@posix_only
def test_key_readable_by_others_is_refused_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "klucz.pem"
    keys.generate_keypair(path)
    os.chmod(path, 0o644)
    with pytest.raises(keys.KeyFileError, match=r"chmod 600"):
        keys.load_private_key(path)


def test_not_a_key_file_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_text("imię;nazwisko\n", encoding="utf-8")
    os.chmod(path, 0o600)
    with pytest.raises(keys.KeyFileError, match="not an unencrypted PEM private key"):
        keys.load_private_key(path)
    with pytest.raises(keys.KeyFileError, match="not found"):
        keys.load_private_key(tmp_path / "brak.key")
    with pytest.raises(keys.KeyFileError, match="not a public key"):
        keys.parse_public_key("to nie jest klucz")


def test_public_key_from_base64_or_key_file(tmp_path: Path) -> None:
    path = tmp_path / "org.key"
    key_id = keys.generate_keypair(path)
    public = keys.load_private_key(path).public_key()
    assert token.key_id_for(keys.parse_public_key(str(path))) == key_id
    assert token.key_id_for(keys.parse_public_key(keys.public_key_b64(public))) == key_id


def test_a_key_belongs_to_one_event(event_engine: Engine) -> None:
    key = Ed25519PrivateKey.generate()
    kid = keys.register_public_key(event_engine, EVENT_ID, key)
    assert keys.register_public_key(event_engine, EVENT_ID, key.public_key()) == kid  # idempotent
    from checkin.storage import tables as t
    from checkin.storage.db import write_tx

    with write_tx(event_engine) as conn:  # a second event in the same file (a hub with history)
        conn.execute(t.event.insert().values(id="forum-2023", name="Forum", timezone="Europe/Warsaw",
                                             settings={}, venue="", updated_at=token.datetime.now(token.UTC)))
    with pytest.raises(keys.KeyFileError, match="already registered for event"):
        keys.register_public_key(event_engine, "forum-2023", key)
    assert [k.key_id for k in keys.list_public_keys(event_engine, EVENT_ID)] == [kid]


def test_ticket_qr_is_alphanumeric_version_6_and_svg_is_one_path() -> None:
    code = token.encode_ticket(Ed25519PrivateKey.generate(), EVENT_ID, "0" * 32)
    assert qr_version(qr_matrix(code)) == 6  # 147 characters, error correction M
    svg = svg_text(code)
    assert svg.count("<path") == 1 and svg.startswith("<svg")
    assert qr_version(qr_matrix("KS22-0001/a")) >= 1  # other text falls back to byte mode


def _decode_file(path: Path) -> list[str]:
    image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    return [b.text for b in zxingcpp.read_barcodes(image)]


def test_issue_tickets_for_the_mail_merge_and_print(
    tmp_path: Path, event_engine: Engine, add_attendee: AddAttendee, service: CheckInService
) -> None:
    key = Ed25519PrivateKey.generate()
    keys.register_public_key(event_engine, EVENT_ID, key)
    service.reload()
    lukasz = add_attendee(email="lukasz.zolc@ug-brzeczyszczykiewice.pl", external_ref="KS22-0001")
    agnieszka = add_attendee("Agnieszka", "Wójcik-Łączyńska", organisation="Starostwo Powiatowe w Żninie",
                             external_ref="KS22-0002")
    add_attendee("Zenon", "Ćwikliński", status="cancelled", external_ref="KS22-0003")
    seen: list[tuple[int, int]] = []

    report = issue_tickets(event_engine, key, tmp_path / "bilety", pdf=True,
                           progress=lambda done, total: seen.append((done, total)))

    assert report.issued == 2 and [why for _, why in report.skipped] == ["registration cancelled"]
    assert seen[-1] == (3, 3)
    raw = report.csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read Polish letters"
    rows = list(csv.DictReader(report.csv_path.open(encoding="utf-8-sig")))
    by_ref = {r["external_ref"]: r for r in rows}
    assert set(by_ref) == {"KS22-0001", "KS22-0002"}
    row = by_ref["KS22-0001"]
    assert row["email"] == "lukasz.zolc@ug-brzeczyszczykiewice.pl" and row["last_name"] == "Żółć-Ślęzak"
    assert row["png_file"].isascii() and row["png_file"].startswith("zolc-slezak-lukasz_")
    out = report.out_dir
    assert _decode_file(out / row["png_file"]) == [row["code"]]
    assert (out / row["svg_file"]).read_text(encoding="utf-8").startswith("<svg")
    assert service.scan(row["code"], ENTRANCE).attendee.id == lukasz.id  # type: ignore[union-attr]

    pdf = out / by_ref["KS22-0002"]["pdf_file"]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Agnieszka Wójcik-Łączyńska" in text and "Starostwo Powiatowe w Żninie" in text
    assert "Samorządowej" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Helvetica" not in fonts and "yes yes yes" in fonts  # embedded, subset, unicode
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")], check=True)
    printed = _decode_file(next(tmp_path.glob("page*.png")))
    assert printed == [by_ref["KS22-0002"]["code"]]
    decision = service.scan(printed[0], ENTRANCE)
    assert decision.result is ScanResult.ACCEPTED and decision.attendee.id == agnieszka.id  # type: ignore[union-attr]


def test_issue_for_chosen_attendees_only_and_unknown_ref_is_named(
    tmp_path: Path, event_engine: Engine, add_attendee: AddAttendee
) -> None:
    from checkin.tickets.issue import IssueError

    key = Ed25519PrivateKey.generate()
    add_attendee(external_ref="KS22-0001")
    add_attendee("Anna", "Nowak", external_ref="KS22-0002")
    report = issue_tickets(event_engine, key, tmp_path, attendee_ids=["KS22-0002"])
    assert report.issued == 1 and len(list(tmp_path.glob("*.png"))) == 1
    with pytest.raises(IssueError, match="no attendee 'KS22-9999'"):
        issue_tickets(event_engine, key, tmp_path, attendee_ids=["KS22-9999"])
