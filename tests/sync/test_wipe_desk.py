# SPDX-License-Identifier: MIT
"""End of the event at a desk: `checkin wipe` removes every copy this desk holds (database rows, the
exports and badge PDFs it wrote, temp badge folders, pre-migration backups), and refuses while
check-ins have not reached the venue hub. Real hub, real files."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from checkin.cli import main
from checkin.services.admin import WipeRefusedError, wipe_desk
from checkin.services.written_files import record_written
from checkin.storage import tables as t


def test_wipe_refuses_unsynced_check_ins_then_removes_every_copy(organiser: Any, new_desk: Any, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _office, people = organiser
    desk = new_desk("Stanowisko 1")
    for attendee_id in people[:3]:
        assert desk.admit(attendee_id, "day1").result.value == "accepted"
    db = str(desk.path)

    # files this desk wrote: an export and a badge PDF through the CLI, a certificate batch folder
    exports = tmp_path / "eksporty"
    exports.mkdir()
    assert main(["--db", db, "export", "attendance", "--day", "2022-10-19", "--out",
                 str(exports / "lista.csv")]) == 0
    assert main(["--db", db, "badges", "--out", str(exports / "identyfikatory.pdf")]) == 0
    keep = exports / "notatki-organizatora.txt"  # not written by checkin: never touched
    keep.write_text("moje notatki", encoding="utf-8")
    temp = tmp_path / "tmp"
    temp.mkdir()
    badge_tmp = Path(tempfile.mkdtemp(prefix="checkin-badge-", dir=temp))
    (badge_tmp / "badge.pdf").write_bytes("%PDF-1.4 Łukasz Żółć-Ślęzak".encode())
    other_program = temp / "checkin-main.lock"  # looks alike, is not ours
    other_program.mkdir()
    backup = desk.path.with_name(desk.path.name + ".before-0005_i17_paperwork.bak")
    backup.write_bytes(desk.path.read_bytes())
    record_written(desk.engine, [tmp_path / "moved-away.pdf"], "export")  # moved by hand since
    capsys.readouterr()

    # three check-ins are still only here: refused, and nothing is deleted
    assert main(["--db", db, "wipe", "--yes"]) == 3
    assert "3 scans" in capsys.readouterr().err
    with pytest.raises(WipeRefusedError):
        wipe_desk(desk.engine, temp_dir=temp)
    assert (exports / "lista.csv").exists() and backup.exists() and badge_tmp.exists()

    assert desk.sync().ok
    assert main(["--db", db, "wipe"]) == 2  # needs --yes (or --dry-run)
    assert main(["--db", db, "wipe", "--dry-run"]) == 0
    assert "Dry run" in capsys.readouterr().out and (exports / "lista.csv").exists()

    report = wipe_desk(desk.engine, temp_dir=temp)
    deleted = set(report.files)
    assert {str((exports / "lista.csv").resolve()), str((exports / "identyfikatory.pdf").resolve()),
            str(badge_tmp), str(backup)} <= deleted
    assert report.files_missing == 1
    for gone in (exports / "lista.csv", exports / "identyfikatory.pdf", badge_tmp, backup):
        assert not gone.exists(), gone
    assert keep.exists() and other_program.exists()
    with desk.engine.connect() as conn:
        for table in (t.attendee, t.scan, t.attendance, t.attendee_change, t.written_file):
            assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0, table.name
    raw = desk.path.read_bytes()
    assert "Żółć".encode() not in raw and "Ślęzak".encode() not in raw  # vacuumed: not even in free pages
