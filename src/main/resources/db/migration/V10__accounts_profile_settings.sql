-- What a profile carries besides its name: the name visitors see in the multi-profile Leadbox,
-- whether it is offered there, its plan, its opening hours per weekday (a weekday without hours is
-- closed), and when it was archived (hidden from pickers, history kept).
ALTER TABLE profiles ADD COLUMN button_name text CHECK (button_name IS NULL OR length(button_name) BETWEEN 1 AND 60);
ALTER TABLE profiles ADD COLUMN show_in_leadbox boolean NOT NULL DEFAULT true;
ALTER TABLE profiles ADD COLUMN plan text NOT NULL DEFAULT 'pro' CHECK (plan IN ('pro', 'premium'));
ALTER TABLE profiles ADD COLUMN business_hours jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE profiles ADD COLUMN archived_at timestamptz;
