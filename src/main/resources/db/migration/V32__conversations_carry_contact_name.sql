-- A conversation carries its contact's name and phone, as it carries its last message's preview, so a page
-- of the inbox is read from conversations alone (before, each of its 50 rows looked its contact up).
-- ConversationStore copies them when a conversation starts or moves to another profile's contact, and
-- when the contact is edited.
ALTER TABLE conversations ADD COLUMN contact_name text, ADD COLUMN contact_phone text;

-- The owner running this migration is subject to the tables' forced row-level security: lifted for the
-- copy of every account's rows, in this transaction only.
ALTER TABLE conversations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE contacts NO FORCE ROW LEVEL SECURITY;
UPDATE conversations c SET contact_name = k.name, contact_phone = k.phone
FROM contacts k WHERE k.id = c.contact_id AND (k.name IS NOT NULL OR k.phone IS NOT NULL);
ALTER TABLE conversations FORCE ROW LEVEL SECURITY;
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
