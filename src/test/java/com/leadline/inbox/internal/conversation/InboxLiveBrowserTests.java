package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Browser;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 5's browser test: a team member and an admin in two browsers; a text arrives through the dev
 * channel and shows up live in both Unassigned tabs; the member takes it and replies with a shortcut;
 * the admin gives it to another member; it leaves the first member's inbox without a reload, and its
 * address answers 404.
 */
class InboxLiveBrowserTests extends IntegrationTest {

    @Test
    void aLeadAppearsLiveIsTakenAnsweredWithAShortcutAndLeavesWhenGivenAway() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Live Dental");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        TeamFixture.Member member = fixture.join(account.owner(), "member", null);
        TeamFixture.Member other = fixture.join(account.owner(), "member", null);
        member.session().api("POST", "/api/v1/shortcuts", Map.of("name", "book", "body", "You can book online at example.com."));

        try (Browser adminBrowser = new Browser(port); Browser memberBrowser = new Browser(port)) {
            signIn(adminBrowser, admin.email());
            signIn(memberBrowser, member.email());
            adminBrowser.open("/inbox?tab=unassigned");
            memberBrowser.open("/inbox?tab=unassigned");
            waitForLive(adminBrowser);
            waitForLive(memberBrowser);

            // A text arrives through the dev channel (sent here from the owner's session).
            account.owner().session().get("/dev/channel");
            account.owner().session().post("/dev/channel", Map.of("profile", account.firstProfileId().toString(),
                    "phone", "+15558887777", "body", "Can I get a check-up?"));
            for (Browser browser : new Browser[] {adminBrowser, memberBrowser}) {
                wait(browser.driver()).until(d -> d.findElement(By.cssSelector(".conversation-list")).getText()
                        .contains("Can I get a check-up?"));
            }

            // The member takes it and answers with a shortcut.
            memberBrowser.driver().findElement(By.cssSelector(".conversation-list li a")).click();
            memberBrowser.waitFor(By.id("conversation-heading"));
            String address = memberBrowser.driver().getCurrentUrl();
            memberBrowser.openThreadAction("assign");
            new Select(memberBrowser.field("Assign to")).selectByValue(member.id().toString());
            memberBrowser.press("Assign");
            memberBrowser.waitFor(By.id("conversation-heading"));
            WebElement reply = memberBrowser.field("Reply");
            reply.sendKeys("Hello! /book ");
            wait(memberBrowser.driver()).until(d -> reply.getAttribute("value").equals("Hello! You can book online at example.com. "));
            memberBrowser.press("Send reply");
            wait(memberBrowser.driver()).until(d -> d.findElement(By.cssSelector(".messages")).getText()
                    .contains("You can book online at example.com."));
            memberBrowser.open("/inbox?tab=me");
            waitForLive(memberBrowser);
            wait(memberBrowser.driver()).until(d -> d.findElement(By.cssSelector(".conversation-list")).getText().contains("+15558887777"));

            // The admin gives it to another member: it leaves the member's inbox without a reload.
            adminBrowser.open("/inbox?tab=all&c=" + address.substring(address.indexOf("c=") + 2));
            adminBrowser.openThreadAction("assign");
            new Select(adminBrowser.field("Assign to")).selectByValue(other.id().toString());
            adminBrowser.press("Assign");
            adminBrowser.waitFor(By.id("conversation-heading"));
            wait(memberBrowser.driver()).until(d -> !d.findElement(By.cssSelector(".conversation-list")).getText()
                    .contains("+15558887777"));
            memberBrowser.open(address);
            assertThat(memberBrowser.heading()).isEqualTo("Page not found");
        }
    }

    private static void signIn(Browser browser, String email) {
        browser.open("/signin");
        browser.type("Email", email);
        browser.type("Password", PASSWORD);
        browser.press("Sign in");
        browser.waitForHeading("Inbox");
    }

    /** The page's event stream is open once the server's "ready" event arrived (the page marks itself listening). */
    private static void waitForLive(Browser browser) {
        wait(browser.driver()).until(d -> !d.findElements(By.cssSelector("main[data-live=listening]")).isEmpty());
    }

    /** The list is replaced whenever an event arrives: an element found a moment ago may be gone, so look again. */
    private static org.openqa.selenium.support.ui.FluentWait<WebDriver> wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }
}
