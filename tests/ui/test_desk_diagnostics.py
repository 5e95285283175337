# SPDX-License-Identifier: MIT
"""After a bad day the IT volunteer finds a log on the desk, and Help → Save diagnostics gives one ZIP:
the log (scan decisions by id, no names), print failures, versions, settings without secrets, sync."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from checkin.config import update_settings
from checkin.diagnostics import log_file, setup_logging, stop_logging
from tests.ui.conftest import find_attendee


@pytest.fixture
def desk_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ctx):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHECKIN_LOG_DIR", str(tmp_path / "logs"))
    path = setup_logging(ctx.desk.id)
    yield path
    stop_logging()


def test_the_log_and_the_diagnostics_zip(qtbot, make_window, ctx, desk_log, tmp_path):  # type: ignore[no-untyped-def]
    assert desk_log == log_file(ctx.desk.id) and desk_log.parent == tmp_path / "logs"
    ctx.settings = update_settings(ctx.engine, printer="Brother QL-820NWB w szatni")
    window = make_window("pl")
    desk = window.desk
    lukasz = find_attendee(ctx, "lukasz zolc")
    desk.handle_code("KS2214983908")
    qtbot.waitUntil(lambda: desk.result.state == "ok", timeout=5_000)
    desk.badges.print_badge(lukasz, ask_if_printed=False)
    qtbot.waitUntil(lambda: desk.print_notice.state == "failed", timeout=15_000)

    out = tmp_path / "diagnostics.zip"
    with qtbot.waitSignal(window.diagnostics_saved, timeout=10_000):
        window.save_diagnostics(str(out))
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert f"logs/{desk_log.name}" in names
        assert {"about.json", "settings.json", "sync-status.json"} <= set(names)
        log = zf.read(f"logs/{desk_log.name}").decode("utf-8")
        settings = json.loads(zf.read("settings.json"))
        about = json.loads(zf.read("about.json"))
    assert "scan decision result=accepted reason=" in log and f"attendee={lukasz.id}" in log
    assert f"badge print failed attendee={lukasz.id}" in log
    assert "Łukasz" not in log and "Żółć" not in log and "@" not in log  # ids only, no personal data
    assert settings["printer"] == "Brother QL-820NWB w szatni"
    assert "password" not in json.dumps(settings).lower()
    assert about["desk_id"] == ctx.desk.id and about["versions"]["checkin"]
