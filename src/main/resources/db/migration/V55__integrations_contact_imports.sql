-- Contacts import (issue 18, PERMISSIONS.md row 20): a CSV file an admin uploaded, kept with its header until
-- it is imported into one profile by a background worker in batches, and the rows it could not import.
-- status: uploaded (waiting for its mapping), running (a worker holds it until lease_until, or it is due
-- again once that passed: a node that stopped mid-import leaves it to the next one), done.
CREATE TABLE contact_imports (
    account_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    id            uuid        NOT NULL,
    uploaded_by   uuid        NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    file_name     text        NOT NULL DEFAULT '' CHECK (length(file_name) <= 255),
    -- The file as UTF-8 text (without a byte order mark); emptied once the import is done.
    content       text        NOT NULL,
    header        text[]      NOT NULL CHECK (cardinality(header) BETWEEN 1 AND 50),
    -- Data rows (records under the header that are not blank).
    total_rows    int         NOT NULL CHECK (total_rows > 0),
    status        text        NOT NULL CHECK (status IN ('uploaded', 'running', 'done')),
    profile_id    uuid        REFERENCES profiles (id) ON DELETE RESTRICT,
    started_by    uuid        REFERENCES users (id) ON DELETE RESTRICT,
    -- The mapping: zero-based column of each Leadline field, NULL for a field taken from no column.
    phone_column  int         CHECK (phone_column >= 0),
    name_column   int         CHECK (name_column >= 0),
    email_column  int         CHECK (email_column >= 0),
    notes_column  int         CHECK (notes_column >= 0),
    -- Records after the header that committed batches covered: a worker resumes after them.
    next_record   int         NOT NULL DEFAULT 0 CHECK (next_record >= 0),
    processed     int         NOT NULL DEFAULT 0,
    created       int         NOT NULL DEFAULT 0,
    updated       int         NOT NULL DEFAULT 0,
    unchanged     int         NOT NULL DEFAULT 0,
    failed        int         NOT NULL DEFAULT 0,
    claim_id      uuid,
    lease_until   timestamptz,
    created_at    timestamptz NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz,
    PRIMARY KEY (account_id, id),
    CHECK ((status = 'uploaded') = (profile_id IS NULL)),
    CHECK ((status = 'uploaded') = (phone_column IS NULL)),
    CHECK ((status = 'running') = (lease_until IS NOT NULL)),
    CHECK ((status = 'done') = (finished_at IS NOT NULL)),
    CHECK (processed = created + updated + unchanged + failed)
);
CREATE INDEX contact_imports_due_idx ON contact_imports (lease_until) WHERE status = 'running';
CREATE INDEX contact_imports_id_idx ON contact_imports (id);

-- One row a file could not import, with its row number as a spreadsheet shows it (the header is row 1).
CREATE TABLE contact_import_errors (
    account_id  uuid NOT NULL,
    import_id   uuid NOT NULL,
    row_number  int  NOT NULL CHECK (row_number >= 2),
    field       text NOT NULL CHECK (field IN ('phone', 'name', 'email', 'notes')),
    message     text NOT NULL CHECK (length(message) <= 300),
    -- What the cell said, cut to 100 characters.
    value       text NOT NULL DEFAULT '' CHECK (length(value) <= 100),
    PRIMARY KEY (account_id, import_id, row_number),
    FOREIGN KEY (account_id, import_id) REFERENCES contact_imports (account_id, id) ON DELETE CASCADE
);

ALTER TABLE contact_imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_imports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contact_imports USING (account_id = current_account_id())
    WITH CHECK (account_id = current_account_id());
ALTER TABLE contact_import_errors ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_import_errors FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON contact_import_errors USING (account_id = current_account_id())
    WITH CHECK (account_id = current_account_id());

-- The worker works for every account: it learns here which imports are due (running, and no worker's lease
-- holds them), and nothing else about them, then claims and works each one in its own account's tenancy.
GRANT SELECT (account_id, id, status, lease_until) ON contact_imports TO leadline_lookup;
CREATE POLICY lookup_due ON contact_imports FOR SELECT TO leadline_lookup USING (true);
CREATE FUNCTION integrations_contact_imports_due(p_now timestamptz, p_limit int)
    RETURNS TABLE (account_id uuid, id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT i.account_id, i.id FROM contact_imports i
      WHERE i.status = 'running' AND i.lease_until <= p_now ORDER BY i.lease_until LIMIT p_limit $$;
ALTER FUNCTION integrations_contact_imports_due(timestamptz, int) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION integrations_contact_imports_due(timestamptz, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION integrations_contact_imports_due(timestamptz, int) TO ${app_role};
