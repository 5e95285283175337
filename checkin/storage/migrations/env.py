# SPDX-License-Identifier: MIT
"""Alembic environment for the local database; always run with a connection from storage.db."""

from __future__ import annotations

from alembic import context

from checkin.storage import tallies
from checkin.storage.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - we never run alembic from its own CLI
    raise RuntimeError("run migrations through checkin.storage.db.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs table rebuilds for ALTERs
    compare_type=True,
)
with context.begin_transaction():
    tallies.before_migrations(connection)  # a table rebuild must not trip on the tally triggers
    context.run_migrations()
    tallies.after_migrations(connection)  # recount the tallies, lay the triggers again
