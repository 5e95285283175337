"""Hub: the signing key of each scanned code, for the audit export.

Revision ID: 0006_i13_scan_key
Revises: 0005_i18_rehearsal_groups
Create Date: 2026-12-03

Desks push it with the scan (their INSERT column grants follow the table's columns when `hub init`
or `hub upgrade` re-applies the rights); NULL for codes that are not signed.
"""

from __future__ import annotations

from alembic import op

revision = "0006_i13_scan_key"
down_revision = "0005_i18_rehearsal_groups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE scan ADD COLUMN key_id varchar(16)")


def downgrade() -> None:
    op.execute("ALTER TABLE scan DROP COLUMN IF EXISTS key_id")
