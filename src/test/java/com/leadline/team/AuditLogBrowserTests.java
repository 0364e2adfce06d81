package com.leadline.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Accessibility;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The account's audit log in Chromium: reached from the account menu, filtered, paged, at desktop and phone widths. */
class AuditLogBrowserTests extends BrowserTest {

    private static final By ROWS = By.cssSelector("tr[data-entry]");

    @Test
    void theOwnerOpensTheAuditLogFromTheMenuFiltersByPersonAndKindAndPagesToOlderEntries() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Ledger Bakery");
        fixture.join(account.owner(), "admin", account.firstProfileId());
        Instant start = clock.instant().minusSeconds(3600);
        for (int i = 0; i < 60; i++) {
            databaseOwner().sql("""
                            INSERT INTO audit_log (account_id, occurred_at, action, outcome, actor_user_id, target_type, target_id)
                            VALUES (:a, :at, 'user.edited', 'success', :actor, 'user', :actor)""")
                    .param("a", account.id()).param("at", Timestamp.from(start.plusSeconds(i)))
                    .param("actor", account.owner().id()).update();
        }
        signInAndAwaitInbox(account.owner().email());
        PhoneWidth.viewportWidth(browser, PhoneWidth.DESKTOP);

        browser.driver().findElement(By.id("account-menu-button")).click();
        browser.driver().findElement(By.xpath("//a[@role='menuitem' and normalize-space()='Audit log']")).click();
        browser.waitForHeading("Audit log");
        assertThat(browser.driver().findElements(ROWS)).hasSize(50);
        checkPage("Audit log");

        new Select(browser.field("Person")).selectByVisibleText("Olive Owner");
        new Select(browser.field("Kind")).selectByVisibleText("Person edited");
        browser.press("Filter");
        browser.waiting().until(ExpectedConditions.urlContains("kind=user.edited"));
        List<WebElement> firstPage = browser.driver().findElements(ROWS);
        assertThat(firstPage).hasSize(50);
        assertThat(firstPage).allSatisfy(row -> assertThat(row.getText()).contains("Person edited", "Olive Owner"));
        assertThat(new Select(browser.field("Kind")).getFirstSelectedOption().getText()).isEqualTo("Person edited");
        Set<String> seen = new HashSet<>();
        firstPage.forEach(row -> seen.add(row.getAttribute("data-entry")));

        browser.follow("Older entries");
        browser.waiting().until(ExpectedConditions.urlContains("after="));
        List<WebElement> secondPage = browser.driver().findElements(ROWS);
        assertThat(secondPage).hasSize(10).allSatisfy(row -> assertThat(seen).doesNotContain(row.getAttribute("data-entry")));
        assertThat(browser.driver().findElements(By.linkText("Older entries"))).isEmpty();
        checkPage("Audit log, older entries");

        browser.follow("Newest entries");
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("after=")));
        assertThat(browser.driver().findElements(ROWS)).hasSize(50);
        assertThat(browser.driver().findElement(By.linkText("Download CSV")).getAttribute("href"))
                .contains("/api/v1/audit-log/export.csv", "kind=user.edited", "person=" + account.owner().id());
    }

    /** Fits a 360 px phone and passes axe-core there, and scrolls nothing sideways at 1440 px. */
    private static void checkPage(String page) {
        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        PhoneWidth.assertFits(browser, page);
        PhoneWidth.assertAccountMenuReachable(browser, page);
        Accessibility.assertNoSeriousViolations(browser, page);
        PhoneWidth.viewportWidth(browser, PhoneWidth.DESKTOP);
        PhoneWidth.assertNoSidewaysScrolling(browser, page + " at 1440 px");
        Accessibility.assertNoSeriousViolations(browser, page + " at 1440 px");
    }
}
