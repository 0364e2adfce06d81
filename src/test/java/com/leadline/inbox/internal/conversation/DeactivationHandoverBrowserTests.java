package com.leadline.inbox.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.Browser;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deactivation and a person's open conversations in Chromium. The seed's order (S14-S19): deactivate a member
 * keeping their conversations; they still show the member, marked deactivated; the admin finds them from the
 * Team page's count and the Inbox's assignee search and transfers them to Unassigned. And the dialog's own
 * hand-over: a member's open conversations given to another member while deactivating.
 */
class DeactivationHandoverBrowserTests extends BrowserTest {

    @Autowired
    private InboundTexts inbox;

    @Test
    void deactivateKeepingTheConversationsThenFindThemAndTransferThemToUnassigned() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Seed Order Plumbing");
        TeamFixture.Member leaver = fixture.named(fixture.join(account.owner(), "member", null), "Dana Departing");
        List<UUID> held = List.of(assignedTo(account, leaver, "+15550007001", "Leaking tap in the kitchen"),
                assignedTo(account, leaver, "+15550007002", "Boiler service next week?"));

        signInAndAwaitInbox(account.owner().email());
        browser.open("/team");
        browser.waitForHeading("Team");
        browser.press("Edit Dana Departing");
        browser.waitFor(By.cssSelector("dialog#modal[open]"));
        browser.press("Deactivate user");
        browser.waitFor(By.xpath("//dialog//h2[contains(., 'Deactivate Dana Departing?')]"));
        assertThat(browser.driver().findElement(By.id("modal")).getText()).contains("Dana Departing holds 2 open conversations.");
        WebElement keep = browser.driver().findElement(By.cssSelector("input[name=handover][value=keep]"));
        assertThat(keep.isSelected()).as("keeping them is the default").isTrue();
        browser.driver().findElement(By.xpath("//dialog//button[normalize-space()='Deactivate']")).click();

        // The page comes back with the count of what deactivated people hold.
        WebElement panel = browser.waitFor(By.cssSelector(".held-panel"));
        assertThat(panel.findElement(By.tagName("h2")).getText()).isEqualTo("2 open conversations are held by deactivated people");
        assertThat(browser.driver().findElements(By.cssSelector("dialog#modal[open]"))).isEmpty();
        assertThat(holders(held)).as("nothing moved").containsOnly(leaver.id().toString());

        // Its link is the Inbox's list of their conversations, each still showing them, marked deactivated.
        browser.follow("Dana Departing (deactivated): 2 open");
        browser.waitForHeading("Inbox");
        assertThat(listedHolders(browser)).containsExactly("Dana Departing (deactivated)", "Dana Departing (deactivated)");
        browser.driver().findElement(By.cssSelector(".conversation-list li a")).click();
        browser.waitFor(By.id("conversation-heading"));
        assertThat(browser.driver().findElement(By.cssSelector(".conversation .thread-meta")).getText()).endsWith("Dana Departing (deactivated)");

        // The assignee search finds the same two from an unfiltered Inbox.
        browser.open("/inbox?tab=all");
        browser.waitForHeading("Inbox");
        new Select(browser.field("Assigned to")).selectByVisibleText("Dana Departing (deactivated)");
        browser.press("Search");
        browser.waiting().until(ExpectedConditions.urlContains("assignee=" + leaver.id()));
        assertThat(listedHolders(browser)).hasSize(2);

        // Transferred to Unassigned, they land there.
        new Select(browser.field("Transfer Dana Departing’s conversations to")).selectByVisibleText("Unassigned");
        browser.press("Transfer");
        browser.waitForHeading("Inbox");
        assertThat(browser.driver().findElements(By.cssSelector(".held-panel"))).as("nothing left with deactivated people").isEmpty();
        browser.driver().findElement(By.cssSelector("nav.tabs a[href*='tab=unassigned']")).click();
        browser.waiting().until(ExpectedConditions.urlContains("tab=unassigned"));
        assertThat(browser.driver().findElement(By.cssSelector(".conversation-list")).getText())
                .contains("Leaking tap in the kitchen", "Boiler service next week?");
        assertThat(holders(held)).containsOnly("unassigned");
    }

    @Test
    void theDialogHandsTheOpenConversationsToAnotherMember() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Dialog Hand-over Dental");
        TeamFixture.Member leaver = fixture.named(fixture.join(account.owner(), "member", null), "Lou Leaving");
        TeamFixture.Member stayer = fixture.named(fixture.join(account.owner(), "member", null), "Sam Staying");
        List<UUID> held = List.of(assignedTo(account, leaver, "+15550008001", "Check-up on Tuesday?"),
                assignedTo(account, leaver, "+15550008002", "Whitening prices?"));

        signInAndAwaitInbox(account.owner().email());
        browser.open("/team");
        browser.waitForHeading("Team");
        browser.press("Edit Lou Leaving");
        browser.waitFor(By.cssSelector("dialog#modal[open]"));
        browser.press("Deactivate user");
        browser.waitFor(By.xpath("//dialog//h2[contains(., 'Deactivate Lou Leaving?')]"));
        new Select(browser.field("Member")).selectByVisibleText("Sam Staying");
        assertThat(browser.driver().findElement(By.cssSelector("input[name=handover][value=member]")).isSelected())
                .as("choosing a member picks that option").isTrue();
        browser.driver().findElement(By.xpath("//dialog//button[normalize-space()='Deactivate']")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog#modal[open]")));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//td[contains(., 'Lou Leaving')]")));
        assertThat(browser.driver().findElements(By.cssSelector(".held-panel"))).isEmpty();
        assertThat(holders(held)).containsOnly(stayer.id().toString());

        browser.open("/inbox?tab=all&assignee=" + stayer.id());
        browser.waitForHeading("Inbox");
        assertThat(listedHolders(browser)).containsExactly("Sam Staying", "Sam Staying");
        assertThat(WebSession.json(stayer.session().api("GET", "/api/v1/conversations/counts", null)).get("me").asInt())
                .as("unread for the member who took them").isEqualTo(2);
    }

    private UUID assignedTo(TeamFixture.Account account, TeamFixture.Member member, String phone, String text) {
        return TeamFixture.takenBy(member, inbox.receiveInbound(account.id(), account.firstProfileId(), phone, text));
    }


    /** Who holds each conversation, as the database has it. */
    private List<String> holders(List<UUID> conversations) {
        return conversations.stream().map(id -> databaseOwner()
                .sql("SELECT coalesce(CAST(assignee_id AS text), 'unassigned') FROM conversations WHERE id = :c")
                .param("c", id).query(String.class).single()).toList();
    }

    private static List<String> listedHolders(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".conversation-list li .assignee")).stream().map(WebElement::getText).toList();
    }
}
