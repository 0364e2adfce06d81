package com.leadline.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Smtp;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.TeamFixture.Account;
import com.leadline.testing.TeamFixture.Member;
import com.leadline.testing.WebSession;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notification emails end to end (issue 19, point 5): real SMTP (GreenMail), the relay after commit, and
 * the links in the received emails followed. Each test asserts only on its own people's mail.
 */
class NotificationEmailsIntegrationTests extends IntegrationTest {

    @Autowired
    private InboundTexts inbound;
    @Autowired
    private Digests digests;
    @Autowired
    private com.leadline.platform.Tenancy tenancy;
    @Autowired
    private org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    private Recipients recipients;
    @Autowired
    private com.leadline.inbox.ConversationGlances glances;
    @Autowired
    private NotificationMails mails;
    @Autowired
    private com.leadline.mail.Mailer mailer;

    private TeamFixture team;

    @BeforeEach
    void setUp() {
        team = new TeamFixture(port, databaseOwner());
    }

    @Test
    void anAssignedConversationEmailsItsNewHolderAndNobodyElse() throws Exception {
        Account account = team.openAccount("Assign Dental");
        Member maya = team.join(account.owner(), "member", account.firstProfileId());
        Member noah = team.join(account.owner(), "member", account.firstProfileId());
        Member admin = team.join(account.owner(), "admin", account.firstProfileId());
        String phone = TeamFixture.uniquePhoneNumber();
        UUID conversation = inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "My tooth hurts since Monday");
        long before = lastOutboxId();

        assign(account.owner(), conversation, maya);

        MimeMessage email = Smtp.awaitMessage(maya.email(), "Assigned to you");
        assertThat(Smtp.subject(email)).isEqualTo("Assigned to you: " + phone);
        String body = Smtp.body(email);
        assertThat(body).contains("Olive Owner gave you the conversation with " + phone)
                .contains("My tooth hurts since Monday")
                .contains("http://leadline.test/inbox?c=" + conversation);
        // The link opens that conversation for its holder.
        WebSession.Page opened = maya.session().open(Smtp.link(email, "http://leadline.test/inbox?c="));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("My tooth hurts since Monday");
        // Nobody else got one: the assigner, the other member, the admin.
        assertThat(assignmentMailsSince(before, account.owner().email(), noah.email(), admin.email())).isEmpty();
        assertThat(assignmentMailsSince(before, maya.email())).hasSize(1);

