# SPDX-License-Identifier: MIT
"""Fixtures for the venue-sync tests: a fresh hub database (and roles) per test, real PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from synchelp import Hub, Site, create_hub, destroy_hub, fresh_db, make_desk, make_organiser

from checkin.services.event import EventDefinition


@pytest.fixture
def hub(pg_server_url: str) -> Iterator[Hub]:
    h = create_hub(pg_server_url)
    try:
        yield h
    finally:
        destroy_hub(h)


@pytest.fixture
def sites() -> Iterator[list[Site]]:
    """Every desk a test opens, closed at the end."""
    opened: list[Site] = []
    yield opened
    for s in opened:
        s.close()


@pytest.fixture
def organiser(hub: Hub, tmp_path: Path, _template_db: Path, demo_definition: EventDefinition,
              sites: list[Site]) -> tuple[Site, list[str]]:
    """The organiser's laptop with the demo event and six Polish attendees, published to the hub."""
    site, people = make_organiser(fresh_db(_template_db, tmp_path / "organiser.sqlite3"), hub, demo_definition)
    sites.append(site)
    return site, people


NewDesk = Callable[..., Site]


@pytest.fixture
def new_desk(hub: Hub, tmp_path: Path, _template_db: Path, sites: list[Site],
             organiser: tuple[Site, list[str]]) -> NewDesk:
    """A desk started for the first time against the hub (empty database, first sync)."""

    def make(name: str, start: datetime | None = None) -> Site:
        path = fresh_db(_template_db, tmp_path / f"{name.replace(' ', '_')}.sqlite3")
        site = make_desk(path, name, hub, start)
        sites.append(site)
        return site

    return make
