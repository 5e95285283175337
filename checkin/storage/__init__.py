# SPDX-License-Identifier: MIT
"""Local storage: SQLite (or any SQLAlchemy URL) through SQLAlchemy 2, versioned with Alembic."""
