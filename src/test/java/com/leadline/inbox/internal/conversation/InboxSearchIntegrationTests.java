package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Indexed search (issue 15, ADR 6): what it finds and how it reads the search, its functions' tenant
 * rule, the two ways it reads (through the indexes, or walking newest first) agreeing, the plans, and
 * the backfill of V37.
 */
class InboxSearchIntegrationTests extends IntegrationTest {

    private static final String SEARCH = """
            SELECT id FROM inbox_search_conversations(:search, :profiles, :seesOthers, :viewer, CAST(:holder AS uuid), false,
                                                      CAST(NULL AS uuid[]), :afterTime, :afterId, :rows, :walkAbove)""";

    @Autowired
    private InboundTexts inbox;
    @Value("${spring.datasource.url}")
    private String url;
    @Value("${spring.datasource.username}")
    private String appRole;
    @Value("${spring.datasource.password}")
    private String appPassword;
    @Value("${spring.flyway.url}")
    private String ownerUrl;
    @Value("${spring.flyway.user}")
    private String ownerUser;
    @Value("${spring.flyway.password}")
    private String ownerPassword;

    @Test
    void findsAWordOfAnOldMessageOrNoteWhateverItsCaseAndAccentsAndTheLastWordByItsStart() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Search Smiles");
        WebSession owner = account.owner().session();
        UUID lead = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550100001",
                "Je voudrais un blanchiment, s'il vous plaît. Crème brûlée?");
        UUID other = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550100002", "Do you take my insurer?");
        for (String reply : List.of("Bien sûr!", "Jeudi à 10h?", "Parfait.")) {
            assertThat(owner.api("POST", "/api/v1/conversations/" + lead + "/replies", Map.of("body", reply)).status()).isEqualTo(204);
        }
        assertThat(owner.api("POST", "/api/v1/conversations/" + lead + "/notes", Map.of("body", "Insurance checked by phone")).status())
                .isEqualTo(204);

        for (String search : List.of("CREME", "brulee", "blanch", "voudrais plai", "Crème BRÛLÉE", "insurance", "parfait")) {
            assertThat(found(owner, search)).as(search).containsExactly(lead);
        }
        assertThat(found(owner, "insur")).as("a prefix of words in two conversations").containsExactlyInAnyOrder(lead, other);
        assertThat(found(owner, "crème xyz")).as("every word must be there").isEmpty();
        assertThat(found(owner, "voudrai")).as("only the last word is a prefix").containsExactly(lead);
        assertThat(found(owner, "voudrai creme")).as("an earlier word is whole").isEmpty();

        JsonNode page = page(owner, "creme");
        JsonNode count = WebSession.json(owner.api("GET", "/api/v1/conversations/search-count?tab=all&q=creme", null));
        assertThat(count.get("count").asInt()).isEqualTo(1);
        assertThat(count.get("more").asBoolean()).isFalse();
        assertThat(WebSession.json(owner.api("GET", "/api/v1/conversations/search-count?tab=all&q=insur", null)).get("count").asInt())
                .isEqualTo(2);
        assertThat(owner.get("/inbox/search-count?tab=all&q=insur").body()).contains("2 conversations match");
        JsonNode match = page.get("conversations").get(0).get("match");
        assertThat(match.get("segments").values().stream().filter(s -> s.get("matched").asBoolean()).map(s -> s.get("text").asString()))
                .containsExactly("Crème");
        assertThat(page(owner, "insurance").get("conversations").get(0).get("match").get("segments").values().stream()
                .map(s -> s.get("text").asString()).collect(Collectors.joining())).as("the note matched").isEqualTo("Insurance checked by phone");
    }

    @Test
    void findsContactsByPartOfTheirNameOrEmailAndByPhoneDigitsTypedWithSpacesOrDashes() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Search Contacts");
        WebSession owner = account.owner().session();
        UUID lead = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15557654321", "Hi");
        inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550000000", "Hello");
        UUID contact = databaseOwner().sql("SELECT contact_id FROM conversations WHERE id = :c").param("c", lead).query(UUID.class).single();
        assertThat(owner.api("PUT", "/api/v1/contacts/" + contact, Map.of("name", "Zoë Okafor-Brandt", "phone", "+15557654321",
                "email", "zoe.brandt@clinic.example", "notes", "")).status()).isEqualTo(204);

        for (String search : List.of("okafor", "ZOE OKA", "for-bra", "brandt@clin", "clinic.example", "765 43-21", "(555) 765-4321", "76543")) {
            assertThat(found(owner, search)).as(search).containsExactly(lead);
            assertThat(contactsFound(owner, search)).as("Contacts searching %s", search).containsExactly(contact);
        }
        assertThat(found(owner, "zzzz-no-match")).isEmpty();
        assertThat(contactsFound(owner, "zzzz-no-match")).isEmpty();
    }

    @Test
    void theFullTextSyntaxInASearchIsOnlyText() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Search Syntax");
        WebSession owner = account.owner().session();
        UUID lead = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550100003",
                "Tom & Jerry | 50% off! it's \"quoted\" back\\slash");
        for (String search : List.of("&", "|", "!", ":*", "'", "\"", "\\", "a & b", "!!!", "(", ")", "<->", "a:*b", "%", "_", "\\'",
                "'); DROP TABLE messages; --", "tom:* | jerry", "!tom", "x <-> y", "ab%", "a_b")) {
            WebSession.Page answer = owner.api("GET", "/api/v1/conversations?tab=all&q=" + encoded(search), null);
            assertThat(answer.status()).as(search).isEqualTo(200);
            assertThat(owner.get("/inbox?q=" + encoded(search)).status()).as("the page searching %s", search).isEqualTo(200);
        }
        for (String search : List.of("tom & jerry", "it's", "\"quoted\"", "back\\slash", "50%", "jerry |")) {
            assertThat(found(owner, search)).as(search).containsExactly(lead);
        }
        assertThat(found(owner, "555%003")).as("% is no wildcard in a phone number").isEmpty();
        assertThat(found(owner, "555 0100003")).as("while its digits find it").containsExactly(lead);
    }

    @Test
    void aSearchOfAThousandCharactersIsRefusedWithAClearMessage() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Search Limits");
        WebSession owner = account.owner().session();
        String long1000 = "a".repeat(1000);
        WebSession.Page api = owner.api("GET", "/api/v1/conversations?tab=all&q=" + long1000, null);
        assertThat(api.status()).isEqualTo(422);
        assertThat(WebSession.json(api).get("errors").get("q").asString()).isEqualTo("A search can be at most 200 characters long.");
        WebSession.Page page = owner.get("/inbox?q=" + long1000);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("A search can be at most 200 characters long.");
        assertThat(owner.api("GET", "/api/v1/contacts?q=" + long1000, null).status()).isEqualTo(422);
        assertThat(owner.api("GET", "/api/v1/conversations/search-count?q=" + long1000, null).status()).isEqualTo(422);
        assertThat(owner.api("GET", "/api/v1/conversations/search-count?q=", null).status()).isEqualTo(422);
        WebSession.Page tooShort = owner.api("GET", "/api/v1/contacts?q=ab", null);
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(WebSession.json(tooShort).get("errors").get("q").asString()).contains("at least 3 characters");
        assertThat(owner.api("GET", "/api/v1/conversations?tab=all&q=" + "a".repeat(200), null).status()).isEqualTo(200);
    }

    @Test
    void theSearchFunctionsFindNothingOfAnotherAccountNorWithoutOne() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account mine = fixture.openAccount("Search Mine");
        TeamFixture.Account theirs = fixture.openAccount("Search Theirs");
        UUID myLead = inbox.receiveInbound(mine.id(), mine.firstProfileId(), "+15550100004", "Zanzibar trip");
        inbox.receiveInbound(theirs.id(), theirs.firstProfileId(), "+15550100004", "Zanzibar trip");
        UUID[] theirProfiles = {theirs.firstProfileId()};
        UUID[] bothProfiles = {mine.firstProfileId(), theirs.firstProfileId()};

        assertThat(this.<List<UUID>>asApp(mine.id(), db -> search(db, "zanzibar", bothProfiles, mine.owner().id(), 1e9f))).containsExactly(myLead);
        assertThat(this.<List<UUID>>asApp(mine.id(), db -> search(db, "zanzibar", bothProfiles, mine.owner().id(), 0f))).containsExactly(myLead);
        assertThat(this.<List<UUID>>asApp(mine.id(), db -> search(db, "zanzibar", theirProfiles, mine.owner().id(), 1e9f))).isEmpty();
        assertThat(this.<List<UUID>>asApp(mine.id(), db -> search(db, "0100004", theirProfiles, mine.owner().id(), 0f))).isEmpty();
        assertThat(this.<List<UUID>>asApp(mine.id(), db -> search(db, "0100004", theirProfiles, mine.owner().id(), 1e9f))).isEmpty();
        assertThat(this.<List<UUID>>asApp(mine.id(), db -> search(db, "0100004", bothProfiles, mine.owner().id(), 1e9f))).containsExactly(myLead);
        assertThat(this.<List<String>>asApp(mine.id(), db -> {
            search(db, "0100004", bothProfiles, mine.owner().id(), 1e9f);
            search(db, "zanzibar", bothProfiles, mine.owner().id(), 0f);
            return db.sql("SELECT current_setting('enable_indexscan') || current_setting('enable_bitmapscan') || current_setting('enable_sort')"
                    + " || current_setting('enable_seqscan')").query(String.class).list();
        })).as("the functions' planner settings end with them").containsExactly("onononon");
        assertThat(this.<List<UUID>>asApp(null, db -> search(db, "zanzibar", bothProfiles, mine.owner().id(), 1e9f))).isEmpty();
        assertThat(this.<List<UUID>>asApp(null, db -> search(db, "zanzibar", bothProfiles, mine.owner().id(), 0f))).isEmpty();
        assertThat(this.<Integer>asApp(mine.id(), db -> count(db, "zanzibar", bothProfiles, 10))).isEqualTo(1);
        assertThat(this.<Integer>asApp(mine.id(), db -> count(db, "zanzibar", theirProfiles, 10))).isZero();
        assertThat(this.<Integer>asApp(null, db -> count(db, "zanzibar", bothProfiles, 10))).isZero();
        assertThat(this.<List<UUID>>asApp(mine.id(), db -> contacts(db, "0100004", bothProfiles))).hasSize(1);
        assertThat(this.<List<UUID>>asApp(mine.id(), db -> contacts(db, "0100004", theirProfiles))).isEmpty();
        assertThat(this.<List<UUID>>asApp(null, db -> contacts(db, "0100004", bothProfiles))).isEmpty();

        List<Map<String, Object>> functions = databaseOwner().sql("""
                        SELECT p.proname, p.prosecdef, pg_get_userbyid(p.proowner) AS owner,
                               EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0) AS public_may_execute
                        FROM pg_proc p WHERE p.proname IN ('inbox_search_conversations', 'inbox_count_search', 'inbox_search_contacts')""")
                .query().listOfRows();
        assertThat(functions).hasSize(3).allSatisfy(function -> {
            assertThat(function.get("prosecdef")).as("%s runs as its owner", function.get("proname")).isEqualTo(true);
            assertThat(function.get("owner")).isEqualTo("leadline_lookup");
            assertThat(function.get("public_may_execute")).isEqualTo(false);
        });
    }

    @Test
    void walkingNewestFirstAndReadingTheIndexesGiveTheSamePagesInTheSameOrder() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Search Paths");
        List<UUID> profiles = new ArrayList<>(List.of(account.firstProfileId()));
        for (int p = 1; p < 10; p++) {
            profiles.add(fixture.addProfile(account, "Branch " + p));
        }
        UUID member = UUID.randomUUID();
        List<String> words = List.of("whitening", "braces", "implant");
        Instant now = Instant.now();
        for (int n = 0; n < 60; n++) {
            UUID lead = inbox.receiveInbound(account.id(), profiles.get(n % profiles.size()), "+1555020" + (1000 + n),
                    "Question " + n + " about " + words.get(n % words.size()));
            // Activity times tie in pairs, so that the id decides the order inside a pair.
            databaseOwner().sql("UPDATE conversations SET last_activity_at = :t, assignee_id = :a, state = :s, outcome = :o WHERE id = :id")
                    .param("t", Timestamp.from(now.minusSeconds(n / 2 * 60L)))
                    .param("a", n % 4 == 0 ? member : n % 4 == 1 ? UUID.randomUUID() : null, java.sql.Types.OTHER)
                    .param("s", n % 5 == 0 ? "closed" : n % 3 == 0 ? "open" : "new").param("o", n % 5 == 0 ? "won" : null, java.sql.Types.VARCHAR)
                    .param("id", lead).update();
        }
        // A contact found both by name and by a word of their message is listed once.
        databaseOwner().sql("UPDATE contacts SET name = 'Whitening Fan' WHERE account_id = :a AND phone = '+15550201000'")
                .param("a", account.id()).update();
        databaseOwner().sql("UPDATE conversations SET contact_name = 'Whitening Fan' WHERE account_id = :a AND contact_phone = '+15550201000'")
                .param("a", account.id()).update();
        UUID[] all = profiles.toArray(UUID[]::new);
        // Every profile but the last: the statements test the profile again (as for an owner with an archived profile).
        UUID[] allButOne = profiles.subList(0, profiles.size() - 1).toArray(UUID[]::new);
        List<UUID> ofTheLastProfile = databaseOwner().sql("SELECT id FROM conversations WHERE profile_id = :p")
                .param("p", profiles.get(profiles.size() - 1)).query(UUID.class).list();
        UUID[] two = {profiles.get(0), profiles.get(3)};
        for (String search : List.of("whitening", "brac", "question 1", "555 020 10", "about")) {
            for (Object[] viewer : List.of(new Object[] {all, true, account.owner().id()}, new Object[] {allButOne, true, account.owner().id()},
                    new Object[] {two, false, member})) {
                UUID[] visible = (UUID[]) viewer[0];
                List<UUID> throughIndexes = this.<List<UUID>>asApp(account.id(), db -> pagedToTheEnd(db, search, visible, (boolean) viewer[1], (UUID) viewer[2], 1e9f));
                List<UUID> walking = this.<List<UUID>>asApp(account.id(), db -> pagedToTheEnd(db, search, visible, (boolean) viewer[1], (UUID) viewer[2], 0f));
                assertThat(walking).as("%s over %d profiles", search, visible.length).isNotEmpty().isEqualTo(throughIndexes);
                if (visible == allButOne) {
                    assertThat(walking).as("%s over every profile but one", search).doesNotContainAnyElementsOf(ofTheLastProfile);
                }
                if ((boolean) viewer[1]) {
                    assertThat(this.<Integer>asApp(account.id(), db -> count(db, search, visible, 1000))).as("count of %s", search)
                            .isEqualTo(walking.size());
                }
            }
        }
        assertThat(this.<Integer>asApp(account.id(), db -> count(db, "about", all, 7))).as("a count stops at its cap").isEqualTo(7);
    }

    @Test
    void aMessageWhoseWordsMatchASearchAlwaysPassesTheQuickTestOfItsText() {
        // The matched message is parsed into words only when its folded text holds each of the search's words
        // (InboxSearch.MATCHES): for every search made of a message's own words, pieces or tokens, the quick
        // test must never refuse a message whose words match.
        List<Map<String, Object>> checked = databaseOwner().sql("""
                        WITH body(text) AS (VALUES ('Visit https://Example.com/Whitening-Kit?x=1&y=2 today'),
                                                   ('Mail Ana.López@Mail.Example.com or ana_lopez+1@x.io'),
                                                   ('Crème brûlée, ÉCLAIR & naïve café; Straße, İstanbul, ﬁne ½'),
                                                   ('O''Neil''s e-mail: re-book 10:30am, 1.5mg, 50% off, v2.0.1, -7.25'),
                                                   ('back\\slash a_b 100% C:\\path\\file.txt <b attr="v">bold</b> &amp; x')),
                             search(body, text) AS (
                                SELECT b.text, w.lexeme FROM body b, unnest(to_tsvector('simple', inbox_fold(b.text))) w
                                UNION ALL SELECT b.text, left(w.lexeme, greatest(1, length(w.lexeme) / 2))
                                          FROM body b, unnest(to_tsvector('simple', inbox_fold(b.text))) w
                                UNION ALL SELECT b.text, t FROM body b, regexp_split_to_table(b.text, '\\s+') t
                                UNION ALL SELECT b.text, b.text FROM body b)
                        SELECT s.body, s.text, inbox_fold(s.body) LIKE ALL (inbox_search_patterns(s.text)) AS passes
                        FROM search s WHERE inbox_words(s.body) @@ inbox_search_query(s.text)""")
                .query().listOfRows();
        assertThat(checked).as("searches whose words match their message").hasSizeGreaterThan(100);
        assertThat(checked).filteredOn(row -> !(Boolean) row.get("passes")).isEmpty();
    }

    @Test
    void aLastWordThatStandsForManyIsCheckedOnTheRowsTheOtherWordsFind() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Search Prefixes");
        // 6,000 conversations whose words start with "qzv", analysed, so that the prefix alone is expected in
        // more than 3,000 and the index is asked for the words typed in full only. (The planner estimates a
        // prefix from the words' statistics only when they name 100 words or more: hence the filler words.)
        databaseOwner().sql("""
                        WITH k AS (INSERT INTO contacts (id, account_id, profile_id, name, created_at)
                                   SELECT gen_random_uuid(), :a, :p, 'Prefix ' || n, now() FROM generate_series(1, 6000) n
                                   RETURNING id, name)
                        INSERT INTO conversations (id, account_id, profile_id, contact_id, contact_name, state, last_activity_at, created_at, search_words)
                        SELECT gen_random_uuid(), :a, :p, k.id, '', 'open', now() - random() * interval '30 days', now(),
                               inbox_words('qzv' || (n % 3) || ' filler' || (n % 120))
                        FROM (SELECT k.id, substr(k.name, 8)::int AS n FROM k) k""")
                .param("a", account.id()).param("p", account.firstProfileId()).update();
        databaseOwner().sql("ANALYZE conversations").update();
        UUID lead = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550100007", "Prefix test: qzvlast boklouzoumish");
        UUID[] profiles = {account.firstProfileId()};

        List<UUID> throughIndexes = this.<List<UUID>>asApp(account.id(),
                db -> search(db, "boklouzoumish qzv", profiles, account.owner().id(), 1e9f));
        assertThat(throughIndexes).containsExactly(lead);
        assertThat(this.<List<UUID>>asApp(account.id(), db -> search(db, "boklouzoumish qzv", profiles, account.owner().id(), 0f)))
                .isEqualTo(throughIndexes);
        assertThat(this.<List<UUID>>asApp(account.id(), db -> search(db, "boklouzoumish qzx", profiles, account.owner().id(), 1e9f)))
                .as("the prefix is still required").isEmpty();
        assertThat(this.<Integer>asApp(account.id(), db -> count(db, "boklouzoumish qzv", profiles, 10))).isEqualTo(1);
        // As the search functions ask it: the planner uses the words' statistics for leadline_lookup, not for the application's role.
        assertThat(this.<String>asRole("leadline_lookup", account.id(), db -> db.sql(
                        "SELECT inbox_search_indexed_words('boklouzoumish qzv')::text")
                .query(String.class).single())).as("what the index is asked for").isEqualTo("'boklouzoumish'");
        assertThat(this.<String>asRole("leadline_lookup", account.id(), db -> db.sql(
                        "SELECT inbox_search_indexed_words('boklouzoumish qzvlas')::text")
                .query(String.class).single())).isEqualTo("'boklouzoumish' & 'qzvlas':*");
    }

    @Test
    void theLookupRoleReadsTheIndexesWhereTheApplicationRoleCannot() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Search Plans");
        inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550100005", "Plans and indexes");
        // Without the account's condition, which the small tables here would rather read by the account's index.
        Map<String, String> statements = Map.of(
                "conversations_search_words_idx", "SELECT id FROM conversations c WHERE c.search_words @@ inbox_search_query('plans')",
                "contacts_profile_contact_text_idx",
                "SELECT id FROM contacts k WHERE inbox_contact_text(k.name, k.email, k.phone) LIKE inbox_contact_pattern('0100005')");
        for (Map.Entry<String, String> statement : statements.entrySet()) {
            assertThat(plan("leadline_lookup", account.id(), statement.getValue())).as("as leadline_lookup")
                    .contains("Bitmap Index Scan on " + statement.getKey()).doesNotContain("Seq Scan");
            assertThat(plan(appRole, account.id(), statement.getValue())).as("as the application's role")
                    .doesNotContain(statement.getKey());
        }
    }

    @Test
    void theBackfillFillsTheWordsAndEmailOfConversationsWrittenBeforeIt() throws IOException {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Search Backfill");
        UUID lead = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550100006", "Older words: orthodontics");
        databaseOwner().sql("UPDATE contacts SET email = 'old@example.com' WHERE phone = '+15550100006' AND account_id = :a")
                .param("a", account.id()).update();
        databaseOwner().sql("UPDATE conversations SET search_words = NULL, contact_email = NULL WHERE id = :c").param("c", lead).update();
        assertThat(found(account.owner().session(), "orthodontics")).isEmpty();

        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V37__inbox_search_backfill_and_indexes.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        databaseOwner().sql(migration.substring(migration.indexOf("DO $$"), migration.indexOf("$$;") + 3)).update();

        assertThat(found(account.owner().session(), "orthodontics")).containsExactly(lead);
        assertThat(found(account.owner().session(), "old@exam")).containsExactly(lead);
    }

    private static List<UUID> found(WebSession session, String search) {
        List<UUID> ids = new ArrayList<>();
        page(session, search).get("conversations").values().forEach(c -> ids.add(UUID.fromString(c.get("id").asString())));
        return ids;
    }

    private static JsonNode page(WebSession session, String search) {
        WebSession.Page answer = session.api("GET", "/api/v1/conversations?tab=all&q=" + encoded(search), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return WebSession.json(answer);
    }

    private static List<UUID> contactsFound(WebSession session, String search) {
        WebSession.Page answer = session.api("GET", "/api/v1/contacts?q=" + encoded(search), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return WebSession.json(answer).values().stream().map(c -> UUID.fromString(c.get("id").asString())).toList();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** In one transaction as the application's role, with the account set (none when null). */
    private <T> T asApp(UUID account, Function<JdbcClient, T> work) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, appRole, appPassword);
        JdbcClient db = JdbcClient.create(dataSource);
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            if (account != null) {
                db.sql("SELECT set_config('app.account_id', :a, true)").param("a", account.toString()).query().singleValue();
            }
            return work.apply(db);
        });
    }

    private static List<UUID> search(JdbcClient db, String search, UUID[] profiles, UUID viewer, float walkAbove) {
        return db.sql(SEARCH).param("search", search).param("profiles", profiles).param("seesOthers", true).param("viewer", viewer)
                .param("holder", null).param("afterTime", Timestamp.from(InboxPages.START.lastActivityAt()))
                .param("afterId", InboxPages.START.id()).param("rows", 51).param("walkAbove", walkAbove).query(UUID.class).list();
    }

    /** Pages of 4 by the keyset cursor, to the end. */
    private static List<UUID> pagedToTheEnd(JdbcClient db, String search, UUID[] profiles, boolean seesOthers, UUID viewer, float walkAbove) {
        List<UUID> all = new ArrayList<>();
        Timestamp afterTime = Timestamp.from(InboxPages.START.lastActivityAt());
        UUID afterId = InboxPages.START.id();
        while (true) {
            List<Map<String, Object>> page = db.sql("""
                            SELECT s.id, c.last_activity_at FROM inbox_search_conversations(:search, :profiles, :seesOthers, :viewer,
                                CAST(NULL AS uuid), false, CAST(NULL AS uuid[]), :afterTime, :afterId, 4, :walkAbove) s
                            JOIN conversations c ON c.id = s.id""")
                    .param("search", search).param("profiles", profiles).param("seesOthers", seesOthers).param("viewer", viewer)
                    .param("afterTime", afterTime).param("afterId", afterId).param("walkAbove", walkAbove).query().listOfRows();
            page.forEach(row -> all.add((UUID) row.get("id")));
            if (page.size() < 4) {
                assertThat(Set.copyOf(all)).as("listed once").hasSize(all.size());
                return all;
            }
            afterTime = (Timestamp) page.get(3).get("last_activity_at");
            afterId = (UUID) page.get(3).get("id");
        }
    }

    private static int count(JdbcClient db, String search, UUID[] profiles, int cap) {
        return db.sql("SELECT inbox_count_search(:search, :profiles, true, :viewer, CAST(NULL AS uuid), false, CAST(NULL AS uuid[]), :cap)")
                .param("search", search).param("profiles", profiles).param("viewer", UUID.randomUUID()).param("cap", cap)
                .query(Integer.class).single();
    }

    private static List<UUID> contacts(JdbcClient db, String search, UUID[] profiles) {
        return db.sql("SELECT * FROM inbox_search_contacts(:search, :profiles, NULL, NULL, 51)").param("search", search)
                .param("profiles", profiles).query(UUID.class).list();
    }

    /** The plan of a statement as a role, with the account set and sequential scans discouraged (the tables here are small). */
    private String plan(String role, UUID account, String statement) {
        return asRole(role, account, db -> {
            db.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", db.sql("EXPLAIN " + statement).query(String.class).list());
        });
    }

    /** In one transaction as a role, with the account set (the search functions run as leadline_lookup). */
    private <T> T asRole(String role, UUID account, Function<JdbcClient, T> work) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(ownerUrl, ownerUser, ownerPassword);
        JdbcClient db = JdbcClient.create(dataSource);
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            db.sql("SELECT set_config('app.account_id', :a, true)").param("a", account.toString()).query().singleValue();
            db.sql("SET LOCAL ROLE " + role).update();
            return work.apply(db);
        });
    }
}
