# SPDX-License-Identifier: MIT
"""Is the shipped .qm the compiled form of its .ts? Compared by content, not by file times.

File times say nothing in a git checkout (it writes files in whatever order it likes), so the
check compiles the .ts afresh with pyside6-lrelease and compares the bytes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path


def compiled_matches(ts: Path, qm: Path) -> bool:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / qm.name
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True)
        return fresh.read_bytes() == qm.read_bytes()
