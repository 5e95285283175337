# SPDX-License-Identifier: MIT
"""Saving a desk's setup from the settings page: its name, its settings, its venue database.

One call so the page keeps only presentation: the hub password goes to the operating system's
keyring (never into the database), the URL without it into the settings, the name onto the desk
row (which sync carries to the other desks). Thread: the app's DB-writer lane.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from checkin.config import DeskSettings, update_settings
from checkin.domain.models import Desk
from checkin.storage.meta import ensure_desk


def save_desk_setup(engine: Engine, desk_name: str, hub_url: str, **settings: Any) -> tuple[DeskSettings, Desk]:
    if hub_url:
        from checkin.sync.credentials import remember_hub
        from checkin.sync.urls import libpq

        remember_hub(engine, hub_url)
        hub_url = libpq(hub_url, with_password=False)
    return update_settings(engine, hub_url=hub_url, **settings), ensure_desk(engine, desk_name)
