package com.leadline.inbox.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.OutboundText;
import com.leadline.inbox.TextChannel;
import com.leadline.platform.OutboxRelay;
import com.leadline.platform.Tenancy;
import com.leadline.testing.FakeSmsProvider;
import com.leadline.testing.FakeSmsProvider.Answer;
import com.leadline.testing.SmsProviderTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The text relay against a real HTTP server standing in for the provider ({@link FakeSmsProvider}):
 * what a send carries, which failures are retried, and how a text whose attempt ended without an
 * answer (a timeout, a relay that stopped after the provider's 201) goes out at least once and, when
 * the provider's list shows it, once only.
 *
 * <p>As in {@code TextOutboxIntegrationTests}, rows are due a minute ahead of the shared clock and
 * delivered by relays of the test's own, so the application's relay does not race them.
 */
class ProviderRelayIntegrationTests extends SmsProviderTest {

    private static final OutboxRelay.Policy POLICY = new OutboxRelay.Policy(Duration.ofMinutes(2), Duration.ofSeconds(30),
            Duration.ofHours(1), 5);

    @Autowired
    InboundTexts inbound;
    @Autowired
    TextChannel provider;
    @Autowired
    com.leadline.inbox.TextDeliveries deliveries;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Tenancy tenancy;

    private final FakeSmsProvider fake = FakeSmsProvider.get();
    private TeamFixture.Account account;
    private String from;
    private TestClock ahead;

    @BeforeEach
    void anAccountWithATextingNumber() {
        account = new TeamFixture(port, databaseOwner()).openAccount("Relay Roofing");
        from = givenATextingNumber(account);
        ahead = new TestClock();
        ahead.advance(Duration.between(ahead.instant(), clock.instant()).plusSeconds(90));
        fake.stampWith(ahead::instant);
    }

    @org.junit.jupiter.api.AfterEach
    void providerBackOnRealTime() {
        fake.stampWithRealTime();
    }

    @Test
    void aReplyGoesOutFormEncodedWithBasicAuthAndAStatusCallbackAndTheProvidersIdIsStored() {
        String to = TeamFixture.uniquePhoneNumber();
        long id = queueAhead(to, "Your quote: 4,200 € all in");

        relay().deliverDue();

        assertThat(fake.createsTo(to)).singleElement().satisfies(request -> {
            assertThat(request.parameters()).containsEntry("To", to).containsEntry("From", from)
                    .containsEntry("Body", "Your quote: 4,200 € all in")
                    .containsEntry("StatusCallback", "http://leadline.test/webhooks/sms/twilio/status/" + id);
            assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    (FakeSmsProvider.ACCOUNT_SID + ":" + FakeSmsProvider.AUTH_TOKEN).getBytes()));
        });
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("provider_status", "queued")
                .containsEntry("provider_message_id", fake.messagesTo(to).get(0).sid());
    }

    @Test
    void a500IsRetriedAfterTheListShowsNothingWentOutAndA400IsGivenUpAtOnceWithTheProvidersError() {
        String flaky = TeamFixture.uniquePhoneNumber();
        String invalid = TeamFixture.uniquePhoneNumber();
        fake.answer(flaky, Answer.SERVER_ERROR);
        fake.answer(invalid, Answer.INVALID_TO);
        long retried = queueAhead(flaky, "See you at 9");
        long refused = queueAhead(invalid, "See you at 10");
        TextRelay relay = relay();

        relay.deliverDue();
        assertThat(row(retried)).containsEntry("status", "queued").containsEntry("attempts", 1);
        assertThat((String) row(retried).get("last_error")).as("in words, with the provider's status")
                .startsWith("The SMS provider could not be reached or answered with an error").contains("500");
        assertThat(row(refused)).containsEntry("status", "failed").containsEntry("attempts", 1).containsEntry("error_code", "21211")
                .containsEntry("last_error", "This is not a valid phone number.");

        ahead.advance(Duration.ofSeconds(30));
        relay.deliverDue();
        assertThat(fake.listsTo(flaky)).as("a 5xx may hide a text that went out: asked first").hasSize(1);
        assertThat(fake.createsTo(flaky)).hasSize(2);
        assertThat(fake.messagesTo(flaky)).hasSize(1);
        assertThat(row(retried)).containsEntry("status", "sent").containsEntry("provider_message_id", fake.messagesTo(flaky).get(0).sid());

        ahead.advance(Duration.ofHours(2));
        relay.deliverDue();
        assertThat(fake.createsTo(invalid)).as("a permanent 4xx is not retried").hasSize(1);
    }

    @Test
    void afterATimeoutTheRelayAsksTheProvidersListAndSendsAgainOnlyWhenTheTextIsNotThere() {
        String wentOut = TeamFixture.uniquePhoneNumber();
        String lost = TeamFixture.uniquePhoneNumber();
        fake.answer(wentOut, Answer.CREATED_TOO_LATE);
        fake.answer(lost, Answer.NOTHING_TOO_LATE);
        long first = queueAhead(wentOut, "Booked for Tuesday");
        long second = queueAhead(lost, "Booked for Wednesday");
        TextRelay relay = relay();

        relay.deliverDue();
        assertThat(row(first)).as("timed out").containsEntry("status", "queued");
        assertThat(row(second)).as("timed out").containsEntry("status", "queued");
        ahead.advance(Duration.ofSeconds(30));
        relay.deliverDue();

        assertThat(fake.listsTo(wentOut)).hasSize(1);
        assertThat(fake.createsTo(wentOut)).as("it went out: not sent again").hasSize(1);
        assertThat(row(first)).containsEntry("status", "sent").containsEntry("provider_message_id", fake.messagesTo(wentOut).get(0).sid());
        assertThat(fake.listsTo(lost)).hasSize(1);
        assertThat(fake.createsTo(lost)).as("it did not: sent again").hasSize(2);
        assertThat(fake.messagesTo(lost)).hasSize(1);
        assertThat(row(second)).containsEntry("status", "sent").containsEntry("provider_message_id", fake.messagesTo(lost).get(0).sid());
    }

    /**
     * The crash: a relay hands the text over, the provider answers 201, and the relay stops before it
     * records the answer (its update is lost). The row stays "sending" under a lease; once the lease
     * runs out another relay claims it, finds the text in the provider's list, and records it without
     * sending again. A relay that stopped before its call reached the provider leaves nothing in the
     * list, and the text is sent once.
     */
    @Test
    void aRelayThatStopsBetweenTheProvidersAnswerAndItsUpdateLeavesTheTextSentOnceAfterTheLease() {
        String to = TeamFixture.uniquePhoneNumber();
        long id = queueAhead(to, "Crew arrives at 8");
        TextRelay stopsAfterTheCall = new TextRelay(jdbc, transactions, tenancy, Optional.of(provider), ahead, POLICY) {
            @Override
            protected boolean markSent(Claimed text, String providerMessageId) {
                return false;
            }
        };
        stopsAfterTheCall.deliverDue();
        assertThat(fake.createsTo(to)).hasSize(1);
        assertThat(row(id)).containsEntry("status", "sending").containsEntry("provider_message_id", null);

        TextRelay survivor = relay();
        ahead.advance(Duration.ofSeconds(119));
        survivor.deliverDue();
        assertThat(row(id)).as("the lease still holds").containsEntry("status", "sending").containsEntry("attempts", 1);
        ahead.advance(Duration.ofSeconds(1));
        survivor.deliverDue();
        assertThat(fake.listsTo(to)).hasSize(1);
        assertThat(fake.createsTo(to)).as("found in the provider's list: not sent again").hasSize(1);
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("attempts", 2)
                .containsEntry("provider_message_id", fake.messagesTo(to).get(0).sid());

        String other = TeamFixture.uniquePhoneNumber();
        long beforeTheCall = queueAhead(other, "Crew arrives at 9");
        // A relay claimed it (as the claim function does) and stopped before calling the provider.
        databaseOwner().sql("""
                        UPDATE text_outbox SET status = 'sending', claim_id = gen_random_uuid(), attempts = attempts + 1,
                               claimed_at = :now, lease_until = :lease, from_phone = :from
                        WHERE id = :id""")
                .param("now", Timestamp.from(ahead.instant())).param("lease", Timestamp.from(ahead.instant().plusSeconds(120)))
                .param("from", from).param("id", beforeTheCall).update();
        ahead.advance(Duration.ofMinutes(2));
        survivor.deliverDue();
        assertThat(fake.listsTo(other)).hasSize(1);
        assertThat(fake.createsTo(other)).as("nothing in the list: sent, once").hasSize(1);
        assertThat(row(beforeTheCall)).containsEntry("status", "sent");
    }

    /**
     * The provider's status report can arrive before the relay knows the text went out (its call timed
     * out): the report's id is recorded, and the next attempt takes it as sent without asking again.
     * A report naming an id for a text with no attempt out there is not believed.
     */
    @Test
    void aStatusReportOfATimedOutAttemptRecordsTheTextAsSentAndIsBelievedOnlyWhileAnAttemptIsOut() {
        String to = TeamFixture.uniquePhoneNumber();
        fake.answer(to, Answer.CREATED_TOO_LATE);
        long id = queueAhead(to, "Your table is booked");
        TextRelay relay = relay();
        relay.deliverDue();
        assertThat(row(id)).containsEntry("status", "queued");
        String sid = fake.messagesTo(to).get(0).sid();

        assertThat(deliveries.report(id, sid, "sent", null, null)).isTrue();
        ahead.advance(Duration.ofSeconds(30));
        relay.deliverDue();

        assertThat(fake.listsTo(to)).as("the report said it went out").isEmpty();
        assertThat(fake.createsTo(to)).hasSize(1);
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("provider_message_id", sid).containsEntry("provider_status", "sent");

        long quiet = queueAhead(TeamFixture.uniquePhoneNumber(), "Nothing sent yet");
        assertThat(deliveries.report(quiet, "SMnotours", "delivered", null, null)).as("no attempt of it is out there").isFalse();
        assertThat(row(quiet)).containsEntry("provider_message_id", null).containsEntry("provider_status", null);
    }

    /**
     * A batch that outlasts its lease: while the first relay is still on its first text, the lease of
     * the whole batch runs out and a second relay claims the rest and sends it. The first relay checks
     * its claim before each call and leaves those texts alone: each reaches the provider once.
     */
    @Test
    void aRelayWhoseBatchOutlastedItsLeaseDoesNotSendTheTextsAnotherRelayClaimedMeanwhile() {
        String slow = TeamFixture.uniquePhoneNumber();
        String next = TeamFixture.uniquePhoneNumber();
        long first = queueAhead(slow, "First of the batch");
        long second = queueAhead(next, "Second of the batch");
        TextRelay survivor = relay();
        TextChannel slowProvider = new TextChannel() {
            @Override
            public String send(OutboundText text) throws Exception {
                String id = provider.send(text);
                if (text.to().equals(slow)) {
                    ahead.advance(Duration.ofMinutes(3));
                    survivor.deliverDue();
                }
                return id;
            }

            @Override
            public List<String> findSent(OutboundText text, Instant since) throws Exception {
                return provider.findSent(text, since);
            }

            @Override
            public boolean holdsNumber(String phoneNumber) throws Exception {
                return provider.holdsNumber(phoneNumber);
            }
        };

        new TextRelay(jdbc, transactions, tenancy, Optional.of(slowProvider), ahead, POLICY).deliverDue();

        assertThat(fake.createsTo(slow)).hasSize(1);
        assertThat(fake.createsTo(next)).as("sent by the relay that claimed it, not again by the first").hasSize(1);
        assertThat(row(first)).containsEntry("status", "sent").containsEntry("provider_message_id", fake.messagesTo(slow).get(0).sid());
        assertThat(row(second)).containsEntry("status", "sent").containsEntry("provider_message_id", fake.messagesTo(next).get(0).sid());
    }

    @Test
    void aTextWithTheSameBodyThatAnotherRowAlreadyRecordsIsNotTakenForTheLostOne() {
        String to = TeamFixture.uniquePhoneNumber();
        long earlier = queueAhead(to, "OK");
        relay().deliverDue();
        long later = queueAhead(to, "OK");
        fake.answer(to, Answer.NOTHING_TOO_LATE);
        TextRelay relay = relay();
        relay.deliverDue();
        ahead.advance(Duration.ofSeconds(30));
        relay.deliverDue();

        assertThat(fake.listsTo(to)).as("the earlier OK is in the list, within the clock margin").hasSize(1);
        assertThat(fake.messagesTo(to)).hasSize(2);
        assertThat(row(later)).containsEntry("status", "sent");
        assertThat(row(later).get("provider_message_id")).isNotEqualTo(row(earlier).get("provider_message_id")).isNotNull();
    }

    @Test
    void aQueuedReplyToAContactWhoOptedOutMeanwhileIsGivenUpWithoutCallingTheProvider() {
        String to = TeamFixture.uniquePhoneNumber();
        long id = queueAhead(to, "One more offer");
        databaseOwner().sql("UPDATE contacts SET opted_out = true, opt_out_changed_at = now() WHERE account_id = :a AND phone = :p")
                .param("a", account.id()).param("p", to).update();

        relay().deliverDue();

        assertThat(fake.createsTo(to)).isEmpty();
        assertThat(row(id)).containsEntry("status", "failed").containsEntry("last_error", TextRelay.OPTED_OUT);
    }

    /** The list check takes only texts created since the unanswered claim began (less the clocks' margin), not an older one. */
    @Test
    void anOlderTextWithTheSameBodyIsNotTakenForTheUnansweredOne() {
        String to = TeamFixture.uniquePhoneNumber();
        fake.alreadySent(to, from, "See you soon", ahead.instant().minus(TextRelay.CLOCK_MARGIN).minusSeconds(60));
        fake.answer(to, Answer.NOTHING_TOO_LATE);
        long id = queueAhead(to, "See you soon");
        TextRelay relay = relay();
        relay.deliverDue();
        ahead.advance(Duration.ofSeconds(30));
        relay.deliverDue();

        assertThat(fake.listsTo(to)).hasSize(1);
        assertThat(fake.createsTo(to)).as("the older text was not this one: sent again").hasSize(2);
        assertThat(fake.messagesTo(to)).hasSize(2);
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("provider_message_id", fake.messagesTo(to).get(1).sid());
    }

    private TextRelay relay() {
        return new TextRelay(jdbc, transactions, tenancy, Optional.of(provider), ahead, POLICY);
    }

    /** An outbound message to {@code to} and its outbox row, due a minute ahead of the shared clock. */
    private long queueAhead(String to, String body) {
        UUID lead = inbound.receiveInbound(account.id(), account.firstProfileId(), to, "Hello");
        UUID message = UUID.randomUUID();
        databaseOwner().sql("""
                        INSERT INTO messages (id, account_id, conversation_id, kind, body, created_at)
                        VALUES (:id, :a, :c, 'outbound', :body, now())""")
                .param("id", message).param("a", account.id()).param("c", lead).param("body", body).update();
        return databaseOwner().sql("""
                        INSERT INTO text_outbox (account_id, message_id, profile_id, to_phone, body, status, next_attempt_at, created_at)
                        VALUES (:a, :m, :p, :to, :body, 'queued', :due, now()) RETURNING id""")
                .param("a", account.id()).param("m", message).param("p", account.firstProfileId()).param("to", to)
                .param("body", body).param("due", Timestamp.from(clock.instant().plusSeconds(60))).query(Long.class).single();
    }

    private Map<String, Object> row(long id) {
        return databaseOwner().sql("""
                        SELECT status, attempts, last_error, error_code, provider_message_id, provider_status
                        FROM text_outbox WHERE id = :id""")
                .param("id", id).query().singleRow();
    }

}
