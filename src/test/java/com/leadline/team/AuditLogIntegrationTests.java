package com.leadline.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.CsvReading;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The account's audit log (PERMISSIONS.md row 31) through its API, page and CSV download: who reads which
 * entries, the filters, keyset paging, the download's cells, refused filters, and the profile an entry is about.
 */
class AuditLogIntegrationTests extends IntegrationTest {

    /** The groups an admin reads of the entries about no profile. */
    private static final Set<String> ACCOUNT_WIDE_GROUPS_ADMINS_READ = Set.of("Team", "Partners", "Account and settings");

    private TeamFixture fixture;
    private TeamFixture.Account account;
    private WebSession owner;
    private UUID profileA;
    private UUID profileB;
    private TeamFixture.Member adminOfA;
    private TeamFixture.Member teamMember;

    @BeforeEach
    void openAccount() {
        fixture = new TeamFixture(port, databaseOwner());
        account = fixture.openAccount("Ledger Landscaping");
        owner = account.owner().session();
        profileA = account.firstProfileId();
        profileB = fixture.addProfile(account, "Ledger North");
        adminOfA = fixture.join(account.owner(), "admin", profileA);
        teamMember = fixture.join(account.owner(), "member", profileA);
    }

    @Test
    void eachReaderSeesWhatTheirColumnOfRowThirtyOneAllows() {
        assertThat(owner.api("PUT", "/api/v1/profiles/" + profileA, profileJson("Ledger South")).status()).isEqualTo(200);
        assertThat(owner.api("PUT", "/api/v1/profiles/" + profileB, profileJson("Ledger North")).status()).isEqualTo(200);
        assertThat(owner.api("PUT", "/api/v1/profiles/" + profileB + "/leadbox", leadboxJson()).status()).isEqualTo(200);
        assertThat(owner.api("PUT", "/api/v1/profiles/" + profileA + "/plan", Map.of("plan", "premium")).status()).isEqualTo(200);
        assertThat(visitor().signIn(adminOfA.email(), PASSWORD).status()).isEqualTo(302);
        TeamFixture.Member adminOfB = fixture.join(account.owner(), "admin", profileB);
        WebSession partnerAdmin = fixture.partnerWorkingIn(account.id(), "admin");
        WebSession partnerReadOnly = fixture.partnerWorkingIn(account.id(), "read_only");
        WebSession elsewhere = fixture.openAccount("Elsewhere Gardens").owner().session();

        List<JsonNode> everything = all(owner, "");
        JsonNode editOfA = only(everything, "profile.edited", profileA);
        JsonNode editOfB = only(everything, "profile.edited", profileB);
        JsonNode leadboxOfB = only(everything, "leadbox.changed", profileB);
        JsonNode planOfA = only(everything, "profile.plan_changed", profileA);
        JsonNode signIn = everything.stream().filter(e -> e.get("action").asString().equals("sign_in")).findFirst().orElseThrow();
        JsonNode invitation = everything.stream().filter(e -> e.get("action").asString().equals("invitation.sent")).findFirst().orElseThrow();
        assertThat(leadboxOfB.get("targetType").asString()).as("the Leadbox is the target, its profile what it is about").isEqualTo("leadbox");

        Set<Long> ownerSees = ids(everything);
        assertThat(ids(all(partnerAdmin, ""))).as("partner admins read every entry").isEqualTo(ownerSees);
        assertThat(ids(all(partnerReadOnly, ""))).as("read-only partners read every entry too").isEqualTo(ownerSees);

        List<JsonNode> adminASees = all(adminOfA.session(), "");
        assertThat(ids(adminASees)).contains(id(editOfA), id(invitation))
                .doesNotContain(id(editOfB), id(leadboxOfB), id(planOfA), id(signIn));
        assertThat(adminASees).allSatisfy(entry -> {
            if (text(entry, "profileId") == null) {
                assertThat(entry.get("group").asString()).as("entry %s", entry).isIn(ACCOUNT_WIDE_GROUPS_ADMINS_READ);
            } else {
                assertThat(text(entry, "profileId")).as("entry %s", entry).isEqualTo(profileA.toString());
                assertThat(entry.get("group").asString()).as("entry %s", entry).isNotIn("Billing", "Sign-in, passwords and API tokens");
            }
        });
        assertThat(ids(all(adminOfB.session(), ""))).contains(id(editOfB), id(leadboxOfB), id(invitation))
                .doesNotContain(id(editOfA), id(planOfA), id(signIn));

        for (String route : List.of("/api/v1/audit-log", "/api/v1/audit-log/export.csv")) {
            WebSession.Page refused = teamMember.session().api("GET", route, null);
            assertThat(refused.status()).as(route).isEqualTo(403);
            assertThat(WebSession.json(refused).get("detail").asString()).contains("role doesn't allow");
        }
        assertThat(teamMember.session().get("/settings/audit-log").status()).isEqualTo(403);

        Set<Long> elsewhereSees = ids(all(elsewhere, ""));
        assertThat(elsewhereSees).as("another account's reader").isNotEmpty().doesNotContainAnyElementsOf(ownerSees);
        assertThat(ownerSees).doesNotContainAnyElementsOf(elsewhereSees);

        WebSession.Page adminPage = adminOfA.session().get("/settings/audit-log");
        assertThat(adminPage.status()).isEqualTo(200);
        assertThat(adminPage.document().select("tr[data-entry]").eachAttr("data-entry"))
                .contains(String.valueOf(id(editOfA))).doesNotContain(String.valueOf(id(editOfB)), String.valueOf(id(signIn)));
        assertThat(partnerReadOnly.get("/settings/audit-log").status()).isEqualTo(200);
        assertThat(partnerReadOnly.get("/api/v1/audit-log/export.csv").status()).isEqualTo(200);
    }

