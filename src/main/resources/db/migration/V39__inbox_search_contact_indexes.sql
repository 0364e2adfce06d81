-- The contacts' trigram index with the profile first (V38 says why), built before the two it replaces are
-- dropped, all without a lock that stops writes (docs/operations.md). Runs outside a transaction (.sql.conf).
CREATE INDEX CONCURRENTLY IF NOT EXISTS contacts_profile_contact_text_idx
    ON contacts USING gin (profile_id, inbox_contact_text(name, email, phone) gin_trgm_ops);
DROP INDEX CONCURRENTLY IF EXISTS contacts_contact_text_idx;
DROP INDEX CONCURRENTLY IF EXISTS conversations_contact_text_idx;
ANALYZE contacts;
