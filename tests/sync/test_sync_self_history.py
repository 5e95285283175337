# SPDX-License-Identifier: MIT
"""A desk whose copy is behind its own history at the hub gets its own scans back: restored from an
older backup, or a replaced laptop given the same desk id. Otherwise someone already admitted at
this very desk would be let in again as if new."""

from __future__ import annotations

import shutil
from pathlib import Path

from synchelp import Hub, Site, assert_converged, scan_ids

from checkin.domain.results import ScanResult
from checkin.storage.db import write_tx
from checkin.storage.meta import get_meta, set_meta


def _copy_closed(site: Site, to: Path) -> None:
    site.engine.dispose()  # the last connection checkpoints the WAL into the file
    shutil.copy(site.path, to)


def test_a_desk_restored_from_an_older_backup_gets_its_own_scans_back(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk, tmp_path: Path) -> None:
    _, people = organiser
    d1 = new_desk("Stanowisko 1")
    assert d1.admit(people[0]).result is ScanResult.ACCEPTED and d1.sync().ok
    _copy_closed(d1, tmp_path / "backup.sqlite3")  # the 10:00 backup
    d1.open()
    for p in people[1:3]:
        assert d1.admit(p).result is ScanResult.ACCEPTED
    assert d1.sync().ok
    before = set(scan_ids(d1.engine))

    d1.close()  # the laptop's disk fails; the backup is restored
    for suffix in ("-wal", "-shm"):
        Path(str(d1.path) + suffix).unlink(missing_ok=True)
    shutil.copy(tmp_path / "backup.sqlite3", d1.path)
    d1.open()
    assert len(scan_ids(d1.engine)) < len(before)
    result = d1.sync()
    assert result.ok and "scan" in result.kinds
    assert set(scan_ids(d1.engine)) == before
    assert d1.admit(people[1]).result is ScanResult.DUPLICATE  # not green ACCEPTED again
    assert d1.sync().ok
    assert_converged(hub, [d1])


def test_a_replacement_laptop_with_the_same_desk_id_gets_the_desks_history(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk, tmp_path: Path, _template_db: Path,
        sites: list[Site]) -> None:
    _, people = organiser
    d1 = new_desk("Stanowisko 1")
    for p in people[:4]:
        assert d1.admit(p).result is ScanResult.ACCEPTED
    assert d1.sync().ok
    with d1.engine.connect() as conn:
        desk_id = get_meta(conn, "desk_id")
    shutil.copy(_template_db, tmp_path / "replacement.sqlite3")
    spare = Site("Stanowisko 1", tmp_path / "replacement.sqlite3", hub.desk_url, d1.now)
    sites.append(spare)
    with write_tx(spare.engine) as conn:  # the IT volunteer gives it the old desk's id
        set_meta(conn, "desk_id", desk_id)
    spare.restart()
    assert spare.desk.id == desk_id
    assert spare.sync().ok
    assert set(scan_ids(spare.engine)) == set(scan_ids(d1.engine))
    assert spare.admit(people[2]).result is ScanResult.DUPLICATE


PULL_LOOP = """
import sys
from checkin.storage.db import open_database
from checkin.sync import pull
from checkin.sync.engine import local_desk_id
from checkin.sync.urls import hub_engine
local = open_database(sys.argv[1], check_location=False)
real_apply = pull.apply_part
def apply_and_report(conn, page, desk_id, **kw):
    real_apply(conn, page, desk_id, **kw)
    print("part", flush=True)
pull.apply_part = apply_and_report
pull.pull_changes(local, hub_engine(sys.argv[2]), local_desk_id(local), page_size=50, part_rows=10)
print("done", flush=True)
"""


def test_a_desk_killed_in_the_middle_of_a_catch_up_loses_nothing(
        hub: Hub, organiser: tuple[Site, list[str]], new_desk) -> None:
    import os
    import signal
    import subprocess
    import sys

    from synchelp import settle
    from test_sync_faults import _queue_scans

    _, people = organiser
    busy, late = new_desk("Stanowisko 1"), new_desk("Stanowisko 2")
    _queue_scans(busy, people, 300)
    assert busy.sync().ok  # 300 check-ins at the hub that desk 2 has not seen
    late.close()
    proc = subprocess.Popen([sys.executable, "-c", PULL_LOOP, str(late.path), hub.desk_url],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for _ in range(3):  # the first page (50 rows) goes in parts of 10; later pages in bigger parts
        assert proc.stdout.readline().startswith("part")
    os.kill(proc.pid, signal.SIGKILL)  # the power cable, between two parts of a page
    proc.wait(10)
    late.open()
    assert 0 < len(scan_ids(late.engine)) < 300
    assert late.sync().ok  # resumes: the interrupted page again, its attendance derived
    settle([busy, late])
    assert len(scan_ids(late.engine)) == 300
    assert_converged(hub, [busy, late])
