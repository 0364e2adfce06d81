package com.leadline.devdata.internal;

import com.leadline.identity.Passwords;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's data (docs/BENCHMARKS.md): one account with 100 profiles, 1,000 users (the owner, 50 admins
 * in 5 to 20 profiles each, 949 team members in 1 to 3 profiles each), 600,000 contacts, 1,000,000
 * conversations over two years (the newest 3% new, the next 15% open, the rest closed; most assigned to
 * someone who works in the profile), 5,000,000 messages of seeded, varied text ({@link BenchmarkText}), and
 * unread flags for the live conversations of the last three days (a share of each profile's people, as if
 * the rest had read them). Loaded once into
 * the embedded database by set-based SQL as the database owner, like a data import ({@link BenchmarkLoad}):
 * a person's path through the use cases would take hours for a million conversations. This is the one
 * place in Leadline that writes other modules' tables directly.
 *
 * <pre>LEADLINE_DATA_DIR=/tmp/leadline-bench java -jar target/leadline-*.jar --leadline.benchmark-data=true</pre>
 *
 * Never on an external database. Sign in as {@value #MEMBER_EMAIL} (a team member in two profiles),
 * {@value #ADMIN_EMAIL} (an admin in 20 profiles) or {@value #OWNER_EMAIL}, password {@value #PASSWORD}.
 */
@Component
@ConditionalOnProperty(name = {"leadline.benchmark-data", "leadline.embedded-database.active"}, havingValue = "true")
public class BenchmarkData implements ApplicationRunner {

    /** The benchmark's sign-ins, public for the inbox's benchmark test (src/test), which measures them. */
    public static final String OWNER_EMAIL = "owner@bench.leadline.local";
    public static final String ADMIN_EMAIL = "admin@bench.leadline.local";
    public static final String MEMBER_EMAIL = "member@bench.leadline.local";
    static final String PASSWORD = "bench leadline passphrase";

    static final int PROFILES = 100;
    static final int USERS = 1_000;
    static final int ADMINS = 50;
    static final int CONTACTS = 600_000;
    static final int CONVERSATIONS = 1_000_000;
    static final int MESSAGES = 5_000_000;

    private static final Logger log = LoggerFactory.getLogger(BenchmarkData.class);

    private final Passwords passwords;
    private final Clock clock;
    private final JdbcClient owner;
    private final TransactionTemplate transactions;

    BenchmarkData(Passwords passwords, Clock clock, DatabaseOwner databaseOwner) {
        this.passwords = passwords;
        this.clock = clock;
        this.owner = databaseOwner.jdbc();
        this.transactions = databaseOwner.transactions();
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (owner.sql("SELECT count(*) FROM users WHERE email = :e").param("e", OWNER_EMAIL).query(Integer.class).single() == 0) {
            load();
        }
        report();
    }

    private void load() {
        long started = System.nanoTime();
        BenchmarkLoad load = new BenchmarkLoad(owner, Timestamp.from(clock.instant()));
        transactions.executeWithoutResult(status -> load.run(passwords.hash(PASSWORD)));
        log.info("Benchmark data loaded in {} s; vacuuming and analysing", (System.nanoTime() - started) / 1_000_000_000);
        // Outside any transaction: sets the visibility map (index-only scans) and the planner's statistics.
        for (String table : new String[] {"users", "account_members", "profile_memberships", "profiles", "contacts",
                "conversations", "messages", "conversation_unread"}) {
            owner.sql("VACUUM (ANALYZE) " + table).update();
        }
        log.info("Benchmark data ready after {} s", (System.nanoTime() - started) / 1_000_000_000);
    }

    private void report() {
        owner.sql("""
                        SELECT (SELECT count(*) FROM profiles) AS profiles, (SELECT count(*) FROM users) AS users,
                               (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM conversations) AS conversations,
                               (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM conversation_unread) AS unread""")
                .query((rs, n) -> {
                    log.info("Benchmark data: {} profiles, {} users, {} contacts, {} conversations, {} messages, {} unread flags",
                            rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
                    return null;
                }).list();
        log.info("Benchmark sign-in: {} (team member), {} (admin), {} (owner); password '{}'", MEMBER_EMAIL, ADMIN_EMAIL,
                OWNER_EMAIL, PASSWORD);
    }
}
