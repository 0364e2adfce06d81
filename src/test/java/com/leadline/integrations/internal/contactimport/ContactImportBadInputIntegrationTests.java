package com.leadline.integrations.internal.contactimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.BearerClient;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the contacts import refuses, each with a clear 4xx and nothing stored or imported: files that are not CSV
 * files of contacts, a file over its own size limit (while the rest of the API keeps its 64 KB cap and its
 * refusal of multipart bodies), mappings without a phone, profiles the admin may not import into, another
 * account's import, starting twice, and people without row 20's permission.
 */
class ContactImportBadInputIntegrationTests extends IntegrationTest {

    private static final String IMPORTS = "/api/v1/contacts/imports";
    private static final String SMALL = "Name,Phone\nAda,+14155550100\n";

    @Test
    void filesThatAreNotCsvFilesOfContactsAreRefusedWithWhatToDoAndNothingIsStored() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Refused Files");
        WebSession owner = account.owner().session();
        Map<String, byte[]> refused = new java.util.LinkedHashMap<>();
        refused.put("is empty", new byte[0]);
        refused.put("has a header row but no contacts", "Name,Phone\r\n".getBytes(StandardCharsets.UTF_8));
        refused.put("has no header row", "\n\n".getBytes(StandardCharsets.UTF_8));
        refused.put("binary data", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        refused.put("not text in UTF-8", "Name,Phone\nJos\u00e9,+14155550100\n".getBytes(StandardCharsets.ISO_8859_1));
        refused.put("columns; a file may have up to 50", ("Phone" + ",x".repeat(60) + "\n+14155550100\n").getBytes(StandardCharsets.UTF_8));
        refused.put("is longer than 20,000 characters", ("Name,Phone\n" + "a".repeat(20_001) + ",+14155550100\n").getBytes(StandardCharsets.UTF_8));
        refused.put("a quoted cell is not closed", "Name,Phone\n\"Ada,+14155550100\n".getBytes(StandardCharsets.UTF_8));
        refused.forEach((why, bytes) -> {
            WebSession.Page answer = owner.apiRaw("POST", IMPORTS, "text/csv", bytes);
            assertThat(answer.status()).as(why + ": " + answer.body()).isEqualTo(422);
            assertThat(WebSession.json(answer).get("errors").get("file").asString()).as(why).contains(why);
        });
        WebSession.Page json = owner.apiRaw("POST", IMPORTS, "application/json", "{\"phone\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(json.status()).as("not text/csv").isEqualTo(415);

        owner.get("/contacts/import");
        WebSession.Page pdf = owner.upload("/contacts/import", "file", "contacts.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8));
        assertThat(pdf.status()).isEqualTo(422);
        assertThat(pdf.document().select(".field-error").text()).contains("Choose a .csv file");
        assertThat(pdf.document().select("h1").text()).isEqualTo("Import contacts");
        WebSession.Page empty = owner.upload("/contacts/import", "file", "contacts.csv", "text/csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.document().select("#import-file-error").text()).contains("The file is empty");
        assertThat(storedImports(account.id())).isZero();
    }

    @Test
    void theImportTakesFilesOverTheApisBodyCapUpToItsOwnLimitWhileEveryOtherRouteKeepsTheCapAndRefusesMultipart() throws Exception {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Size Limits");
        WebSession owner = account.owner().session();
        StringBuilder big = new StringBuilder("Name,Phone\n");
        for (int i = 0; big.length() < 200_000; i++) {
            big.append("Person ").append(i).append(",+1415").append(4_000_000 + i).append('\n');
        }
        byte[] overTheCap = big.toString().getBytes(StandardCharsets.UTF_8);
        WebSession.Page api = owner.apiRaw("POST", IMPORTS, "text/csv", overTheCap);
        assertThat(api.status()).as("a 200 KB file, over the 64 KB cap, on the import's route").isEqualTo(201);
        owner.get("/contacts/import");
        WebSession.Page page = owner.upload("/contacts/import", "file", "big.csv", "text/csv", overTheCap);
        assertThat(page.status()).as("the page's upload too").isEqualTo(302);
        assertThat(storedImports(account.id())).isEqualTo(2);

        // Over the import's own limit (20 MB): 413 on the headers alone, before the body is sent, and nothing stored.
        long overLimit = 20L * 1024 * 1024 + 1;
        assertThat(statusOfHeadersAlone(owner, IMPORTS, "text/csv", overLimit)).startsWith("HTTP/1.1 413");
        assertThat(statusOfHeadersAlone(owner, "/contacts/import", "multipart/form-data; boundary=x", overLimit + 64 * 1024))
                .startsWith("HTTP/1.1 413");
        assertThat(statusOfHeadersAlone(owner, IMPORTS, "text/csv", 20L * 1024 * 1024))
                .as("at the limit, the server waits for the body").isEqualTo("no answer yet");
        assertThat(storedImports(account.id())).isEqualTo(2);

        // Every other route keeps the 64 KB cap, and the refusal of multipart bodies.
        UUID contact = UUID.randomUUID();
        databaseOwner().sql("INSERT INTO contacts (id, account_id, profile_id, name, created_at) VALUES (:id, :a, :p, 'Capped', now())")
                .param("id", contact).param("a", account.id()).param("p", account.firstProfileId()).update();
        WebSession.Page capped = owner.api("PUT", "/api/v1/contacts/" + contact,
                Map.of("name", "Capped", "phone", "+14155550199", "email", "", "notes", "n".repeat(70_000)));
        assertThat(capped.status()).isEqualTo(413);
        owner.get("/contacts/" + contact);
        WebSession.Page multipart = owner.upload("/contacts/" + contact, "file", "small.csv", "text/csv", SMALL.getBytes(StandardCharsets.UTF_8));
        assertThat(multipart.status()).isEqualTo(415);
        WebSession.Page apiMultipart = owner.send(HttpRequest.newBuilder(owner.uri(IMPORTS + "/" + UUID.randomUUID() + "/start"))
                .header("Content-Type", "multipart/form-data; boundary=x").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")));
        assertThat(apiMultipart.status()).isEqualTo(415);
    }

    @Test
    void startingIsRefusedWithoutAPhoneColumnIntoAProfileTheAdminMayNotUseOrTwice() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Start Rules");
        UUID otherProfile = fixture.addProfile(account, "Start Rules East");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", account.firstProfileId());
        TeamFixture.Account elsewhere = fixture.openAccount("Start Elsewhere");
        String id = upload(admin.session(), SMALL);
        String start = IMPORTS + "/" + id + "/start";

        WebSession.Page noPhone = admin.session().api("POST", start,
                Map.of("profileId", account.firstProfileId().toString(), "mapping", Map.of("name", 0)));
        assertThat(noPhone.status()).isEqualTo(422);
        assertThat(WebSession.json(noPhone).get("errors").get("phone").asString()).contains("Choose the column with the phone numbers");
        WebSession.Page sameColumn = admin.session().api("POST", start,
                Map.of("profileId", account.firstProfileId().toString(), "mapping", Map.of("phone", 1, "name", 1)));
        assertThat(WebSession.json(sameColumn).get("errors").get("name").asString()).contains("already chosen");
        WebSession.Page outOfFile = admin.session().api("POST", start,
                Map.of("profileId", account.firstProfileId().toString(), "mapping", Map.of("phone", 7)));
        assertThat(WebSession.json(outOfFile).get("errors").get("phone").asString()).contains("Choose one of the file's columns");
        for (UUID notTheirs : new UUID[] {otherProfile, elsewhere.firstProfileId(), UUID.randomUUID()}) {
            WebSession.Page refused = admin.session().api("POST", start, Map.of("profileId", notTheirs.toString(), "mapping", Map.of("phone", 1)));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(WebSession.json(refused).get("errors").get("profileId").asString()).contains("Choose one of your profiles");
        }
        assertThat(databaseOwner().sql("SELECT status FROM contact_imports WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("uploaded");

        Map<String, Object> good = Map.of("profileId", account.firstProfileId().toString(), "mapping", Map.of("phone", 1, "name", 0));
        assertThat(admin.session().api("POST", start, good).status()).isEqualTo(202);
        WebSession.Page twice = admin.session().api("POST", start, good);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(WebSession.json(twice).get("detail").asString()).isEqualTo("This import has already started.");
        JsonNode done = ContactImportIntegrationTests.waitUntilDone(admin.session(), id);
        assertThat(done.get("counts").get("created").asInt()).isEqualTo(1);
        assertThat(account.owner().session().api("GET", IMPORTS + "/" + id, null).status())
                .as("the owner sees an import into a profile they work in").isEqualTo(200);
    }

    @Test
    void anotherAccountsImportIsUnknownAndTeamMembersAndReadOnlyPartnersMayNotImport() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Import Owners");
        TeamFixture.Account other = fixture.openAccount("Import Strangers");
        String id = upload(account.owner().session(), SMALL);
        WebSession stranger = other.owner().session();
        assertThat(stranger.api("GET", IMPORTS + "/" + id, null).status()).isEqualTo(404);
        assertThat(stranger.api("GET", IMPORTS + "/" + id + "/errors.csv", null).status()).isEqualTo(404);
        assertThat(stranger.api("POST", IMPORTS + "/" + id + "/start",
                Map.of("profileId", other.firstProfileId().toString(), "mapping", Map.of("phone", 1))).status()).isEqualTo(404);
        assertThat(stranger.get("/contacts/import/" + id).status()).isEqualTo(404);
        String token = WebSession.json(stranger.api("POST", "/api/v1/tokens", Map.of("name", "Import tool", "expiresInDays", 7)))
                .get("token").asString();
        assertThat(BearerClient.withToken(port, token).get(IMPORTS + "/" + id).status()).isEqualTo(404);

        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        WebSession readOnly = fixture.partnerWorkingIn(account.id(), "read_only");
        for (WebSession refused : new WebSession[] {member.session(), readOnly}) {
            assertThat(refused.apiRaw("POST", IMPORTS, "text/csv", SMALL.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
            assertThat(refused.get("/contacts/import").status()).isEqualTo(403);
            assertThat(refused.get("/contacts").document().select("a[href=/contacts/import]")).as("no link to it").isEmpty();
        }
        assertThat(account.owner().session().get("/contacts").document().select("a[href=/contacts/import]").text()).isEqualTo("Import CSV");
        assertThat(storedImports(account.id())).isEqualTo(1);
    }

    /** The status line the server answers to a request's headers declaring this length, with only a few bytes of body sent. */
    private String statusOfHeadersAlone(WebSession session, String path, String contentType, long length) throws java.io.IOException {
        JsonNode me = WebSession.json(session.get("/api/v1/session"));
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(3_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Cookie: " + WebSession.SESSION_COOKIE + "=" + session.sessionId().orElseThrow() + "\r\n"
                    + me.get("csrfHeader").asString() + ": " + me.get("csrfToken").asString() + "\r\n"
                    + "Content-Type: " + contentType + "\r\nAccept: application/json\r\n"
                    + "Content-Length: " + length + "\r\n\r\nName,Phone\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            try {
                return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                        .readLine();
            } catch (java.net.SocketTimeoutException waiting) {
                return "no answer yet";
            }
        }
    }

    private String upload(WebSession session, String csv) {
        WebSession.Page uploaded = session.apiRaw("POST", IMPORTS, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return WebSession.json(uploaded).get("id").asString();
    }

    private int storedImports(UUID accountId) {
        return databaseOwner().sql("SELECT count(*) FROM contact_imports WHERE account_id = :a").param("a", accountId)
                .query(Integer.class).single();
    }
}
