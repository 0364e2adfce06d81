-- Who started the work an entry records, besides the acting user: the session of a person's request
-- (a reference derived from its id, never the id) or the named system actor (a relay, a schedule,
-- a listener, a seeder). ip stays the client's address of a person's request.
ALTER TABLE audit_log ADD COLUMN session_ref text;
ALTER TABLE audit_log ADD COLUMN system_actor text;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_one_kind_of_caller CHECK (system_actor IS NULL OR (ip IS NULL AND session_ref IS NULL));
