"""the signing key of each scanned code, for the audit

Revision ID: 0008_i13_scan_key
Revises: 0007_i18_rehearsal_groups
Create Date: 2026-12-03

The audit export names the key behind every attempt. A refusal could say it in its reason, but an
admission carried no trace of which key signed the ticket; the scan now keeps it (NULL for codes that
are not signed: registration-system numbers, a walk-in's bare ticket id, a search).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_i13_scan_key"
down_revision = "0007_i18_rehearsal_groups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("scan", sa.Column("key_id", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.drop_column("key_id")