    /** S17: what a deactivated person did stays in the log, and their name is marked wherever it shows. */
    @Test
    void aDeactivatedPersonsEntriesStayAndNameThemAsDeactivated() {
        assertThat(owner.api("POST", "/api/v1/team/members/" + teamMember.id() + "/deactivation", null).status()).isEqualTo(204);
        List<JsonNode> theirs = all(owner, "person=" + teamMember.id());
        assertThat(theirs).isNotEmpty().allSatisfy(entry -> assertThat(entry.get("actor").asString()).isEqualTo("Joined Member (deactivated)"));
        JsonNode deactivation = all(owner, "kind=user.deactivated").get(0);
        assertThat(deactivation.get("target").asString()).isEqualTo("Joined Member (deactivated)");
        assertThat(deactivation.get("actor").asString()).isEqualTo("Olive Owner");
        assertThat(owner.get("/settings/audit-log?person=" + teamMember.id()).document().select("#person option[selected]").text())
                .isEqualTo("Joined Member (deactivated)");
    }

    @Test
    void theAccountMenuOffersTheAuditLogOnlyToThoseWhoMayReadIt() {
        WebSession partnerReadOnly = fixture.partnerWorkingIn(account.id(), "read_only");
        for (WebSession reader : List.of(owner, adminOfA.session(), partnerReadOnly)) {
            assertThat(reader.open("/team").document().select("#account-menu [role=menuitem]").eachText()).contains("Audit log");
        }
        assertThat(teamMember.session().open("/team").document().select("#account-menu [role=menuitem]").eachText())
                .doesNotContain("Audit log").contains("Team");
    }

