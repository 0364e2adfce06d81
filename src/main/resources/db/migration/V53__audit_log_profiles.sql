-- The account's audit log (PERMISSIONS.md row 31): an admin reads the account-wide entries of some kinds
-- and the entries about their own profiles, so an entry names the one profile it is about (AuditEntry's
-- profileId; null for an entry about the account, its people or its partners).
ALTER TABLE audit_log ADD COLUMN profile_id uuid REFERENCES profiles (id) ON DELETE RESTRICT;

-- Entries written before this column say which profile they are about by their target: a profile, or a
-- profile's Leadbox (the account's multi-profile Leadbox is about no one profile). The log is append-only
-- for everyone, its owner included, by a trigger, and the owner running this migration is subject to the
-- tables' forced row-level security: both are lifted for this one backfill, in this transaction only.
-- backfill begins (AuditLogIntegrationTests runs these statements again on rows it writes)
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY;
ALTER TABLE profiles NO FORCE ROW LEVEL SECURITY;
ALTER TABLE leadboxes NO FORCE ROW LEVEL SECURITY;
UPDATE audit_log a SET profile_id = p.id
FROM profiles p
WHERE a.profile_id IS NULL AND a.target_type = 'profile' AND a.target_id = p.id::text AND p.account_id = a.account_id;
UPDATE audit_log a SET profile_id = l.profile_id
FROM leadboxes l
WHERE a.profile_id IS NULL AND a.target_type = 'leadbox' AND a.target_id = l.id::text AND l.account_id = a.account_id AND l.profile_id IS NOT NULL;
ALTER TABLE leadboxes FORCE ROW LEVEL SECURITY;
ALTER TABLE profiles FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
-- backfill ends

-- An entry may name only a profile of its own account.
DROP POLICY tenant_append ON audit_log;
CREATE POLICY tenant_append ON audit_log FOR INSERT
    WITH CHECK ((account_id IS NULL OR account_id = current_account_id())
        AND (profile_id IS NULL OR EXISTS (SELECT 1 FROM profiles p WHERE p.id = audit_log.profile_id AND p.account_id = audit_log.account_id)));

-- The log is read newest first by keyset on (occurred_at, id), whole or narrowed to a person or an action.
CREATE INDEX audit_log_account_newest ON audit_log (account_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_account_actor ON audit_log (account_id, actor_user_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_account_action ON audit_log (account_id, action, occurred_at DESC, id DESC);
DROP INDEX audit_log_account_time_idx;
