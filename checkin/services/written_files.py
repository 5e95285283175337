# SPDX-License-Identifier: MIT
"""Files with personal data that this app wrote: remembered, so the end-of-event wipe finds them.

Every export, ticket folder, badge PDF and certificate batch records its paths here (a local-only
table). The wipe deletes what is still there; a file the organiser moved elsewhere is beyond the
app's reach and the wipe report says how many recorded files were already gone.
Badge PDFs the desk prints go to the system temp folder under `checkin-badge-` names; the wipe
sweeps those by pattern as well, since a crash can leave one behind unrecorded.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select

from checkin.storage import tables as t
from checkin.storage.db import sqlite_path, write_tx
from checkin.sync.rows import upsert

# exactly the names the app gives its temp folders (desk badge printing, the Badges page, `checkin
# badges --print`): a broad `checkin-*` could catch another program's files
TEMP_PATTERNS = ("checkin-badge-*", "checkin-badges-*")


def record_written(engine: Engine, paths: Iterable[Path | str | None], kind: str) -> None:
    rows = [{"path": str(Path(p).expanduser().resolve()), "kind": kind, "written_at": datetime.now(UTC)}
            for p in paths if p]
    if rows:
        with write_tx(engine) as conn:
            upsert(conn, t.written_file, rows, ["path"])


def written_files(engine: Engine) -> list[tuple[Path, str]]:
    with engine.connect() as conn:
        return [(Path(r.path), r.kind) for r in conn.execute(select(t.written_file).order_by(t.written_file.c.path))]


def temp_leftovers(temp_dir: Path | None = None) -> list[Path]:
    """Badge PDFs and other files the app put in the temp folder (by their `checkin-` names)."""
    base = temp_dir or Path(tempfile.gettempdir())
    found: set[Path] = set()
    for pattern in TEMP_PATTERNS:
        found.update(p for p in base.glob(pattern) if p.is_file() or p.is_dir())
    return sorted(found)


def database_copies(engine: Engine) -> list[Path]:
    """Backups the app made of this database before migrations (`*.before-<rev>.bak`)."""
    path = sqlite_path(str(engine.url))
    if path is None:
        return []
    return sorted(p for p in path.parent.glob(f"{path.name}.before-*.bak") if p.is_file())


@dataclass(frozen=True, slots=True)
class FileSweep:
    deleted: tuple[Path, ...]
    missing: int  # recorded but no longer there (moved or deleted by hand)


def delete_files(engine: Engine, *, temp_dir: Path | None = None, dry_run: bool = False) -> FileSweep:
    """Remove recorded exports, temp badge PDFs and database backups; forget the records."""
    import shutil

    deleted: list[Path] = []
    missing = 0
    targets = [p for p, _ in written_files(engine)] + temp_leftovers(temp_dir) + database_copies(engine)
    for path in dict.fromkeys(targets):
        if not path.exists():
            missing += 1
            continue
        if not dry_run:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        deleted.append(path)
    if not dry_run:
        with write_tx(engine) as conn:
            conn.execute(t.written_file.delete())
    return FileSweep(tuple(deleted), missing)
