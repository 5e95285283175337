# SPDX-License-Identifier: MIT
"""Venue sync: desks push their outbox to a shared PostgreSQL hub and pull other desks' changes.

Modules: `hub` (schema, roles, Alembic for the hub), `urls` and `credentials` (connection strings,
OS keyring), `push` and `pull` (the two halves of `engine.sync_once`), `live` (LISTEN/NOTIFY),
`status` (what the UI and CLI show), `conflicts` (duplicates and superseded roster edits),
`worker` (the background thread). Nothing here imports Qt.
"""
