-- Support staff sign in with a password and a one-time code from an authenticator app (TOTP).
-- The secret is set when the staff member enrols at their first sign-in; the last accepted
-- 30-second step makes every code single use.
ALTER TABLE support_staff ADD COLUMN totp_secret bytea CHECK (totp_secret IS NULL OR length(totp_secret) = 20);
ALTER TABLE support_staff ADD COLUMN totp_last_step bigint NOT NULL DEFAULT 0;