    @Test
    void thePersonKindAndDateFiltersNarrowTheListAndTheDatesAreWholeDaysInTheTimeZone() {
        assertThat(owner.api("PUT", "/api/v1/profiles/" + profileA, profileJson("Ledger South")).status()).isEqualTo(200);
        List<JsonNode> byAdmin = all(owner, "person=" + adminOfA.id());
        assertThat(byAdmin).isNotEmpty().allSatisfy(entry -> assertThat(text(entry, "actorId")).isEqualTo(adminOfA.id().toString()));
        List<JsonNode> edits = all(owner, "kind=profile.edited");
        assertThat(edits).isNotEmpty().allSatisfy(entry -> assertThat(entry.get("action").asString()).isEqualTo("profile.edited"));
        assertThat(all(owner, "kind=profile.edited&person=" + adminOfA.id())).isEmpty();
        assertThat(all(owner, "kind=profile.edited&person=" + account.owner().id())).hasSize(edits.size());

        long tenth = written("2026-01-10T12:00:00Z");
        long eleventhNoon = written("2026-01-11T12:00:00Z");
        long eleventhLate = written("2026-01-11T23:30:00Z");
        long twelfth = written("2026-01-12T12:00:00Z");
        assertThat(ids(all(owner, "kind=user.edited&from=2026-01-11&to=2026-01-11")))
                .containsExactlyInAnyOrder(eleventhNoon, eleventhLate);
        assertThat(ids(all(owner, "kind=user.edited&from=2026-01-11&to=2026-01-11&timezone=Europe/Berlin")))
                .as("23:30 UTC is the next day in Berlin").containsExactly(eleventhNoon);
        assertThat(ids(all(owner, "kind=user.edited&to=2026-01-10"))).containsExactly(tenth);
        assertThat(ids(all(owner, "kind=user.edited&from=2026-01-12&to=2026-01-12"))).containsExactly(twelfth);

        WebSession.Page page = owner.get("/settings/audit-log?kind=profile.edited");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("tr[data-entry] td[data-label=What] > span:first-child").eachText())
                .isNotEmpty().containsOnly("Profile edited");
        assertThat(page.document().selectFirst("#kind option[selected]").attr("value")).isEqualTo("profile.edited");
    }

    @Test
    void olderPagesFollowEachOtherWithoutGapsOrRepeatsEvenWithTiesAndNewEntriesInBetween() {
        Instant base = Instant.parse("2026-02-01T08:00:00Z");
        for (int i = 0; i < 250; i++) {
            // Ten entries share each instant: the keyset's id decides between them.
            writeEntry("user.edited", base.plusSeconds(i / 10), Map.of("n", String.valueOf(i)));
        }
        int expected = databaseOwner().sql("SELECT count(*) FROM audit_log WHERE account_id = :a AND action = 'user.edited'")
                .param("a", account.id()).query(Integer.class).single();
        List<JsonNode> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = list(owner, "kind=user.edited&limit=40" + (after == null ? "" : "&after=" + after));
            page.get("entries").forEach(seen::add);
            after = text(page, "next");
            if (++pages == 2) {
                writeEntry("user.edited", clock.instant(), Map.of("n", "late"));
            }
        } while (after != null);
        assertThat(pages).isEqualTo(7);
        assertThat(seen).hasSize(expected);
        assertThat(ids(seen)).hasSize(expected);
        for (int i = 1; i < seen.size(); i++) {
            Instant before = Instant.parse(seen.get(i - 1).get("occurredAt").asString());
            Instant at = Instant.parse(seen.get(i).get("occurredAt").asString());
            assertThat(at.isBefore(before) || at.equals(before) && id(seen.get(i)) < id(seen.get(i - 1)))
                    .as("entry %d is older than the one before it", i).isTrue();
        }
        assertThat(seen).noneMatch(entry -> "late".equals(text(entry.get("details"), "n")));

        WebSession.Page first = owner.get("/settings/audit-log?kind=user.edited");
        assertThat(first.document().select("tr[data-entry]")).hasSize(50);
        String older = first.document().select("nav.pager a").stream().filter(a -> a.text().equals("Older entries"))
                .findFirst().orElseThrow().attr("href");
        WebSession.Page second = owner.get(older);
        assertThat(second.status()).isEqualTo(200);
        Set<String> onFirst = new HashSet<>(first.document().select("tr[data-entry]").eachAttr("data-entry"));
        assertThat(second.document().select("tr[data-entry]").eachAttr("data-entry")).hasSize(50).doesNotContainAnyElementsOf(onFirst);
        assertThat(second.document().select("nav.pager a").eachText()).contains("Newest entries", "Older entries");
    }

    @Test
    void theCsvDownloadHoldsWhatTheApiListsForTheSameFiltersAndIsItselfOnRecord() {
        assertThat(owner.api("PUT", "/api/v1/profiles/" + profileA, profileJson("Ledger South")).status()).isEqualTo(200);
        assertThat(owner.api("PUT", "/api/v1/profiles/" + profileB, profileJson("Ledger North")).status()).isEqualTo(200);
        for (WebSession reader : List.of(owner, adminOfA.session())) {
            List<JsonNode> listed = all(reader, "kind=profile.edited");
            WebSession.Page csv = reader.get("/api/v1/audit-log/export.csv?kind=profile.edited");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.header("Content-Disposition").orElseThrow()).startsWith("attachment").contains("audit-log-").endsWith(".csv\"");
            List<List<String>> rows = CsvReading.parse(csv.body());
            assertThat(rows.get(0)).containsExactly("id", "occurred_at", "action", "kind", "outcome", "actor_id", "actor", "target_type",
                    "target_id", "target", "profile_id", "profile", "details", "ip", "session", "system_actor");
            List<List<String>> body = rows.subList(1, rows.size());
            assertThat(body.stream().map(row -> Long.parseLong(row.get(0))).toList()).isEqualTo(listed.stream().map(this::id).toList());
            assertThat(body).allSatisfy(row -> {
                assertThat(row.get(2)).isEqualTo("profile.edited");
                assertThat(row.get(3)).isEqualTo("Profile edited");
                assertThat(row.get(6)).isEqualTo("Olive Owner");
            });
        }
        assertThat(all(owner, "kind=profile.edited")).hasSize(2);
        assertThat(all(adminOfA.session(), "kind=profile.edited")).as("an admin of A downloads A's edit only").hasSize(1);
        List<JsonNode> exports = all(owner, "kind=audit_log.exported");
        assertThat(exports).hasSize(2);
        assertThat(exports.get(0).get("details").get("kind").asString()).isEqualTo("profile.edited");
        assertThat(text(exports.get(0), "actorId")).isEqualTo(adminOfA.id().toString());
        assertThat(text(exports.get(1), "actorId")).isEqualTo(account.owner().id().toString());
    }

    @Test
    void cellsThatASpreadsheetWouldReadAsAFormulaAreWrittenAsText() {
        for (String name : List.of("=HYPERLINK(\"http://evil.example\",\"Open\")", "+1 555 0100", "-2+3", "@SUM(A1:A9)")) {
            fixture.named(teamMember, name);
            WebSession.Page csv = owner.get("/api/v1/audit-log/export.csv?person=" + teamMember.id());
            assertThat(csv.status()).isEqualTo(200);
            List<List<String>> rows = CsvReading.parse(csv.body());
            assertThat(rows).hasSizeGreaterThan(1);
            assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row.get(6)).isEqualTo("'" + name));
            assertThat(csv.body()).doesNotContain("," + name);
        }
    }

    @Test
    void filtersThatCannotBeReadAreRefusedWithTheirReasonAndNothingIsWritten() {
        String notOurs = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("1.2".getBytes(StandardCharsets.US_ASCII));
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("from=2026-13-01", "from");
        refused.put("from=yesterday", "from");
        refused.put("from=1999-12-31", "from");
        refused.put("to=2026-02-30", "to");
        refused.put("from=2026-03-02&to=2026-03-01", "to");
        refused.put("after=not-a-position", "after");
        refused.put("after=" + notOurs, "after");
        refused.put("person=not-a-person", "person");
        refused.put("person=" + "a".repeat(3000), "person");
        refused.put("kind=user.exploded", "kind");
        refused.put("kind=" + "k".repeat(3000), "kind");
        refused.put("limit=0", "limit");
        refused.put("limit=201", "limit");
        refused.put("limit=lots", "limit");
        refused.put("limit=99999999999", "limit");
        refused.put("timezone=Mars/Olympus", "timezone");
        int entriesBefore = entryCount();
        refused.forEach((query, field) -> {
            WebSession.Page api = owner.api("GET", "/api/v1/audit-log?" + query, null);
            assertThat(api.status()).as(query).isEqualTo(422);
            JsonNode problem = WebSession.json(api);
            assertThat(problem.get("errors").get(field).asString()).as(query).isNotBlank();
            if (!field.equals("after") && !field.equals("limit")) {
                WebSession.Page export = owner.api("GET", "/api/v1/audit-log/export.csv?" + query, null);
                assertThat(export.status()).as("export " + query).isEqualTo(422);
                assertThat(export.header("Content-Type").orElseThrow()).contains("problem+json");
            }
            if (!field.equals("limit") && !field.equals("timezone")) {
                WebSession.Page page = owner.get("/settings/audit-log?" + query);
                assertThat(page.status()).as("page " + query).isEqualTo(422);
                assertThat(page.document().select(".error-summary li").eachText()).as(query)
                        .contains(problem.get("errors").get(field).asString());
                assertThat(page.document().select("tr[data-entry]")).isEmpty();
            }
        });
        assertThat(WebSession.json(owner.api("GET", "/api/v1/audit-log?from=2026-13-01", null)).get("errors").get("from").asString())
                .isEqualTo("Enter a date as YYYY-MM-DD, for example 2026-03-31 (from the year 2000 on).");
        assertThat(WebSession.json(owner.api("GET", "/api/v1/audit-log?after=" + notOurs, null)).get("errors").get("after").asString())
                .contains("not valid");
        assertThat(entryCount()).as("a refused filter writes nothing, not even the download's record").isEqualTo(entriesBefore);
        assertThat(teamMember.session().api("GET", "/api/v1/audit-log?from=yesterday", null).status())
                .as("the role is checked before the input").isEqualTo(403);
    }

    @Test
    void theMigrationFillsInTheProfileOfEntriesWrittenBeforeEntriesNamedIt() throws Exception {
        assertThat(owner.api("PUT", "/api/v1/profiles/" + profileB + "/leadbox", leadboxJson()).status()).isEqualTo(200);
        var db = databaseOwner();
        UUID leadboxOfB = db.sql("SELECT id FROM leadboxes WHERE profile_id = :p").param("p", profileB).query(UUID.class).single();
        assertThat(owner.api("PUT", "/api/v1/leadbox/multi-profile", leadboxJson()).status()).isEqualTo(200);
        UUID multiProfile = db.sql("SELECT id FROM leadboxes WHERE account_id = :a AND profile_id IS NULL").param("a", account.id())
                .query(UUID.class).single();
        UUID otherAccountsProfile = fixture.openAccount("Elsewhere Gardens").firstProfileId();
        long aboutA = writeOldEntry("profile", profileA.toString());
        long aboutBsLeadbox = writeOldEntry("leadbox", leadboxOfB.toString());
        long aboutTheMultiProfileLeadbox = writeOldEntry("leadbox", multiProfile.toString());
        long aboutAnotherAccountsProfile = writeOldEntry("profile", otherAccountsProfile.toString());
        long aboutAPerson = writeOldEntry("user", adminOfA.id().toString());

        String migration = Files.readString(Path.of("src/main/resources/db/migration/V53__audit_log_profiles.sql"));
        String backfill = migration.substring(migration.indexOf("-- backfill begins"), migration.indexOf("-- backfill ends"));
        db.sql("DO $$ BEGIN\n" + backfill + "\nEND $$").update();

        assertThat(profileOf(aboutA)).isEqualTo(profileA);
        assertThat(profileOf(aboutBsLeadbox)).isEqualTo(profileB);
        assertThat(profileOf(aboutTheMultiProfileLeadbox)).isNull();
        assertThat(profileOf(aboutAnotherAccountsProfile)).as("only a profile of the entry's own account").isNull();
        assertThat(profileOf(aboutAPerson)).isNull();
        Map<String, Object> guards = db.sql("""
                        SELECT (SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_log_append_only')::text AS trigger,
                               (SELECT bool_and(relforcerowsecurity) FROM pg_class WHERE relname IN ('audit_log', 'profiles', 'leadboxes')) AS forced""")
                .query().singleRow();
        assertThat(guards).containsEntry("trigger", "O").containsEntry("forced", true);
        assertThat(ids(all(adminOfA.session(), ""))).as("an admin of A, once A's entry names A")
                .contains(aboutA).doesNotContain(aboutBsLeadbox, aboutTheMultiProfileLeadbox, aboutAnotherAccountsProfile);
    }

    // Helpers

    private JsonNode list(WebSession reader, String query) {
        WebSession.Page page = reader.api("GET", "/api/v1/audit-log" + (query.isEmpty() ? "" : "?" + query), null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return WebSession.json(page);
    }

    /** Every page, followed to the end. */
    private List<JsonNode> all(WebSession reader, String query) {
        List<JsonNode> entries = new ArrayList<>();
        String after = null;
        do {
            String more = "limit=200" + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            JsonNode page = list(reader, query.isEmpty() ? more : query + "&" + more);
            page.get("entries").forEach(entries::add);
            after = text(page, "next");
        } while (after != null);
        return entries;
    }

    private static JsonNode only(List<JsonNode> entries, String action, UUID profile) {
        List<JsonNode> found = entries.stream()
                .filter(e -> e.get("action").asString().equals(action) && profile.toString().equals(text(e, "profileId"))).toList();
        assertThat(found).as(action + " about " + profile).hasSize(1);
        return found.get(0);
    }

    private long id(JsonNode entry) {
        return entry.get("id").asLong();
    }

    private Set<Long> ids(List<JsonNode> entries) {
        return entries.stream().map(this::id).collect(Collectors.toSet());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A team entry by the owner at this instant, written as the application would have. */
    private long written(String instant) {
        return writeEntry("user.edited", Instant.parse(instant), Map.of());
    }

    private long writeEntry(String action, Instant at, Map<String, String> details) {
        return databaseOwner().sql("""
                        INSERT INTO audit_log (account_id, occurred_at, action, outcome, actor_user_id, target_type, target_id, details)
                        VALUES (:a, :at, :action, 'success', :actor, 'user', :target, CAST(:details AS jsonb)) RETURNING id""")
                .param("a", account.id()).param("at", Timestamp.from(at)).param("action", action)
                .param("actor", account.owner().id()).param("target", adminOfA.id().toString())
                .param("details", WebSession.JSON.writeValueAsString(details)).query(Long.class).single();
    }

    /** An entry as written before entries named their profile. */
    private long writeOldEntry(String targetType, String targetId) {
        return databaseOwner().sql("""
                        INSERT INTO audit_log (account_id, occurred_at, action, outcome, actor_user_id, target_type, target_id)
                        VALUES (:a, :at, :action, 'success', :actor, :type, :target) RETURNING id""")
                .param("a", account.id()).param("at", Timestamp.from(clock.instant()))
                .param("action", targetType.equals("leadbox") ? "leadbox.changed" : targetType.equals("user") ? "user.edited" : "profile.edited")
                .param("actor", account.owner().id()).param("type", targetType).param("target", targetId).query(Long.class).single();
    }

    private UUID profileOf(long entry) {
        return databaseOwner().sql("SELECT profile_id FROM audit_log WHERE id = :id").param("id", entry)
                .query((rs, n) -> rs.getObject(1, UUID.class)).list().get(0);
    }

    private int entryCount() {
        return databaseOwner().sql("SELECT count(*) FROM audit_log WHERE account_id = :a").param("a", account.id())
                .query(Integer.class).single();
    }

    private static Map<String, Object> profileJson(String name) {
        return Map.of("name", name, "timezone", "Europe/Berlin", "showInLeadbox", true);
    }

    private static Map<String, Object> leadboxJson() {
        return Map.of("enabled", true, "buttonText", "Text us", "colour", "#b8480c", "greeting", "Hi!", "offersText", true,
                "offersCall", false, "consent", "You agree to texts.", "allowedOrigins", List.of("https://ledger.example"));
    }
}
