package com.leadline.inbox.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.Browser;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** In Chromium, as a team member: open Contacts, search, open a contact, rename it, see it saved. */
class ContactsBrowserTests extends IntegrationTest {

    @Autowired
    private InboundTexts inbox;

    @Test
    void aTeamMemberFindsAContactAndRenamesIt() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Browser Bakery");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        UUID conversation = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550203040", "Do you make gluten-free bread?");
        inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550909090", "Open on Sundays?");
        UUID contact = databaseOwner().sql("SELECT contact_id FROM conversations WHERE id = :c").param("c", conversation)
                .query(UUID.class).single();

        try (Browser browser = new Browser(port)) {
            browser.open("/signin");
            browser.type("Email", member.email());
            browser.type("Password", PASSWORD);
            browser.press("Sign in");
            browser.waitForHeading("Inbox");

            browser.open("/contacts");
            browser.waitForHeading("Contacts");
            browser.type("Search name, phone or email", "0203");
            browser.press("Search");
            browser.waitFor(By.linkText("+15550203040"));
            assertThat(browser.driver().findElements(By.cssSelector("tbody tr"))).hasSize(1);
            browser.follow("+15550203040");
            browser.waitForHeading("+15550203040");
            assertThat(browser.driver().findElement(By.cssSelector(".contact-conversations")).getText())
                    .contains("Do you make gluten-free bread?");

            browser.type("Name", "Greta Grain");
            browser.press("Save");
            browser.waitForHeading("Greta Grain");
            assertThat(browser.waitFor(By.cssSelector(".notice")).getText()).isEqualTo("Saved.");
            assertThat(browser.field("Name").getAttribute("value")).isEqualTo("Greta Grain");
        }
        assertThat(databaseOwner().sql("SELECT name FROM contacts WHERE id = :k").param("k", contact).query(String.class).single())
                .isEqualTo("Greta Grain");
    }
}
