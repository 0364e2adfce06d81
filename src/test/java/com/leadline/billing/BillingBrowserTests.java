package com.leadline.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Accessibility;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The billing page in Chromium (S30, PERMISSIONS.md row 16): the owner reaches it from the account menu, is refused a bad
 * billing email and a missing country beside the fields (nothing saved), then saves the billing account; changes a
 * profile's plan and sees this month's total change; an admin has no Billing in the menu and is refused the page. At 360 and
 * 1440 px with axe (screenshots with -Dleadline.screenshots=DIR).
 */
class BillingBrowserTests extends BrowserTest {

    @Test
    void theOwnerFillsTheBillingAccountAndChangesAPlanAndAnAdminIsRefused() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Harbor Dental");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);

        signInAndAwaitInbox(account.owner().email());
        browser.driver().findElement(By.id("account-menu-button")).click();
        assertThat(browser.menuItems("account-menu-button")).containsSubsequence("Your settings", "Billing", "Sign out");
        browser.driver().findElement(By.xpath("//a[@role='menuitem' and normalize-space()='Billing']")).click();
        browser.waitForHeading("Billing");
        assertThat(browser.driver().findElement(By.id("no-processor")).getText()).contains("No payment processor is connected");
        assertThat(browser.field("Company name").getAttribute("value")).isEqualTo("Harbor Dental");
        BigDecimal before = total();
        checkPage("Billing", null);

        browser.type("Billing email", "not-an-email");
        browser.type("Address", "1 Harbor Road");
        browser.type("City", "Portland");
        browser.press("Save billing account");
        browser.waitFor(By.id("billing-billingEmail-error"));
        assertThat(browser.driver().findElement(By.id("billing-billingEmail-error")).getText())
                .isEqualTo("Enter the billing email address like billing@example.com.");
        assertThat(browser.driver().findElement(By.id("billing-country-error")).getText()).isEqualTo("Choose the country from the list.");
        assertThat(browser.driver().findElement(By.cssSelector(".error-summary")).getText()).contains("Nothing was saved");
        assertThat(browser.field("City").getAttribute("value")).as("kept as typed").isEqualTo("Portland");
        assertThat(stored(account)).as("nothing saved").isEqualTo("Harbor Dental|null");
        checkPage("Billing: a bad email and no country", "account-heading");

        browser.type("Billing email", "accounts@harbor-dental.example");
        new Select(browser.field("Country")).selectByVisibleText("Germany");
        browser.press("Save billing account");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice[role=status]"),
                "Billing account saved."));
        assertThat(stored(account)).isEqualTo("Harbor Dental|DE");

        new Select(browser.field("Plan of Harbor Dental")).selectByVisibleText("Premium");
        browser.press("Change plan");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice[role=status]"),
                "Plan changed."));
        assertThat(total()).as("Premium from today instead of Pro").isGreaterThan(before);
        assertThat(browser.driver().findElement(By.cssSelector(".billing-history tbody tr")).getText())
                .contains("Olive Owner", "Plan of Harbor Dental", "Pro", "Premium");
        checkPage("Billing: saved and on Premium", null);
        PhoneWidth.screenshots(browser, "Billing: history", () -> scrollTo("history-heading"));

        browser.driver().manage().deleteAllCookies();
        signInAndAwaitInbox(admin.email());
        browser.driver().findElement(By.id("account-menu-button")).click();
        assertThat(browser.menuItems("account-menu-button")).contains("Your settings").doesNotContain("Billing");
        browser.open("/settings/billing");
        browser.waitForHeading("Not allowed");
        assertThat(admin.session().get("/settings/billing").status()).isEqualTo(403);
    }

    private static BigDecimal total() {
        return new BigDecimal(browser.driver().findElement(By.id("month-total")).getText().replaceAll("[^0-9.]", ""));
    }

    private String stored(TeamFixture.Account account) {
        return databaseOwner().sql("SELECT company_name || '|' || coalesce(country, 'null') FROM billing_accounts WHERE account_id = :a")
                .param("a", account.id()).query(String.class).single();
    }

    private static void scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    /** @param scrolledTo the id of the part the screenshots show (the top of the page with null) */
    private static void checkPage(String page, String scrolledTo) {
        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        PhoneWidth.assertFits(browser, page);
        PhoneWidth.assertAccountMenuReachable(browser, page);
        Accessibility.assertNoSeriousViolations(browser, page);
        PhoneWidth.viewportWidth(browser, PhoneWidth.DESKTOP);
        PhoneWidth.assertNoSidewaysScrolling(browser, page + " at 1440 px");
        Accessibility.assertNoSeriousViolations(browser, page + " at 1440 px");
        PhoneWidth.screenshots(browser, page, () -> {
            if (scrolledTo != null) {
                scrollTo(scrolledTo);
            }
        });
    }
}
