-- Texting through an SMS provider: a profile's country and help text, the registry of sending
-- numbers, what the provider says of each outbound text, inbound provider ids and media, and the
-- contacts' opt-out.

-- The country is the default region for phone numbers typed without +; the help text answers HELP.
ALTER TABLE profiles ADD COLUMN country text NOT NULL DEFAULT 'US' CHECK (country ~ '^[A-Z]{2}$');
ALTER TABLE profiles ADD COLUMN help_text text NOT NULL DEFAULT '' CHECK (length(help_text) <= 320);

-- Which profile texts from (and is texted at) which number. An inbound text names a number and no
-- account, so this registry is not a tenant table: the application cannot read or write it, and
-- reaches it only through the functions below, owned by leadline_lookup. A number belongs to one
-- profile of all accounts, a profile has at most one number. All of Leadline texts through one
-- provider account, so holding a number there proves nothing about who should text from it: once
-- an account has used a number it stays that account's (profile_id NULL: kept, in use by none of its
-- profiles), and no other account can take it and the leads who text it.
CREATE TABLE texting_numbers (
    phone_number text PRIMARY KEY CHECK (phone_number ~ '^\+[1-9][0-9]{6,14}$'),
    profile_id   uuid UNIQUE REFERENCES profiles (id) ON DELETE RESTRICT,
    account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    assigned_at  timestamptz NOT NULL
);
REVOKE ALL ON texting_numbers FROM ${app_role};
ALTER TABLE texting_numbers OWNER TO leadline_lookup;
-- Forced row-level security like every table with an account id, with one policy: for the functions.
ALTER TABLE texting_numbers ENABLE ROW LEVEL SECURITY;
ALTER TABLE texting_numbers FORCE ROW LEVEL SECURITY;
CREATE POLICY lookup_functions ON texting_numbers TO leadline_lookup USING (true) WITH CHECK (true);

-- The profile (and its account) a number in use belongs to, whichever account that is: inbound routing.
CREATE FUNCTION texting_route_number(p_number text)
    RETURNS TABLE (account_id uuid, profile_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT n.account_id, n.profile_id FROM texting_numbers n WHERE n.phone_number = p_number AND n.profile_id IS NOT NULL $$;

-- The numbers in use by the current account's profiles.
CREATE FUNCTION texting_numbers_of_current_account()
    RETURNS TABLE (profile_id uuid, phone_number text, assigned_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
    SELECT n.profile_id, n.phone_number, n.assigned_at FROM texting_numbers n
    WHERE n.account_id = current_account_id() AND n.profile_id IS NOT NULL
$$;

-- Gives a profile of the current account a number (or none, with NULL); its old number stays the
-- account's. False, and nothing changed, when the number is another account's or another profile's.
CREATE FUNCTION texting_assign_number(p_profile uuid, p_number text, p_now timestamptz)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM profiles p WHERE p.id = p_profile AND p.account_id = current_account_id()) THEN
        RAISE EXCEPTION 'profile % is not one of the current account''s', p_profile USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT 1 FROM texting_numbers n WHERE n.phone_number = p_number
               AND (n.account_id <> current_account_id() OR n.profile_id <> p_profile)) THEN
        RETURN false;
    END IF;
    UPDATE texting_numbers n SET profile_id = NULL WHERE n.profile_id = p_profile AND n.phone_number IS DISTINCT FROM p_number;
    IF p_number IS NOT NULL THEN
        INSERT INTO texting_numbers AS n (phone_number, profile_id, account_id, assigned_at)
        VALUES (p_number, p_profile, current_account_id(), p_now)
        ON CONFLICT (phone_number) DO UPDATE SET profile_id = p_profile, assigned_at = p_now
            WHERE n.account_id = current_account_id() AND n.profile_id IS NULL;
        RETURN EXISTS (SELECT 1 FROM texting_numbers n WHERE n.phone_number = p_number AND n.profile_id = p_profile);
    END IF;
    RETURN true;
END
$$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY ['texting_route_number(text)', 'texting_numbers_of_current_account()',
                              'texting_assign_number(uuid, text, timestamptz)'] LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO leadline_lookup', f);
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, '${app_role}');
    END LOOP;
END
$$;

-- Outbound: the number a text was last handed over from and when that claim began; the provider's
-- id, what the provider last reported and its error; whether the text answers an opt-out keyword (it
-- goes out even to a contact who just opted out). A text is "unconfirmed" from the first attempt that
-- may have reached the provider without an answer (a timeout, a 5xx, a relay that stopped mid-send)
-- until it is sent or given up: before sending it again, the relay asks the provider whether a text
-- from unconfirmed_from with its body went out since unconfirmed_since.
-- New columns change only the catalogue; their checks hold for new rows at once and are validated
-- against existing rows by V43 (a check added with a column would be verified by a scan of the
-- whole table under a lock that stops writes).
ALTER TABLE text_outbox
    ADD COLUMN from_phone          text,
    ADD COLUMN claimed_at          timestamptz,
    ADD COLUMN unconfirmed_from    text,
    ADD COLUMN unconfirmed_since   timestamptz,
    ADD COLUMN provider_message_id text,
    ADD COLUMN provider_status     text,
    ADD COLUMN error_code          text,
    ADD COLUMN status_changed_at   timestamptz,
    ADD COLUMN keyword_answer      boolean NOT NULL DEFAULT false;
