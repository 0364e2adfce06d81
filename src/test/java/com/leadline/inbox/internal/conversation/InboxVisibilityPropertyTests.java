package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.identity.Passwords;
import com.leadline.inbox.InboundTexts;
import com.leadline.testing.BearerClient;
import com.leadline.testing.CsvReading;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Seeded;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Seeded random profiles, users (roles, memberships), conversations (assignee or none, states) and
 * every actor, with their session and once more with their personal API tokens: each tab's list (paged to the end) is exactly the set the rule allows, each count equals
 * its list, every detail read answers 200 exactly for those, and a write to a hidden one is 404. The
 * Contacts page lists exactly the contacts of the actor's profiles, a contact's page (JSON and HTML)
 * shows exactly the conversations the rule allows, and the CSV export counts exactly those (for those
 * who may export; the rest get 403).
 * The seed is printed on failure; -Dleadline.seed=N replays it.
 */
class InboxVisibilityPropertyTests extends IntegrationTest {

    @Autowired
    private InboundTexts inbox;
    @Autowired
    private Passwords passwords;

    /**
     * {@code api} is how the person's JSON API calls travel: their session, or a personal API token of
     * theirs (issue 18: the rule holds for tokens as it does for sessions). Pages always use the session.
     */
    private record Person(UUID id, String role, Set<UUID> memberOf, WebSession session, Api api) {
    }

    /** The JSON API as one caller uses it. {@code get} reads any answer (the CSV export), not only JSON. */
    private interface Api {
        WebSession.Page call(String method, String path, Object body);

        WebSession.Page get(String path);
    }

    /** What each lead's first text is about: searched by a word typed in other case, without its accent, or its start. */
    private static final List<String> TOPICS = List.of("whitening", "crème", "braces", "implants", "bleeding");
    private static final List<String> TOPIC_SEARCHES = List.of("WHITENING", "creme", "brace", "Implants", "blee");

    private record Lead(UUID id, UUID profile, UUID assignee, String state, String phone, String topic) {

        boolean closed() {
            return state.equals("closed");
        }
    }

    @Test
    void everyReadPathShowsExactlyWhatTheRuleAllowsAndEveryWriteRefusesTheRest() {
        Seeded.check("Inbox visibility", Seeded.seed(), random -> check(random, false));
    }

    /** The same property once more, every API call made with the person's own API token instead of their session. */
    @Test
    void throughApiTokensEveryReadPathShowsExactlyWhatTheRuleAllowsAndEveryWriteRefusesTheRest() {
        Seeded.check("Inbox visibility through API tokens", Seeded.seed(), random -> check(random, true));
    }

