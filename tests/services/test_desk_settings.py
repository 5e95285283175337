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
