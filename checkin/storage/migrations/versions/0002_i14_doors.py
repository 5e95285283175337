"""session doors: indexes for inside-now and presence minutes

The door's scan path counts the people inside a room on every scan (capacity with exits), and
presence minutes read every entry and exit at one checkpoint in time order. Both were served only
by indexes that start with the attendee, so each walked the whole table at 20,000 attendees.

Revision ID: 0002_i14_doors
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002_i14_doors"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_scan_checkpoint_time", "scan", ["checkpoint", "device_time"])
    op.create_index("ix_attendance_checkpoint_inside", "attendance", ["checkpoint", "active", "inside"])


def downgrade() -> None:
    op.drop_index("ix_attendance_checkpoint_inside", table_name="attendance")
    op.drop_index("ix_scan_checkpoint_time", table_name="scan")
