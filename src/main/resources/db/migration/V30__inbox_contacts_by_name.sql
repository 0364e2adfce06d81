-- The contacts list and export walk contacts by name (keyset on lower(name), id) within the account;
-- a contact's page and the export read its conversations newest first.
CREATE INDEX contacts_account_name_idx ON contacts (account_id, lower(name), id);
CREATE INDEX conversations_contact_idx ON conversations (contact_id, last_activity_at DESC, id DESC);
