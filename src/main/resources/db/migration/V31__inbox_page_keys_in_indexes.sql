-- The inbox's ordered indexes also carry the columns that the visibility rule, the tenant policy and the
-- tabs test (profile, assignee, state, account), so a page's keys are chosen by an index-only scan in
-- index order and only the rows of the page are read from the table (ConversationStore.page). Without
-- them the planner's generic plan for a team member's tabs read and sorted each profile's whole group
-- through a bitmap scan (docs/BENCHMARKS.md). Same keys as before, so each index replaces its old self.
DROP INDEX conversations_inbox_idx;
CREATE INDEX conversations_inbox_idx
    ON conversations (profile_id, sort_group, last_activity_at DESC, id DESC) INCLUDE (assignee_id, state, account_id);
DROP INDEX conversations_assignee_idx;
CREATE INDEX conversations_assignee_idx
    ON conversations (profile_id, assignee_id, sort_group, last_activity_at DESC, id DESC) INCLUDE (state, account_id);
DROP INDEX conversations_account_order_idx;
CREATE INDEX conversations_account_order_idx
    ON conversations (account_id, sort_group, last_activity_at DESC, id DESC) INCLUDE (profile_id, assignee_id, state);
DROP INDEX conversations_account_assignee_idx;
CREATE INDEX conversations_account_assignee_idx
    ON conversations (account_id, assignee_id, sort_group, last_activity_at DESC, id DESC) INCLUDE (profile_id, state);
