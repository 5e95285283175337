# SPDX-License-Identifier: MIT
"""The layering a new maintainer relies on (docs/architecture.md), checked on every run:
Qt only under checkin/ui, views reach the database only through services, the domain stays pure."""

from __future__ import annotations

import ast
from pathlib import Path

CHECKIN = Path(__file__).resolve().parents[2] / "checkin"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _offenders(under: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    out = []
    for path in sorted((CHECKIN / under).rglob("*.py")):
        rel = str(path.relative_to(CHECKIN))
        if rel in allowed:
            continue
        bad = sorted(m for m in _imports(path) if m.startswith(forbidden))
        if bad:
            out.append(f"{rel}: {', '.join(bad)}")
    return out


def test_nothing_outside_the_ui_imports_qt() -> None:
    outside = [p for p in CHECKIN.rglob("*.py") if "ui" not in p.relative_to(CHECKIN).parts[:1]]
    assert outside
    assert [str(p.relative_to(CHECKIN)) for p in outside if any(m.startswith("PySide6") for m in _imports(p))] == []


def test_views_use_services_not_storage() -> None:
    assert _offenders("ui", ("checkin.storage",)) == []


def test_the_domain_imports_no_storage_sync_or_ui() -> None:
    assert _offenders("domain", ("checkin.storage", "checkin.sync", "checkin.ui", "checkin.services",
                                 "sqlalchemy")) == []
