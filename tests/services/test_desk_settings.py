# SPDX-License-Identifier: MIT
"""Desk settings live in the desk's own database; the hub is remembered once for CLI and app."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from checkin.config import (
    DeskSettings,
    check_organiser_password,
    load_settings,
    save_settings,
    set_organiser_password,
    update_settings,
)
from checkin.storage.db import write_tx
from checkin.storage.meta import get_meta, set_meta


def test_defaults_then_saved_values_come_back(engine: Engine) -> None:
    assert load_settings(engine) == DeskSettings()
    update_settings(engine, language="pl", camera="camera:1", auto_print=True, result_seconds=6.5)
    s = load_settings(engine)
    assert (s.language, s.camera, s.auto_print, s.result_seconds) == ("pl", "camera:1", True, 6.5)


def test_keys_from_a_newer_version_are_kept_and_bad_types_ignored(engine: Engine) -> None:
    with write_tx(engine) as conn:
        set_meta(conn, "desk_settings", '{"future_option": 7, "sounds": "loud", "undo_minutes": 9}')
    s = load_settings(engine)
    assert s.undo_minutes == 9 and s.sounds is True  # "loud" is truthy: kept as a bool
    save_settings(engine, s)
    with engine.connect() as conn:
        assert '"future_option": 7' in (get_meta(conn, "desk_settings") or "")


def test_the_hub_the_cli_remembered_is_the_one_the_app_uses(engine: Engine) -> None:
    with write_tx(engine) as conn:  # what `checkin sync --hub URL` stores
        set_meta(conn, "hub_url", "postgresql://checkin_desk@192.168.1.10/checkin")
    assert load_settings(engine).hub_url == "postgresql://checkin_desk@192.168.1.10/checkin"
    update_settings(engine, hub_url="")
    with engine.connect() as conn:
        assert get_meta(conn, "hub_url") is None


def test_a_hub_password_is_never_stored_in_the_settings(engine: Engine) -> None:
    with pytest.raises(ValueError, match="keyring"):
        update_settings(engine, hub_url="postgresql://checkin_desk:tajne@192.168.1.10/checkin")
    with engine.connect() as conn:
        assert get_meta(conn, "hub_url") is None


def test_organiser_password(engine: Engine) -> None:
    assert not check_organiser_password(engine, "anything")
    with pytest.raises(ValueError, match="6 characters"):
        set_organiser_password(engine, "abc")
    set_organiser_password(engine, "Żółć-2022")
    assert check_organiser_password(engine, "Żółć-2022")
    assert not check_organiser_password(engine, "zolc-2022")


def test_a_desk_upgraded_from_version_1_keeps_the_auto_print_switch_the_cli_made(engine: Engine) -> None:
    # version 1 kept `checkin badge auto-print on` apart, in local_meta "auto_print", where the desk never looked
    with write_tx(engine) as conn:
        set_meta(conn, "desk_settings", '{"printer": "Zebra ZD421", "auto_print": false}')
        set_meta(conn, "auto_print", "1")
    assert load_settings(engine).auto_print is True  # upgraded on read, before anything is saved
    assert load_settings(engine).printer == "Zebra ZD421"
    update_settings(engine, sounds=False)
    with engine.connect() as conn:
        assert get_meta(conn, "auto_print") is None  # the old key is gone once saved in the new form
        assert '"_version": 2' in (get_meta(conn, "desk_settings") or "")
    assert load_settings(engine).auto_print is True


def test_every_setting_is_declared_once_with_type_default_scope_and_store() -> None:
    from dataclasses import fields

    from checkin.domain.settings import SETTINGS, DeskSettings, EventSettings, setting

    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert {f.name for f in fields(DeskSettings)} == {s.name for s in SETTINGS if s.scope == "desk"}
    assert {f.name for f in fields(EventSettings)} == {s.name for s in SETTINGS if s.scope == "event"}
    assert setting("auto_print").default is False and setting("auto_print").type is bool
    assert setting("auto_print").parse("on") is True and setting("undo_minutes").parse("7") == 7
    with pytest.raises(ValueError, match="auto_print takes on or off"):
        setting("auto_print").parse("maybe")
    assert setting("organiser_password").scope == "organiser"
    assert all(s.store and s.help for s in SETTINGS)


def test_the_cli_lists_and_changes_desk_settings_in_the_store_the_app_reads(
        db_path, engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from checkin.cli import main

    assert main(["--db", str(db_path), "settings", "printer", "Brother QL-820NWB"]) == 0
    assert main(["--db", str(db_path), "settings", "result_seconds", "6.5"]) == 0
    assert (load_settings(engine).printer, load_settings(engine).result_seconds) == ("Brother QL-820NWB", 6.5)
    capsys.readouterr()
    assert main(["--db", str(db_path), "settings"]) == 0
    listing = capsys.readouterr().out
    assert "Brother QL-820NWB" in listing and "[event]" in listing and "[organiser]" in listing
    assert main(["--db", str(db_path), "settings", "accept_external_codes", "off"]) == 2
    assert "event file" in capsys.readouterr().err
    assert main(["--db", str(db_path), "settings", "undo_minutes", "five"]) == 2
    assert "undo_minutes takes a number, not 'five'" in capsys.readouterr().err


def test_the_password_minimum_is_the_one_declared(engine: Engine) -> None:
    from checkin.domain.messages import set_language
    from checkin.domain.settings import ORGANISER_PASSWORD_MIN_LENGTH, password_problem

    assert password_problem("x" * ORGANISER_PASSWORD_MIN_LENGTH) is None
    with pytest.raises(ValueError, match=f"at least {ORGANISER_PASSWORD_MIN_LENGTH} characters"):
        set_organiser_password(engine, "x" * (ORGANISER_PASSWORD_MIN_LENGTH - 1))
    set_language("pl")
    try:
        assert password_problem("abc") == "hasło organizatora musi mieć co najmniej 6 znaków"
    finally:
        set_language("en")
