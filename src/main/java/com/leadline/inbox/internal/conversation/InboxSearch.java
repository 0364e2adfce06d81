package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.inbox.internal.conversation.InboxPages.Cursor;
import com.leadline.inbox.internal.conversation.InboxPages.Filter;
import com.leadline.inbox.internal.conversation.InboxPages.Holders;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Inbox's search (ADR 6): which conversations match, newest activity first, chosen through the rule,
 * the tab and the filters by {@code inbox_search_conversations} (V36, run as {@code leadline_lookup} so
 * that it may use the indexes); their rows, read here under the tenant policy as every list's are; how many
 * match, up to {@link #COUNT_CAP}; and, for each one shown, the newest message that matched.
 */
@Repository
public class InboxSearch {

    /** Counts stop here: the Inbox says "1,000+" beyond. */
    static final int COUNT_CAP = 1000;
    /**
     * Above this many matches in the viewer's profiles (the planner's estimate), walking the viewer's conversations
     * newest first and keeping the matching ones fills a page sooner than reading every match from the
     * indexes and sorting them (docs/BENCHMARKS.md, "Search").
     */
    static final float WALK_ABOVE_MATCHES = 3000;

    /** How many conversations match: {@code count}, or more than {@link #COUNT_CAP} when {@code more}. */
    public record Count(int count, boolean more) {
    }

    private static final String PAGE = """
            SELECT c.id, c.profile_id, c.contact_id, c.contact_name, c.contact_phone, c.state, c.outcome, c.assignee_id, c.last_activity_at,
                   c.preview, EXISTS (SELECT 1 FROM conversation_unread u WHERE u.user_id = :viewer AND u.conversation_id = c.id)
            FROM inbox_search_conversations(:search, :visibleProfiles, :seesAssignedToOthers, :viewer, CAST(:holder AS uuid),
                                            :unassignedOnly, CAST(:holders AS uuid[]), :afterTime, :afterId, :rows, :walkAbove) found
            JOIN conversations c ON c.id = found.id
            ORDER BY c.last_activity_at DESC, c.id DESC""";
    private static final String COUNT = """
            SELECT inbox_count_search(:search, :visibleProfiles, :seesAssignedToOthers, :viewer, CAST(:holder AS uuid),
                                      :unassignedOnly, CAST(:holders AS uuid[]), :cap)""";
    /**
     * Per conversation whose words hold the search's, its newest message that does (one found by its contact
     * alone has none, and its messages are not read). The search's words are read once (materialized):
     * inlined, they were parsed again for every message tested. A message is parsed into words only when
     * its folded text holds every word of the search somewhere (V40: parsing is most of the test's cost).
     */
    private static final String MATCHES = """
            WITH q AS MATERIALIZED (SELECT inbox_search_query(:search) AS words, inbox_search_patterns(:search) AS patterns)
            SELECT x.conversation_id, m.id, m.body
            FROM q CROSS JOIN unnest(CAST(:ids AS uuid[])) AS x(conversation_id)
            JOIN conversations c ON c.id = x.conversation_id AND c.search_words @@ q.words
            CROSS JOIN LATERAL (SELECT m.id, m.body FROM messages m
                                WHERE m.conversation_id = x.conversation_id
                                  AND CASE WHEN inbox_fold(m.body) LIKE ALL (q.patterns) THEN inbox_words(m.body) @@ q.words END
                                ORDER BY m.created_at DESC, m.id DESC LIMIT 1) m""";

    private final JdbcClient jdbc;

    InboxSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code rows} conversations of the tab matching the search after the cursor (null: from the
     * newest), through the rule narrowed to the filter's profile and the filter's holders, as {@link InboxPages}.
     */
    List<Conversation> page(Visibility visibility, Tab tab, Filter filter, String search, Cursor after, int rows) {
        Visibility narrowed = visibility.narrowedTo(filter.profileId());
        Holders holders = Holders.of(tab, filter, narrowed);
        if (holders == null) {
            return List.of();
        }
        Cursor from = after == null ? InboxPages.START : after;
        return bind(narrowed.bind(jdbc.sql(PAGE)), holders, search)
                .param("afterTime", Timestamp.from(from.lastActivityAt())).param("afterId", from.id())
                .param("rows", rows).param("walkAbove", WALK_ABOVE_MATCHES)
                .query(ConversationStore::conversation).list();
    }

    /** How many conversations of the tab {@link #page} would find, up to {@link #COUNT_CAP}. */
    Count count(Visibility visibility, Tab tab, Filter filter, String search) {
        Visibility narrowed = visibility.narrowedTo(filter.profileId());
        Holders holders = Holders.of(tab, filter, narrowed);
        if (holders == null) {
            return new Count(0, false);
        }
        int found = bind(narrowed.bind(jdbc.sql(COUNT)), holders, search).param("cap", COUNT_CAP + 1).query(Integer.class).single();
        return new Count(Math.min(found, COUNT_CAP), found > COUNT_CAP);
    }

    /** For each of these conversations that has one, the newest message matching the search's words, highlighted. */
    Map<UUID, SearchHighlight.Match> matches(String search, List<UUID> conversationIds) {
        SearchHighlight highlight = SearchHighlight.of(search);
        Map<UUID, SearchHighlight.Match> matches = new HashMap<>();
        jdbc.sql(MATCHES).param("search", search).param("ids", conversationIds.toArray(UUID[]::new))
                .query(rs -> {
                    matches.put(rs.getObject(1, UUID.class), highlight.match(rs.getObject(2, UUID.class), rs.getString(3)));
                });
        return matches;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Holders holders, String search) {
        return statement.param("search", search)
                .param("holder", holders.one())
                .param("unassignedOnly", holders.unassignedOnly())
                .param("holders", holders.among() == null ? null : holders.among().toArray(UUID[]::new));
    }
}
