# SPDX-License-Identifier: MIT
"""The demo congress: event, sessions and roster from resources/demo, into an empty database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from checkin.resources import resource_path
from checkin.services.event import install_event, parse_event_file
from checkin.storage.attendees import count_attendees
from checkin.storage.events import current_event_id


class DemoNotEmptyError(Exception):
    """The database already has an event; the demo never mixes into real data."""


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return current_event_id(conn) is None


def install_demo(engine: Engine) -> dict[str, Any]:
    from checkin.services.roster import import_roster

    with engine.connect() as conn:
        existing = current_event_id(conn)
        if existing is not None:
            raise DemoNotEmptyError(
                f"this database already holds the event '{existing}'; the demo only fills an empty one "
                "(use --db to choose another file)"
            )
    definition = parse_event_file(resource_path("demo/event.toml"))
    install_event(engine, definition)
    import_roster(engine, definition.event.id, resource_path("demo/roster.csv"))
    with engine.connect() as conn:
        attendees = count_attendees(conn, definition.event.id)
    return {"event": definition.event.name, "event_id": definition.event.id,
            "days": len(definition.event.days), "sessions": len(definition.sessions), "attendees": attendees}