    private void check(Random random, boolean throughTokens) {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Visibility Ventures");
        List<UUID> profiles = new ArrayList<>(List.of(account.firstProfileId()));
        for (int p = 1 + random.nextInt(2); p > 0; p--) {
            profiles.add(fixture.addProfile(account, "Branch " + p));
        }
        String hash = passwords.hash(PASSWORD);
        List<Person> people = new ArrayList<>(List.of(new Person(account.owner().id(), "owner", Set.copyOf(profiles),
                account.owner().session(), api(account.owner().session(), throughTokens))));
        for (int u = 2 + random.nextInt(3); u > 0; u--) {
            String role = random.nextInt(3) == 0 ? "admin" : "member";
            Set<UUID> memberOf = profiles.stream().filter(p -> random.nextBoolean()).collect(Collectors.toSet());
            people.add(person(account.id(), role, memberOf, hash, throughTokens));
        }

        List<Lead> leads = new ArrayList<>();
        for (int n = 0; n < 20 + random.nextInt(60); n++) {
            UUID profile = profiles.get(random.nextInt(profiles.size()));
            String phone = "+1555" + (1000000 + n);
            UUID id = inbox.receiveInbound(account.id(), profile, phone, "Hello number " + n + " about " + TOPICS.get(n % TOPICS.size()));
            List<Person> workers = people.stream().filter(p -> p.memberOf().contains(profile)).toList();
            UUID assignee = workers.isEmpty() || random.nextInt(3) == 0 ? null : workers.get(random.nextInt(workers.size())).id();
            String state = random.nextInt(4) == 0 ? "closed" : random.nextBoolean() ? "new" : "open";
            boolean closed = state.equals("closed");
            databaseOwner().sql("UPDATE conversations SET assignee_id = :a, state = :s, outcome = :o, last_activity_at = :t WHERE id = :id")
                    .param("a", assignee, java.sql.Types.OTHER).param("s", state)
                    .param("o", closed ? "won" : null, java.sql.Types.VARCHAR)
                    .param("t", Timestamp.from(Instant.now().minusSeconds(random.nextInt(5) * 60L)))
                    .param("id", id).update();
            leads.add(new Lead(id, profile, assignee, state, phone, TOPICS.get(n % TOPICS.size())));
        }
        // Some people have read some conversations: unread flags differ per person.
        for (Map<String, Object> flag : databaseOwner().sql(
                "SELECT user_id, conversation_id FROM conversation_unread WHERE account_id = :a ORDER BY user_id, conversation_id")
                .param("a", account.id()).query().listOfRows()) {
            if (random.nextBoolean()) {
                databaseOwner().sql("DELETE FROM conversation_unread WHERE user_id = :u AND conversation_id = :c")
                        .param("u", flag.get("user_id")).param("c", flag.get("conversation_id")).update();
            }
        }

        // Live updates: everyone listens, then every conversation changes once (the owner notes each).
        Map<UUID, java.util.concurrent.BlockingQueue<String>> heard = new java.util.HashMap<>();
        for (Person person : people) {
            heard.put(person.id(), person.session().listen("/inbox/events", "inbox"));
        }
        for (Lead lead : leads) {
            assertThat(account.owner().session().api("POST", "/api/v1/conversations/" + lead.id() + "/notes",
                    Map.of("body", "Checked")).status()).isEqualTo(204);
        }

        for (Person person : people) {
            boolean seesOthers = !person.role().equals("member");
            Set<UUID> profilesSeen = person.role().equals("owner") ? Set.copyOf(profiles) : person.memberOf();
            Set<UUID> all = leads.stream().filter(l -> profilesSeen.contains(l.profile())
                    && (seesOthers || l.assignee() == null || l.assignee().equals(person.id()))).map(Lead::id).collect(Collectors.toSet());
            Set<UUID> me = leads.stream().filter(l -> all.contains(l.id()) && !l.closed() && person.id().equals(l.assignee()))
                    .map(Lead::id).collect(Collectors.toSet());
            Set<UUID> unassigned = leads.stream().filter(l -> all.contains(l.id()) && !l.closed() && l.assignee() == null)
                    .map(Lead::id).collect(Collectors.toSet());

            assertThat(eventsHeard(heard.get(person.id()), all.size())).as("%s's live updates", person.role())
                    .isEqualTo(all.stream().map(UUID::toString).collect(Collectors.toSet()));
            JsonNode counts = WebSession.json(person.api().call("GET", "/api/v1/conversations/counts", null));
            for (Map.Entry<String, Set<UUID>> tab : Map.of("me", me, "unassigned", unassigned, "all", all).entrySet()) {
                List<JsonNode> rows = listInOrder(person.api(), tab.getKey());
                Set<UUID> listed = rows.stream().map(c -> UUID.fromString(c.get("id").asString())).collect(Collectors.toSet());
                assertThat(listed).as("%s's %s tab", person.role(), tab.getKey()).isEqualTo(tab.getValue());
                assertThat(counts.get(tab.getKey()).asInt()).as("%s's %s unread count", person.role(), tab.getKey())
                        .isEqualTo(rows.stream().filter(c -> c.get("unread").asBoolean()).count());
                for (int i = 1; i < rows.size(); i++) {
                    assertThat(orderKey(rows.get(i - 1))).as("%s's %s tab in inbox order at row %d", person.role(), tab.getKey(), i)
                            .isLessThan(orderKey(rows.get(i)));
                }
            }
            // Search and the assignee filter narrow what the rule shows, never widen it: a word of the
            // messages, and digits of a phone number typed with a space.
            int topic = random.nextInt(TOPICS.size());
            Set<UUID> aboutTopic = leads.stream().filter(l -> all.contains(l.id()) && l.topic().equals(TOPICS.get(topic)))
                    .map(Lead::id).collect(Collectors.toSet());
            assertThat(listAll(person.api(), "all&q=" + TOPIC_SEARCHES.get(topic))).as("%s searching %s", person.role(), TOPIC_SEARCHES.get(topic))
                    .isEqualTo(aboutTopic);
            assertThat(WebSession.json(person.api().call("GET", "/api/v1/conversations/search-count?tab=all&q=" + TOPIC_SEARCHES.get(topic), null))
                    .get("count").asInt()).as("%s's count of %s", person.role(), TOPIC_SEARCHES.get(topic))
                    .isEqualTo(aboutTopic.size());
            String phone = leads.get(random.nextInt(leads.size())).phone().substring(1);
            int from = random.nextInt(phone.length() - 5);
            String digits = phone.substring(from, from + 5);
            assertThat(listAll(person.api(), "all&q=" + digits.substring(0, 3) + "%20" + digits.substring(3)))
                    .as("%s searching %s", person.role(), digits).isEqualTo(leads.stream()
                            .filter(l -> all.contains(l.id()) && l.phone().contains(digits)).map(Lead::id).collect(Collectors.toSet()));
            UUID someone = people.get(random.nextInt(people.size())).id();
            assertThat(listAll(person.api(), "all&assignee=" + someone)).as("%s filtering by assignee", person.role())
                    .isEqualTo(leads.stream().filter(l -> all.contains(l.id()) && someone.equals(l.assignee()))
                            .map(Lead::id).collect(Collectors.toSet()));
            assertThat(listAll(person.api(), "all&assignee=none")).isEqualTo(leads.stream()
                    .filter(l -> all.contains(l.id()) && l.assignee() == null).map(Lead::id).collect(Collectors.toSet()));
            // The Contacts page, paged to the end: exactly the contacts of the person's profiles.
            assertThat(contactPagesToTheEnd(person.session())).as("%s's Contacts page", person.role())
                    .isEqualTo(leads.stream().filter(l -> profilesSeen.contains(l.profile())).map(Lead::phone).collect(Collectors.toSet()));
            // The export: one row per contact of the person's profiles, counting only the conversations the rule shows.
            WebSession.Page export = person.api().get("/api/v1/contacts/export.csv");
            if (person.role().equals("member")) {
                assertThat(export.status()).as("a team member exporting").isEqualTo(403);
            } else {
                assertThat(export.status()).as("%s exporting", person.role()).isEqualTo(200);
                Map<String, List<String>> exported = CsvReading.parse(export.body()).stream().skip(1)
                        .collect(Collectors.toMap(row -> row.get(1).substring(1), row -> row));
                assertThat(exported.keySet()).as("%s's export", person.role()).isEqualTo(leads.stream()
                        .filter(l -> profilesSeen.contains(l.profile())).map(Lead::phone).collect(Collectors.toSet()));
                for (Map.Entry<String, List<String>> row : exported.entrySet()) {
                    Lead lead = leads.stream().filter(l -> l.phone().equals(row.getKey())).findFirst().orElseThrow();
                    boolean shown = all.contains(lead.id());
                    assertThat(row.getValue().subList(5, 7)).as("%s's export of %s", person.role(), lead).containsExactly(
                            shown ? "1" : "0", !shown ? "" : lead.closed() ? "Closed (won)" : lead.state().equals("new") ? "New" : "Open");
                }
            }
            for (Lead lead : leads) {
                // The contact page: a contact of the person's profiles, showing only the conversations the rule allows.
                UUID contact = databaseOwner().sql("SELECT contact_id FROM conversations WHERE id = :c").param("c", lead.id())
                        .query(UUID.class).single();
                WebSession.Page contactPage = person.api().call("GET", "/api/v1/contacts/" + contact, null);
                assertThat(contactPage.status()).as("%s reading the contact of %s", person.role(), lead)
                        .isEqualTo(profilesSeen.contains(lead.profile()) ? 200 : 404);
                if (contactPage.status() == 200) {
                    assertThat(WebSession.json(contactPage).get("conversations").values().stream()
                            .map(c -> UUID.fromString(c.get("id").asString())).collect(Collectors.toSet()))
                            .as("%s's view of the contact of %s", person.role(), lead)
                            .isEqualTo(all.contains(lead.id()) ? Set.of(lead.id()) : Set.of());
                }
                WebSession.Page page = person.session().get("/contacts/" + contact);
                assertThat(page.status()).as("%s opening the contact page of %s", person.role(), lead).isEqualTo(contactPage.status());
                if (page.status() == 200) {
                    assertThat(page.document().select(".contact-conversations a").eachAttr("href"))
                            .as("%s's contact page of %s", person.role(), lead)
                            .isEqualTo(all.contains(lead.id()) ? List.of("/inbox?tab=all&c=" + lead.id()) : List.of());
                }
                boolean visible = all.contains(lead.id());
                assertThat(person.api().call("GET", "/api/v1/conversations/" + lead.id(), null).status())
                        .as("%s reading %s", person.role(), lead).isEqualTo(visible ? 200 : 404);
                if (!visible) {
                    String path = "/api/v1/conversations/" + lead.id();
                    String before = fingerprint(lead.id());
                    Map<String, Object> someProfile = Map.of("profileId", person.memberOf().isEmpty() ? lead.profile().toString()
                            : person.memberOf().iterator().next().toString());
                    for (Object[] write : List.of(
                            new Object[] {"POST", path + "/notes", Map.of("body", "Sneaky")},
                            new Object[] {"POST", path + "/replies", Map.of("body", "Sneaky")},
                            new Object[] {"PUT", path + "/assignee", Map.of("assigneeId", person.id().toString())},
                            new Object[] {"POST", path + "/close", Map.of("outcome", "won")},
                            new Object[] {"POST", path + "/reopen", Map.of()},
                            new Object[] {"PUT", path + "/profile", someProfile},
                            new Object[] {"POST", path + "/reminders", Map.of("dueAt", clock.instant().plusSeconds(3600).toString())},
                            new Object[] {"DELETE", path + "/reminders/" + UUID.randomUUID(), null})) {
                        assertThat(person.api().call((String) write[0], (String) write[1], write[2]).status())
                                .as("%s: %s %s on a hidden conversation", person.role(), write[0], write[1]).isEqualTo(404);
                    }
                    assertThat(person.session().post("/inbox/conversations/" + lead.id() + "/reply", Map.of("body", "Sneaky")).status())
                            .as("%s replying from the page to hidden %s", person.role(), lead).isEqualTo(404);
                    assertThat(fingerprint(lead.id())).as("hidden %s unchanged", lead).isEqualTo(before);
                }
            }
        }
    }

