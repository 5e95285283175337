# SPDX-License-Identifier: MIT
"""A Polish volunteer at a room door sees Polish only, and every door string has its translation."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel

from checkin.services.event import resolve_checkpoint
from tests.ui.test_door_mode import DOROTA, assert_fits, scan

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "checkin_door_pl.ts"
DOOR_SOURCES = [*sorted((ROOT / "checkin" / "ui" / "door").glob("*.py"))]


def catalogue() -> dict[tuple[str, str], str]:
    found = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        for m in ctx.iter("message"):
            found[(ctx.findtext("name") or "", m.findtext("source") or "")] = m.findtext("translation") or ""
    return found


def translatable(path: Path) -> list[tuple[str, str]]:
    """(context, source) of every `self.tr("…")` (context: the class) and `translate("Ctx", "…")`."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
        for node in ast.walk(cls):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.attr == "tr" and isinstance(cls, ast.ClassDef) and args:
                found.append((cls.name, args[0]))
            elif node.func.attr == "translate" and len(args) >= 2:
                found.append((args[0], args[1]))
    return found


def test_every_door_string_is_in_the_polish_catalogue() -> None:
    known = catalogue()
    missing = [(path.name, ctx, source) for path in DOOR_SOURCES for ctx, source in translatable(path)
               if (ctx, source) not in known]
    assert missing == []
    placeholders = [(s, t) for (_c, s), t in known.items()
                    if sorted(re.findall(r"\{\w+\}", s)) != sorted(re.findall(r"\{\w+\}", t))]
    assert placeholders == [] and all(t.strip() for t in known.values())
    assert TS.with_suffix(".qm").stat().st_mtime >= TS.stat().st_mtime - 1, "run pyside6-lrelease after editing"


def test_polish_door_at_800_by_480(qtbot, make_window, ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.checkin.clock.now = datetime(2022, 10, 19, 13, 40, tzinfo=UTC)
    window = make_window("pl")
    door = window.enter_door_mode(resolve_checkpoint(ctx.engine, ctx.event(), session_code="D1-WS-RODO"),
                                  fullscreen=False)
    window.resize(800, 480)
    qtbot.waitUntil(lambda: window.width() == 800 and door.status is not None, timeout=5_000)
    assert (door.in_button.text(), door.out_button.text()) == ("WEJŚCIE", "WYJŚCIE")
    assert door.present_label.text() == "Obecni 0" and door.inside_label.text() == "Na sali 0 / 30"
    assert_fits(door, window)
    scan(qtbot, window, DOROTA)
    qtbot.waitUntil(lambda: door.result.word.text() == "ZAPRASZAMY", timeout=5_000)
    assert door.result.detail.text() == "Wejście zapisane."
    assert_fits(door, window)
    english = {s for (_c, s), t in catalogue().items() if s != t}
    shown = [w.text() for w in door.findChildren(QLabel) + door.findChildren(QAbstractButton)
             if w.isVisibleTo(door) and w.text()]
    assert [t for t in shown if t in english] == []
