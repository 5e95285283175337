# SPDX-License-Identifier: MIT
"""Alembic environment for the venue hub (PostgreSQL); always run through `checkin.sync.hub`.

Everything lives in one schema (`checkin`), the version table too, so a hub can share a database
with other applications and an IT volunteer can drop it in one statement.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
schema = context.config.attributes.get("schema", "checkin")
if connection is None:  # pragma: no cover - we never run alembic from its own CLI
    raise RuntimeError("run hub migrations through `checkin hub upgrade URL`")

connection.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
connection.exec_driver_sql(f'SET search_path TO "{schema}"')
context.configure(connection=connection, target_metadata=None, version_table_schema=schema,
                  transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
