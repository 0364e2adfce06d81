package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.inbox.internal.conversation.InboxPages.Cursor;
import com.leadline.inbox.internal.conversation.InboxPages.Filter;
import com.leadline.platform.GenericPlanReads;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import com.leadline.team.Role;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Seeded;
import com.leadline.testing.TeamFixture;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's keyset paging, walked with small random page sizes so that pages end inside every group
 * and on every read path: per profile (few profiles, or a profile filter), across the account (more than
 * eight profiles), the unread group, and Me's groups read in one statement. Seeded random conversations
 * with many equal activity times (the id breaks ties) and random unread flags; each walk must give
 * exactly the rule's conversations of the tab, in inbox order, each once. On generic plans, as the list
 * use case runs. The seed is printed on failure; -Dleadline.seed=N replays it.
 */
class InboxPagingPropertyTests extends IntegrationTest {

    private static final Instant BASE = Instant.parse("2026-06-01T09:00:00Z");

    @Autowired
    private InboxPages conversations;
    @Autowired
    private Tenancy tenancy;
    @Autowired
    private TransactionTemplate transactions;

    private record Row(UUID id, UUID profile, UUID assignee, String state, Instant lastActivityAt) {
    }

    @Test
    void everyWalkThroughATabGivesTheRulesConversationsInInboxOrderEachOnce() {
        Seeded.check("Inbox paging", Seeded.seed(), this::check);
    }

    private void check(Random random) {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Paging Partners");
        List<UUID> profiles = new ArrayList<>(List.of(account.firstProfileId()));
        for (int p = 1; p < 10; p++) {
            profiles.add(fixture.addProfile(account, "Branch " + p));
        }
        List<UUID> people = new ArrayList<>();
        for (int u = 0; u < 5; u++) {
            people.add(UUID.randomUUID());
        }

        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < 150; n++) {
            UUID profile = profiles.get(random.nextInt(profiles.size()));
            UUID assignee = random.nextInt(3) == 0 ? null : people.get(random.nextInt(people.size()));
            String state = List.of("new", "open", "open", "closed").get(random.nextInt(4));
            Row row = new Row(UUID.randomUUID(), profile, assignee, state, BASE.plusSeconds(60L * random.nextInt(12)));
            insert(account.id(), row);
            rows.add(row);
        }
        Set<String> unread = new HashSet<>();
        for (UUID person : people) {
            for (Row row : rows) {
                if (random.nextInt(3) == 0) {
                    databaseOwner().sql("INSERT INTO conversation_unread (user_id, conversation_id, account_id) VALUES (:u, :c, :a)")
                            .param("u", person).param("c", row.id()).param("a", account.id()).update();
                    unread.add(person + "/" + row.id());
                }
            }
        }

        for (int a = 0; a < 12; a++) {
            UUID viewer = people.get(random.nextInt(people.size()));
            Role role = List.of(Role.MEMBER, Role.MEMBER, Role.ADMIN, Role.OWNER).get(random.nextInt(4));
            // From one profile (per-profile path) to all ten (across the account).
            List<UUID> shuffled = new ArrayList<>(profiles);
            java.util.Collections.shuffle(shuffled, random);
            Set<UUID> theirs = Set.copyOf(shuffled.subList(0, a < 4 ? 1 + random.nextInt(3) : 1 + random.nextInt(10)));
            Actor actor = new Actor(viewer, account.id(), "Someone", role, theirs, role == Role.OWNER);
            List<Filter> filters = List.of(Filter.NONE,
                    new Filter(profiles.get(random.nextInt(profiles.size())), null, false, ""),
                    new Filter(null, people.get(random.nextInt(people.size())), false, ""),
                    new Filter(null, null, true, ""));
            for (Tab tab : Tab.values()) {
                for (Filter filter : filters) {
                    List<UUID> expected = rows.stream()
                            .filter(r -> theirs.contains(r.profile()))
                            .filter(r -> role != Role.MEMBER || r.assignee() == null || r.assignee().equals(viewer))
                            .filter(r -> switch (tab) {
                                case ME -> viewer.equals(r.assignee()) && !r.state().equals("closed");
                                case UNASSIGNED -> r.assignee() == null && !r.state().equals("closed");
                                case ALL -> true;
                            })
                            .filter(r -> filter.profileId() == null || filter.profileId().equals(r.profile()))
                            .filter(r -> filter.assigneeId() == null || filter.assigneeId().equals(r.assignee()))
                            .filter(r -> !filter.unassignedOnly() || r.assignee() == null)
                            .sorted(Comparator.comparingInt((Row r) -> group(r, unread.contains(viewer + "/" + r.id())))
                                    .thenComparing(Row::lastActivityAt, Comparator.reverseOrder())
                                    .thenComparing(r -> r.id().toString(), Comparator.reverseOrder()))
                            .map(Row::id).toList();
                    int pageSize = 1 + random.nextInt(5);
                    assertThat(walk(actor, tab, filter, pageSize))
                            .as("%s in %d of 10 profiles, %s tab, %s, pages of %d", role, theirs.size(), tab, filter, pageSize)
                            .isEqualTo(expected);
                }
            }
        }
    }

    private List<UUID> walk(Actor actor, Tab tab, Filter filter, int pageSize) {
        List<UUID> seen = new ArrayList<>();
        Cursor after = null;
        TransactionTemplate pageReads = new GenericPlanReads(transactions.getTransactionManager());
        for (int pages = 0; pages < 200; pages++) {
            Cursor from = after;
            List<Conversation> page = tenancy.inAccount(actor.accountId(), () -> pageReads.execute(status ->
                    conversations.page(Visibility.of(actor), tab, filter, from, pageSize + 1)));
            page.stream().limit(pageSize).map(Conversation::id).forEach(seen::add);
            if (page.size() <= pageSize) {
                return seen;
            }
            Conversation last = page.get(pageSize - 1);
            after = new Cursor(last.group(), last.lastActivityAt(), last.id());
        }
        throw new AssertionError("more than 200 pages: " + seen.stream().map(UUID::toString).collect(Collectors.joining(",")));
    }

    private static int group(Row row, boolean unread) {
        return switch (row.state()) {
            case "new" -> 0;
            case "open" -> unread ? 1 : 2;
            default -> 3;
        };
    }

    private void insert(UUID accountId, Row row) {
        UUID contact = UUID.randomUUID();
        Timestamp at = Timestamp.from(row.lastActivityAt());
        databaseOwner().sql("INSERT INTO contacts (id, account_id, profile_id, name, created_at) VALUES (:id, :a, :p, 'Lead', :at)")
                .param("id", contact).param("a", accountId).param("p", row.profile()).param("at", at).update();
        databaseOwner().sql("""
                        INSERT INTO conversations (id, account_id, profile_id, contact_id, state, outcome, assignee_id, last_activity_at, created_at)
                        VALUES (:id, :a, :p, :k, :s, :o, :assignee, :at, :at)""")
                .param("id", row.id()).param("a", accountId).param("p", row.profile()).param("k", contact)
                .param("s", row.state()).param("o", row.state().equals("closed") ? "won" : null, java.sql.Types.VARCHAR)
                .param("assignee", row.assignee(), java.sql.Types.OTHER).param("at", at).update();
    }
}
