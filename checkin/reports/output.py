# SPDX-License-Identifier: MIT
"""Writing an export file safely.

An export is written to a temporary file beside the target and moved into place only when
complete, so a failure (disk full, a crash half-way through 20,000 rows) never leaves a truncated
file that looks finished, and an older export of the same name survives until the new one is whole.
A target held open by Excel on Windows fails with a message saying so.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from checkin.platforms import fsync_directory, replace_file
from checkin.reports.query import ReportError

Progress = Callable[[int, int], None]  # (done, total); called from the exporting thread


@contextmanager
def atomic_output(out: str | Path) -> Iterator[Path]:
    target = Path(out).expanduser()
    if target.is_dir():
        raise ReportError(f"{target} is a folder; give a file name such as {target / 'lista.pdf'}")
    if not target.parent.exists():
        raise ReportError(f"folder {target.parent} does not exist; create it or choose another --out")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        try:
            replace_file(tmp, target)  # Windows: retried briefly while an indexer holds the file
        except PermissionError as exc:
            raise ReportError(f"cannot replace {target}: it may be open in another program "
                              "(close it in Excel and try again)") from exc
        fsync_directory(target.parent)  # the rename survives a power cut (POSIX; NTFS journals it)
    finally:
        if tmp.exists():
            tmp.unlink()


def report_progress(progress: Progress | None, done: int, total: int, every: int = 500) -> None:
    """Call `progress` every `every` items and at the end, never per row (it may repaint a UI)."""
    if progress is not None and (done % every == 0 or done == total):
        progress(done, total)
