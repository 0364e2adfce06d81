-- Wrong second-factor codes are counted per staff account as well as per client IP: the fifth in a
-- row locks that account's code step until code_locked_until, and the count starts again from zero.
-- A correct code clears the count.
ALTER TABLE support_staff ADD COLUMN code_failures integer NOT NULL DEFAULT 0 CHECK (code_failures >= 0);
ALTER TABLE support_staff ADD COLUMN code_locked_until timestamptz;
