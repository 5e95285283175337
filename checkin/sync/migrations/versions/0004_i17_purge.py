"""Hub: `checkin purge` may blank personal values in the audit trail, and nothing else there.

Revision ID: 0004_i17_purge
Revises: 0003_i13_trust

`hub_audit` keeps the old values of roster edits (names, institutions) so an organiser can see who
changed what. RODO retention must remove them with the roster; the audit rows themselves stay
(who, when, which table and row), only their `detail` becomes {"purged": true}. Organisers have
SELECT on `hub_audit` only, so this one narrow SECURITY DEFINER function does the update; it is
granted to the organiser role by `checkin.sync.hub` like the other organiser functions.
"""

from __future__ import annotations

from alembic import op

revision = "0004_i17_purge"
down_revision = "0003_i13_trust"
branch_labels = None
depends_on = None

FUNCTION = """
CREATE FUNCTION purge_attendee_audit(p_event text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    n integer;
BEGIN
    IF NOT is_organiser() THEN
        RAISE EXCEPTION 'only an organiser login may purge personal data' USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE hub_audit SET detail = '{"purged": true}'::jsonb
    WHERE detail <> '{"purged": true}'::jsonb AND (
        (table_name = 'attendee' AND ref_id IN (SELECT id FROM attendee WHERE event_id = p_event))
        OR (table_name = 'ticket' AND ref_id IN (
            SELECT t.id FROM ticket t JOIN attendee a ON a.id = t.attendee_id WHERE a.event_id = p_event)));
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION purge_attendee_audit(text) FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(FUNCTION)


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS purge_attendee_audit(text)")
