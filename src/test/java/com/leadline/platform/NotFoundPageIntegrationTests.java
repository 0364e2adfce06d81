package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A 404 reveals nothing, but a signed-in person gets it inside their own shell (top bar, navigation,
 * account menu), so that it does not look like they were signed out; a visitor gets the public layout.
 */
class NotFoundPageIntegrationTests extends IntegrationTest {

    @Autowired
    private InboundTexts inbox;

    @Test
    void aConversationSomeoneMayNotSeeAnswers404InsideTheirOwnShell() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Hidden Harbour");
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        UUID hidden = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550470001", "Secret about the boat");
        WebSession owner = account.owner().session();
        owner.get("/inbox?tab=all&c=" + hidden);
        owner.post("/inbox/conversations/" + hidden + "/assign", java.util.Map.of("assignee", "me", "tab", "all"));

        WebSession.Page page = member.session().get("/inbox?tab=all&c=" + hidden);

        assertThat(page.status()).isEqualTo(404);
        Document document = page.document();
        assertThat(document.select("h1").text()).isEqualTo("Page not found");
        assertSignedInShell(document, "JM");
        assertThat(page.body()).doesNotContain("Secret about the boat", "+15550470001", "555", hidden.toString());
    }

    @Test
    void anUnknownAddressAnswers404InsideTheShellOfASignedInPerson() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Lost Lanterns");

        WebSession.Page unknownPath = account.owner().session().get("/no-such-page");
        WebSession.Page malformedId = account.owner().session().get("/contacts/not-a-uuid");
        WebSession.Page supportConsole = account.owner().session().get("/support");

        for (WebSession.Page page : java.util.List.of(unknownPath, malformedId, supportConsole)) {
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.document().select("h1").text()).isEqualTo("Page not found");
            assertSignedInShell(page.document(), "OO");
        }
    }

    @Test
    void aVisitorGetsTheNotFoundPageInThePublicLayout() {
        WebSession visitor = visitor();

        WebSession.Page page = visitor.get("/password/no-such-page");

        assertThat(page.status()).isEqualTo(404);
        Document document = page.document();
        assertThat(document.select("h1").text()).isEqualTo("Page not found");
        assertThat(document.select("header nav.public-nav a").eachText()).containsExactly("Sign in", "Sign up");
        assertThat(document.select("#account-menu-button, nav.side-nav")).isEmpty();
    }

    private static void assertSignedInShell(Document document, String initials) {
        assertThat(document.select("header #account-menu-button").attr("aria-label")).isEqualTo(initials + ", Account menu");
        assertThat(document.select("#account-menu [role=menuitem]").eachText()).contains("Team", "Profiles", "Sign out");
        assertThat(document.select("nav.side-nav a").eachText()).containsExactly("Inbox", "Contacts", "Leadbox", "Settings");
        assertThat(document.select("header nav.public-nav")).as("no Sign in / Sign up").isEmpty();
    }
}
