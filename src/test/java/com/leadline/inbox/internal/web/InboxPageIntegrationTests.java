package com.leadline.inbox.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Inbox page and the local dev channel, as people use them: a text arrives, is taken, answered, given away. */
class InboxPageIntegrationTests extends IntegrationTest {

    @Autowired
    private InboundTexts inbox;

    @Test
    void aTextFromTheDevChannelIsTakenAnsweredAndGivenAway() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Page Plumbing");
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        TeamFixture.Member colleague = fixture.join(account.owner(), "member", null);
        WebSession owner = account.owner().session();

        owner.get("/dev/channel");
        assertThat(owner.post("/dev/channel", Map.of("profile", account.firstProfileId().toString(), "phone", "+1 (555) 010-2030",
                "body", "Do you fix leaking taps?")).location()).endsWith("/dev/channel?sent");
        assertThat(owner.post("/dev/channel", Map.of("profile", account.firstProfileId().toString(), "phone", "555",
                "body", "Hi")).status()).isEqualTo(422);

        WebSession session = member.session();
        Document unassigned = session.get("/inbox?tab=unassigned").document();
        assertThat(unassigned.select(".tabs a").eachText()).containsExactly("Me 0 unread", "Unassigned 1 unread", "All 1 unread");
        assertThat(unassigned.select("nav.side-nav a").eachText()).as("the left navigation's unread badge")
                .containsExactly("Inbox 1", "Contacts", "Leadbox", "Settings");
        String link = unassigned.select(".conversation-list li a").attr("href");
        String id = link.substring(link.indexOf("c=") + 2);
        assertThat(session.get(link).document().select(".messages").text()).contains("Do you fix leaking taps?");

        session.post("/inbox/conversations/" + id + "/assign", Map.of("assignee", "me", "tab", "unassigned"));
        session.get("/inbox?tab=me&c=" + id);
        assertThat(session.post("/inbox/conversations/" + id + "/reply", Map.of("body", "Yes, tomorrow at 9?", "tab", "me"))
                .status()).isEqualTo(302);
        Document mine = session.get("/inbox?tab=me").document();
        assertThat(mine.select(".tabs a").eachText()).as("read: no unread left").containsExactly("Me 0 unread", "Unassigned 0 unread", "All 0 unread");
        assertThat(mine.select(".conversation-list li")).hasSize(1);
        assertThat(session.get("/team").document().select("nav.side-nav a").eachText()).containsExactly("Inbox", "Contacts", "Leadbox", "Settings");
        assertThat(owner.get("/dev/channel").document().select("#text-outbox").text()).contains("+15550102030", "Yes, tomorrow at 9?");

