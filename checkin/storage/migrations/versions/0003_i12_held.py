"""held outbox rows: refused by the hub for good, waiting for the organiser

Revision ID: 0003_i12_held
Revises: 0002_i14_doors
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import checkin.storage.types

revision = "0003_i12_held"
down_revision = "0002_i14_doors"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "held",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("ref_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("held_at", checkin.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("resolved_at", checkin.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_held_state", "held", ["state"])


def downgrade() -> None:
    op.drop_index("ix_held_state", "held")
    op.drop_table("held")
