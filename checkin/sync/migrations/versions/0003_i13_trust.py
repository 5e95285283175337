# SPDX-License-Identifier: MIT
"""Hub trust: a login per desk, row-level security, hub-derived attendance, heartbeats, audit.

Revision ID: 0003_i13_trust
Revises: h0002_i17_register
Create Date: 2026-12-03

Why in the database and not in the desk program: a desk laptop is a computer anyone at the venue
can sit at, and `psql` speaks to the hub as well as `checkin` does. So PostgreSQL itself decides:
- `hub_login` maps each login role to the desk it may speak for (bound at that desk's first write,
  trust on first use) or marks it `shared` (the one role small events hand to every desk) or
  `organiser`. Policies call `may_write_as(desk_id)`, keyed on `session_user`, so a desk can only
  insert scans, prints, heartbeats and roster rows signed with its own desk id, and a revoked login
  can write nothing even on a connection that is still open;
- attendance is derived here by a trigger on `scan` (the same rule as `recompute_attendance` on a
  desk), so no desk role holds any write privilege on it;
- a revoked ticket stays revoked (a trigger refuses `revoked_at` going back to NULL, for everyone);
- `hub_time` on a scan is always the hub's clock, whatever the desk sent;
- organiser-side changes (roster, tickets, keys, event, desk logins) are written to `hub_audit` by
  triggers, with the login that made them.
Table and column privileges (which role may touch which table and column at all) are granted by
`checkin.sync.hub`, because role names carry a per-hub prefix the migration cannot know.
"""

from __future__ import annotations

from alembic import op

revision = "0003_i13_trust"
down_revision = "h0002_i17_register"
branch_labels = None
depends_on = None

TABLES = """
CREATE TABLE hub_setting (
    key varchar(64) PRIMARY KEY,
    value text NOT NULL
);
CREATE TABLE hub_login (
    role_name varchar(63) PRIMARY KEY,
    kind varchar(16) NOT NULL CHECK (kind IN ('desk', 'shared', 'organiser')),
    label varchar(100) NOT NULL DEFAULT '',
    desk_id varchar(64) UNIQUE,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    revoked_at timestamptz
);
CREATE TABLE desk_heartbeat (
    id bigserial PRIMARY KEY,
    desk_id varchar(64) NOT NULL,
    name varchar(100) NOT NULL DEFAULT '',
    app_version varchar(32) NOT NULL DEFAULT '',
    clock_offset_ms integer,
    device_time timestamptz,
    hub_time timestamptz NOT NULL DEFAULT clock_timestamp(),
    login varchar(63) NOT NULL DEFAULT session_user
);
CREATE INDEX ix_desk_heartbeat_desk ON desk_heartbeat (desk_id, hub_time);
CREATE TABLE hub_audit (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    login varchar(63) NOT NULL DEFAULT session_user,
    desk_id varchar(64) NOT NULL DEFAULT '',
    action varchar(16) NOT NULL,
    table_name varchar(32) NOT NULL,
    ref_id varchar(200) NOT NULL DEFAULT '',
    key_id varchar(16),
    detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX ix_hub_audit_at ON hub_audit (at);
"""

