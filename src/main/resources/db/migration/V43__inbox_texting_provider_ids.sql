-- The provider ids' unique indexes (a text is filed once, an outbound id recorded on one text) and the
-- validation of V42's checks against the rows that existed before them, none with a lock that stops
-- writes to messages or the text outbox (docs/operations.md). Runs outside a transaction (.sql.conf).
-- Unique per account, as every unique key of a tenant table (ARCHITECTURE.md: ready to shard by account):
-- a provider's id always comes to the same account, through the number it was sent to or from.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS messages_provider_message_idx
    ON messages (account_id, provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS text_outbox_provider_message_idx
    ON text_outbox (account_id, provider_message_id) WHERE provider_message_id IS NOT NULL;
ALTER TABLE messages VALIDATE CONSTRAINT messages_body_check;
ALTER TABLE messages VALIDATE CONSTRAINT messages_provider_message_id_check;
ALTER TABLE messages VALIDATE CONSTRAINT messages_media_urls_check;
ALTER TABLE text_outbox VALIDATE CONSTRAINT text_outbox_provider_message_id_check;
ALTER TABLE text_outbox VALIDATE CONSTRAINT text_outbox_provider_status_check;
ALTER TABLE text_outbox VALIDATE CONSTRAINT text_outbox_error_code_check;
