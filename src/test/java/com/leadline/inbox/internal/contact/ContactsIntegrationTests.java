package com.leadline.inbox.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.team.PartnerAccess;
import com.leadline.testing.CsvReading;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The Contacts page, a contact's page and its form, the API's edit and the CSV export, as people use
 * them; bad input and ids from elsewhere are refused with the database unchanged.
 */
class ContactsIntegrationTests extends IntegrationTest {

    @Autowired
    private InboundTexts inbox;

    @Test
    void contactsAreSearchedPagedByKeysetAndOpenWithTheConversationsTheRuleShows() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Paging Pools");
        WebSession owner = account.owner().session();

        Document empty = owner.get("/contacts").document();
        assertThat(empty.select("h1").text()).isEqualTo("Contacts");
        assertThat(empty.select(".empty-state").text()).startsWith("No contacts yet.").contains("share your Leadbox");

        // 120 contacts, many with the same name, so pages break inside a run of equal names.
        insertContacts(account.id(), account.firstProfileId(), 120);
        List<String> seen = new ArrayList<>();
        String path = "/contacts";
        int pages = 0;
        while (path != null) {
            Document page = owner.get(path).document();
            page.select("tbody tr td:first-child a").forEach(link -> seen.add(link.attr("href")));
            var more = page.selectFirst("a:containsOwn(More contacts)");
            path = more == null ? null : more.attr("href");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(120).doesNotHaveDuplicates();

        Document found = owner.get("/contacts?q=%2B16660000117").document();
        assertThat(found.select("tbody tr")).hasSize(1);
        assertThat(found.select("tbody tr").text()).contains("+16660000117", "Bulk 5", "Paging Pools");
        assertThat(owner.get("/contacts?q=nobody-like-this").document().select(".empty-state").text()).startsWith("No contacts match.");

        // A contact's page: details and the conversations the viewer may see, each opening in the inbox.
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        TeamFixture.Member colleague = fixture.join(account.owner(), "member", account.firstProfileId());
        UUID first = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550001111", "First time");
        databaseOwner().sql("""
                        UPDATE conversations SET state = 'closed', outcome = 'won', assignee_id = :u,
                        last_activity_at = last_activity_at - interval '1 hour' WHERE id = :c""")
                .param("u", colleague.id()).param("c", first).update();
        UUID second = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550001111", "Back again");
        UUID contact = contactOf(second);
        databaseOwner().sql("UPDATE contacts SET name = 'Gina Green', email = 'gina@example.com', notes = 'Has a dog' WHERE id = :k")
                .param("k", contact).update();

        Document page = owner.get("/contacts/" + contact).document();
        assertThat(page.select("h1").text()).isEqualTo("Gina Green");
        assertThat(page.select(".facts").text()).contains("+15550001111", "gina@example.com", "Has a dog", "Paging Pools");
        assertThat(page.select(".contact-conversations a").eachAttr("href"))
                .containsExactly("/inbox?tab=all&c=" + second, "/inbox?tab=all&c=" + first);
        assertThat(member.session().get("/contacts/" + contact).document().select(".contact-conversations a").eachAttr("href"))
                .containsExactly("/inbox?tab=all&c=" + second);
        assertThat(member.session().get("/contacts?q=GINA").document().select("tbody tr").eachText())
                .containsExactly("Gina Green +15550001111 gina@example.com Paging Pools");

        // Another account's contact and a malformed id are unknown.
        WebSession stranger = fixture.openAccount("Elsewhere Electric").owner().session();
        assertThat(stranger.get("/contacts/" + contact).status()).isEqualTo(404);
        assertThat(stranger.get("/contacts").document().select("tbody tr")).isEmpty();
        assertThat(owner.get("/contacts/not-an-id").status()).isEqualTo(404);
        assertThat(owner.api("GET", "/api/v1/contacts/not-an-id", null).status()).isEqualTo(404);
    }

