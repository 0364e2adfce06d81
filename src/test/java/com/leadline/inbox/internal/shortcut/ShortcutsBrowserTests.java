package com.leadline.inbox.internal.shortcut;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.Browser;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** In Chromium: "/name " typed in a reply becomes the shortcut's text, and the reply goes out with it. */
class ShortcutsBrowserTests extends IntegrationTest {

    @Autowired
    private InboundTexts inbox;

    @Test
    void typingSlashAndANameInAReplyInsertsTheShortcut() {
        String email = TeamFixture.unique("owner");
        WebSession owner = visitor();
        owner.signUp("Slash Studio", "Sol Owner", email, PASSWORD);
        owner.api("POST", "/api/v1/shortcuts", Map.of("name", "hours", "body", "We open at nine."));
        var me = WebSession.json(owner.api("GET", "/api/v1/session", null));
        UUID accountId = UUID.fromString(me.get("accountId").asString());
        UUID profile = databaseOwner().sql("SELECT id FROM profiles WHERE account_id = :a").param("a", accountId)
                .query(UUID.class).single();
        UUID conversation = inbox.receiveInbound(accountId, profile, "+15559990000", "When are you open?");

        try (Browser browser = new Browser(port)) {
            browser.open("/signin");
            browser.type("Email", email);
            browser.type("Password", PASSWORD);
            browser.press("Sign in");
            browser.waitForHeading("Inbox");
            browser.open("/inbox?tab=all&c=" + conversation);
            browser.waitFor(By.xpath("//label[normalize-space()='Reply']"));
            WebElement reply = browser.field("Reply");
            reply.sendKeys("Hi! /hours ");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                    .until(d -> reply.getAttribute("value").equals("Hi! We open at nine. "));
            browser.press("Send reply");
            browser.waitForHeading("Inbox");
            assertThat(browser.driver().findElement(By.cssSelector(".messages")).getText()).contains("Hi! We open at nine.");
        }
    }
}
