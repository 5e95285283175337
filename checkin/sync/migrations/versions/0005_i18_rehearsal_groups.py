"""Hub: rehearsal marks and table, attendee group column, removal that only an organiser may run.

Revision ID: 0005_i18_rehearsal_groups
Revises: 0004_i17_purge
Create Date: 2026-12-03

Ending a rehearsal is the one place where rows are deleted: scans, badge prints and walk-ins made
during it were never real. The deletion runs in `end_rehearsal(id, who)`, a SECURITY DEFINER function
(desks and the organiser role hold no DELETE on these tables), which removes exactly the rows
carrying that rehearsal's id and records what it removed, per desk, in the rehearsal row (the audit).
A desk that was offline pushes its rehearsal rows later: the `drop_ended_rehearsal_rows` triggers
discard them on arrival, so an ended rehearsal never comes back.
"""

from __future__ import annotations

from alembic import op

revision = "0005_i18_rehearsal_groups"
down_revision = "0004_i17_purge"
branch_labels = None
depends_on = None

SCHEMA = """
ALTER TABLE attendee ADD COLUMN group_code varchar(200) NOT NULL DEFAULT '';
ALTER TABLE attendee ADD COLUMN rehearsal_id varchar(64);
CREATE INDEX ix_attendee_group_code ON attendee (group_code);
ALTER TABLE scan ADD COLUMN rehearsal_id varchar(64);
CREATE INDEX ix_scan_rehearsal ON scan (rehearsal_id) WHERE rehearsal_id IS NOT NULL;
ALTER TABLE badge_print ADD COLUMN rehearsal_id varchar(64);
CREATE INDEX ix_badge_print_rehearsal ON badge_print (rehearsal_id) WHERE rehearsal_id IS NOT NULL;
CREATE TABLE rehearsal (
    id varchar(64) PRIMARY KEY,
    event_id varchar(64) NOT NULL,
    started_at timestamptz NOT NULL,
    started_by varchar(100) NOT NULL DEFAULT '',
    ended_at timestamptz,
    ended_by varchar(100) NOT NULL DEFAULT '',
    removed jsonb NOT NULL DEFAULT '{}'
);
CREATE TRIGGER feed_rehearsal AFTER INSERT OR UPDATE OR DELETE ON rehearsal
    FOR EACH ROW EXECUTE FUNCTION feed_change('rehearsal', 'id');
"""

DROP_LATE = """
CREATE FUNCTION drop_ended_rehearsal_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    rec jsonb := to_jsonb(NEW);
BEGIN
    IF rec ->> 'rehearsal_id' IS NOT NULL AND EXISTS (
        SELECT 1 FROM rehearsal r WHERE r.id = rec ->> 'rehearsal_id' AND r.ended_at IS NOT NULL) THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME IN ('ticket', 'attendee_change', 'badge_print') AND EXISTS (
        SELECT 1 FROM rehearsal r WHERE r.ended_at IS NOT NULL
           AND r.removed -> 'attendee_ids' ? (rec ->> 'attendee_id')) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$$;
"""

