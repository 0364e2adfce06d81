package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The auto reply to a new lead, with the clock set to the moment the lead texts: the new-lead reply
 * inside the profile's business hours, the after-hours one outside them, in the profile's timezone
 * across America/New_York's daylight-saving changes of 2026; the conversation stays New and unread;
 * and who gets none (an opted-out contact, a keyword, a second text, a reply that is off).
 */
class AutoReplyIntegrationTests extends IntegrationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String NEW_LEAD = "Hi {first_name}, thanks for texting {button_name}! We'll reply shortly.";
    private static final String AFTER_HOURS = "Hi {first_name}, {button_name} is closed now; we'll text you in the morning.";

    @Autowired
    InboundTexts inbound;

    private TeamFixture.Account account;

    /** An account whose first profile is in New York, open 09:00-17:00 on Sundays (both 2026 changes fall on one). */
    @BeforeEach
    void profileInNewYork() {
        account = new TeamFixture(port, databaseOwner()).openAccount("Harbor Heating");
        databaseOwner().sql("""
                        UPDATE profiles SET timezone = 'America/New_York', button_name = 'Harbor Help',
                               business_hours = '{"SUNDAY": {"opens": "09:00", "closes": "17:00"},
                                                  "MONDAY": {"opens": "09:00", "closes": "17:00"}}'
                        WHERE id = :p""").param("p", account.firstProfileId()).update();
        WebSession.Page saved = account.owner().session().api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/auto-replies",
                Map.of("newLeadEnabled", true, "newLeadText", NEW_LEAD, "afterHoursEnabled", true, "afterHoursText", AFTER_HOURS));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    @AfterEach
    void realTimeAgain() {
        clock.resetToNow();
    }

    @Test
    void aLeadAtTenGetsTheNewLeadReplyAndOneAtTwentyTwoTheAfterHoursReplyStillNewAndUnread() {
        UUID morning = leadAt(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, NEW_YORK).toInstant(), "Is the boiler service still on?");
        assertThat(autoReplies(morning)).containsExactly(
                "Hi there, thanks for texting Harbor Help! We'll reply shortly.");

        UUID evening = leadAt(ZonedDateTime.of(2026, 3, 2, 22, 0, 0, 0, NEW_YORK).toInstant(), "My heating is out");
        assertThat(autoReplies(evening)).containsExactly(
                "Hi there, Harbor Help is closed now; we'll text you in the morning.");

        for (UUID conversation : List.of(morning, evening)) {
            assertThat(databaseOwner().sql("SELECT state FROM conversations WHERE id = :c").param("c", conversation)
                    .query(String.class).single()).as("an auto reply is not a human reply").isEqualTo("new");
            assertThat(databaseOwner().sql("SELECT user_id FROM conversation_unread WHERE conversation_id = :c")
                    .param("c", conversation).query(UUID.class).list()).as("unread for the profile's people")
                    .contains(account.owner().id());
            Map<String, Object> queued = databaseOwner().sql("""
                            SELECT o.to_phone = c.contact_phone AS to_the_lead, o.body, o.status, o.keyword_answer,
                                   m.author_id IS NULL AS no_author
                            FROM text_outbox o JOIN messages m ON m.id = o.message_id JOIN conversations c ON c.id = m.conversation_id
                            WHERE m.conversation_id = :c""")
                    .param("c", conversation).query().singleRow();
            assertThat(queued).containsEntry("keyword_answer", false).containsEntry("no_author", true)
                    .containsEntry("to_the_lead", true);
            // Written in the lead's transaction; the relay (to the dev channel here) may have sent it since the commit.
            assertThat(queued.get("status")).isIn("queued", "sending", "sent");
            assertThat((String) queued.get("body")).isEqualTo(autoReplies(conversation).get(0));
            assertThat(kinds(conversation)).as("the lead's text first, then the reply").containsExactly("inbound", "auto_reply");
        }
    }

    /**
     * 2026-03-08, clocks go forward at 02:00: 13:30 UTC is 08:30 EST the day before and 09:30 EDT that
     * day. 2026-11-01, clocks go back at 02:00: 21:30 UTC is 17:30 EDT the day before and 16:30 EST
     * that day. The same UTC time of day is closed on one side of the change and open on the other.
     */
    @Test
    void theProfilesOwnClockDecidesAcrossDaylightSavingChanges() {
        // Sunday 8 March at 13:30 UTC is 09:30 EDT: open (with last week's EST offset it would be 08:30, closed).
        assertThat(autoReplies(leadAt(Instant.parse("2026-03-08T13:30:00Z"), "Spring forward?")))
                .singleElement().asString().startsWith("Hi there, thanks for texting");
        // An hour earlier, 08:30 EDT: closed.
        assertThat(autoReplies(leadAt(Instant.parse("2026-03-08T12:30:00Z"), "Early bird")))
                .singleElement().asString().contains("is closed now");
        // Sunday 1 November at 21:30 UTC is 16:30 EST (after the change): open (with EDT's offset, 17:30: closed).
        assertThat(autoReplies(leadAt(Instant.parse("2026-11-01T21:30:00Z"), "Fall back?")))
                .singleElement().asString().startsWith("Hi there, thanks for texting");
        // Monday 2 November at 21:30 UTC is 16:30 EST: open.
        assertThat(autoReplies(leadAt(Instant.parse("2026-11-02T21:30:00Z"), "Monday?")))
                .singleElement().asString().startsWith("Hi there, thanks for texting");
        // Sunday 25 October, still EDT: 21:30 UTC is 17:30, just closed.
        assertThat(autoReplies(leadAt(Instant.parse("2026-10-25T21:30:00Z"), "Before the change")))
                .singleElement().asString().contains("is closed now");
        // At the closing minute, closed; a minute earlier, open.
        assertThat(autoReplies(leadAt(Instant.parse("2026-11-01T22:00:00Z"), "At five")))
                .singleElement().asString().contains("is closed now");
        assertThat(autoReplies(leadAt(Instant.parse("2026-11-01T21:59:00Z"), "At four fifty-nine")))
                .singleElement().asString().startsWith("Hi there, thanks for texting");
    }

    @Test
    void aKnownContactsFirstNameFillsThePlaceholderAndTheButtonNameFallsBackToTheProfilesName() {
        String phone = phone();
        clock.setTo(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, NEW_YORK).toInstant());
        UUID first = inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "Hello");
        databaseOwner().sql("UPDATE contacts SET name = '  Maria  José Ortega ' WHERE account_id = :a AND phone = :phone")
                .param("a", account.id()).param("phone", phone).update();
        databaseOwner().sql("UPDATE conversations SET state = 'closed', outcome = 'won' WHERE id = :c").param("c", first).update();
        databaseOwner().sql("UPDATE profiles SET button_name = NULL WHERE id = :p").param("p", account.firstProfileId()).update();

        UUID second = inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "Hello again");
        assertThat(second).as("a new conversation after the closed one: a new lead").isNotEqualTo(first);
        assertThat(autoReplies(second)).containsExactly("Hi Maria, thanks for texting Harbor Heating! We'll reply shortly.");
    }

    @Test
    void theSecondTextOfAConversationAKeywordAndAnOptedOutContactGetNone() {
        Instant open = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, NEW_YORK).toInstant();
        clock.setTo(open);
        String phone = phone();
        UUID conversation = inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "First");
        inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "Second");
        assertThat(autoReplies(conversation)).as("the second text of the same conversation").hasSize(1);

        UUID stop = inbound.receiveInbound(account.id(), account.firstProfileId(), phone(), "STOP");
        assertThat(autoReplies(stop)).as("the keyword's answer only").singleElement().asString().contains("unsubscribed");
        UUID help = inbound.receiveInbound(account.id(), account.firstProfileId(), phone(), "help");
        assertThat(autoReplies(help)).singleElement().asString().doesNotContain("thanks for texting");

        // An opted-out contact whose conversation was closed texts again: a new conversation, no reply.
        String optedOut = phone();
        UUID before = inbound.receiveInbound(account.id(), account.firstProfileId(), optedOut, "stop");
        databaseOwner().sql("UPDATE conversations SET state = 'closed', outcome = 'lost' WHERE id = :c").param("c", before).update();
        UUID after = inbound.receiveInbound(account.id(), account.firstProfileId(), optedOut, "Actually, one question");
        assertThat(after).isNotEqualTo(before);
        assertThat(autoReplies(after)).isEmpty();
        assertThat(databaseOwner().sql("SELECT count(*) FROM text_outbox o JOIN messages m ON m.id = o.message_id WHERE m.conversation_id = :c")
                .param("c", after).query(Integer.class).single()).isZero();
    }

    @Test
    void aReplyThatIsOffSendsNothingWhileTheOtherStillDoes() {
        assertThat(account.owner().session().api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/auto-replies",
                Map.of("newLeadEnabled", false, "newLeadText", NEW_LEAD, "afterHoursEnabled", true, "afterHoursText", AFTER_HOURS))
                .status()).isEqualTo(200);
        assertThat(autoReplies(leadAt(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, NEW_YORK).toInstant(), "Open?"))).isEmpty();
        assertThat(autoReplies(leadAt(ZonedDateTime.of(2026, 3, 2, 22, 0, 0, 0, NEW_YORK).toInstant(), "Closed?")))
                .singleElement().asString().contains("is closed now");
        // Tuesday has no hours at all: closed all day.
        assertThat(autoReplies(leadAt(ZonedDateTime.of(2026, 3, 3, 12, 0, 0, 0, NEW_YORK).toInstant(), "Tuesday noon?")))
                .singleElement().asString().contains("is closed now");
    }

    /** A PUT that leaves a switch out is refused naming it, and changes nothing: it must not read as "off". */
    @Test
    void aPutWithoutBothSwitchesIsRefusedAndKeepsTheRepliesOn() {
        String path = "/api/v1/profiles/" + account.firstProfileId() + "/auto-replies";
        WebSession.Page refused = account.owner().session().api("PUT", path, Map.of("newLeadText", "Only the text"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(WebSession.json(refused).get("errors").get("newLeadEnabled").asString()).contains("true or false");
        assertThat(WebSession.json(refused).get("errors").get("afterHoursEnabled").asString()).contains("true or false");

        JsonNode kept = WebSession.json(account.owner().session().api("GET", path, null));
        assertThat(kept.get("newLeadEnabled").asBoolean()).isTrue();
        assertThat(kept.get("newLeadText").asString()).isEqualTo(NEW_LEAD);
        assertThat(kept.get("afterHoursEnabled").asBoolean()).isTrue();
    }

    private UUID leadAt(Instant at, String text) {
        clock.setTo(at);
        return inbound.receiveInbound(account.id(), account.firstProfileId(), phone(), text);
    }

    private List<String> autoReplies(UUID conversation) {
        return databaseOwner().sql("SELECT body FROM messages WHERE conversation_id = :c AND kind = 'auto_reply' ORDER BY created_at")
                .param("c", conversation).query(String.class).list();
    }

    private List<String> kinds(UUID conversation) {
        return databaseOwner().sql("SELECT kind FROM messages WHERE conversation_id = :c ORDER BY created_at, id")
                .param("c", conversation).query(String.class).list();
    }

    private static String phone() {
        return "+1555" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    }
}
