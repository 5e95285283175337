"""headcount tallies kept by triggers

Revision ID: 0004_i15_tallies
Revises: 0003_i12_held

Why: the dashboard re-counted the whole attendance/scan history on every refresh (1.3 s at 20,000
people and 200,000 scans). These tables are running totals maintained by SQLite triggers in the
same transaction as the row that changes them, so every path that writes attendance or scans (a
scan here, a void, a pulled page from another desk, a roster edit) keeps them right without
knowing about them. `checkin.storage.tallies` reads them; `checkin.services.headcount.recount`
is the from-scratch definition the tests compare them with.
"""

from __future__ import annotations

from alembic import op

from checkin.storage.tallies import DROP_STATEMENTS, TABLE_STATEMENTS

revision = "0004_i15_tallies"
down_revision = "0003_i12_held"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_attendee_updated_at", "attendee", ["updated_at"])  # the dashboard's change check
    if op.get_context().dialect.name != "sqlite":
        return  # the tallies are a desk (SQLite) structure; other databases recount
    conn = op.get_bind()
    for statement in TABLE_STATEMENTS:
        conn.exec_driver_sql(statement)
    # filled and given their triggers by the migration environment after the last migration
    # (checkin.storage.tallies.after_migrations)


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        conn = op.get_bind()
        for statement in DROP_STATEMENTS:
            conn.exec_driver_sql(statement)
    op.drop_index("ix_attendee_updated_at", "attendee")