END_REHEARSAL = """
CREATE FUNCTION end_rehearsal(rid text, who text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    people text[];
    per_desk jsonb;
    report jsonb;
    ka text[]; kc text[]; kd date[]; ks text[];
BEGIN
    PERFORM 1 FROM rehearsal WHERE id = rid FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no rehearsal %', rid;
    END IF;
    SELECT coalesce(array_agg(id), '{}') INTO people FROM attendee WHERE rehearsal_id = rid;
    CREATE TEMP TABLE removed_rows (desk_id text, kind text) ON COMMIT DROP;
    CREATE TEMP TABLE removed_keys (attendee_id text, checkpoint text, day date, session_id text) ON COMMIT DROP;
    WITH gone AS (DELETE FROM scan WHERE rehearsal_id = rid OR attendee_id = ANY(people)
                  RETURNING desk_id, attendee_id, checkpoint, day, session_id),
         counted AS (INSERT INTO removed_rows SELECT desk_id, 'scans' FROM gone)
    INSERT INTO removed_keys SELECT DISTINCT attendee_id, checkpoint, day, session_id FROM gone
        WHERE attendee_id IS NOT NULL AND NOT attendee_id = ANY(people);
    WITH gone AS (DELETE FROM badge_print WHERE rehearsal_id = rid OR attendee_id = ANY(people) RETURNING desk_id)
    INSERT INTO removed_rows SELECT desk_id, 'prints' FROM gone;
    WITH gone AS (DELETE FROM attendee WHERE id = ANY(people) RETURNING updated_by)
    INSERT INTO removed_rows SELECT updated_by, 'walk_ins' FROM gone;
    DELETE FROM ticket WHERE attendee_id = ANY(people);
    DELETE FROM attendee_change WHERE attendee_id = ANY(people);
    DELETE FROM attendance WHERE attendee_id = ANY(people);
    DELETE FROM attendance a WHERE a.attendee_id IN (SELECT attendee_id FROM removed_keys)
        AND a.scan_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM scan s WHERE s.id = a.scan_id);
    SELECT coalesce(jsonb_object_agg(desk_id, counts), '{}') INTO per_desk FROM (
        SELECT desk_id, jsonb_object_agg(kind, n) AS counts
        FROM (SELECT desk_id, kind, count(*) AS n FROM removed_rows GROUP BY desk_id, kind) c
        GROUP BY desk_id) d;
    -- what is left of the touched attendance, by the hub's one rule (a session scan also marks its day)
    SELECT array_agg(attendee_id ORDER BY attendee_id, checkpoint), array_agg(checkpoint ORDER BY attendee_id, checkpoint),
           array_agg(day ORDER BY attendee_id, checkpoint), array_agg(session_id ORDER BY attendee_id, checkpoint)
    INTO ka, kc, kd, ks
    FROM (SELECT attendee_id, checkpoint, day, session_id FROM removed_keys
          UNION
          SELECT attendee_id, 'day:' || to_char(day, 'YYYY-MM-DD'), day, NULL FROM removed_keys
          WHERE session_id IS NOT NULL) k;
    IF ka IS NOT NULL THEN
        PERFORM derive_attendance(ka, kc, kd, ks);
    END IF;
    report := jsonb_build_object('desks', per_desk, 'attendee_ids', to_jsonb(people));
    UPDATE rehearsal SET ended_at = coalesce(ended_at, clock_timestamp()), ended_by = who, removed = report
        WHERE id = rid;
    RETURN report;
END
$$;
REVOKE ALL ON FUNCTION end_rehearsal(text, text) FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(SCHEMA)
    op.execute(DROP_LATE)
    for table in ("scan", "badge_print", "attendee", "ticket", "attendee_change"):
        op.execute(f"CREATE TRIGGER drop_ended_rehearsal_{table} BEFORE INSERT ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION drop_ended_rehearsal_rows()")
    op.execute(END_REHEARSAL)
    op.execute("REVOKE ALL ON FUNCTION drop_ended_rehearsal_rows() FROM PUBLIC")


def downgrade() -> None:
    for table in ("scan", "badge_print", "attendee", "ticket", "attendee_change"):
        op.execute(f"DROP TRIGGER IF EXISTS drop_ended_rehearsal_{table} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS end_rehearsal(text, text)")
    op.execute("DROP FUNCTION IF EXISTS drop_ended_rehearsal_rows()")
    op.execute("DROP TABLE IF EXISTS rehearsal")
    op.execute("ALTER TABLE badge_print DROP COLUMN IF EXISTS rehearsal_id")
    op.execute("ALTER TABLE scan DROP COLUMN IF EXISTS rehearsal_id")
    op.execute("ALTER TABLE attendee DROP COLUMN IF EXISTS rehearsal_id")
    op.execute("ALTER TABLE attendee DROP COLUMN IF EXISTS group_code")
