package com.leadline.inbox.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.OutboundText;
import com.leadline.inbox.TextChannel;
import com.leadline.inbox.internal.conversation.Replies;
import com.leadline.platform.OutboxRelay;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import com.leadline.team.Role;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.TestClock;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replies leave through the text outbox: queued with the message, delivered once after commit by the
 * relay through the channel (the dev channel here), retried with back-off, kept per account.
 *
 * <p>The application's own relay wakes up after every commit that queues a text. The tests that
 * count deliveries therefore write their rows due a minute ahead of the shared clock, where the
 * application's relay does not reach them, and deliver them with relays of their own whose clocks
 * run ahead.
 */
class TextOutboxIntegrationTests extends IntegrationTest {

    private static final OutboxRelay.Policy POLICY = new OutboxRelay.Policy(Duration.ofMinutes(2), Duration.ofSeconds(30),
            Duration.ofHours(1), 3);

    @Autowired
    InboundTexts inbound;
    @Autowired
    Replies replies;
    @Autowired
    TextRelay relay;
    @Autowired
    TextOutbox textOutbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Tenancy tenancy;
    @Autowired
    DataSource dataSource;

    private TeamFixture fixture;

    @BeforeEach
    void emptyOutbox() {
        databaseOwner().sql("DELETE FROM text_outbox").update();
        fixture = new TeamFixture(port, databaseOwner());
    }

    @Test
    void aReplyQueuesOneTextThatTheRelayDeliversOnceAndTheDevChannelShows() {
        TeamFixture.Account account = fixture.openAccount("Outbox Orchards");
        UUID lead = inbound.receiveInbound(account.id(), account.firstProfileId(), "+15550103040", "Are you open on Sunday?");
        var owner = account.owner().session();

        assertThat(owner.api("POST", "/api/v1/conversations/" + lead + "/replies", Map.of("body", "   ")).status()).isEqualTo(422);
        assertThat(rowsOf(account.id())).as("a refused reply queues nothing").isZero();

        assertThat(owner.api("POST", "/api/v1/conversations/" + lead + "/replies", Map.of("body", "Yes, 10 to 4."))
                .status()).isEqualTo(204);
        Map<String, Object> row = databaseOwner().sql("""
                        SELECT o.account_id, o.profile_id, o.to_phone, o.body, m.kind, m.body AS message_body
                        FROM text_outbox o JOIN messages m ON m.id = o.message_id WHERE o.account_id = :a""")
                .param("a", account.id()).query().singleRow();
        assertThat(row).containsEntry("profile_id", account.firstProfileId()).containsEntry("to_phone", "+15550103040")
                .containsEntry("body", "Yes, 10 to 4.").containsEntry("kind", "outbound").containsEntry("message_body", "Yes, 10 to 4.");

        relay.deliverDue();
        awaitStatus(account.id(), "sent");
        relay.deliverDue();
        Map<String, Object> sent = databaseOwner().sql("SELECT status, attempts, sent_at, last_error FROM text_outbox WHERE account_id = :a")
                .param("a", account.id()).query().singleRow();
        assertThat(sent).containsEntry("status", "sent").containsEntry("attempts", 1).containsEntry("last_error", null);
        assertThat(sent.get("sent_at")).isNotNull();

        Element outbox = owner.get("/dev/channel").document().selectFirst("#text-outbox tbody tr");
        assertThat(outbox).isNotNull();
        assertThat(outbox.select("td").eachText().subList(0, 3)).containsExactly("+15550103040", "Yes, 10 to 4.", "sent");
        assertThat(outbox.select("td").get(3).text()).isNotBlank();
    }

