"""rehearsal marks, the rehearsal table and the attendee group column

Revision ID: 0007_i18_rehearsal_groups
Revises: 0006_i12_attendance_pending
Create Date: 2026-12-03

Why columns rather than a side table: a rehearsal row must travel with the scan, print or walk-in it
marks (one row, one outbox entry), and ending the rehearsal deletes by that column on every copy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import checkin.storage.types

revision = "0007_i18_rehearsal_groups"
down_revision = "0006_i12_attendance_pending"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attendee", schema=None) as batch_op:
        batch_op.add_column(sa.Column("group_code", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("rehearsal_id", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_attendee_group_code", ["group_code"], unique=False)
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rehearsal_id", sa.String(length=64), nullable=True))
    with op.batch_alter_table("badge_print", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rehearsal_id", sa.String(length=64), nullable=True))
    op.create_table(
        "rehearsal",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("started_at", checkin.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.String(length=100), nullable=False),
        sa.Column("ended_at", checkin.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ended_by", sa.String(length=100), nullable=False),
        sa.Column("removed", sa.JSON(), nullable=False),
        sa.Column("removed_here", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("rehearsal")
    with op.batch_alter_table("badge_print", schema=None) as batch_op:
        batch_op.drop_column("rehearsal_id")
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.drop_column("rehearsal_id")
    with op.batch_alter_table("attendee", schema=None) as batch_op:
        batch_op.drop_index("ix_attendee_group_code")
        batch_op.drop_column("rehearsal_id")
        batch_op.drop_column("group_code")
