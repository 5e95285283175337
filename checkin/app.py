# SPDX-License-Identifier: MIT
"""Composition root: opens the database, identifies the desk, builds the services.

The GUI and the CLI both start here, so the desk app and `checkin scan` behave the same. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from checkin.config import DeskSettings, load_settings
from checkin.domain.models import Desk, Event
from checkin.services.checkin import CheckInService
from checkin.storage.db import open_database
from checkin.storage.events import NoEventError, load_event
from checkin.storage.meta import ensure_desk
from checkin.storage.types import utcnow


@dataclass
class AppContext:
    """Everything a desk needs, built once at start-up and shared by the views."""

    engine: Engine
    desk: Desk
    settings: DeskSettings
    checkin: CheckInService
    clock: Callable[[], datetime] = utcnow
    demo_installed: bool = False
    db_url: str = ""
    extras: dict[str, object] = field(default_factory=dict)
    overrides: dict[str, Any] = field(default_factory=dict)  # one-off choices for this run (--camera)

    def event(self) -> Event:
        with self.engine.connect() as conn:
            return load_event(conn)

    def database_file(self) -> Path | None:
        """The desk's SQLite file, or None when the database is not a local file."""
        from checkin.storage.db import sqlite_path

        return sqlite_path(self.db_url) if self.db_url else None

    def reload_settings(self) -> DeskSettings:
        return self.use_settings(load_settings(self.engine))

    def use_settings(self, settings: DeskSettings) -> DeskSettings:
        """Take freshly saved or loaded settings, keeping this run's one-off choices on top of them."""
        self.settings = replace(settings, **self.overrides) if self.overrides else settings
        return self.settings

    def override(self, **choices: Any) -> None:
        """A choice for this run only (`checkin --camera folder:DIR`): never stored, never lost on reload."""
        self.overrides.update(choices)
        self.use_settings(self.settings)


def build_context(db: str | Path | None = None, desk_name: str | None = None, operator: str = "",
                  *, install_demo_when_empty: bool = True,
                  clock: Callable[[], datetime] = utcnow, create_folder: bool = True) -> AppContext:
    """Open (and migrate) the database; install the demo congress into an empty one if asked."""
    engine = open_database(db, create_folder=create_folder)
    demo = False
    if install_demo_when_empty:
        from checkin.services.demo import install_demo, is_empty

        if is_empty(engine):
            install_demo(engine)
            demo = True
    desk = ensure_desk(engine, desk_name)
    service = CheckInService(engine, desk, operator=operator, clock=clock)
    # read the event now, on the starting thread: views read `service.event` (a frozen value) from
    # the GUI thread and must never trigger its lazy reload there; later reloads run on the writer lane
    with suppress(NoEventError):
        service.reload()
    return AppContext(engine, desk, load_settings(engine), service, clock, demo, str(engine.url))
