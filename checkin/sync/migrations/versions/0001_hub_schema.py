# SPDX-License-Identifier: MIT
"""Hub schema: the desks' logical tables plus a commit-safe change feed.

Revision ID: h0001
Revises:
Create Date: 2024-05-01

Why a change feed with `txid xid8` (and not a plain serial cursor): a row's serial number is taken
when it is inserted, but the row becomes visible when its transaction commits. A transaction that
took seq 10 and commits after another one that took seq 11 would be skipped by a desk that had
already read up to 11. Desks therefore remember the hub *snapshot* they have applied and next read
the rows whose transaction was not yet visible in it (see `checkin.sync.pull`).

Triggers write the feed (SECURITY DEFINER, so desk roles need no rights on it beyond SELECT) and
`NOTIFY checkin_changes` with the pushing desk's id, which wakes the other desks at once.
"""

from __future__ import annotations

from alembic import op

revision = "h0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = """
CREATE TABLE event (
    id varchar(64) PRIMARY KEY,
    name varchar(300) NOT NULL,
    timezone varchar(64) NOT NULL DEFAULT 'Europe/Warsaw',
    venue varchar(300) NOT NULL DEFAULT '',
    settings jsonb NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE event_day (
    event_id varchar(64) NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    date date NOT NULL,
    label varchar(200) NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, date)
);
CREATE TABLE event_key (
    key_id varchar(16) PRIMARY KEY,
    event_id varchar(64) NOT NULL REFERENCES event(id),
    public_key varchar(128) NOT NULL,
    created_at timestamptz NOT NULL,
    active boolean NOT NULL DEFAULT true
);
CREATE INDEX ix_event_key_event_id ON event_key (event_id);
CREATE TABLE session (
    id varchar(64) PRIMARY KEY,
    event_id varchar(64) NOT NULL REFERENCES event(id),
    day date NOT NULL,
    code varchar(64) NOT NULL,
    title varchar(300) NOT NULL,
    room varchar(200) NOT NULL DEFAULT '',
    starts_at timestamptz,
    ends_at timestamptz,
    capacity integer,
    kind varchar(32) NOT NULL DEFAULT 'other',
    requires_registration boolean NOT NULL DEFAULT false,
    tracks_inside boolean NOT NULL DEFAULT false,
    UNIQUE (event_id, code)
);
-- no foreign key to event: an organiser's roster import may reach the hub before `hub publish`
CREATE TABLE attendee (
    id varchar(64) PRIMARY KEY,
    event_id varchar(64) NOT NULL,
    external_ref varchar(200) NOT NULL DEFAULT '',
    external_code varchar(200) NOT NULL DEFAULT '',
    ticket_id varchar(64) UNIQUE,
    first_name varchar(200) NOT NULL,
    last_name varchar(200) NOT NULL,
    organisation varchar(500) NOT NULL DEFAULT '',
    position varchar(300) NOT NULL DEFAULT '',
    category varchar(32) NOT NULL DEFAULT 'participant',
    email varchar(320) NOT NULL DEFAULT '',
    phone varchar(64) NOT NULL DEFAULT '',
    notes text NOT NULL DEFAULT '',
    days jsonb NOT NULL DEFAULT '[]',
    sessions jsonb NOT NULL DEFAULT '[]',
    status varchar(16) NOT NULL DEFAULT 'active',
    search_key text NOT NULL DEFAULT '',
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL,
    updated_by varchar(64) NOT NULL DEFAULT ''
);
CREATE INDEX ix_attendee_event_ref ON attendee (event_id, external_ref);
CREATE INDEX ix_attendee_external_code ON attendee (event_id, external_code);
CREATE TABLE attendee_change (
    id varchar(64) PRIMARY KEY,
    attendee_id varchar(64) NOT NULL,
    desk_id varchar(64) NOT NULL,
    changed_at timestamptz NOT NULL,
    base_version integer NOT NULL,
    fields jsonb NOT NULL,
    outcome varchar(16) NOT NULL DEFAULT 'applied'
);
CREATE INDEX ix_attendee_change_attendee_id ON attendee_change (attendee_id);
CREATE TABLE ticket (
    id varchar(64) PRIMARY KEY,
    attendee_id varchar(64) NOT NULL,
    issued_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX ix_ticket_attendee_id ON ticket (attendee_id);
CREATE TABLE desk (
    id varchar(64) PRIMARY KEY,
    name varchar(100) NOT NULL,
    last_seen timestamptz,
    last_sync timestamptz,
    clock_offset_ms integer,
    app_version varchar(32) NOT NULL DEFAULT ''
);
CREATE TABLE scan (
    id varchar(64) PRIMARY KEY,
    event_id varchar(64) NOT NULL,
    desk_id varchar(64) NOT NULL,
    operator varchar(100) NOT NULL DEFAULT '',
    device_time timestamptz NOT NULL,
    hub_time timestamptz NOT NULL DEFAULT clock_timestamp(),
    checkpoint varchar(100) NOT NULL,
    day date NOT NULL,
    session_id varchar(64),
    direction varchar(8) NOT NULL DEFAULT 'in',
    source varchar(16) NOT NULL,
    result varchar(24) NOT NULL,
    attendee_id varchar(64),
    ticket_id varchar(64),
    detail varchar(300) NOT NULL DEFAULT '',
    voided_scan_id varchar(64)
);
CREATE INDEX ix_scan_attendee_checkpoint ON scan (attendee_id, checkpoint);
CREATE INDEX ix_scan_attendee_day ON scan (attendee_id, day);
CREATE INDEX ix_scan_time ON scan (device_time);
CREATE INDEX ix_scan_voided ON scan (voided_scan_id);
CREATE TABLE attendance (
    id serial PRIMARY KEY,
    attendee_id varchar(64) NOT NULL,
    checkpoint varchar(100) NOT NULL,
    day date NOT NULL,
    session_id varchar(64),
    scan_id varchar(64),
    first_time timestamptz,
    desk_id varchar(64),
    active boolean NOT NULL DEFAULT true,
    inside boolean NOT NULL DEFAULT true,
    UNIQUE (attendee_id, checkpoint)
);
CREATE INDEX ix_attendance_checkpoint_attendee ON attendance (checkpoint, active, attendee_id);
CREATE INDEX ix_attendance_day ON attendance (day, active);
CREATE TABLE badge_print (
    id varchar(64) PRIMARY KEY,
    attendee_id varchar(64) NOT NULL,
    desk_id varchar(64) NOT NULL,
    printed_at timestamptz NOT NULL,
    template varchar(64) NOT NULL,
    copy_no integer NOT NULL DEFAULT 1,
    printer varchar(200) NOT NULL DEFAULT ''
);
CREATE INDEX ix_badge_print_attendee_id ON badge_print (attendee_id);
CREATE TABLE change (
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    seq bigserial NOT NULL,
    kind varchar(24) NOT NULL,
    ref_id varchar(64) NOT NULL,
    origin varchar(64) NOT NULL DEFAULT '',
    PRIMARY KEY (txid, seq)
);
"""

FEED_FUNCTION = """
CREATE FUNCTION feed_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    rec jsonb;
    origin text := coalesce(current_setting('checkin.desk_id', true), '');
BEGIN
    IF TG_OP = 'DELETE' THEN rec := to_jsonb(OLD); ELSE rec := to_jsonb(NEW); END IF;
    INSERT INTO change (kind, ref_id, origin) VALUES (TG_ARGV[0], rec ->> TG_ARGV[1], origin);
    PERFORM pg_notify('checkin_changes', origin);
    RETURN NULL;
END
$$;
"""

# table -> (feed kind, column holding the id the desk re-reads)
FEED = {
    "event": ("event", "id"),
    "event_day": ("event", "event_id"),
    "event_key": ("event", "event_id"),
    "session": ("event", "event_id"),
    "attendee": ("attendee", "id"),
    "ticket": ("attendee", "attendee_id"),
    "attendee_change": ("attendee_change", "id"),
    "scan": ("scan", "id"),
    "badge_print": ("badge_print", "id"),
    "desk": ("desk", "id"),
}


def upgrade() -> None:
    op.execute(TABLES)
    op.execute(FEED_FUNCTION)
    for table, (kind, column) in FEED.items():
        op.execute(
            f"CREATE TRIGGER feed_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION feed_change('{kind}', '{column}')"
        )


def downgrade() -> None:
    for table in [*FEED, "attendance", "change"]:
        op.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
    op.execute("DROP FUNCTION IF EXISTS feed_change()")