    @Test
    void theFormSavesKeepsWhatWasTypedOnBadInputAndChangesNothing() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Form Florists");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        UUID contact = contactOf(inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550002222", "Roses?"));
        inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550003333", "Tulips?");
        WebSession session = member.session();

        // A team member edits a contact of their profile.
        session.get("/contacts/" + contact);
        WebSession.Page saved = session.post("/contacts/" + contact, Map.of("name", " Rosa Red ", "phone", "+1 (555) 000-4444",
                "email", "Rosa@Example.com", "notes", "Wedding in June\r\nCall after 5"));
        assertThat(saved.location()).endsWith("/contacts/" + contact + "?saved");
        Document after = session.get(saved.location()).document();
        assertThat(after.select(".notice").text()).isEqualTo("Saved.");
        assertThat(after.select("h1").text()).isEqualTo("Rosa Red");
        assertThat(row(contact)).isEqualTo("Rosa Red|+15550004444|rosa@example.com|Wedding in June\nCall after 5");

        String before = row(contact);
        Map<String, String> bad = Map.of("name", "x".repeat(201), "phone", "+15550003333", "email", "not an email",
                "notes", "n".repeat(5001));
        WebSession.Page refused = session.post("/contacts/" + contact, bad);
        assertThat(refused.status()).isEqualTo(422);
        Document form = refused.document();
        assertThat(form.select(".error-summary li")).hasSize(4);
        assertThat(form.select(".field-error").eachText()).containsExactly("Keep the name to 200 characters or fewer.",
                "Another contact in this profile already has this number.",
                "Give an email address like name@example.com (up to 254 characters), or leave it empty.",
                "Keep the notes to 5,000 characters or fewer.");
        assertThat(form.select("#contact-name").val()).isEqualTo("x".repeat(201));
        assertThat(form.select("#contact-email").val()).isEqualTo("not an email");
        assertThat(row(contact)).isEqualTo(before);

        for (Map.Entry<String, String> field : Map.of("phone", "555-1234", "email", "a@b").entrySet()) {
            Map<String, String> fields = new HashMap<>(Map.of("name", "Rosa Red", "phone", "+15550004444", "email", "", "notes", ""));
            fields.put(field.getKey(), field.getValue());
            WebSession.Page answer = session.post("/contacts/" + contact, fields);
            assertThat(answer.status()).as(field.getKey()).isEqualTo(422);
            assertThat(answer.document().select(".field-error").text()).isNotEmpty();
        }
        WebSession.Page removed = session.post("/contacts/" + contact, Map.of("name", "Rosa Red", "phone", " ", "email", "", "notes", ""));
        assertThat(removed.document().select(".field-error").text()).contains("can be changed but not removed");
        assertThat(row(contact)).isEqualTo(before);

        // Another account's contact and malformed ids: unknown, nothing changed.
        WebSession stranger = fixture.openAccount("Elsewhere Electric").owner().session();
        stranger.get("/contacts");
        assertThat(stranger.post("/contacts/" + contact, Map.of("name", "Taken Over", "phone", "+15550009999")).status()).isEqualTo(404);
        assertThat(stranger.api("PUT", "/api/v1/contacts/" + contact, Map.of("name", "Taken Over", "phone", "+15550009999")).status())
                .isEqualTo(404);
        assertThat(session.post("/contacts/not-an-id", Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(session.api("PUT", "/api/v1/contacts/not-an-id", Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(row(contact)).isEqualTo(before);
    }

    @Test
    void theApiEditsAContactAndRefusesBadInputWithFieldErrors() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Api Apiaries");
        UUID contact = contactOf(inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550005555", "Honey?"));
        inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550006666", "Wax?");
        WebSession owner = account.owner().session();

        assertThat(owner.api("PUT", "/api/v1/contacts/" + contact, Map.of("name", "Bea Keeper", "phone", "+15550007777",
                "email", "bea@example.com", "notes", "Two hives")).status()).isEqualTo(204);
        JsonNode read = WebSession.json(owner.api("GET", "/api/v1/contacts/" + contact, null)).get("contact");
        assertThat(read.get("name").asString()).isEqualTo("Bea Keeper");
        assertThat(read.get("phone").asString()).isEqualTo("+15550007777");
        // The inbox's rows carry the contact's name and phone: the edit reaches them, and only this contact's.
        assertThat(listedContacts(owner)).containsExactlyInAnyOrder("Bea Keeper|+15550007777", "|+15550006666");

        String before = row(contact);
        WebSession.Page refused = owner.api("PUT", "/api/v1/contacts/" + contact, Map.of("name", "Bea", "phone", "+15550006666",
                "email", "x".repeat(250) + "@example.com", "notes", ""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode errors = WebSession.json(refused).get("errors");
        assertThat(errors.propertyNames()).containsExactlyInAnyOrder("phone", "email");
        assertThat(owner.api("PUT", "/api/v1/contacts/" + contact, "{not json").status()).isEqualTo(400);
        assertThat(row(contact)).isEqualTo(before);
        assertThat(listedContacts(owner)).containsExactlyInAnyOrder("Bea Keeper|+15550007777", "|+15550006666");
    }

    /** Name and phone of each row of the All tab, as the list shows them. */
    private static List<String> listedContacts(WebSession session) {
        List<String> rows = new ArrayList<>();
        WebSession.json(session.api("GET", "/api/v1/conversations?tab=all", null)).get("conversations")
                .forEach(row -> rows.add(textOrEmpty(row.path("contactName")) + "|" + textOrEmpty(row.path("contactPhone"))));
        return rows;
    }

    private static String textOrEmpty(JsonNode value) {
        return value.isString() ? value.asString() : "";
    }

    @Test
    void aReadOnlyPartnerSeesTheFormDisabledAndCannotSave() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Read Roofing");
        UUID contact = contactOf(inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550008888", "Leak!"));
        WebSession partner = fixture.partnerWorkingIn(account.id(), "read_only");
        Document page = partner.get("/contacts/" + contact).document();
        assertThat(page.select("h1").text()).isEqualTo("+15550008888");
        var locked = page.select("form[action$='" + contact + "'] fieldset.work");
        assertThat(locked.hasAttr("disabled")).as("the form is shown, disabled").isTrue();
        assertThat(locked.attr("title")).isEqualTo(PartnerAccess.READ_ONLY_REASON);
        assertThat(locked.select("#contact-name")).hasSize(1);
        assertThat(partner.get("/contacts").document().select("a:containsOwn(Export CSV)")).isEmpty();
        String before = row(contact);
        assertThat(partner.post("/contacts/" + contact, Map.of("name", "Changed", "phone", "+15550008888")).status()).isEqualTo(403);
        assertThat(partner.api("GET", "/api/v1/contacts/export.csv", null).status()).isEqualTo(403);
        assertThat(row(contact)).isEqualTo(before);
    }

    @Test
    void theExportQuotesDefusesStreamsInBatchesAndStaysInsideTheActorsProfiles() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Export Eateries");
        UUID east = fixture.addProfile(account, "East Side");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", east);
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());

        UUID tricky = contactOf(inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550010001", "Table for two?"));
        databaseOwner().sql("""
                        UPDATE contacts SET name = '=HYPERLINK("http://evil.example","Click")', email = 'a@example.com',
                        notes = E'Allergic to nuts, \"really\"\\nSecond line' WHERE id = :k""").param("k", tricky).update();
        UUID closed = inbox.receiveInbound(account.id(), east, "+15550010002", "Catering?");
        databaseOwner().sql("""
                        UPDATE conversations SET state = 'closed', outcome = 'lost', last_activity_at = last_activity_at - interval '1 hour'
                        WHERE id = :c""").param("c", closed).update();
        inbox.receiveInbound(account.id(), east, "+15550010002", "Catering again?");
        databaseOwner().sql("UPDATE contacts SET name = 'Carl Caterer' WHERE id = :k").param("k", contactOf(closed)).update();
        // More than one batch of the export (500), with equal names across the batch's edge.
        insertContacts(account.id(), east, 520);

        WebSession.Page export = account.owner().session().get("/api/v1/contacts/export.csv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(export.header("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"contacts-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv\"");
        assertThat(export.body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"");
        List<List<String>> rows = CsvReading.parse(export.body());
        assertThat(rows.get(0)).containsExactly("Name", "Phone", "Email", "Notes", "Profile", "Conversations", "Latest state",
                "Latest activity (UTC)");
        assertThat(rows).hasSize(1 + 2 + 520);
        assertThat(rows.stream().skip(1).map(r -> r.get(1)).toList()).doesNotHaveDuplicates();
        List<String> trickyRow = rows.stream().filter(r -> r.get(1).equals("'+15550010001")).findFirst().orElseThrow();
        assertThat(trickyRow.subList(0, 7)).containsExactly("'=HYPERLINK(\"http://evil.example\",\"Click\")", "'+15550010001",
                "a@example.com", "Allergic to nuts, \"really\"\nSecond line", "Export Eateries", "1", "New");
        List<String> carl = rows.stream().filter(r -> r.get(0).equals("Carl Caterer")).findFirst().orElseThrow();
        assertThat(carl.subList(4, 7)).containsExactly("East Side", "2", "New");
        assertThat(carl.get(7)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        // The admin of East Side only: its contacts, none of the first profile's.
        List<List<String>> adminRows = CsvReading.parse(admin.session().get("/api/v1/contacts/export.csv").body());
        assertThat(adminRows).hasSize(1 + 1 + 520);
        assertThat(adminRows.stream().skip(1).map(r -> r.get(4)).distinct().toList()).containsExactly("East Side");
        assertThat(admin.session().get("/contacts").document().select("a:containsOwn(Export CSV)").attr("href"))
                .isEqualTo("/api/v1/contacts/export.csv");

        // Team members don't export (PERMISSIONS.md row 21), and see no link.
        WebSession.Page refused = member.session().api("GET", "/api/v1/contacts/export.csv", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("HYPERLINK");
        assertThat(member.session().get("/contacts").document().select("a:containsOwn(Export CSV)")).isEmpty();
    }

    /** Contacts written straight in: names repeat every seven, phones +1666000000 upwards. */
    private void insertContacts(UUID accountId, UUID profileId, int count) {
        databaseOwner().sql("""
                        INSERT INTO contacts (id, account_id, profile_id, name, phone, created_at)
                        SELECT gen_random_uuid(), :a, :p, 'Bulk ' || (n % 7), '+1666' || lpad(n::text, 7, '0'), :now
                        FROM generate_series(1, :count) AS n""")
                .param("a", accountId).param("p", profileId).param("count", count).param("now", Timestamp.from(Instant.now())).update();
    }

    private UUID contactOf(UUID conversation) {
        return databaseOwner().sql("SELECT contact_id FROM conversations WHERE id = :c").param("c", conversation).query(UUID.class).single();
    }

    private String row(UUID contact) {
        return databaseOwner().sql("SELECT concat_ws('|', name, phone, email, notes) FROM contacts WHERE id = :k").param("k", contact)
                .query(String.class).single();
    }

}