    /** What a write would change about a conversation: where it is, who holds it, its state, activity, messages, reminders. */
    private String fingerprint(UUID conversation) {
        return databaseOwner().sql("""
                        SELECT concat_ws('|', profile_id, assignee_id, state, last_activity_at,
                                         (SELECT count(*) FROM messages WHERE conversation_id = :c),
                                         (SELECT count(*) FROM reminders WHERE conversation_id = :c))
                        FROM conversations WHERE id = :c""")
                .param("c", conversation).query(String.class).single();
    }

    /** The conversations announced to a listener: waits for as many as expected, then a little longer for any extra. */
    private static Set<String> eventsHeard(java.util.concurrent.BlockingQueue<String> queue, int expected) {
        Set<String> ids = new HashSet<>();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        try {
            while (ids.size() < expected && System.nanoTime() < deadline) {
                String id = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (id != null) {
                    ids.add(id);
                }
            }
            for (String id = queue.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS); id != null;
                 id = queue.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                ids.add(id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ids;
    }

    /** Sorts like the inbox: new, open with unread, open, closed; then newest activity first (then id, descending). */
    private static String orderKey(JsonNode c) {
        String state = c.get("state").asString();
        int group = state.equals("new") ? 0 : state.equals("closed") ? 3 : c.get("unread").asBoolean() ? 1 : 2;
        long newestFirst = Long.MAX_VALUE - Instant.parse(c.get("lastActivityAt").asString()).toEpochMilli() * 1000
                - Instant.parse(c.get("lastActivityAt").asString()).getNano() / 1000 % 1000;
        String id = c.get("id").asString();
        String invertedId = id.chars().mapToObj(ch -> String.valueOf((char) ('~' - ch))).collect(Collectors.joining());
        return group + ":" + String.format("%020d", newestFirst) + ":" + invertedId;
    }

    private static List<JsonNode> listInOrder(Api session, String tab) {
        List<JsonNode> rows = new ArrayList<>();
        String query = "/api/v1/conversations?tab=" + tab;
        String path = query;
        for (int pages = 0; pages < 10; pages++) {
            JsonNode page = WebSession.json(session.call("GET", path, null));
            page.get("conversations").values().forEach(rows::add);
            JsonNode next = page.get("next");
            if (next == null || next.isNull()) {
                return rows;
            }
            path = query + "&afterGroup=" + next.get("group").asInt() + "&afterTime=" + next.get("lastActivityAt").asString()
                    + "&afterId=" + next.get("id").asString();
        }
        throw new AssertionError("more than 10 pages");
    }

    private static Set<UUID> listAll(Api session, String tab) {
        Set<UUID> ids = new HashSet<>();
        String query = "/api/v1/conversations?tab=" + tab;  // may carry more parameters after the tab
        String path = query;
        for (int pages = 0; pages < 10; pages++) {
            JsonNode page = WebSession.json(session.call("GET", path, null));
            page.get("conversations").values().forEach(c -> assertThat(ids.add(UUID.fromString(c.get("id").asString())))
                    .as("listed once").isTrue());
            JsonNode next = page.get("next");
            if (next == null || next.isNull()) {
                return ids;
            }
            path = query + "&afterGroup=" + next.get("group").asInt() + "&afterTime=" + next.get("lastActivityAt").asString()
                    + "&afterId=" + next.get("id").asString();
        }
        throw new AssertionError("more than 10 pages");
    }

    /** The phone numbers on the Contacts page, following "More contacts" to the end. */
    private static Set<String> contactPagesToTheEnd(WebSession session) {
        Set<String> phones = new HashSet<>();
        String path = "/contacts";
        for (int pages = 0; path != null; pages++) {
            assertThat(pages).as("pages of contacts").isLessThan(10);
            org.jsoup.nodes.Document page = session.get(path).document();
            page.select("tbody tr td:nth-child(2)").forEach(cell -> assertThat(phones.add(cell.text())).as("listed once").isTrue());
            org.jsoup.nodes.Element more = page.selectFirst("a:containsOwn(More contacts)");
            path = more == null ? null : more.attr("href");
        }
        return phones;
    }

    private Person person(UUID accountId, String role, Set<UUID> memberOf, String hash, boolean throughTokens) {
        TeamFixture.Member member = new TeamFixture(port, databaseOwner()).signedInMember(accountId, role, memberOf, hash);
        return new Person(member.id(), role, memberOf, member.session(), api(member.session(), throughTokens));
    }

    /** The person's session, or a token the person makes now (signed in, as tokens are made), with no cookie or CSRF token. */
    private Api api(WebSession session, boolean throughTokens) {
        if (!throughTokens) {
            return new Api() {
                @Override
                public WebSession.Page call(String method, String path, Object body) {
                    return session.api(method, path, body);
                }

                @Override
                public WebSession.Page get(String path) {
                    return session.get(path);
                }
            };
        }
        WebSession.Page made = session.api("POST", "/api/v1/tokens", Map.of("name", "Visibility", "expiresInDays", 7));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        BearerClient token = BearerClient.withToken(port, WebSession.json(made).get("token").asString());
        return new Api() {
            @Override
            public WebSession.Page call(String method, String path, Object body) {
                return token.call(method, path, body);
            }

            @Override
            public WebSession.Page get(String path) {
                return token.send(java.net.http.HttpRequest.newBuilder(session.uri(path)).header("Accept", "*/*").GET());
            }
        };
    }
}
