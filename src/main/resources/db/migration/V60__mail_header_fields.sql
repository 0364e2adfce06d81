-- Extra header fields of an email (List-Unsubscribe and List-Unsubscribe-Post for notifications), sealed
-- like the body since an unsubscribe link acts for its recipient; NULL when the email has none. Cleared
-- with the body once the email is sent.
ALTER TABLE mail_outbox ADD COLUMN sealed_headers bytea;
ALTER TABLE mail_local_mailbox ADD COLUMN sealed_headers bytea;