FUNCTIONS = r"""
CREATE FUNCTION login_kind() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT kind FROM hub_login WHERE role_name = session_user AND revoked_at IS NULL
$$;

-- May this login write rows that carry `p_desk` as their desk? Binds an unbound per-desk login to
-- the first desk id it writes with (hence VOLATILE and SECURITY DEFINER: desks cannot read or
-- write hub_login themselves).
CREATE FUNCTION may_write_as(p_desk text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    l hub_login;
BEGIN
    SELECT * INTO l FROM hub_login WHERE role_name = session_user;
    IF NOT FOUND OR l.revoked_at IS NOT NULL OR p_desk IS NULL OR p_desk = '' THEN
        RETURN false;
    END IF;
    IF l.kind IN ('organiser', 'shared') THEN
        RETURN true;
    END IF;
    IF l.desk_id IS NULL THEN
        IF EXISTS (SELECT 1 FROM hub_login WHERE desk_id = p_desk) THEN
            RETURN false;  -- that desk already speaks through another login
        END IF;
        UPDATE hub_login SET desk_id = p_desk WHERE role_name = l.role_name;
        RETURN true;
    END IF;
    RETURN l.desk_id = p_desk;
END
$$;

CREATE FUNCTION is_organiser() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT coalesce(login_kind() = 'organiser', false) $$;

-- The hub's attendance for a set of (attendee, checkpoint, day, session) keys: the same rule as
-- checkin.storage.scans.recompute_attendance (a property test compares the two). The earliest
-- accepted, non-voided entry scan per key wins; a day is attended through its entrance or any
-- session that day; `inside` follows the latest movement at the checkpoint itself; a key with no
-- such scan left (all voided) is deactivated, never deleted.
CREATE FUNCTION derive_attendance(a text[], c text[], d date[], s text[]) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    -- lock attendees in one global order so concurrent batches never deadlock; the statement then
    -- sees every scan committed before it (READ COMMITTED takes a fresh snapshot per statement)
    PERFORM pg_advisory_xact_lock(h) FROM (
        SELECT DISTINCT hashtextextended(x, 7) AS h FROM unnest(a) AS x ORDER BY 1) AS locks;
    WITH k AS (
        SELECT * FROM unnest(a, c, d, s) AS k(attendee_id, checkpoint, day, session_id)
    ), valid AS (
        SELECT sc.id, sc.attendee_id, sc.checkpoint, sc.day, sc.direction, sc.device_time, sc.desk_id
        FROM scan sc
        WHERE sc.result = 'accepted' AND sc.attendee_id = ANY(a)
          AND NOT EXISTS (SELECT 1 FROM scan v WHERE v.voided_scan_id = sc.id AND v.result = 'void')
    ), firsts AS (
        SELECT DISTINCT ON (k.attendee_id, k.checkpoint) k.attendee_id, k.checkpoint, k.day, k.session_id,
               v.id AS scan_id, v.device_time, v.desk_id
        FROM k JOIN valid v ON v.attendee_id = k.attendee_id AND v.direction = 'in'
            AND CASE WHEN k.session_id IS NULL THEN v.day = k.day ELSE v.checkpoint = k.checkpoint END
        ORDER BY k.attendee_id, k.checkpoint, v.device_time, v.id
    ), lasts AS (
        SELECT DISTINCT ON (k.attendee_id, k.checkpoint) k.attendee_id, k.checkpoint, v.direction
        FROM k JOIN valid v ON v.attendee_id = k.attendee_id AND v.checkpoint = k.checkpoint
        ORDER BY k.attendee_id, k.checkpoint, v.device_time DESC, v.id DESC
    ), upserted AS (
        INSERT INTO attendance (attendee_id, checkpoint, day, session_id, scan_id, first_time, desk_id,
                                active, inside)
        SELECT f.attendee_id, f.checkpoint, f.day, f.session_id, f.scan_id, f.device_time, f.desk_id, true,
               COALESCE(l.direction = 'in', true)
        FROM firsts f LEFT JOIN lasts l ON l.attendee_id = f.attendee_id AND l.checkpoint = f.checkpoint
        ON CONFLICT (attendee_id, checkpoint) DO UPDATE SET
            day = EXCLUDED.day, session_id = EXCLUDED.session_id, scan_id = EXCLUDED.scan_id,
            first_time = EXCLUDED.first_time, desk_id = EXCLUDED.desk_id, active = true,
            inside = EXCLUDED.inside
        RETURNING 1
    )
    UPDATE attendance at SET active = false, inside = false FROM k
    WHERE at.attendee_id = k.attendee_id AND at.checkpoint = k.checkpoint
      AND NOT EXISTS (SELECT 1 FROM firsts f WHERE f.attendee_id = k.attendee_id AND f.checkpoint = k.checkpoint);
END
$$;

-- After a statement inserted scans: re-derive every (attendee, checkpoint) they can change; a
-- session scan also marks its day.
CREATE FUNCTION attendance_after_scans() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    ka text[]; kc text[]; kd date[]; ks text[];
BEGIN
    SELECT array_agg(attendee_id ORDER BY attendee_id, checkpoint), array_agg(checkpoint ORDER BY attendee_id, checkpoint),
           array_agg(day ORDER BY attendee_id, checkpoint), array_agg(session_id ORDER BY attendee_id, checkpoint)
    INTO ka, kc, kd, ks
    FROM (
        SELECT attendee_id, checkpoint, day, session_id FROM added
        WHERE attendee_id IS NOT NULL AND result IN ('accepted', 'void')
        UNION
        SELECT attendee_id, 'day:' || to_char(day, 'YYYY-MM-DD'), day, NULL FROM added
        WHERE attendee_id IS NOT NULL AND result IN ('accepted', 'void') AND session_id IS NOT NULL
    ) keys;
    IF ka IS NOT NULL THEN
        PERFORM derive_attendance(ka, kc, kd, ks);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION scan_hub_time() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.hub_time := clock_timestamp();
    RETURN NEW;
END
$$;

CREATE FUNCTION ticket_stays_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at THEN
        RAISE EXCEPTION 'ticket % was revoked at %; a revoked ticket stays revoked (issue a new one instead)',
            OLD.id, OLD.revoked_at USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- A heartbeat row (the only thing a desk writes about itself after registering) updates its desk.
CREATE FUNCTION heartbeat_to_desk() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO desk (id, name, last_seen, last_sync, clock_offset_ms, app_version)
    VALUES (NEW.desk_id, coalesce(nullif(NEW.name, ''), NEW.desk_id), NEW.hub_time, NEW.hub_time,
            NEW.clock_offset_ms, NEW.app_version)
    ON CONFLICT (id) DO UPDATE SET
        name = coalesce(nullif(EXCLUDED.name, ''), desk.name), last_seen = EXCLUDED.last_seen,
        last_sync = EXCLUDED.last_sync, clock_offset_ms = EXCLUDED.clock_offset_ms,
        app_version = CASE WHEN EXCLUDED.app_version = '' THEN desk.app_version ELSE EXCLUDED.app_version END;
    RETURN NULL;
END
$$;

-- Hub-side changes, with who made them. E-mail and phone are noted as changed, not copied.
CREATE FUNCTION audit_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END;
    row_data jsonb := CASE WHEN TG_OP = 'DELETE' THEN old_row ELSE new_row END;
    changed jsonb := '{}'::jsonb;
    col text;
BEGIN
    FOR col IN SELECT jsonb_object_keys(row_data) LOOP
        IF col IN ('search_key', 'updated_at') THEN
            CONTINUE;
        END IF;
        IF TG_OP = 'UPDATE' AND (old_row -> col) IS NOT DISTINCT FROM (new_row -> col) THEN
            CONTINUE;
        END IF;
        IF col IN ('email', 'phone', 'public_key') THEN
            changed := changed || jsonb_build_object(col, '(changed)');
        ELSE
            changed := changed || jsonb_build_object(col, row_data -> col);
        END IF;
    END LOOP;
    IF TG_OP = 'UPDATE' AND changed = '{}'::jsonb THEN
        RETURN NULL;
    END IF;
    INSERT INTO hub_audit (desk_id, action, table_name, ref_id, key_id, detail)
    VALUES (coalesce(current_setting('checkin.desk_id', true), ''), lower(TG_OP), TG_TABLE_NAME,
            coalesce(row_data ->> TG_ARGV[0], ''), row_data ->> 'key_id', changed);
    RETURN NULL;
END
$$;

CREATE VIEW checkpoint_counts AS
    SELECT checkpoint, day, session_id, count(*) FILTER (WHERE active) AS admitted,
           count(*) FILTER (WHERE active AND inside) AS inside
    FROM attendance GROUP BY checkpoint, day, session_id;
CREATE VIEW desk_status AS
    SELECT id, name, last_seen, last_sync, clock_offset_ms, app_version FROM desk;
"""

