package com.leadline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Accessibility;
import com.leadline.testing.BearerClient;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A person's API tokens in Chromium (PERMISSIONS.md row 32): from the account menu's Settings, a team
 * member names a token and picks how long it works, sees it once with Copy, finds only its first
 * characters after a reload, and revokes it after confirming. At 360 and 1440 px (screenshots with
 * -Dleadline.screenshots=DIR), checked with axe.
 */
class ApiTokensBrowserTests extends BrowserTest {

    @Test
    void aTeamMemberCreatesATokenSeesItOnceCopiesItAndRevokesIt() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Tidewater Tiles");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());

        signInAndAwaitInbox(member.email());
        browser.driver().findElement(By.id("account-menu-button")).click();
        browser.driver().findElement(By.xpath("//a[@role='menuitem' and normalize-space()='Your settings']")).click();
        browser.waitForHeading("Your settings");
        assertThat(browser.driver().findElement(By.cssSelector(".api-tokens .empty-state")).getText()).startsWith("You have no API tokens.");
        checkPage("Settings: no API tokens yet");

        browser.type("Token name", "Sheets sync");
        new Select(browser.field("Works for")).selectByVisibleText("30 days");
        browser.press("Create token");
        String token = browser.waitFor(By.id("new-token-text")).getDomProperty("value");
        assertThat(token).matches("ll_pat_[A-Za-z0-9_-]{43}");
        assertThat(browser.driver().findElement(By.cssSelector(".new-token")).getText())
                .contains("Token “Sheets sync” created.").contains("shown only this once");
        browser.press("Copy token");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("notice"), "Copied."));
        checkPage("Settings: a new API token, shown once");
        assertThat(BearerClient.withToken(port, token).get("/api/v1/conversations").status()).isEqualTo(200);

        browser.open("/settings/me");
        browser.waitForHeading("Your settings");
        assertThat(browser.driver().findElements(By.id("new-token-text"))).as("shown only once").isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(token);
        assertThat(browser.driver().findElement(By.cssSelector("table.tokens tbody tr")).getText())
                .contains("Sheets sync", token.substring(0, 11) + "…", "Tidewater Tiles", "Active");

        browser.driver().findElement(By.cssSelector("summary[aria-label='Revoke Sheets sync']")).click();
        browser.press("Yes, revoke Sheets sync");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice[role=status]"),
                "The token was revoked."));
        assertThat(browser.driver().findElement(By.cssSelector("table.tokens tbody tr")).getText()).contains("Revoked");
        assertThat(browser.driver().findElements(By.cssSelector("summary[aria-label='Revoke Sheets sync']"))).isEmpty();
        assertThat(BearerClient.withToken(port, token).get("/api/v1/conversations").status()).isEqualTo(401);
        checkPage("Settings: a revoked API token");
    }

    private static void checkPage(String page) {
        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        PhoneWidth.assertFits(browser, page);
        Accessibility.assertNoSeriousViolations(browser, page);
        PhoneWidth.viewportWidth(browser, PhoneWidth.DESKTOP);
        PhoneWidth.assertNoSidewaysScrolling(browser, page + " at 1440 px");
        Accessibility.assertNoSeriousViolations(browser, page + " at 1440 px");
    }
}
