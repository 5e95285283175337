# SPDX-License-Identifier: MIT
"""Where bundled resources live: the source tree, an installed package, or a PyInstaller folder."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource_path(relative: str) -> Path:
    path = resources_root() / relative
    if not path.exists():
        raise FileNotFoundError(f"bundled resource missing: {path}")
    return path
