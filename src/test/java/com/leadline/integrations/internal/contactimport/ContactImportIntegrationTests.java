package com.leadline.integrations.internal.contactimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.CsvReading;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The contacts import end to end over HTTP (issue 18 point 6): a generated file of 50,000 rows with bad rows of
 * every kind and rows of contacts the profile already has, imported in the background with exact counts, the
 * bad rows reported by their row numbers, and a second import of the same file creating nothing; a worker that
 * stopped mid-import resumed after its last committed batch.
 */
class ContactImportIntegrationTests extends IntegrationTest {

    private static final String IMPORTS = "/api/v1/contacts/imports";

    @Autowired
    private ContactImportWorker worker;

    /** What the generated file should do, row by row. */
    private record Expected(int created, int updated, int failed, Map<Integer, String> problems, Map<Integer, Integer> duplicateOf,
                            List<String> existingPhones) {
    }

    @Test
    void aFileOf50000RowsImportsWithExactCountsReportsBadRowsByNumberAndImportedAgainCreatesNothing() {
        long seed = Long.getLong("leadline.import-seed", System.nanoTime());
        System.out.println("Contacts import test seed: " + seed + " (rerun with -Dleadline.import-seed=" + seed + ")");
        Random random = new Random(seed);
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Import Motors");
        WebSession owner = account.owner().session();

        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            existing.add("+1650" + (2_000_000 + i));
        }
        var db = databaseOwner();
        db.sql("""
                        INSERT INTO contacts (id, account_id, profile_id, name, phone, notes, created_at)
                        SELECT gen_random_uuid(), :a, :p, 'Old Name ' || n, phone, 'Kept notes', now()
                        FROM unnest(CAST(:phones AS text[])) WITH ORDINALITY AS e(phone, n)""")
                .param("a", account.id()).param("p", account.firstProfileId()).param("phones", existing.toArray(String[]::new)).update();

        StringBuilder file = new StringBuilder("\uFEFFFull name,Mobile,E-mail,Notes,Source\r\n");
        Expected expected = generate(random, 50_000, existing, file);
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        System.out.printf("Contacts import test file: %,d bytes%n", bytes.length);

        long began = System.nanoTime();
        JsonNode uploaded = upload(owner, bytes);
        assertThat(uploaded.get("totalRows").asInt()).isEqualTo(50_000);
        assertThat(uploaded.get("header").toString()).isEqualTo("[\"Full name\",\"Mobile\",\"E-mail\",\"Notes\",\"Source\"]");
        assertThat(uploaded.get("suggestedMapping").toString()).isEqualTo("{\"phone\":1,\"name\":0,\"email\":2,\"notes\":3}");
        assertThat(uploaded.get("previewRows")).hasSize(ContactImportService.PREVIEW_ROWS);
        String id = uploaded.get("id").asString();
        JsonNode done = startAndWait(owner, id, account.firstProfileId());
        long firstMillis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf("Contacts import of 50,000 rows (upload, start, done): %,d ms%n", firstMillis);

        JsonNode counts = done.get("counts");
        assertThat(counts.get("processed").asInt()).isEqualTo(50_000);
        assertThat(counts.get("created").asInt()).as("seed " + seed).isEqualTo(expected.created());
        assertThat(counts.get("updated").asInt()).as("seed " + seed).isEqualTo(expected.updated());
        assertThat(counts.get("unchanged").asInt()).isZero();
        assertThat(counts.get("failed").asInt()).as("seed " + seed).isEqualTo(expected.failed());
        assertThat(done.get("firstErrors")).hasSize(ContactImportService.FIRST_PROBLEMS);

        // Every bad row, by its row number in the file, with its field; duplicates name the row they repeat.
        List<List<String>> errors = CsvReading.parse(owner.get(IMPORTS + "/" + id + "/errors.csv").body());
        assertThat(errors.get(0)).containsExactly("Row", "Field", "Problem", "Value");
        Map<Integer, String> reported = new java.util.TreeMap<>();
        for (List<String> row : errors.subList(1, errors.size())) {
            reported.put(Integer.valueOf(row.get(0)), row.get(1));
            Integer original = expected.duplicateOf().get(Integer.valueOf(row.get(0)));
            if (original != null) {
                assertThat(row.get(2)).isEqualTo("The same phone number as row " + original + ".");
            }
        }
        assertThat(reported).as("seed " + seed).isEqualTo(expected.problems());

