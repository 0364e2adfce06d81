package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.accounts.Profiles;
import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.InboundTexts.InboundText;
import com.leadline.inbox.internal.contact.ContactStore;
import com.leadline.platform.Tenancy;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/** The one door every channel calls: what it refuses changes nothing, what it takes lands in one conversation. */
class InboundTextsIntegrationTests extends IntegrationTest {

    @Autowired
    InboundTexts inbound;
    @Autowired
    ContactStore contacts;
    @Autowired
    AutoReplyTexts autoReplyTexts;
    @Autowired
    Profiles profiles;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Tenancy tenancy;

    @Test
    void aBadNumberOrAnotherAccountsProfileIsRefusedAndTheSameContactKeepsOneConversation() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account mine = fixture.openAccount("Door Decking");
        TeamFixture.Account theirs = fixture.openAccount("Other Ovens");

        for (String unreadable : List.of("555-0104", "+1 555 0104 050 99", "call me", "+999 123 4567", "+1 (555) 010-4050 ext. 12")) {
            assertThatThrownBy(() -> inbound.receiveInbound(mine.id(), mine.firstProfileId(), unreadable, "Hi"))
                    .as(unreadable)
                    .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.fieldErrors()).containsKey("phone"));
        }
        assertThatThrownBy(() -> inbound.receiveInbound(mine.id(), theirs.firstProfileId(), "+15550104050", "Hi"))
                .isInstanceOf(NotFoundException.class);
        assertThat(contactsOf(mine.id()) + contactsOf(theirs.id())).isZero();

        UUID first = inbound.receiveInbound(mine.id(), mine.firstProfileId(), "+15550104050", "Do you build decks?");
        UUID second = inbound.receiveInbound(mine.id(), mine.firstProfileId(), "(555) 010-4050", "Cedar, about 20 m2");
        UUID third = inbound.receiveInbound(mine.id(), mine.firstProfileId(), "+1 555.010.4050", "By June?");
        assertThat(second).as("written nationally in the profile's country (US), the same number").isEqualTo(first);
        assertThat(third).as("with dots and the country code").isEqualTo(first);
        assertThat(contactsOf(mine.id())).isEqualTo(1);
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND kind = 'inbound'")
                .param("c", first).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void mediaMayComeWithoutWordsButOnlyAsWebLinksAndAProviderIdIsFiledOnce() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Media Marble");
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        InboundText picture = new InboundText(account.id(), account.firstProfileId(), "+15550104051", "", sid,
                List.of("https://media.example/kitchen.jpg"));

        UUID conversation = inbound.receive(picture).orElseThrow();
        assertThat(inbound.receive(picture)).as("the same provider id again").isEmpty();
        assertThat(databaseOwner().sql("SELECT preview FROM conversations WHERE id = :c").param("c", conversation)
                .query(String.class).single()).isEqualTo(ConversationStore.MEDIA_ONLY_PREVIEW);
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c").param("c", conversation)
                .query(Integer.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> databaseOwner().sql("""
                        INSERT INTO messages (id, account_id, conversation_id, kind, body, created_at, provider_message_id)
                        VALUES (gen_random_uuid(), :a, :c, 'inbound', 'Again', now(), :sid)""")
                .param("a", account.id()).param("c", conversation).param("sid", sid).update())
                .as("two webhooks at once: the unique index (V43) files one").isInstanceOf(DuplicateKeyException.class);

        for (List<String> links : List.of(List.of("javascript:alert(1)"), List.of("ftp://media.example/x.jpg"),
                List.of("https://" + "a".repeat(2001)), java.util.Collections.nCopies(11, "https://media.example/x.jpg"))) {
            assertThatThrownBy(() -> inbound.receive(new InboundText(account.id(), account.firstProfileId(), "+15550104052", "Look",
                    null, links))).isInstanceOfSatisfying(InvalidInputException.class,
                    refused -> assertThat(refused.fieldErrors()).containsKey("media"));
        }
        assertThatThrownBy(() -> inbound.receive(new InboundText(account.id(), account.firstProfileId(), "+15550104052", " ",
                null, List.of()))).as("no words and no media").isInstanceOf(InvalidInputException.class);
        assertThat(databaseOwner().sql("SELECT count(*) FROM contacts WHERE account_id = :a AND phone = '+15550104052'")
                .param("a", account.id()).query(Integer.class).single()).isZero();
    }

    /** A new lead's texts arriving at once (a picture and words, two webhooks) all land in one contact's one conversation. */
    @Test
    void textsOfANewLeadArrivingAtOnceAreAllFiledInOneConversation() throws Exception {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Racing Rugs");
        int texts = 6;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(texts);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(texts);
        try {
            List<java.util.concurrent.Future<Optional<UUID>>> filed = new java.util.ArrayList<>();
            for (int i = 0; i < texts; i++) {
                String sid = "SMrace" + i + UUID.randomUUID().toString().substring(0, 8);
                String body = "Part " + i;
                filed.add(pool.submit(() -> {
                    together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return inbound.receive(new InboundText(account.id(), account.firstProfileId(), "+15550104060", body, sid, List.of()));
                }));
            }
            java.util.Set<UUID> conversations = new java.util.HashSet<>();
            for (var one : filed) {
                conversations.add(one.get(30, java.util.concurrent.TimeUnit.SECONDS).orElseThrow());
            }
            assertThat(conversations).hasSize(1);
            assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c").param("c", conversations.iterator().next())
                    .query(Integer.class).single()).as("every text filed, none dropped").isEqualTo(texts);
        } finally {
            pool.shutdownNow();
        }
    }

    /** With the provider answering STOP itself (its advanced opt-out), Leadline records the change and sends nothing. */
    @Test
    void whenTheProviderAnswersKeywordsTheOptOutIsRecordedAndNoAnswerIsQueued() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Quiet Quarries");
        String phone = "+15550104053";
        UUID conversation = inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "Hi");
        UUID contact = databaseOwner().sql("SELECT contact_id FROM conversations WHERE id = :c").param("c", conversation)
                .query(UUID.class).single();
        KeywordAnswers providerAnswers = new KeywordAnswers(contacts, autoReplyTexts, true);

        transactions.executeWithoutResult(status -> tenancy.inAccount(account.id(), () -> providerAnswers.apply(OptOutKeyword.STOP,
                account.id(), profiles.find(account.firstProfileId()).orElseThrow(), contact, phone, conversation, clock.instant())));

        assertThat(databaseOwner().sql("SELECT opted_out FROM contacts WHERE id = :k").param("k", contact)
                .query(Boolean.class).single()).isTrue();
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND kind = 'auto_reply'")
                .param("c", conversation).query(Integer.class).single()).isZero();
        assertThat(databaseOwner().sql("SELECT count(*) FROM text_outbox WHERE account_id = :a").param("a", account.id())
                .query(Integer.class).single()).isZero();

        inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "start");
        assertThat(databaseOwner().sql("SELECT opted_out FROM contacts WHERE id = :k").param("k", contact)
                .query(Boolean.class).single()).as("Leadline's own answers (the default)").isFalse();
        assertThat(databaseOwner().sql("SELECT body FROM text_outbox WHERE account_id = :a AND keyword_answer")
                .param("a", account.id()).query(String.class).list()).singleElement().asString().contains("subscribed again");
    }

    /** "Yes" to a question from a contact who never opted out is an ordinary text: nothing changes, nothing is answered. */
    @Test
    void anOptInWordFromAContactWhoNeverOptedOutIsNotAnswered() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Yes Yachts");
        UUID conversation = inbound.receiveInbound(account.id(), account.firstProfileId(), "+15550104054", "Can I book a trip?");
        inbound.receiveInbound(account.id(), account.firstProfileId(), "+15550104054", "Yes");
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND kind = 'auto_reply'")
                .param("c", conversation).query(Integer.class).single()).isZero();
        assertThat(databaseOwner().sql("SELECT opt_out_changed_at FROM contacts WHERE account_id = :a").param("a", account.id())
                .query(java.sql.Timestamp.class).optional()).isEmpty();

        inbound.receiveInbound(account.id(), account.firstProfileId(), "+15550104054", "STOP");
        inbound.receiveInbound(account.id(), account.firstProfileId(), "+15550104054", "stop");
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND kind = 'auto_reply'")
                .param("c", conversation).query(Integer.class).single()).as("one confirmation for two STOPs").isEqualTo(1);
    }

    private int contactsOf(UUID account) {
        return databaseOwner().sql("SELECT count(*) FROM contacts WHERE account_id = :a").param("a", account)
                .query(Integer.class).single();
    }
}
