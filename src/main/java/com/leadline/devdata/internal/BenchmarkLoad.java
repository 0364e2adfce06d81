package com.leadline.devdata.internal;

import static com.leadline.devdata.internal.BenchmarkData.ADMINS;
import static com.leadline.devdata.internal.BenchmarkData.ADMIN_EMAIL;
import static com.leadline.devdata.internal.BenchmarkData.CONTACTS;
import static com.leadline.devdata.internal.BenchmarkData.CONVERSATIONS;
import static com.leadline.devdata.internal.BenchmarkData.MEMBER_EMAIL;
import static com.leadline.devdata.internal.BenchmarkData.OWNER_EMAIL;
import static com.leadline.devdata.internal.BenchmarkData.PROFILES;
import static com.leadline.devdata.internal.BenchmarkData.USERS;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One load of the benchmark's account, in the caller's transaction as the database owner: each step a
 * set-based statement over the temporary tables of the steps before (numbered rows: profile p, user u,
 * contact k, conversation i). {@link BenchmarkData} says what the data is.
 */
final class BenchmarkLoad {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkLoad.class);

    /** About 25 messages a sentence, so that a word in only one sentence is in a few dozen messages. */
    static final int SENTENCES = 200_000;

    private final JdbcClient owner;
    private final UUID account = UUID.randomUUID();
    private final Timestamp at;

    BenchmarkLoad(JdbcClient owner, Timestamp at) {
        this.owner = owner;
        this.at = at;
    }

    void run(String passwordHash) {
        // A data import: foreign keys are satisfied by construction, so their per-row triggers are skipped.
        owner.sql("SET LOCAL session_replication_role = replica").update();
        owner.sql("SET LOCAL work_mem = '256MB'").update();
        owner.sql("INSERT INTO accounts (id, name, created_at) VALUES (:id, 'Bench Dental Group', :at)")
                .param("id", account).param("at", at).update();
        profiles();
        users(passwordHash);
        memberships();
        contacts();
        sentences();
        conversations();
        messages();
        unreadFlags();
    }

    private void profiles() {
        step("profiles", """
                CREATE TEMP TABLE bench_profiles ON COMMIT DROP AS
                SELECT p, gen_random_uuid() AS id FROM generate_series(0, %d) p""".formatted(PROFILES - 1));
        owner.sql("""
                        INSERT INTO profiles (id, account_id, name, timezone, created_at)
                        SELECT id, :a, 'Bench Dental ' || lpad((p + 1)::text, 3, '0'), 'America/New_York', :at FROM bench_profiles""")
                .param("a", account).param("at", at).update();
    }

    /** User 0 is the owner, 1..50 admins, the rest team members. */
    private void users(String passwordHash) {
        step("users", """
                CREATE TEMP TABLE bench_users ON COMMIT DROP AS
                SELECT u, gen_random_uuid() AS id,
                       CASE WHEN u = 0 THEN 'owner' WHEN u <= %d THEN 'admin' ELSE 'member' END AS role
                FROM generate_series(0, %d) u""".formatted(ADMINS, USERS - 1));
        owner.sql("""
                        INSERT INTO users (id, account_id, email, name, password_hash, status, created_at, password_changed_at)
                        SELECT id, :a,
                               CASE u WHEN 0 THEN :owner WHEN 1 THEN :admin WHEN %d THEN :member
                                      ELSE 'user' || u || '@bench.leadline.local' END,
                               initcap(role) || ' ' || u, :hash, 'active', :at, :at
                        FROM bench_users""".formatted(ADMINS + 1))
                .param("a", account).param("owner", OWNER_EMAIL).param("admin", ADMIN_EMAIL).param("member", MEMBER_EMAIL)
                .param("hash", passwordHash).param("at", at).update();
        owner.sql("INSERT INTO account_members (account_id, user_id, role, created_at) SELECT :a, id, role, :at FROM bench_users")
                .param("a", account).param("at", at).update();
        owner.sql("""
                        INSERT INTO billing_accounts (account_id, owner_user_id, company_name, billing_email, created_at)
                        SELECT :a, id, 'Bench Dental Group', :e, :at FROM bench_users WHERE u = 0""")
                .param("a", account).param("e", OWNER_EMAIL).param("at", at).update();
    }

    /**
     * Admin u works in 5 + u % 16 consecutive profiles (the first admin in 20), a member in 1 to 3 spread out
     * (the first member in 2); the owner works in every profile without memberships, as in the product.
     */
    private void memberships() {
        step("memberships", """
                CREATE TEMP TABLE bench_memberships ON COMMIT DROP AS
                SELECT DISTINCT u.u, u.id AS user_id, u.role, (CASE WHEN u.role = 'admin' THEN u.u * 7 + j ELSE u.u * 37 + j * 41 END) %% %1$d AS p
                FROM bench_users u
                CROSS JOIN LATERAL generate_series(0, CASE WHEN u.u = 1 THEN 19 WHEN u.role = 'admin' THEN 4 + u.u %% 16
                                                           WHEN u.u = %2$d THEN 1 ELSE u.u %% 3 END) j
                WHERE u.role <> 'owner'""".formatted(PROFILES, ADMINS + 1));
        owner.sql("""
                        INSERT INTO profile_memberships (account_id, profile_id, user_id, created_at)
                        SELECT :a, p.id, m.user_id, :at FROM bench_memberships m JOIN bench_profiles p ON p.p = m.p""")
                .param("a", account).param("at", at).update();
        step("workers", """
                CREATE TEMP TABLE bench_workers ON COMMIT DROP AS
                SELECT p, user_id, row_number() OVER (PARTITION BY p ORDER BY u) - 1 AS n, count(*) OVER (PARTITION BY p) AS workers
                FROM bench_memberships""");
        owner.sql("CREATE INDEX ON bench_workers (p, n)").update();
    }

    private void contacts() {
        step("contacts", """
                CREATE TEMP TABLE bench_contacts ON COMMIT DROP AS
                SELECT k, gen_random_uuid() AS id, k %% %d AS p FROM generate_series(0, %d) k""".formatted(PROFILES, CONTACTS - 1));
        owner.sql("""
                        INSERT INTO contacts (id, account_id, profile_id, name, phone, email, created_at)
                        SELECT k.id, :a, p.id,
                               (ARRAY['Olivia','Liam','Emma','Lucas','Ava','Mateo','Sofia','Ethan','Mia','Leo','Zoe','Omar'])[1 + k.k % 12]
                               || ' ' || (ARRAY['Garcia','Smith','Chen','Okafor','Novak','Silva','Kim','Rossi','Dubois','Patel','Haddad'])[1 + (k.k / 12) % 11],
                               '+1555' || lpad(k.k::text, 7, '0'),
                               CASE WHEN k.k % 3 = 0 THEN 'lead' || k.k || '@example.com' END,
                               CAST(:at AS timestamptz) - make_interval(days => 730) * ((k.k % 997) / 997.0)
                        FROM bench_contacts k JOIN bench_profiles p ON p.p = k.p""")
                .param("a", account).param("at", at).update();
    }

    /**
     * Conversation i: the lower i, the newer (activity density grows towards now); the newest 3% are new,
     * the next 15% open. Its contact is i % CONTACTS (the same profile), so a contact has at most one live one.
     */
    private void conversations() {
        step("conversations", """
                CREATE TEMP TABLE bench_conversations ON COMMIT DROP AS
                SELECT c.i, gen_random_uuid() AS id, c.i %% %1$d AS p, c.i %% %2$d AS k, c.state,
                       now() - make_interval(days => 730) * power((c.i + random()) / %3$d, 1.5) AS last_activity_at,
                       CASE WHEN (c.state = 'new' AND (c.i / %1$d) %% 10 < 7) OR (c.state = 'open' AND (c.i / %1$d) %% 10 = 0)
                                 OR (c.state = 'closed' AND (c.i / %1$d) %% 20 = 0) THEN NULL
                            ELSE (SELECT w.user_id FROM bench_workers w
                                  WHERE w.p = c.i %% %1$d AND w.n = ((c.i / %1$d) * 7 + c.i / 7919) %% w.workers) END AS assignee_id,
                       1 + c.i %% 9 + CASE WHEN c.i < 4 THEN 1 ELSE 0 END AS messages
                FROM (SELECT i, CASE WHEN i < %4$d THEN 'new' WHEN i < %5$d THEN 'open' ELSE 'closed' END AS state
                      FROM generate_series(0, %6$d) i) c""".formatted(PROFILES, CONTACTS, CONVERSATIONS,
                CONVERSATIONS * 3 / 100, CONVERSATIONS * 18 / 100, CONVERSATIONS - 1));
        owner.sql("""
                        INSERT INTO conversations (id, account_id, profile_id, contact_id, contact_name, contact_phone, contact_email,
                                                   state, outcome, assignee_id, last_activity_at, preview, created_at, search_words)
                        SELECT c.id, :a, p.id, k.id, contact.name, contact.phone, contact.email, c.state,
                               CASE WHEN c.state = 'closed' THEN (ARRAY['won','lost','lost','other'])[1 + c.i %% 4] END,
                               c.assignee_id, c.last_activity_at,
                               left(latest.body, 160),
                               c.last_activity_at - make_interval(mins => 7 * c.messages),
                               (SELECT inbox_words(string_agg(s.body, ' ')) FROM generate_series(1, c.messages) m
                                JOIN bench_sentences s ON s.n = %s)
                        FROM bench_conversations c JOIN bench_profiles p ON p.p = c.p JOIN bench_contacts k ON k.k = c.k
                        JOIN contacts contact ON contact.id = k.id
                        JOIN bench_sentences latest ON latest.n = %s
                        ORDER BY c.id""".formatted(sentenceOf("c.i", "m"), sentenceOf("c.i", "c.messages")))
                .param("a", account).update();
    }

    /**
     * A new conversation has only the lead's messages; the others alternate lead and team, and end with the team.
     * Message m of conversation i says sentence {@link #sentenceOf} of the pool.
     */
    private void messages() {
        step("messages", """
                INSERT INTO messages (id, account_id, conversation_id, kind, author_id, body, created_at)
                SELECT gen_random_uuid(), '%s', c.id,
                       CASE WHEN c.state = 'new' OR (c.messages - m) %% 2 = 1 THEN 'inbound'
                            WHEN m = 2 AND c.i %% 5 = 0 THEN 'note' ELSE 'outbound' END,
                       CASE WHEN c.state = 'new' OR (c.messages - m) %% 2 = 1 THEN NULL
                            ELSE coalesce(c.assignee_id, (SELECT id FROM bench_users WHERE u = 0)) END,
                       s.body,
                       c.last_activity_at - make_interval(mins => 7 * (c.messages - m))
                FROM bench_conversations c CROSS JOIN LATERAL generate_series(1, c.messages) m
                JOIN bench_sentences s ON s.n = %s
                ORDER BY c.id, m""".formatted(account, sentenceOf("c.i", "m")));
    }

    /**
     * A pool of {@value #SENTENCES} sentences of {@link BenchmarkText}, which the messages draw from: made
     * in Java (where a unit test checks them) and sent in one parameter, one sentence a line.
     */
    private void sentences() {
        long started = System.nanoTime();
        BenchmarkText text = new BenchmarkText(BenchmarkText.SEED);
        StringBuilder lines = new StringBuilder(SENTENCES * 80);
        for (int n = 0; n < SENTENCES; n++) {
            lines.append(n == 0 ? "" : "\n").append(text.sentence(n));
        }
        int rows = owner.sql("""
                        CREATE TEMP TABLE bench_sentences ON COMMIT DROP AS
                        SELECT (n - 1)::int AS n, body FROM unnest(string_to_array(:lines, E'\\n')) WITH ORDINALITY s(body, n)""")
                .param("lines", lines.toString()).update();
        owner.sql("ALTER TABLE bench_sentences ADD PRIMARY KEY (n)").update();
        log.info("Benchmark data: sentences ({} rows) in {} ms", rows, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * The pool's sentence for message m of conversation i: a hash of both, so that neighbouring messages
     * differ and two generations agree.
     */
    private static String sentenceOf(String conversation, String message) {
        return "(hashint8extended(%s::bigint * 16 + %s, %d) & 9223372036854775807) %% %d"
                .formatted(conversation, message, BenchmarkText.SEED, SENTENCES);
    }

    /**
     * Live conversations of the last three days are unread for a share of their profile's people: most team
     * members haven't read them yet, admins have read more, the owner most (reading clears the flag).
     */
    private void unreadFlags() {
        step("unread flags", """
                INSERT INTO conversation_unread (user_id, conversation_id, account_id)
                SELECT v.user_id, c.id, '%s'
                FROM bench_conversations c
                JOIN (SELECT p, user_id, role FROM bench_memberships
                      UNION ALL SELECT p.p, u.id, u.role FROM bench_profiles p CROSS JOIN bench_users u WHERE u.u = 0) v ON v.p = c.p
                WHERE c.state <> 'closed' AND c.last_activity_at > now() - interval '3 days'
                  AND (hashtext(v.user_id::text || c.id::text) & 2147483647) %% 100
                      < CASE v.role WHEN 'member' THEN 60 WHEN 'admin' THEN 35 ELSE 10 END""".formatted(account));
    }

    private void step(String what, String sql) {
        long started = System.nanoTime();
        int rows = owner.sql(sql).update();
        log.info("Benchmark data: {} ({} rows) in {} ms", what, rows, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