        // Existing contacts were updated, not duplicated: one contact per phone, the file's name and email, their notes kept.
        assertThat(db.sql("SELECT count(*) FROM contacts WHERE profile_id = :p").param("p", account.firstProfileId())
                .query(Integer.class).single()).isEqualTo(2_000 + expected.created());
        assertThat(db.sql("SELECT count(DISTINCT phone) FROM contacts WHERE profile_id = :p").param("p", account.firstProfileId())
                .query(Integer.class).single()).isEqualTo(2_000 + expected.created());
        String updatedPhone = expected.existingPhones().get(0);
        Map<String, Object> updated = db.sql("SELECT name, email, notes FROM contacts WHERE profile_id = :p AND phone = :phone")
                .param("p", account.firstProfileId()).param("phone", updatedPhone).query().singleRow();
        assertThat(updated.get("name")).isEqualTo("Imported " + updatedPhone);
        assertThat(updated.get("email")).isEqualTo("k" + updatedPhone.substring(1) + "@example.com");
        assertThat(updated.get("notes")).as("an empty Notes cell leaves the contact's notes").isEqualTo("Kept notes");

        // The same file again: nothing new, nothing changed.
        began = System.nanoTime();
        JsonNode again = startAndWait(owner, upload(owner, bytes).get("id").asString(), account.firstProfileId());
        System.out.printf("Contacts import of the same 50,000 rows again: %,d ms%n", (System.nanoTime() - began) / 1_000_000);
        assertThat(again.get("counts").get("created").asInt()).isZero();
        assertThat(again.get("counts").get("updated").asInt()).isZero();
        assertThat(again.get("counts").get("unchanged").asInt()).isEqualTo(expected.created() + expected.updated());
        assertThat(again.get("counts").get("failed").asInt()).isEqualTo(expected.failed());
        assertThat(db.sql("SELECT count(*) FROM contacts WHERE profile_id = :p").param("p", account.firstProfileId())
                .query(Integer.class).single()).isEqualTo(2_000 + expected.created());