# The organiser's desk-login commands. They run as the hub's owner (who ran `checkin hub init` and can
# create roles) but can only create, revoke and cut roles named `<prefix>_d_...` in the desk group,
# so the organiser role never needs CREATEROLE itself.
ADMIN_FUNCTIONS = r"""
CREATE FUNCTION hub_setting_value(p_key text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT value FROM hub_setting WHERE key = p_key
$$;

CREATE FUNCTION add_desk_login(p_label text, p_role text, p_password text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    prefix text := hub_setting_value('role_prefix');
    grp text := hub_setting_value('desk_group');
    schema_name text := current_schema();
    cfg text;
BEGIN
    IF prefix IS NULL OR grp IS NULL THEN
        RAISE EXCEPTION 'this hub has no roles yet: run checkin hub init first';
    END IF;
    IF p_role !~ ('^' || prefix || '_d_[a-z0-9_]{1,40}$') THEN
        RAISE EXCEPTION 'a desk login must be named %_d_ and lower-case letters, digits or _ (got %)', prefix, p_role;
    END IF;
    IF EXISTS (SELECT 1 FROM hub_login WHERE role_name = p_role AND revoked_at IS NULL) THEN
        RAISE EXCEPTION 'desk "%" already has a login (%): revoke it first to hand out a new one', p_label, p_role
            USING ERRCODE = 'duplicate_object';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
        -- a revoked login handed out again: a new password and a fresh binding to a desk
        EXECUTE format('ALTER ROLE %I WITH LOGIN PASSWORD %L', p_role, p_password);
        UPDATE hub_login SET revoked_at = NULL, desk_id = NULL, label = p_label, created_at = clock_timestamp()
        WHERE role_name = p_role;
    ELSE
        EXECUTE format('CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L IN ROLE %I',
                       p_role, p_password, grp);
        INSERT INTO hub_login (role_name, kind, label) VALUES (p_role, 'desk', p_label);
    END IF;
    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = %I', p_role, current_database(), schema_name);
    -- the same per-database settings (time limits) as the shared desk role has
    FOR cfg IN SELECT unnest(s.setconfig) FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
               JOIN pg_database d ON d.oid = s.setdatabase
               WHERE r.rolname = prefix || '_desk' AND d.datname = current_database() LOOP
        IF split_part(cfg, '=', 1) <> 'search_path' THEN
            EXECUTE format('ALTER ROLE %I IN DATABASE %I SET %I = %L', p_role, current_database(),
                           split_part(cfg, '=', 1), substr(cfg, strpos(cfg, '=') + 1));
        END IF;
    END LOOP;
    RETURN p_role;
END
$$;

-- Revoke: no new connections (NOLOGIN) and no more writes (policies check revoked_at). Open
-- sessions are cut by terminate_desk_sessions, called after this has committed, so a desk that
-- reconnects in between is refused too.
CREATE FUNCTION revoke_desk_login(p_name text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    l hub_login;
BEGIN
    SELECT * INTO l FROM hub_login WHERE kind IN ('desk', 'shared') AND (role_name = p_name OR label = p_name)
    ORDER BY revoked_at NULLS FIRST LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no desk login called "%" (see checkin hub desks)', p_name USING ERRCODE = 'undefined_object';
    END IF;
    UPDATE hub_login SET revoked_at = coalesce(revoked_at, clock_timestamp()) WHERE role_name = l.role_name;
    EXECUTE format('ALTER ROLE %I WITH NOLOGIN', l.role_name);
    RETURN l.role_name;
END
$$;

CREATE FUNCTION terminate_desk_sessions(p_role text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    cut integer;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM hub_login WHERE role_name = p_role AND revoked_at IS NOT NULL) THEN
        RAISE EXCEPTION 'only a revoked desk login''s sessions can be cut (% is not revoked)', p_role;
    END IF;
    -- OFFSET 0 keeps the filter inside: pg_terminate_backend must only ever see this role's sessions
    SELECT count(*) FILTER (WHERE pg_terminate_backend(s.pid)) INTO cut FROM (
        SELECT pid FROM pg_stat_activity WHERE usename = p_role AND pid <> pg_backend_pid() OFFSET 0) AS s;
    RETURN cut;
END
$$;

CREATE FUNCTION set_contact_at_desks(p_on boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    grp text := hub_setting_value('desk_group');
BEGIN
    IF grp IS NULL THEN
        RAISE EXCEPTION 'this hub has no roles yet: run checkin hub init first';
    END IF;
    EXECUTE format('%s SELECT (email, phone) ON attendee %s %I',
                   CASE WHEN p_on THEN 'GRANT' ELSE 'REVOKE' END, CASE WHEN p_on THEN 'TO' ELSE 'FROM' END, grp);
    INSERT INTO hub_setting (key, value) VALUES ('show_contact_at_desks', CASE WHEN p_on THEN 'on' ELSE 'off' END)
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
    -- every desk re-reads the roster: it gains, or loses, the contact fields
    INSERT INTO change (kind, ref_id, origin) SELECT 'attendee', id, '' FROM attendee;
    PERFORM pg_notify('checkin_changes', '');
END
$$;
"""
ORGANISER_FUNCTIONS = ("add_desk_login(text, text, text)", "revoke_desk_login(text)",
                       "terminate_desk_sessions(text)", "set_contact_at_desks(boolean)")