        // Given to a colleague, it leaves the member's sight on the next request.
        session.get("/inbox?tab=me&c=" + id);
        WebSession.Page given = session.post("/inbox/conversations/" + id + "/assign",
                Map.of("assignee", colleague.id().toString(), "tab", "me"));
        assertThat(URI.create(given.location()).getRawQuery()).isEqualTo("tab=me");
        assertThat(session.get("/inbox?tab=all&c=" + id).status()).isEqualTo(404);
        assertThat(session.get("/inbox?tab=all").document().select(".conversation-list li")).isEmpty();
        assertThat(colleague.session().get("/inbox?tab=me").document().select(".tabs a").first().text()).isEqualTo("Me 1 unread");
        assertThat(owner.get("/inbox?tab=all&c=" + id).document().select("#conversation-heading").text()).isEqualTo("+15550102030");
    }

    @Test
    void anEmptyTabAndASearchOrFilterThatMatchesNothingSayDifferentThings() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Empty Plumbing");
        UUID annex = fixture.addProfile(account, "Empty Annex");
        inbox.receiveInbound(account.id(), account.firstProfileId(), TeamFixture.uniquePhoneNumber(), "Is anyone there?");
        WebSession owner = account.owner().session();

        assertThat(owner.get("/inbox?tab=me").document().select(".empty-state").text())
                .startsWith("No conversations here yet.");
        for (String filtered : new String[] {"/inbox?tab=all&q=nothing-like-this", "/inbox?tab=all&profile=" + annex,
                "/inbox?tab=all&assignee=none&q=zzzz"}) {
            Document page = owner.get(filtered).document();
            assertThat(page.select(".empty-state").text()).as(filtered).startsWith("No conversations match this search and these filters.");
            assertThat(page.select(".empty-state a").attr("href")).as(filtered).isEqualTo("/inbox?tab=all");
        }
        assertThat(owner.get("/inbox?tab=all").document().select(".empty-state")).as("the conversation is listed").isEmpty();
    }

    @Test
    void aRefusedFormComesBackWithItsErrorAndWhatWasTyped() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Form Florists");
        WebSession owner = account.owner().session();
        UUID id = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550900001", "Roses for Friday?");
        owner.get("/inbox?tab=all&c=" + id);

        String tooLong = "x".repeat(1601);
        WebSession.Page reply = owner.post("/inbox/conversations/" + id + "/reply", Map.of("body", tooLong, "tab", "all"));
        assertThat(reply.status()).isEqualTo(422);
        Document page = reply.document();
        assertThat(page.select(".error-summary").text()).contains("up to 1600 characters");
        assertThat(page.select("#composer-body").text()).as("kept what was typed").isEqualTo(tooLong);
        assertThat(page.select("#composer-body ~ .field-error").text()).contains("up to 1600 characters");
        assertThat(page.select("nav.side-nav[aria-label=Main]")).as("the page comes back on its whole shell").hasSize(1);

        WebSession.Page remind = owner.post("/inbox/conversations/" + id + "/reminders", Map.of("dueAt", "soon", "note", "Call", "tab", "all"));
        assertThat(remind.status()).isEqualTo(422);
        assertThat(remind.document().select("#remind-note").attr("value")).isEqualTo("Call");
        assertThat(remind.document().select(".field-error").text()).contains("Choose a date and time");
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c").param("c", id)
                .query(Integer.class).single()).as("nothing written").isEqualTo(1);
    }

    @Test
    void aReplyMayHold1600CharactersCountedAsTheTextBoxCountsThem() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Cap Chandlers");
        WebSession owner = account.owner().session();
        UUID id = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550900002", "How long can a reply be?");
        owner.get("/inbox?tab=all&c=" + id);

        // UTF-16 code units, as the box's maxlength counts: an emoji beyond the BMP is two.
        String overByAnEmoji = "x".repeat(1599) + "\uD83D\uDE00";
        assertThat(owner.post("/inbox/conversations/" + id + "/reply", Map.of("body", overByAnEmoji, "tab", "all")).status())
                .isEqualTo(422);
        assertThat(owner.post("/inbox/conversations/" + id + "/reply", Map.of("body", "x".repeat(1601), "tab", "all")).status())
                .isEqualTo(422);
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c").param("c", id)
                .query(Integer.class).single()).as("nothing written").isEqualTo(1);
        assertThat(databaseOwner().sql("SELECT count(*) FROM text_outbox WHERE account_id = :a").param("a", account.id())
                .query(Integer.class).single()).as("nothing queued").isZero();

        // A form sends a line break as CR LF; the box counted it once, and so does the cap.
        String withLineBreaks = "x".repeat(1590) + "\r\nOn Friday";
        assertThat(withLineBreaks.replace("\r\n", "\n")).hasSize(1600);
        assertThat(owner.post("/inbox/conversations/" + id + "/reply", Map.of("body", withLineBreaks, "tab", "all")).status())
                .isEqualTo(302);
        assertThat(databaseOwner().sql("SELECT body FROM messages WHERE conversation_id = :c AND kind = 'outbound'").param("c", id)
                .query(String.class).single()).isEqualTo("x".repeat(1590) + "\nOn Friday");
    }
}
