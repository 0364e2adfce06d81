package com.leadline.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.mail.Mailer;
import com.leadline.mail.OutgoingMail;
import com.leadline.platform.OutboxRelay;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Smtp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class MailOutboxIntegrationTests extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    MailRelay relay;
    @Autowired
    Seal seal;
    @Autowired
    TransactionTemplate transactions;

    @org.junit.jupiter.api.BeforeEach
    void emptyOutbox() {
        jdbc.sql("DELETE FROM mail_local_mailbox").update();
        jdbc.sql("DELETE FROM mail_outbox").update();
    }

    @AfterEach
    void serverBackUp() {
        Smtp.up();
    }

    /**
     * The after-commit wake-up runs on the relay's own thread; wait until every row of the recipient
     * was tried once, failed, and waits for its retry.
     */
    private void awaitAllTriedAndWaiting(String to, int count) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        while (jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :to AND status = 'pending' AND attempts >= 1")
                .param("to", to).query(Long.class).single() < count) {
            assertThat(java.time.Instant.now()).as("rows not yet tried").isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    private void queueCommitted(String to, String subject) {
        transactions.executeWithoutResult(status -> mailer.queue(new OutgoingMail(to, subject, "Body of " + subject)));
    }

    private long rows(String to, String status) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :to AND status = :status")
                .param("to", to).param("status", status).query(Long.class).single();
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        String to = uniqueEmail("rollback");
        transactions.executeWithoutResult(status -> {
            mailer.queue(new OutgoingMail(to, "Never", "This change was rolled back"));
            status.setRollbackOnly();
        });
        relay.deliverDue();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :to").param("to", to)
                .query(Long.class).single()).isZero();
        assertThat(Smtp.to(to)).isEmpty();
    }

    @Test
    void queueingOutsideATransactionIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mailer.queue(new OutgoingMail("x@example.com", "s", "b")))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void mailQueuedWhileTheServerIsDownIsDeliveredOnceWhenItIsBack() {
        String to = uniqueEmail("patient");
        Smtp.down();
        for (int i = 1; i <= 3; i++) {
            queueCommitted(to, "Message " + i);
        }
        relay.deliverDue();
        awaitAllTriedAndWaiting(to, 3);

        Smtp.up();
        relay.deliverDue();
        assertThat(Smtp.to(to)).as("still backing off").isEmpty();

        clock.advance(Duration.ofSeconds(30));
        relay.deliverDue();
        assertThat(Smtp.awaitMessages(to, 3)).hasSize(3);
        clock.advance(Duration.ofHours(2));
        relay.deliverDue();
        assertThat(Smtp.to(to)).hasSize(3);
        assertThat(Smtp.to(to).stream().map(Smtp::subject)).containsExactlyInAnyOrder("Message 1", "Message 2", "Message 3");
        assertThat(rows(to, "sent")).isEqualTo(3);
    }

    @Test
    void backOffDoublesAndEventuallyGivesUp() {
        OutboxRelay.Policy policy = new OutboxRelay.Policy(Duration.ofMinutes(2), Duration.ofSeconds(30),
                Duration.ofHours(1), 12);
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(policy.backoffAfter(11)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aRowClaimedByARelayThatCrashedIsReclaimedAfterItsLease() {
        String to = uniqueEmail("orphan");
        // Written directly (no after-commit wake-up), then claimed by a relay that "crashes" before sending.
        jdbc.sql("""
                        INSERT INTO mail_outbox (created_at, recipient, subject, sealed_body, status, next_attempt_at)
                        VALUES (now(), :to, 'Orphaned', :body, 'pending', :due)""")
                .param("to", to).param("body", seal.seal("Left in flight"))
                .param("due", java.sql.Timestamp.from(clock.instant())).update();
        List<MailRelay.Claimed> claimed = relay.claim(100);
        assertThat(claimed).extracting(MailRelay.Claimed::recipient).contains(to);

        clock.advance(Duration.ofMinutes(2).minusSeconds(1));
        relay.deliverDue();
        assertThat(Smtp.to(to)).as("lease still held").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        relay.deliverDue();
        assertThat(Smtp.awaitMessages(to, 1)).hasSize(1);
        relay.deliverDue();
        assertThat(Smtp.to(to)).hasSize(1);
        assertThat(rows(to, "sent")).isEqualTo(1);
    }

    @Test
    void relaysRacingForTheSameRowsSendEachRowOnce() throws Exception {
        String to = uniqueEmail("crowd");
        Smtp.down();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 40; i++) {
                mailer.queue(new OutgoingMail(to, "Crowd " + i, "Body " + i));
            }
        });
        relay.deliverDue();
        awaitAllTriedAndWaiting(to, 40);
        Smtp.up();
        clock.advance(Duration.ofSeconds(30));
        ExecutorService relays = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(relays.submit((Callable<Integer>) relay::deliverDue));
        }
        int sent = 0;
        for (Future<Integer> run : runs) {
            sent += run.get();
        }
        relays.shutdown();
        // The after-commit wake-up of the queueing may still be running and take its share: what must
        // hold is that every row goes out exactly once, whichever relay sends it.
        assertThat(sent).isLessThanOrEqualTo(40);
        assertThat(Smtp.awaitMessages(to, 40)).hasSize(40);
        relay.deliverDue();
        assertThat(Smtp.to(to)).hasSize(40);
        assertThat(Smtp.to(to).stream().map(Smtp::subject).distinct()).hasSize(40);
    }

    @Test
    void bodiesAreStoredSealedAndWipedOnceSent() {
        String to = uniqueEmail("sealed");
        queueCommitted(to, "Sealed");
        byte[] stored = jdbc.sql("SELECT sealed_body FROM mail_outbox WHERE recipient = :to").param("to", to)
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Body of Sealed");
        assertThat(seal.open(stored)).isEqualTo("Body of Sealed");
        Smtp.awaitMessages(to, 1);
        relay.deliverDue();
        // The after-commit wake-up may have sent it and still be marking it sent: wait for the row to say so.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :to AND status = 'sent'").param("to", to)
                .query(Integer.class).single() == 0 && java.time.Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(jdbc.sql("SELECT length(sealed_body) FROM mail_outbox WHERE recipient = :to AND status = 'sent'")
                .param("to", to).query(Integer.class).single()).isZero();
    }
}
