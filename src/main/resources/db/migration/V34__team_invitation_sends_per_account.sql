-- The hourly allowance of invitation emails per account reads the account's latest sends.
CREATE INDEX invitation_sends_account_idx ON invitation_sends (account_id, sent_at);