# tables a desk writes: every row it inserts carries its own desk id (checked per row)
POLICIES = """
ALTER TABLE scan ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON scan FOR SELECT USING (true);
CREATE POLICY insert_own ON scan FOR INSERT WITH CHECK (may_write_as(desk_id));

ALTER TABLE badge_print ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON badge_print FOR SELECT USING (true);
CREATE POLICY insert_own ON badge_print FOR INSERT WITH CHECK (may_write_as(desk_id));

ALTER TABLE desk_heartbeat ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON desk_heartbeat FOR SELECT USING (true);
CREATE POLICY insert_own ON desk_heartbeat FOR INSERT WITH CHECK (may_write_as(desk_id));

ALTER TABLE desk ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON desk FOR SELECT USING (true);
CREATE POLICY insert_own ON desk FOR INSERT WITH CHECK (may_write_as(id));
CREATE POLICY organiser_updates ON desk FOR UPDATE USING (is_organiser()) WITH CHECK (is_organiser());

-- a superseded record names the losing edit's desk (made by the hub-side merge, see push.py)
ALTER TABLE attendee_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON attendee_change FOR SELECT USING (true);
CREATE POLICY insert_own ON attendee_change FOR INSERT
    WITH CHECK (may_write_as(desk_id) OR outcome = 'superseded');
CREATE POLICY organiser_updates ON attendee_change FOR UPDATE USING (is_organiser()) WITH CHECK (is_organiser());

-- roster rows: a desk writes only rows it signs as their last editor (walk-ins, corrections)
ALTER TABLE attendee ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON attendee FOR SELECT USING (true);
CREATE POLICY insert_own ON attendee FOR INSERT WITH CHECK (is_organiser() OR may_write_as(updated_by));
CREATE POLICY update_own ON attendee FOR UPDATE USING (true)
    WITH CHECK (is_organiser() OR may_write_as(updated_by));

-- tickets: new ones only for a roster row this desk signed; an update can only revoke
ALTER TABLE ticket ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON ticket FOR SELECT USING (true);
CREATE POLICY insert_own ON ticket FOR INSERT WITH CHECK (
    is_organiser() OR EXISTS (SELECT 1 FROM attendee a WHERE a.id = attendee_id AND may_write_as(a.updated_by)));
CREATE POLICY revoke_only ON ticket FOR UPDATE USING (true) WITH CHECK (is_organiser() OR revoked_at IS NOT NULL);
"""

