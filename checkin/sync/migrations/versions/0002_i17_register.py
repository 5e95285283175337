"""Hub: photo consent on attendees, and the register of certificate numbers.

Revision ID: h0002_i17_register
Revises: h0001

Numbers are allocated here, in one transaction per batch under an advisory lock on the series,
so two organiser laptops sharing the hub can never hand out the same number; UNIQUE(number) makes
that a database guarantee as well. The register is not in the change feed: desks do not need it
(fewer copies of personal data), only organisers read it.
"""

from __future__ import annotations

from alembic import op

revision = "h0002_i17_register"
down_revision = "h0001"
branch_labels = None
depends_on = None

SQL = """
ALTER TABLE attendee ADD COLUMN photo_consent varchar(8) NOT NULL DEFAULT '';
CREATE TABLE certificate (
    number varchar(64) PRIMARY KEY,
    event_id varchar(64) NOT NULL,
    attendee_id varchar(64) NOT NULL,
    series varchar(64) NOT NULL,
    seq integer NOT NULL,
    first_name varchar(200) NOT NULL,
    last_name varchar(200) NOT NULL,
    organisation varchar(500) NOT NULL DEFAULT '',
    issued_on date NOT NULL,
    minutes integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by varchar(64) NOT NULL DEFAULT '',
    UNIQUE (event_id, attendee_id),
    UNIQUE (series, seq)
);
CREATE TABLE certificate_issue (
    id varchar(64) PRIMARY KEY,
    number varchar(64) NOT NULL REFERENCES certificate(number),
    action varchar(16) NOT NULL,
    issued_at timestamptz NOT NULL,
    minutes integer NOT NULL DEFAULT 0,
    desk_id varchar(64) NOT NULL DEFAULT ''
);
CREATE INDEX ix_certificate_issue_number ON certificate_issue (number);
CREATE TABLE certificate_counter (
    series varchar(64) PRIMARY KEY,
    last integer NOT NULL DEFAULT 0
);
"""


def upgrade() -> None:
    op.execute(SQL)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS certificate_issue, certificate_counter, certificate")
    op.execute("ALTER TABLE attendee DROP COLUMN IF EXISTS photo_consent")
