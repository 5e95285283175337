"""paperwork: photo consent, the certificate register, files written by the app

Revision ID: 0005_i17_paperwork
Revises: 0004_i15_tallies
Create Date: 2026-12-03 06:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import checkin.storage.types

revision = "0005_i17_paperwork"
down_revision = "0004_i15_tallies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN: a batch (copy-and-rename) of `attendee` would trip the tally triggers on it
    op.add_column("attendee", sa.Column("photo_consent", sa.String(length=8), nullable=False, server_default=""))
    op.create_table(
        "certificate",
        sa.Column("number", sa.String(length=64), primary_key=True),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("attendee_id", sa.String(length=64), nullable=False),
        sa.Column("series", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=200), nullable=False),
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=500), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("created_at", checkin.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.UniqueConstraint("event_id", "attendee_id"),
    )
    op.create_table(
        "certificate_issue",
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("issued_at", checkin.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("desk_id", sa.String(length=64), nullable=False),
    )
    op.create_index("ix_certificate_issue_number", "certificate_issue", ["number"])
    op.create_table(
        "certificate_counter",
        sa.Column("series", sa.String(length=64), primary_key=True),
        sa.Column("last", sa.Integer(), nullable=False),
    )
    op.create_table(
        "written_file",
        sa.Column("path", sa.Text(), primary_key=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("written_at", checkin.storage.types.UTCDateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in ("written_file", "certificate_counter", "certificate_issue", "certificate"):
        op.drop_table(table)
    op.drop_column("attendee", "photo_consent")
