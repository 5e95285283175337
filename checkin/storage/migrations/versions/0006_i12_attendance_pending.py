"""attendance keys pulled but not derived yet (catch-up derives each key once)

Revision ID: 0006_i12_attendance_pending
Revises: 0005_i17_paperwork
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_i12_attendance_pending"
down_revision = "0005_i17_paperwork"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attendance_pending",
        sa.Column("attendee_id", sa.String(length=64), nullable=False),
        sa.Column("checkpoint", sa.String(length=100), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("session_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("attendee_id", "checkpoint"),
    )


def downgrade() -> None:
    op.drop_table("attendance_pending")