ALTER TABLE text_outbox
    ADD CONSTRAINT text_outbox_provider_message_id_check CHECK (length(provider_message_id) <= 64) NOT VALID,
    ADD CONSTRAINT text_outbox_provider_status_check
        CHECK (provider_status IN ('queued', 'sent', 'delivered', 'undelivered', 'failed')) NOT VALID,
    ADD CONSTRAINT text_outbox_error_code_check CHECK (length(error_code) <= 16) NOT VALID;

GRANT SELECT (from_phone, claimed_at, unconfirmed_from, unconfirmed_since, keyword_answer, provider_message_id),
      UPDATE (from_phone, claimed_at, unconfirmed_from, unconfirmed_since) ON text_outbox TO leadline_lookup;

-- The claim now takes the sending number from the registry, and marks a row whose earlier claim
-- expired mid-send unconfirmed since that claim began.
DROP FUNCTION inbox_claim_due_texts(timestamptz, int, uuid, timestamptz);
CREATE FUNCTION inbox_claim_due_texts(p_now timestamptz, p_limit int, p_claim uuid, p_lease_until timestamptz)
    RETURNS TABLE (id bigint, account_id uuid, message_id uuid, profile_id uuid, to_phone text, body text, attempts int,
                   from_phone text, keyword_answer boolean, unconfirmed_from text, unconfirmed_since timestamptz,
                   provider_message_id text)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
    WITH due AS (
        SELECT o.id, o.status = 'sending' AS expired
        FROM text_outbox o
        WHERE (o.status = 'queued' AND o.next_attempt_at <= p_now)
           OR (o.status = 'sending' AND o.lease_until <= p_now)
        ORDER BY o.id
        LIMIT p_limit
        FOR UPDATE SKIP LOCKED)
    UPDATE text_outbox t
    SET status = 'sending', claim_id = p_claim, lease_until = p_lease_until, attempts = t.attempts + 1, claimed_at = p_now,
        from_phone = (SELECT n.phone_number FROM texting_numbers n WHERE n.profile_id = t.profile_id),
        unconfirmed_from = CASE WHEN due.expired AND t.unconfirmed_since IS NULL THEN t.from_phone ELSE t.unconfirmed_from END,
        unconfirmed_since = CASE WHEN due.expired THEN coalesce(t.unconfirmed_since, t.claimed_at) ELSE t.unconfirmed_since END
    FROM due WHERE t.id = due.id
    RETURNING t.id, t.account_id, t.message_id, t.profile_id, t.to_phone, t.body, t.attempts, t.from_phone, t.keyword_answer,
              t.unconfirmed_from, t.unconfirmed_since, t.provider_message_id
$$;
ALTER FUNCTION inbox_claim_due_texts(timestamptz, int, uuid, timestamptz) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION inbox_claim_due_texts(timestamptz, int, uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbox_claim_due_texts(timestamptz, int, uuid, timestamptz) TO ${app_role};

-- A status callback names an outbox row (in its URL) and no account.
CREATE FUNCTION inbox_account_of_text(p_id bigint) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$ SELECT o.account_id FROM text_outbox o WHERE o.id = p_id $$;
ALTER FUNCTION inbox_account_of_text(bigint) OWNER TO leadline_lookup;
REVOKE ALL ON FUNCTION inbox_account_of_text(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbox_account_of_text(bigint) TO ${app_role};

-- Inbound: the provider's id (a repeated webhook is filed once: its unique index is V43's) and the
-- media links of an MMS, which may come without words. The body's new check holds for new rows at
-- once and is validated against the existing ones by V43, without a lock that stops writes (every
-- existing row passes: the old check was stricter).
ALTER TABLE messages ADD COLUMN provider_message_id text, ADD COLUMN media_urls text[] NOT NULL DEFAULT '{}';
ALTER TABLE messages DROP CONSTRAINT messages_body_check;
ALTER TABLE messages
    ADD CONSTRAINT messages_body_check CHECK (length(body) <= 1600 AND (length(body) >= 1 OR cardinality(media_urls) > 0)) NOT VALID,
    ADD CONSTRAINT messages_provider_message_id_check CHECK (length(provider_message_id) <= 64) NOT VALID,
    ADD CONSTRAINT messages_media_urls_check CHECK (cardinality(media_urls) <= 10) NOT VALID;

-- A contact who texted STOP to the profile's number gets no more texts from it until START.
ALTER TABLE contacts ADD COLUMN opted_out boolean NOT NULL DEFAULT false;
ALTER TABLE contacts ADD COLUMN opt_out_changed_at timestamptz;
