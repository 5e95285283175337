# SPDX-License-Identifier: MIT
"""`checkin walk-in` is the desk's F3 from a shell: the same use case, the same rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from checkin.cli import main


def test_walk_in_from_the_command_line(event_engine: Engine, db_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--db", str(db_path), "--json"]
    assert main([*base, "walk-in", "--first-name", "Łukasz", "--last-name", "Żółć-Ślęzak",
                 "--organisation", "Urząd Gminy Brzęczyszczykiewice", "--day", "2022-10-19"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["result"] == "accepted"
    assert main([*base, "walk-in", "--first-name", "Anna", "--last-name", "Nowak", "--email", "anna(at)example",
                 "--day", "2022-10-19"]) == 2
    assert "--email" in capsys.readouterr().err