TRIGGERS = """
CREATE TRIGGER attendance_after_scans AFTER INSERT ON scan REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION attendance_after_scans();
CREATE TRIGGER scan_hub_time BEFORE INSERT ON scan FOR EACH ROW EXECUTE FUNCTION scan_hub_time();
CREATE TRIGGER ticket_stays_revoked BEFORE UPDATE ON ticket FOR EACH ROW EXECUTE FUNCTION ticket_stays_revoked();
CREATE TRIGGER heartbeat_to_desk AFTER INSERT ON desk_heartbeat FOR EACH ROW EXECUTE FUNCTION heartbeat_to_desk();
"""

# table -> column naming the row in the audit
AUDITED = {"attendee": "id", "ticket": "id", "event": "id", "event_day": "date", "event_key": "key_id",
           "session": "id", "hub_login": "role_name", "hub_setting": "key"}
# functions a desk never calls directly (triggers and policies call them as the owner)
PRIVATE = ("derive_attendance(text[], text[], date[], text[])", "attendance_after_scans()",
           "heartbeat_to_desk()", "audit_change()")


def upgrade() -> None:
    op.execute(TABLES)
    op.execute(FUNCTIONS)
    op.execute(ADMIN_FUNCTIONS)
    op.execute(POLICIES)
    op.execute(TRIGGERS)
    for table, column in AUDITED.items():
        op.execute(f"CREATE TRIGGER audit_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION audit_change('{column}')")
    op.execute("CREATE TRIGGER feed_desk_heartbeat AFTER INSERT ON desk_heartbeat "
               "FOR EACH ROW EXECUTE FUNCTION feed_change('desk', 'desk_id')")
    for signature in (*PRIVATE, *ORGANISER_FUNCTIONS):
        op.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")


def downgrade() -> None:
    for table in AUDITED:
        op.execute(f"DROP TRIGGER IF EXISTS audit_{table} ON {table}")
    op.execute("DROP TRIGGER IF EXISTS attendance_after_scans ON scan")
    op.execute("DROP TRIGGER IF EXISTS scan_hub_time ON scan")
    op.execute("DROP TRIGGER IF EXISTS ticket_stays_revoked ON ticket")
    for table in ("scan", "badge_print", "desk", "attendee_change", "attendee", "ticket"):
        op.execute(f"DROP POLICY IF EXISTS read_all ON {table}")
        for name in ("insert_own", "update_own", "organiser_updates", "revoke_only"):
            op.execute(f"DROP POLICY IF EXISTS {name} ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP VIEW IF EXISTS checkpoint_counts, desk_status")
    op.execute("DROP TABLE IF EXISTS desk_heartbeat, hub_audit, hub_login, hub_setting CASCADE")
    for fn in ("attendance_after_scans()", "scan_hub_time()", "ticket_stays_revoked()", "heartbeat_to_desk()",
               "audit_change()", "derive_attendance(text[], text[], date[], text[])", "is_organiser()",
               "may_write_as(text)", "login_kind()", "hub_setting_value(text)", *ORGANISER_FUNCTIONS):
        op.execute(f"DROP FUNCTION IF EXISTS {fn}")
