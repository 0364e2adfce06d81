package com.leadline.devdata.internal;

import com.leadline.identity.Passwords;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local demo data: {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--leadline.demo=true} fills the
 * embedded database with a demo dental practice (three profiles, a team, contacts, conversations and
 * messages), once. Loaded with explicit SQL as the database owner, like a data import; never on an
 * external database. This module ({@code devdata}) is the one place that writes other modules' tables.
 */
@Component
@ConditionalOnProperty(name = {"leadline.demo", "leadline.embedded-database.active"}, havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String OWNER_EMAIL = "owner@demo.leadline.local";
    static final String PASSWORD = "demo leadline passphrase";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] PEOPLE = {"Alex Admin", "Maya Member", "Noah Member", "Priya Member", "Sam Admin"};
    private static final String[] PROFILES = {"Sunrise Dental Downtown", "Sunrise Dental Riverside", "Sunrise Dental Hill"};
    private static final String[] FIRST = {"Olivia", "Liam", "Emma", "Lucas", "Ava", "Mateo", "Sofia", "Ethan", "Mia", "Leo"};
    private static final String[] LAST = {"Garcia", "Smith", "Chen", "Okafor", "Novak", "Silva", "Kim", "Müller", "Rossi", "Dubois"};
    private static final String[] ASKS = {"Do you have an appointment this week?", "How much is a cleaning?",
            "Do you take my insurance?", "My tooth hurts since yesterday, can someone see me today?",
            "Can I move my appointment to Friday?", "Do you do whitening?", "Is parking available?"};

    private final Passwords passwords;
    private final Clock clock;
    private final JdbcClient owner;
    private final TransactionTemplate transactions;

    DemoData(Passwords passwords, Clock clock, DatabaseOwner databaseOwner) {
        this.passwords = passwords;
        this.clock = clock;
        this.owner = databaseOwner.jdbc();
        this.transactions = databaseOwner.transactions();
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (owner.sql("SELECT count(*) FROM users WHERE email = :e").param("e", OWNER_EMAIL).query(Integer.class).single() > 0) {
            log.info("Demo data is already there: sign in as {}", OWNER_EMAIL);
            return;
        }
        transactions.executeWithoutResult(status -> load(new Random(42)));
        log.info("Demo data loaded: sign in as {} with the password '{}' (team members: <first name>@demo.leadline.local)",
                OWNER_EMAIL, PASSWORD);
    }

    private void load(Random random) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        String hash = passwords.hash(PASSWORD);
        UUID account = UUID.randomUUID();
        owner.sql("INSERT INTO accounts (id, name, created_at) VALUES (:id, 'Sunrise Dental', :at)").param("id", account)
                .param("at", at).update();
        List<UUID> profiles = new ArrayList<>();
        for (String name : PROFILES) {
            UUID profile = UUID.randomUUID();
            owner.sql("INSERT INTO profiles (id, account_id, name, timezone, created_at) VALUES (:id, :a, :n, 'America/New_York', :at)")
                    .param("id", profile).param("a", account).param("n", name).param("at", at).update();
            profiles.add(profile);
        }
        UUID ownerId = user(account, OWNER_EMAIL, "Olga Owner", "owner", profiles.subList(0, 1), hash, at);
        owner.sql("""
                        INSERT INTO billing_accounts (account_id, owner_user_id, company_name, billing_email, created_at)
                        VALUES (:a, :o, 'Sunrise Dental', :e, :at)""")
                .param("a", account).param("o", ownerId).param("e", OWNER_EMAIL).param("at", at).update();
        List<UUID> team = new ArrayList<>();
        for (int i = 0; i < PEOPLE.length; i++) {
            String first = PEOPLE[i].split(" ")[0].toLowerCase();
            team.add(user(account, first + "@demo.leadline.local", PEOPLE[i], PEOPLE[i].endsWith("Admin") ? "admin" : "member",
                    i % 2 == 0 ? profiles : profiles.subList(i % 3, i % 3 + 1), hash, at));
        }
        for (int n = 0; n < 60; n++) {
            UUID profile = profiles.get(n % profiles.size());
            UUID contact = UUID.randomUUID();
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            String phone = "+1555" + (2000000 + n);
            owner.sql("""
                            INSERT INTO contacts (id, account_id, profile_id, name, phone, email, created_at)
                            VALUES (:id, :a, :p, :n, :phone, :email, :at)""")
                    .param("id", contact).param("a", account).param("p", profile).param("n", name)
                    .param("phone", phone).param("email", name.toLowerCase().replace(' ', '.') + "@example.com")
                    .param("at", at).update();
            Instant last = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 14)));
            String state = n % 5 == 0 ? "closed" : n % 3 == 0 ? "new" : "open";
            UUID assignee = state.equals("new") || random.nextInt(4) == 0 ? null : team.get(random.nextInt(team.size()));
            String ask = ASKS[random.nextInt(ASKS.length)];
            UUID conversation = UUID.randomUUID();
            owner.sql("""
                            INSERT INTO conversations (id, account_id, profile_id, contact_id, contact_name, contact_phone, state,
                                                       outcome, assignee_id, last_activity_at, preview, created_at)
                            VALUES (:id, :a, :p, :k, :name, :phone, :state, :outcome, :assignee, :last, :preview, :last)""")
                    .param("id", conversation).param("a", account).param("p", profile).param("k", contact)
                    .param("name", name).param("phone", phone).param("state", state)
                    .param("outcome", state.equals("closed") ? (random.nextBoolean() ? "won" : "lost") : null, java.sql.Types.VARCHAR)
                    .param("assignee", assignee, java.sql.Types.OTHER).param("last", Timestamp.from(last)).param("preview", ask)
                    .update();
            message(account, conversation, "inbound", null, ask, last.minusSeconds(120));
            if (!state.equals("new")) {
                message(account, conversation, "outbound", assignee == null ? ownerId : assignee,
                        "Thanks for reaching out! We'll get back to you shortly.", last);
            }
        }
        // New leads, and open ones with news from the last two days, are unread for everyone who works in their profile.
        owner.sql("""
                        INSERT INTO conversation_unread (user_id, conversation_id, account_id)
                        SELECT DISTINCT w.user_id, c.id, c.account_id FROM conversations c
                        JOIN (SELECT profile_id, user_id FROM profile_memberships WHERE account_id = :a
                              UNION SELECT p.id, :owner FROM profiles p WHERE p.account_id = :a) w ON w.profile_id = c.profile_id
                        WHERE c.account_id = :a AND (c.state = 'new' OR (c.state = 'open' AND c.last_activity_at > :recent))""")
                .param("a", account).param("owner", ownerId).param("recent", Timestamp.from(now.minus(Duration.ofDays(2)))).update();
    }

    private UUID user(UUID account, String email, String name, String role, List<UUID> profiles, String hash, Timestamp at) {
        UUID id = UUID.randomUUID();
        owner.sql("""
                        INSERT INTO users (id, account_id, email, name, password_hash, status, created_at, password_changed_at)
                        VALUES (:id, :a, :e, :n, :h, 'active', :at, :at)""")
                .param("id", id).param("a", account).param("e", email).param("n", name).param("h", hash).param("at", at).update();
        owner.sql("INSERT INTO account_members (account_id, user_id, role, created_at) VALUES (:a, :u, :r, :at)")
                .param("a", account).param("u", id).param("r", role).param("at", at).update();
        for (UUID profile : profiles) {
            owner.sql("INSERT INTO profile_memberships (account_id, profile_id, user_id, created_at) VALUES (:a, :p, :u, :at)")
                    .param("a", account).param("p", profile).param("u", id).param("at", at).update();
        }
        return id;
    }

    private void message(UUID account, UUID conversation, String kind, UUID author, String body, Instant at) {
        owner.sql("""
                        INSERT INTO messages (id, account_id, conversation_id, kind, author_id, body, created_at)
                        VALUES (:id, :a, :c, :kind, :author, :body, :at)""")
                .param("id", UUID.randomUUID()).param("a", account).param("c", conversation).param("kind", kind)
                .param("author", author, java.sql.Types.OTHER).param("body", body).param("at", Timestamp.from(at)).update();
    }
}