        assertThat(db.sql("""
                        SELECT action || ' ' || coalesce(details ->> 'created', '-') FROM audit_log
                        WHERE account_id = :a AND target_id = :id ORDER BY id""")
                .param("a", account.id()).param("id", id).query(String.class).list())
                .containsExactly("contact_import.started -", "contact_import.finished " + expected.created());
    }

    /** Rows of every kind, in random order, appended to {@code file}; what importing them should give. */
    private static Expected generate(Random random, int rows, List<String> existing, StringBuilder file) {
        List<String> unmatched = new ArrayList<>(existing);
        Collections.shuffle(unmatched, random);
        List<String> matched = new ArrayList<>();
        Map<Integer, String> problems = new java.util.TreeMap<>();
        Map<Integer, Integer> duplicateOf = new java.util.HashMap<>();
        List<int[]> accepted = new ArrayList<>();
        List<String> acceptedPhones = new ArrayList<>();
        int created = 0;
        int updated = 0;
        long fresh = 4_152_000_000L;
        for (int r = 0; r < rows; r++) {
            int number = r + 2;
            int dice = random.nextInt(1000);
            String name = "Lead " + number;
            String phone;
            String email = "";
            if (dice < 10) {
                phone = random.nextBoolean() ? "12ab" : "555";
                problems.put(number, "phone");
            } else if (dice < 20) {
                phone = "";
                problems.put(number, "phone");
            } else if (dice < 25) {
                phone = "+1" + fresh++;
                name = "N".repeat(201);
                problems.put(number, "name");
            } else if (dice < 28) {
                phone = "+1" + fresh++;
                email = "not-an-email";
                problems.put(number, "email");
            } else if (dice < 38 && !acceptedPhones.isEmpty()) {
                int pick = random.nextInt(acceptedPhones.size());
                String e164 = acceptedPhones.get(pick);
                // The same number as written another way: national, with spaces.
                phone = "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
                problems.put(number, "phone");
                duplicateOf.put(number, accepted.get(pick)[0]);
            } else if (dice < 80 && !unmatched.isEmpty()) {
                phone = unmatched.remove(unmatched.size() - 1);
                matched.add(phone);
                name = "Imported " + phone;
                email = "k" + phone.substring(1) + "@example.com";
                accepted.add(new int[] {number});
                acceptedPhones.add(phone);
                updated++;
            } else {
                phone = "+1" + fresh++;
                accepted.add(new int[] {number});
                acceptedPhones.add(phone);
                created++;
            }
            file.append(com.leadline.platform.Csv.row(List.of(name, phone, email, "", "fair " + (number % 7))));
        }
        return new Expected(created, updated, problems.size(), problems, duplicateOf, matched);
    }

    private JsonNode upload(WebSession session, byte[] bytes) {
        WebSession.Page uploaded = session.apiRaw("POST", IMPORTS, "text/csv", bytes);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return WebSession.json(uploaded);
    }

    private static JsonNode startAndWait(WebSession session, String id, UUID profile) {
        WebSession.Page started = session.api("POST", IMPORTS + "/" + id + "/start",
                Map.of("profileId", profile.toString(), "mapping", Map.of("phone", 1, "name", 0, "email", 2, "notes", 3)));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return waitUntilDone(session, id);
    }

    static JsonNode waitUntilDone(WebSession session, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            JsonNode state = WebSession.json(session.api("GET", IMPORTS + "/" + id, null));
            if (state.get("status").asString().equals("done")) {
                return state;
            }
            assertThat(System.nanoTime()).as("the import is done in time: " + state).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void anImportWhoseWorkerStoppedMidwayIsResumedAfterItsLastCommittedBatchOnTheNextPoll() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Resume Motors");
        WebSession owner = account.owner().session();
        StringBuilder file = new StringBuilder("Name,Phone\n");
        for (int i = 0; i < 2_500; i++) {
            file.append("Person ").append(i).append(",+1415").append(3_000_000 + i).append('\n');
        }
        file.append("Again,+14153000005\n");
        String id = upload(owner, file.toString().getBytes(StandardCharsets.UTF_8)).get("id").asString();
        // As a worker that committed the first batch (1,000 rows, written here as it would have) and then stopped.
        var db = databaseOwner();
        db.sql("""
                        INSERT INTO contacts (id, account_id, profile_id, name, phone, created_at)
                        SELECT gen_random_uuid(), :a, :p, 'Committed ' || i, '+1415' || (3000000 + i), now() FROM generate_series(0, 999) i""")
                .param("a", account.id()).param("p", account.firstProfileId()).update();
        db.sql("""
                        UPDATE contact_imports SET status = 'running', profile_id = :p, started_by = :u, phone_column = 1, name_column = 0,
                               started_at = now(), next_record = 1000, processed = 1000, created = 1000,
                               claim_id = gen_random_uuid(), lease_until = :expired
                        WHERE id = :id""")
                .param("p", account.firstProfileId()).param("u", account.owner().id())
                .param("expired", Timestamp.from(clock.instant().minusSeconds(1))).param("id", UUID.fromString(id)).update();

        worker.runDue();
        JsonNode done = waitUntilDone(owner, id);

        assertThat(done.get("counts").toString())
                .isEqualTo("{\"processed\":2501,\"created\":2500,\"updated\":0,\"unchanged\":0,\"failed\":1}");
        assertThat(done.get("firstErrors").get(0).get("row").asInt()).isEqualTo(2_502);
        assertThat(done.get("firstErrors").get(0).get("message").asString()).isEqualTo("The same phone number as row 7.");
        assertThat(db.sql("SELECT count(*) FROM contacts WHERE profile_id = :p AND name LIKE 'Committed %'")
                .param("p", account.firstProfileId()).query(Integer.class).single())
                .as("the rows of the committed batch were not written again").isEqualTo(1_000);
        assertThat(db.sql("SELECT count(*) FROM contacts WHERE profile_id = :p").param("p", account.firstProfileId())
                .query(Integer.class).single()).isEqualTo(2_500);
    }
}
