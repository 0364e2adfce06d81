-- What the inbox's first pages and counts need on a large account (docs/BENCHMARKS.md).

-- The planner's view of how the inbox's columns go together. Without it, it multiplies "unassigned" by "new"
-- as if they were independent, expects a few hundred rows where a large account has tens of thousands, and
-- prefers to read and sort a whole group over following an index to its first page.
-- (sort_group follows state; most new conversations are unassigned, most closed ones are not.)
CREATE STATISTICS conversations_group_assignee_stats (mcv) ON assignee_id, sort_group, state FROM conversations;

-- The tab counts look up each of the viewer's unread conversations by id and need only these columns (the
-- tenant's, the rule's and the tabs'): an index-only lookup instead of an index probe plus a table read.
CREATE INDEX conversations_unread_counts_idx ON conversations (id) INCLUDE (account_id, profile_id, assignee_id, state);

ANALYZE conversations;