        // Taking a conversation oneself sends nothing.
        UUID other = inbound.receiveInbound(account.id(), account.firstProfileId(), TeamFixture.uniquePhoneNumber(), "Whitening?");
        long beforeTaking = lastOutboxId();
        TeamFixture.takenBy(noah, other);
        assertThat(assignmentMailsSince(beforeTaking, noah.email())).isEmpty();
    }

    @Test
    void aNewLeadEmailsTheMembersOfItsProfileWhoChoseEachAndNobodyOutsideIt() {
        Account account = team.openAccount("Lead Dental");
        UUID annex = team.addProfile(account, "Annex");
        Member each = team.join(account.owner(), "member", account.firstProfileId());
        Member off = team.join(account.owner(), "member", account.firstProfileId());
        Member gone = team.join(account.owner(), "member", account.firstProfileId());
        Member elsewhere = team.join(account.owner(), "member", annex);
        Member admin = team.join(account.owner(), "admin", account.firstProfileId());
        assertThat(off.session().post("/settings/me/notifications", Map.of("assignmentEmail", "on", "newLead", "off")).status())
                .isEqualTo(302);
        assertThat(account.owner().session().api("POST", "/api/v1/team/members/" + gone.id() + "/deactivation", null).status())
                .isEqualTo(204);
        String phone = TeamFixture.uniquePhoneNumber();
        long before = lastOutboxId();

        UUID conversation = inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "Do you do whitening?");

        MimeMessage email = Smtp.awaitMessage(each.email(), "New lead");
        assertThat(Smtp.subject(email)).isEqualTo("New lead: " + phone);
        assertThat(Smtp.body(email)).contains("Do you do whitening?").contains("http://leadline.test/inbox?c=" + conversation);
        assertThat(each.session().open(Smtp.link(email, "http://leadline.test/inbox?c=")).body()).contains("Do you do whitening?");
        Smtp.awaitMessage(admin.email(), "New lead");
        assertThat(newLeadMailsSince(before, each.email())).hasSize(1);
        // "Off", deactivated, another profile's member: none. The owner works in two profiles: a digest, not an email each.
        assertThat(newLeadMailsSince(before, off.email(), gone.email(), elsewhere.email(), account.owner().email())).isEmpty();
        assertThat(databaseOwner().sql("SELECT count(*) FROM notification_digest_entries WHERE user_id = :u AND conversation_id = :c")
                .param("u", account.owner().id()).param("c", conversation).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theDigestGathersLeadsAndLeavesOutOneAssignedToSomeoneElseMeanwhile() {
        Account account = team.openAccount("Digest Dental");
        Member reader = team.join(account.owner(), "member", account.firstProfileId());
        Member taker = team.join(account.owner(), "member", account.firstProfileId());
        assertThat(reader.session().post("/settings/me/notifications", Map.of("assignmentEmail", "on", "newLead", "digest")).status())
                .isEqualTo(302);
        String first = TeamFixture.uniquePhoneNumber();
        String taken = TeamFixture.uniquePhoneNumber();
        String third = TeamFixture.uniquePhoneNumber();
        inbound.receiveInbound(account.id(), account.firstProfileId(), first, "Cleaning next week?");
        UUID takenConversation = inbound.receiveInbound(account.id(), account.firstProfileId(), taken, "Broken crown");
        inbound.receiveInbound(account.id(), account.firstProfileId(), third, "Price of a check-up?");
        assertThat(newLeadMailsSince(0, reader.email())).isEmpty();
        assign(account.owner(), takenConversation, taker);

        digests.sendDue();

        MimeMessage digest = Smtp.awaitMessage(reader.email(), "new leads in Leadline");
        assertThat(Smtp.subject(digest)).isEqualTo("2 new leads in Leadline");
        assertThat(Smtp.body(digest)).contains(first).contains("Cleaning next week?").contains(third)
                .doesNotContain(taken).doesNotContain("Broken crown");
        // Sent once: the entries are gone, and a second run within the interval sends nothing more.
        digests.sendDue();
        assertThat(newLeadMailsSince(0, reader.email())).hasSize(1);
    }

    /**
     * A run visits every account with leads waiting, a page of accounts at a time (one here): an account whose reader
     * is not due yet, with older entries, does not hold back another account's digest.
     */
    @Test
    void anAccountNotDueYetDoesNotHoldBackAnotherAccountsDigest() {
        Account busy = team.openAccount("Busy Not Due Dental");
        Member busyReader = team.join(busy.owner(), "member", busy.firstProfileId());
        busyReader.session().post("/settings/me/notifications", Map.of("assignmentEmail", "on", "newLead", "digest"));
        Account quiet = team.openAccount("Quiet Due Dental");
        Member quietReader = team.join(quiet.owner(), "member", quiet.firstProfileId());
        quietReader.session().post("/settings/me/notifications", Map.of("assignmentEmail", "on", "newLead", "digest"));
        for (int i = 0; i < 3; i++) {
            inbound.receiveInbound(busy.id(), busy.firstProfileId(), TeamFixture.uniquePhoneNumber(), "Busy lead " + i);
        }
        // The busy account's reader had a digest a moment ago: theirs waits for the next interval.
        databaseOwner().sql("UPDATE notification_preferences SET last_digest_at = :now WHERE user_id = :u")
                .param("now", java.sql.Timestamp.from(clock.instant())).param("u", busyReader.id()).update();
        clock.advance(java.time.Duration.ofSeconds(1));
        String phone = TeamFixture.uniquePhoneNumber();
        inbound.receiveInbound(quiet.id(), quiet.firstProfileId(), phone, "Quiet lead");
        Digests onePerPage = new Digests(jdbc, tenancy, transactions, recipients, glances, mails, mailer, clock, digests.interval(), 1);

        onePerPage.sendDue();

        assertThat(Smtp.body(Smtp.awaitMessage(quietReader.email(), "new lead in Leadline"))).contains(phone);
        assertThat(newLeadMailsSince(0, busyReader.email())).isEmpty();
    }

    @Test
    void aDigestLeftWithNothingIsNotSent() {
        Account account = team.openAccount("Empty Digest Dental");
        Member reader = team.join(account.owner(), "member", account.firstProfileId());
        Member taker = team.join(account.owner(), "member", account.firstProfileId());
        reader.session().post("/settings/me/notifications", Map.of("newLead", "digest"));
        UUID only = inbound.receiveInbound(account.id(), account.firstProfileId(), TeamFixture.uniquePhoneNumber(), "Hello?");
        assign(account.owner(), only, taker);

        digests.sendDue();

        assertThat(newLeadMailsSince(0, reader.email())).isEmpty();
        assertThat(databaseOwner().sql("SELECT count(*) FROM notification_digest_entries WHERE user_id = :u")
                .param("u", reader.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void oneClickUnsubscribeTurnsOffThatKindOnlyAndAGetOrATamperedTokenChangesNothing() throws Exception {
        Account account = team.openAccount("Unsubscribe Dental");
        Member maya = team.join(account.owner(), "member", account.firstProfileId());
        UUID conversation = inbound.receiveInbound(account.id(), account.firstProfileId(), TeamFixture.uniquePhoneNumber(), "Hi");
        assign(account.owner(), conversation, maya);
        MimeMessage email = Smtp.awaitMessage(maya.email(), "Assigned to you");

        String header = email.getHeader("List-Unsubscribe", null);
        assertThat(header).matches("<http://leadline\\.test/notifications/unsubscribe\\?token=[A-Za-z0-9_-]{43}>");
        assertThat(email.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String url = header.substring(1, header.length() - 1);
        assertThat(Smtp.body(email)).contains(url).contains("Turn these emails off: http://leadline.test/settings/me#notifications-heading");
        assertThat(maya.session().open(Smtp.link(email, "http://leadline.test/settings/me")).body()).contains("notifications-heading");

        // A link followed (a scanner, or the person): a page with the button, nothing changed.
        WebSession scanner = visitor();
        WebSession.Page page = scanner.get(url);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().selectFirst("form[method=post] input[name=List-Unsubscribe]").attr("value")).isEqualTo("One-Click");
        assertThat(assignmentEmailChoice(maya)).isNull();

        // Tampered or unknown: 404 with words, nothing changed.
        String token = url.substring(url.indexOf("token=") + 6);
        String tampered = url.substring(0, url.length() - 1) + (token.endsWith("A") ? "B" : "A");
        WebSession.Page refused = visitor().postRaw(pathOf(tampered), Map.of("List-Unsubscribe", "One-Click"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).contains("This unsubscribe link is not valid");
        assertThat(visitor().get(pathOf(tampered)).status()).isEqualTo(404);
        assertThat(visitor().postRaw("/notifications/unsubscribe?token=short", Map.of("List-Unsubscribe", "One-Click")).status())
                .isEqualTo(404);
        // Without the one-click body: refused.
        assertThat(visitor().postRaw(pathOf(url), Map.of()).status()).isEqualTo(422);
        assertThat(assignmentEmailChoice(maya)).isNull();

        // The mail provider's POST: no session, no CSRF token.
        WebSession.Page done = visitor().postRaw(pathOf(url), Map.of("List-Unsubscribe", "One-Click"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.heading()).isEqualTo("These emails are stopped");
        assertThat(assignmentEmailChoice(maya)).isFalse();
        assertThat(databaseOwner().sql("SELECT new_lead_email IS NULL FROM notification_preferences WHERE user_id = :u")
                .param("u", maya.id()).query(Boolean.class).single()).as("the new-lead choice untouched").isTrue();

        // RFC 8058 allows the same POST as multipart/form-data: taken too (the kind is already off; the answer is the same).
        String boundary = "----leadline-one-click";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--"
                + boundary + "--\r\n";
        WebSession provider = visitor();
        assertThat(provider.send(java.net.http.HttpRequest.newBuilder(provider.uri(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(multipart))).status()).isEqualTo(200);

        // A later assignment sends nothing; new leads still do.
        UUID later = inbound.receiveInbound(account.id(), account.firstProfileId(), TeamFixture.uniquePhoneNumber(), "Again");
        long before = lastOutboxId();
        assign(account.owner(), later, maya);
        assertThat(assignmentMailsSince(before, maya.email())).isEmpty();
        assertThat(newLeadMailsSince(0, maya.email())).hasSize(2);
    }

    @Test
    void theSettingsFormSavesChoicesAndRefusesBadInputChangingNothing() {
        Account account = team.openAccount("Settings Dental");
        Member maya = team.join(account.owner(), "member", account.firstProfileId());
        WebSession session = maya.session();
        session.get("/settings/me");

        assertThat(session.post("/settings/me/notifications", Map.of("assignmentEmail", "on", "newLead", "weekly")).status())
                .isEqualTo(422);
        assertThat(session.post("/settings/me/notifications", Map.of("assignmentEmail", "yes", "newLead", "off")).status())
                .isEqualTo(422);
        assertThat(session.post("/settings/me/notifications", Map.of("assignmentEmail", "on")).status()).isEqualTo(422);
        assertThat(session.postRaw("/settings/me/notifications", Map.of("newLead", "off")).status()).isEqualTo(403);
        assertThat(databaseOwner().sql("SELECT count(*) FROM notification_preferences WHERE user_id = :u")
                .param("u", maya.id()).query(Integer.class).single()).isZero();

        WebSession.Page saved = session.post("/settings/me/notifications", Map.of("newLead", "digest"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/settings/me?notificationsSaved#notifications-heading");
        WebSession.Page page = session.open(saved.location());
        assertThat(page.body()).contains("Your notification choices were saved.");
        assertThat(page.document().selectFirst("#notifications-assignment").hasAttr("checked")).isFalse();
        assertThat(page.document().selectFirst("#notifications-new-lead-digest").hasAttr("checked")).isTrue();
        assertThat(assignmentEmailChoice(maya)).isFalse();
    }

    @Test
    void theDefaultIsADigestForAnOwnerOfSeveralProfilesAndOneEmailEachOtherwise() {
        Account account = team.openAccount("Default Dental");
        Member member = team.join(account.owner(), "member", account.firstProfileId());
        assertThat(member.session().get("/settings/me").document().selectFirst("#notifications-new-lead-each").hasAttr("checked")).isTrue();
        assertThat(account.owner().session().get("/settings/me").document().selectFirst("#notifications-new-lead-each")
                .hasAttr("checked")).isTrue();
        team.addProfile(account, "Second office");
        assertThat(account.owner().session().get("/settings/me").document().selectFirst("#notifications-new-lead-digest")
                .hasAttr("checked")).isTrue();
    }

    private void assign(Member by, UUID conversation, Member to) {
        assertThat(by.session().api("PUT", "/api/v1/conversations/" + conversation + "/assignee",
                Map.of("assigneeId", to.id().toString())).status()).isEqualTo(204);
    }

    private Boolean assignmentEmailChoice(Member member) {
        return databaseOwner().sql("SELECT assignment_email FROM notification_preferences WHERE user_id = :u")
                .param("u", member.id()).query((rs, n) -> (Boolean) rs.getObject(1)).optional().orElse(null);
    }

    private long lastOutboxId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM mail_outbox").query(Long.class).single();
    }

    /** Queued in the outbox (written in the change's transaction, so there as soon as the change answered). */
    private List<String> assignmentMailsSince(long afterId, String... recipients) {
        return mailsSince(afterId, "%ssigned to you%", recipients);
    }

    private List<String> newLeadMailsSince(long afterId, String... recipients) {
        return mailsSince(afterId, "%ew lead%", recipients);
    }

    private List<String> mailsSince(long afterId, String subjectLike, String... recipients) {
        return jdbc.sql("SELECT subject FROM mail_outbox WHERE id > :after AND recipient = ANY (:to) AND subject LIKE :like")
                .param("after", afterId).param("to", recipients).param("like", subjectLike).query(String.class).list();
    }

    private static String pathOf(String url) {
        return url.substring("http://leadline.test".length());
    }
}
