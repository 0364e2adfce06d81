package com.leadline.devdata.internal;

import com.leadline.accounts.BusinessSignUps;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities;
import com.leadline.inbox.AutoReplies;
import com.leadline.leadbox.LeadboxSeeding;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.CallerContext;
import com.leadline.platform.Tenancy;
import com.leadline.team.ActorLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Leadbox intake benchmark's account (docs/BENCHMARKS.md, "Leadbox intake"): a business signed up
 * through the use cases, its profile's new-lead and after-hours auto replies on (so every lead is
 * answered, whatever the hour), and its Leadbox open to {@value #ORIGIN}. Made once; its key, account
 * and profile are written to {@code <data dir>/}{@value #FILE} at every start for bin/benchmark-leadbox.
 *
 * <pre>LEADLINE_DATA_DIR=/tmp/leadline-leadbox-bench java -jar target/leadline-*.jar --leadline.benchmark-leadbox=true</pre>
 *
 * Only with the embedded database, like the demo and the inbox benchmark's data.
 */
@Component
@ConditionalOnProperty(name = {"leadline.benchmark-leadbox", "leadline.embedded-database.active"}, havingValue = "true")
class LeadboxBenchmark implements ApplicationRunner {

    static final String ORIGIN = "http://bench.leadline.local";
    static final String OWNER_EMAIL = "owner@leadbox.bench.leadline.local";
    static final String FILE = "leadbox-benchmark.properties";
    private static final String BUSINESS = "Leadbox Bench Dental";
    private static final String ACTOR = "leadbox benchmark";
    private static final AutoReplies.Settings REPLIES = new AutoReplies.Settings(
            new AutoReplies.Reply(true, "Hi {first_name}, thanks for reaching {button_name}! We'll text you back shortly."),
            new AutoReplies.Reply(true, "Hi {first_name}, {button_name} is closed now; we'll text you when we open."));

    private static final Logger log = LoggerFactory.getLogger(LeadboxBenchmark.class);

    private final Identities identities;
    private final BusinessSignUps signUps;
    private final ActorLookup actors;
    private final AutoReplies autoReplies;
    private final LeadboxSeeding leadboxes;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Path file;

    LeadboxBenchmark(Identities identities, BusinessSignUps signUps, ActorLookup actors, AutoReplies autoReplies,
                     LeadboxSeeding leadboxes, Tenancy tenancy, TransactionTemplate transactions, Clock clock,
                     @Value("${leadline.data-dir:./data}") String dataDir) {
        this.identities = identities;
        this.signUps = signUps;
        this.actors = actors;
        this.autoReplies = autoReplies;
        this.leadboxes = leadboxes;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
        this.file = Path.of(dataDir).resolve(FILE);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (identities.statusOfEmail(EmailAddresses.normalize(OWNER_EMAIL)).isEmpty()) {
            write(CallerContext.callAsSystem(ACTOR, this::setUp));
        } else if (!Files.exists(file)) {
            throw new IllegalStateException(OWNER_EMAIL + " exists but " + file + " is gone: start on a new data folder");
        }
        log.info("Leadbox benchmark: {} (widget key, account, profile, origin)", read());
    }

    private Properties setUp() {
        AuthenticatedUser owner = signUps.signUp(BUSINESS, "Bench Owner", OWNER_EMAIL, "bench leadline passphrase", "America/New_York")
                .orElseThrow(() -> new IllegalStateException(OWNER_EMAIL + " is already in use"));
        return transactions.execute(status -> tenancy.inAccount(owner.accountId(), () -> {
            UUID profile = actors.actorOf(owner).orElseThrow().profileIds().iterator().next();
            autoReplies.save(owner.accountId(), profile, REPLIES, clock.instant());
            String key = leadboxes.openTo(owner.accountId(), profile, BUSINESS, List.of(ORIGIN));
            Properties made = new Properties();
            made.setProperty("key", key);
            made.setProperty("account", owner.accountId().toString());
            made.setProperty("profile", profile.toString());
            made.setProperty("origin", ORIGIN);
            return made;
        }));
    }

    private void write(Properties made) {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            made.store(out, "Leadbox intake benchmark (devdata LeadboxBenchmark)");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private Properties read() {
        Properties made = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            made.load(in);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return made;
    }
}