    @Test
    void aReplyRolledBackWithItsTransactionLeavesNeitherMessageNorText() {
        TeamFixture.Account account = fixture.openAccount("Rollback Roofing");
        UUID lead = inbound.receiveInbound(account.id(), account.firstProfileId(), "+15550103041", "Can you fix a leak?");
        Actor actor = new Actor(account.owner().id(), account.id(), "Owner", Role.OWNER, Set.of(account.firstProfileId()), true);

        Tenancy.bindToThread(account.id());
        try {
            transactions.executeWithoutResult(status -> {
                replies.reply(actor, lead, "On our way");
                status.setRollbackOnly();
            });
        } finally {
            Tenancy.clearThread();
        }
        assertThat(rowsOf(account.id())).isZero();
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND kind = 'outbound'")
                .param("c", lead).query(Integer.class).single()).isZero();
    }

    @Test
    void queueingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> textOutbox.queue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "+15550100000",
                "Hello", clock.instant())).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void relaysSkipTextsAnotherTransactionHoldsAndTwoRacingRelaysDeliverEachTextExactlyOnce() throws Exception {
        TeamFixture.Account account = fixture.openAccount("Racing Radiators");
        List<Long> ids = queueAhead(account, 40);
        List<String> handed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch bothSending = new CountDownLatch(2);
        Sender recording = text -> {
            handed.add(String.valueOf(text.outboxId()));
            // The first relay to send waits for the other to send too: both are at work at once.
            bothSending.countDown();
            bothSending.await(10, TimeUnit.SECONDS);
        };
        TestClock ahead = clockAhead();
        TextRelay first = relayWith(recording, ahead);
        TextRelay second = relayWith(recording, ahead);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            try (Connection holder = dataSource.getConnection()) {
                holder.setAutoCommit(false);
                try (Statement statement = holder.createStatement()) {
                    statement.execute("SELECT set_config('app.account_id', '" + account.id() + "', true)");
                    statement.execute("SELECT id FROM text_outbox FOR UPDATE");
                }
                for (int sent : race(pool, first, second)) {
                    assertThat(sent).as("rows another transaction holds are skipped, not waited for").isZero();
                }
                holder.commit();
            }
            List<Integer> sent = race(pool, first, second);
            assertThat(sent).as("each relay took its share").allSatisfy(share -> assertThat(share).isPositive());
            assertThat(sent.get(0) + sent.get(1)).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(handed).hasSize(40).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(String::valueOf).toList());
        assertThat(first.deliverDue() + second.deliverDue()).isZero();
        assertThat(databaseOwner().sql("SELECT count(*) FROM text_outbox WHERE account_id = :a AND status = 'sent' AND attempts = 1")
                .param("a", account.id()).query(Integer.class).single()).isEqualTo(40);
    }

    private static List<Integer> race(ExecutorService pool, TextRelay first, TextRelay second) throws Exception {
        List<Future<Integer>> runs = List.of(pool.submit((Callable<Integer>) first::deliverDue),
                pool.submit((Callable<Integer>) second::deliverDue));
        List<Integer> sent = new ArrayList<>();
        for (Future<Integer> run : runs) {
            sent.add(run.get(20, TimeUnit.SECONDS));
        }
        return sent;
    }

    @Test
    void aFailingChannelIsRetriedWithBackOffAndTheErrorRecordedUntilTheRelayGivesUp() {
        TeamFixture.Account account = fixture.openAccount("Flaky Fences");
        long retried = queueAhead(account, 1).get(0);
        long abandoned = queueAhead(account, 1).get(0);
        AtomicInteger callsForRetried = new AtomicInteger();
        Sender flaky = text -> {
            if (text.outboxId() == abandoned || callsForRetried.incrementAndGet() <= 2) {
                throw new IllegalStateException("provider answered 503");
            }
        };
        TestClock ahead = clockAhead();
        TextRelay relay = relayWith(flaky, ahead);

        assertThat(relay.deliverDue()).isZero();
        Instant firstTry = ahead.instant();
        assertThat(state(retried)).containsEntry("status", "queued").containsEntry("attempts", 1)
                .containsEntry("next_attempt_at", Timestamp.from(firstTry.plusSeconds(30)));
        assertThat((String) state(retried).get("last_error")).contains("provider answered 503");

        ahead.advance(Duration.ofSeconds(29));
        assertThat(relay.deliverDue()).as("still backing off").isZero();
        assertThat(state(retried)).containsEntry("attempts", 1);

        ahead.advance(Duration.ofSeconds(1));
        assertThat(relay.deliverDue()).as("the second attempt fails for both").isZero();
        assertThat(state(retried)).containsEntry("status", "queued").containsEntry("attempts", 2)
                .containsEntry("next_attempt_at", Timestamp.from(ahead.instant().plusSeconds(60)));

        ahead.advance(Duration.ofSeconds(60));
        assertThat(relay.deliverDue()).isEqualTo(1);
        assertThat(state(retried)).containsEntry("status", "sent").containsEntry("attempts", 3).containsEntry("last_error", null);
        assertThat(state(abandoned)).as("given up after the policy's three attempts").containsEntry("status", "failed")
                .containsEntry("attempts", 3);
        assertThat((String) state(abandoned).get("last_error")).contains("provider answered 503");

        ahead.advance(Duration.ofHours(2));
        assertThat(relay.deliverDue()).isZero();
        assertThat(state(abandoned)).containsEntry("attempts", 3);
    }

    @Test
    void withoutAProviderTextsStayQueuedWithTheReasonUntilOneIsConfigured() {
        TeamFixture.Account account = fixture.openAccount("Patient Plumbers");
        UUID lead = inbound.receiveInbound(account.id(), account.firstProfileId(), "+15550103042", "Hello?");
        TextRelay none = new TextRelay(jdbc, transactions, tenancy, Optional.empty(), clockAhead(), POLICY);
        UUID message = UUID.randomUUID();
        databaseOwner().sql("""
                        INSERT INTO messages (id, account_id, conversation_id, kind, body, created_at)
                        VALUES (:id, :a, :c, 'outbound', 'We will call you', now())""")
                .param("id", message).param("a", account.id()).param("c", lead).update();
        transactions.executeWithoutResult(status -> tenancy.inAccount(account.id(), () -> outbox(none).queue(account.id(),
                message, account.firstProfileId(), "+15550103042", "We will call you", clock.instant().plusSeconds(60))));

        assertThat(none.deliverDue()).isZero();
        Map<String, Object> waiting = databaseOwner().sql("SELECT id, status, attempts, last_error FROM text_outbox WHERE message_id = :m")
                .param("m", message).query().singleRow();
        assertThat(waiting).containsEntry("status", "queued").containsEntry("attempts", 0)
                .containsEntry("last_error", "No SMS provider configured");

        List<OutboundText> handed = new ArrayList<>();
        assertThat(relayWith(handed::add, clockAhead()).deliverDue()).isEqualTo(1);
        assertThat(handed).extracting(OutboundText::to, OutboundText::body, OutboundText::profileId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("+15550103042", "We will call you", account.firstProfileId()));
        assertThat(state((Long) waiting.get("id"))).containsEntry("status", "sent").containsEntry("last_error", null);
    }

    @Test
    void anotherAccountsTextsAreInvisible() {
        TeamFixture.Account mine = fixture.openAccount("Mine Masonry");
        TeamFixture.Account theirs = fixture.openAccount("Theirs Tiling");
        UUID lead = inbound.receiveInbound(theirs.id(), theirs.firstProfileId(), "+15550103043", "Quote for a bathroom?");
        assertThat(theirs.owner().session().api("POST", "/api/v1/conversations/" + lead + "/replies",
                Map.of("body", "Private quote: 4,200")).status()).isEqualTo(204);

        assertThat(visibleRows(theirs.id())).isEqualTo(1);
        assertThat(visibleRows(mine.id())).isZero();
        int withoutAccount = transactions.execute(status -> jdbc.sql("SELECT count(*) FROM text_outbox").query(Integer.class).single());
        assertThat(withoutAccount).as("no account, no rows").isZero();
        assertThat(mine.owner().session().get("/dev/channel").document().text()).doesNotContain("Private quote");
        int changed = transactions.execute(status -> tenancy.inAccount(mine.id(), () ->
                jdbc.sql("UPDATE text_outbox SET body = 'Changed'").update()));
        assertThat(changed).as("nothing of theirs to change").isZero();
        assertThat(databaseOwner().sql("SELECT body FROM text_outbox WHERE account_id = :a").param("a", theirs.id())
                .query(String.class).single()).isEqualTo("Private quote: 4,200");
    }

    @Test
    void aTeamMemberSeesOnTheDevChannelOnlyTheTextsOfConversationsTheyMaySee() {
        TeamFixture.Account account = fixture.openAccount("Shared Shutters");
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        UUID lead = inbound.receiveInbound(account.id(), account.firstProfileId(), "+15550103044", "Need new shutters");
        var owner = account.owner().session();
        assertThat(owner.api("POST", "/api/v1/conversations/" + lead + "/replies", Map.of("body", "Measuring on Friday")).status())
                .isEqualTo(204);
        assertThat(member.session().get("/dev/channel").document().text()).contains("Measuring on Friday");

        assertThat(owner.api("PUT", "/api/v1/conversations/" + lead + "/assignee",
                Map.of("assigneeId", account.owner().id().toString())).status()).isEqualTo(204);
        assertThat(member.session().get("/dev/channel").document().text()).doesNotContain("Measuring on Friday");
    }

    private TextOutbox outbox(TextRelay relay) {
        return new TextOutbox(jdbc, relay, transactions.getTransactionManager());
    }

    /** What the test's channel does with a text (as the dev channel: no provider ids, no sent texts to find, every number). */
    interface Sender {
        void send(OutboundText text) throws Exception;
    }

    private TextRelay relayWith(Sender sender, TestClock clock) {
        TextChannel channel = new DevTextChannel() {
            @Override
            public String send(OutboundText text) {
                try {
                    sender.send(text);
                } catch (RuntimeException failed) {
                    throw failed;
                } catch (Exception interrupted) {
                    throw new IllegalStateException(interrupted);
                }
                return null;
            }
        };
        return new TextRelay(jdbc, transactions, tenancy, Optional.of(channel), clock, POLICY);
    }

    /** A clock a minute and a half ahead of the shared one: it sees the rows {@link #queueAhead} writes as due. */
    private TestClock clockAhead() {
        TestClock ahead = new TestClock();
        ahead.advance(Duration.between(ahead.instant(), clock.instant()).plusSeconds(90));
        return ahead;
    }

    /** Outbound messages of one conversation with their outbox rows, due a minute ahead of the shared clock. */
    private List<Long> queueAhead(TeamFixture.Account account, int count) {
        UUID lead = inbound.receiveInbound(account.id(), account.firstProfileId(), "+15550109999", "Hi");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID message = UUID.randomUUID();
            databaseOwner().sql("""
                            INSERT INTO messages (id, account_id, conversation_id, kind, body, created_at)
                            VALUES (:id, :a, :c, 'outbound', :body, now())""")
                    .param("id", message).param("a", account.id()).param("c", lead).param("body", "Reply " + i).update();
            ids.add(databaseOwner().sql("""
                            INSERT INTO text_outbox (account_id, message_id, profile_id, to_phone, body, status, next_attempt_at, created_at)
                            VALUES (:a, :m, :p, '+15550109999', :body, 'queued', :due, now()) RETURNING id""")
                    .param("a", account.id()).param("m", message).param("p", account.firstProfileId()).param("body", "Reply " + i)
                    .param("due", Timestamp.from(clock.instant().plusSeconds(60))).query(Long.class).single());
        }
        return ids;
    }

    private Map<String, Object> state(long id) {
        return databaseOwner().sql("SELECT status, attempts, next_attempt_at, last_error FROM text_outbox WHERE id = :id")
                .param("id", id).query().singleRow();
    }

    private int rowsOf(UUID account) {
        return databaseOwner().sql("SELECT count(*) FROM text_outbox WHERE account_id = :a").param("a", account)
                .query(Integer.class).single();
    }

    private int visibleRows(UUID account) {
        return transactions.execute(status -> tenancy.inAccount(account, () ->
                jdbc.sql("SELECT count(*) FROM text_outbox").query(Integer.class).single()));
    }

    /** The after-commit wake-up delivers on the relay's own thread: wait for the row to say so. */
    private void awaitStatus(UUID account, String status) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (databaseOwner().sql("SELECT count(*) FROM text_outbox WHERE account_id = :a AND status = :s")
                .param("a", account).param("s", status).query(Integer.class).single() == 0) {
            assertThat(Instant.now()).as("text not yet " + status).isBefore(deadline);
            Thread.onSpinWait();
        }
    }
}
