package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.identity.Passwords;
import com.leadline.inbox.InboundTexts;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The tab counts are read from the unread flags and the conversations in one statement, never from a counter kept
 * on the side: while admins reassign conversations from several threads, every count read is consistent within
 * itself (Me and Unassigned are disjoint parts of All), and once the writers stop, each person's counts equal the
 * unread rows of their lists, and their lists are exactly what the rule shows of the final assignments.
 */
class InboxCountsConcurrencyTests extends IntegrationTest {

    private static final int WRITERS = 4;
    private static final int MOVES_PER_WRITER = 40;

    @Autowired
    private InboundTexts inbox;
    @Autowired
    private Passwords passwords;

    private record Person(UUID id, String role, Set<UUID> memberOf, WebSession session) {
    }

    @Test
    void countsEqualTheListsAfterConcurrentReassignments() throws Exception {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Concurrent Counts");
        UUID first = account.firstProfileId();
        UUID second = fixture.addProfile(account, "Second Branch");
        String hash = passwords.hash(PASSWORD);
        List<Person> readers = new ArrayList<>();
        readers.add(new Person(account.owner().id(), "owner", Set.of(first, second), account.owner().session()));
        for (Set<UUID> memberOf : List.of(Set.of(first), Set.of(second), Set.of(first, second), Set.of(first))) {
            TeamFixture.Member member = fixture.signedInMember(account.id(), "member", memberOf, hash);
            readers.add(new Person(member.id(), "member", memberOf, member.session()));
        }
        TeamFixture.Member reader = fixture.signedInMember(account.id(), "admin", Set.of(second), hash);
        readers.add(new Person(reader.id(), "admin", Set.of(second), reader.session()));
        List<WebSession> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(fixture.signedInMember(account.id(), "admin", Set.of(first, second), hash).session());
        }

        Map<UUID, UUID> profileOf = new HashMap<>();
        for (int n = 0; n < 30; n++) {
            UUID profile = n % 3 == 0 ? second : first;
            profileOf.put(inbox.receiveInbound(account.id(), profile, "+1555" + (3000000 + n), "Lead number " + n), profile);
        }
        List<UUID> conversations = List.copyOf(profileOf.keySet());

        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + readers.size());
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Future<?>> writes = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            WebSession writer = writers.get(w);
            Random random = new Random(w);
            writes.add(threads.submit(() -> {
                start.await();
                for (int move = 0; move < MOVES_PER_WRITER; move++) {
                    UUID conversation = conversations.get(random.nextInt(conversations.size()));
                    List<Person> workers = readers.stream()
                            .filter(p -> p.memberOf().contains(profileOf.get(conversation))).toList();
                    UUID to = random.nextInt(4) == 0 ? null : workers.get(random.nextInt(workers.size())).id();
                    int status = writer.api("PUT", "/api/v1/conversations/" + conversation + "/assignee",
                            "{\"assigneeId\":" + (to == null ? "null" : "\"" + to + "\"") + "}").status();
                    if (status != 204) {
                        problems.add("assigning " + conversation + " to " + to + " answered " + status);
                    }
                }
                return null;
            }));
        }
        List<Future<Integer>> reads = new ArrayList<>();
        for (Person person : readers) {
            reads.add(threads.submit(() -> {
                start.await();
                int checked = 0;
                while (writing.get() || checked == 0) {
                    JsonNode counts = WebSession.json(person.session().api("GET", "/api/v1/conversations/counts", null));
                    int me = counts.get("me").asInt();
                    int unassigned = counts.get("unassigned").asInt();
                    int all = counts.get("all").asInt();
                    if (me < 0 || unassigned < 0 || me + unassigned > all || all > conversations.size()) {
                        problems.add(person.role() + " read inconsistent counts " + counts);
                    }
                    person.session().api("GET", "/api/v1/conversations?tab=me", null);
                    checked++;
                }
                return checked;
            }));
        }
        start.countDown();
        for (Future<?> write : writes) {
            write.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        for (Future<Integer> read : reads) {
            assertThat(read.get(1, TimeUnit.MINUTES)).isPositive();
        }
        threads.shutdown();
        assertThat(problems).isEmpty();

        Map<UUID, UUID> assigneeOf = new HashMap<>();
        databaseOwner().sql("SELECT id, assignee_id FROM conversations WHERE account_id = :a").param("a", account.id())
                .query((rs, n) -> assigneeOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        int unreadSeen = 0;
        for (Person person : readers) {
            boolean seesOthers = !person.role().equals("member");
            Set<UUID> all = conversations.stream().filter(c -> person.memberOf().contains(profileOf.get(c))
                    && (seesOthers || assigneeOf.get(c) == null || person.id().equals(assigneeOf.get(c)))).collect(Collectors.toSet());
            Map<String, Set<UUID>> expected = Map.of("all", all,
                    "me", all.stream().filter(c -> person.id().equals(assigneeOf.get(c))).collect(Collectors.toSet()),
                    "unassigned", all.stream().filter(c -> assigneeOf.get(c) == null).collect(Collectors.toSet()));
            JsonNode counts = WebSession.json(person.session().api("GET", "/api/v1/conversations/counts", null));
            long flags = databaseOwner().sql("""
                            SELECT count(*) FROM conversation_unread u JOIN conversations c ON c.id = u.conversation_id
                            WHERE u.user_id = :u AND c.account_id = :a AND c.profile_id = ANY (:p)
                              AND (:others OR c.assignee_id IS NULL OR c.assignee_id = :u)""")
                    .param("u", person.id()).param("a", account.id()).param("p", person.memberOf().toArray(UUID[]::new))
                    .param("others", seesOthers).query(Long.class).single();
            assertThat(counts.get("all").asLong()).as("%s's all count against the flags", person.role()).isEqualTo(flags);
            for (Map.Entry<String, Set<UUID>> tab : expected.entrySet()) {
                JsonNode page = WebSession.json(person.session().api("GET", "/api/v1/conversations?tab=" + tab.getKey(), null));
                List<JsonNode> rows = page.get("conversations").values().stream().toList();
                assertThat(rows.stream().map(c -> UUID.fromString(c.get("id").asString())).collect(Collectors.toSet()))
                        .as("%s's %s tab", person.role(), tab.getKey()).isEqualTo(tab.getValue());
                long unread = rows.stream().filter(c -> c.get("unread").asBoolean()).count();
                assertThat(counts.get(tab.getKey()).asLong()).as("%s's %s count", person.role(), tab.getKey()).isEqualTo(unread);
                unreadSeen += (int) unread;
            }
        }
        assertThat(unreadSeen).as("the check compared some unread conversations").isPositive();
    }
}
