package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.Visibility;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who has not read which conversation since it last asked for their attention (one row per person and
 * conversation, deleted on reading), and the tabs' unread counts read from them.
 */
@Repository
class UnreadFlags {

    /** Per tab, one pass over the viewer's flags joined to the conversations the rule shows. */
    private static final String COUNTS = """
            SELECT count(*) FILTER (WHERE c.assignee_id = :viewer AND c.state <> 'closed'),
                   count(*) FILTER (WHERE c.assignee_id IS NULL AND c.state <> 'closed'),
                   count(*)
            FROM conversation_unread u JOIN conversations c ON c.id = u.conversation_id
            WHERE u.user_id = :viewer
              AND c.profile_id = ANY (:visibleProfiles) AND (:seesAssignedToOthers OR c.assignee_id IS NULL OR c.assignee_id = :viewer)""";
    private static final String MARK_UNREAD = """
            INSERT INTO conversation_unread (user_id, conversation_id, account_id)
            SELECT u, :c, :a FROM unnest(CAST(:users AS uuid[])) AS u ON CONFLICT DO NOTHING""";

    private final JdbcClient jdbc;

    UnreadFlags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per tab, how many conversations the rule shows that are unread for the viewer. */
    Map<Tab, Integer> counts(Visibility visibility) {
        return visibility.bind(jdbc.sql(COUNTS))
                .query((rs, n) -> Map.of(Tab.ME, rs.getInt(1), Tab.UNASSIGNED, rs.getInt(2), Tab.ALL, rs.getInt(3)))
                .single();
    }

    /** The conversation is unread again for these people (nothing for those who already have it unread). */
    void markUnread(UUID accountId, UUID conversationId, Collection<UUID> users) {
        if (users.isEmpty()) {
            return;
        }
        jdbc.sql(MARK_UNREAD).param("c", conversationId).param("a", accountId).param("users", users.toArray(UUID[]::new)).update();
    }

    void markRead(UUID userId, UUID conversationId) {
        jdbc.sql("DELETE FROM conversation_unread WHERE user_id = :u AND conversation_id = :c").param("u", userId)
                .param("c", conversationId).update();
    }
}
