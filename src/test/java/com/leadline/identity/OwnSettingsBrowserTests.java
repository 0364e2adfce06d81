package com.leadline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Accessibility;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Your settings in Chromium (PERMISSIONS.md row 13): from the account menu, the owner renames themselves (the menu shows it at
 * once), sees where they are signed in (this browser marked) and signs out a phone they no longer use. At 360 and 1440 px
 * (screenshots with -Dleadline.screenshots=DIR), checked with axe.
 */
class OwnSettingsBrowserTests extends BrowserTest {

    private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @Test
    void theOwnerRenamesThemselvesAndSignsOutAnotherSession() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Juniper Joinery");
        WebSession phone = WebSession.fromLoopback("127.0.0.1", port).sendingHeader("User-Agent", SAFARI_ON_IPHONE);
        phone.signIn(account.owner().email(), PASSWORD);

        signInAndAwaitInbox(account.owner().email());
        browser.driver().findElement(By.id("account-menu-button")).click();
        browser.driver().findElement(By.xpath("//a[@role='menuitem' and normalize-space()='Your settings']")).click();
        browser.waitForHeading("Your settings");
        assertThat(browser.field("Name").getAttribute("value")).isEqualTo("Olive Owner");
        assertThat(browser.driver().findElement(By.cssSelector("li.session.current")).getText())
                .contains("Chrome on Linux", "This session", "IP address", "Last used");
        assertThat(browser.driver().findElement(By.xpath("//li[contains(@class, 'session')][.//strong[.='Safari on iPhone']]")).getText())
                .contains("127.0.0.1", "Last used");
        checkPage("Your settings: three sessions");

        browser.type("Name", "Hazel Juniper");
        browser.press("Save name");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice[role=status]"),
                "Your name was saved."));
        assertThat(browser.driver().findElement(By.id("account-menu-button")).getText()).isEqualTo("HJ");
        assertThat(browser.field("Name").getAttribute("value")).isEqualTo("Hazel Juniper");

        browser.type("Name", "   ");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('own-name').removeAttribute('required')");
        browser.press("Save name");
        browser.waitFor(By.id("own-name-error"));
        assertThat(browser.driver().findElement(By.id("own-name-error")).getText()).isEqualTo("Enter your name (up to 200 characters).");
        checkPage("Your settings: a name refused");
        assertThat(browser.driver().findElement(By.id("account-menu-button")).getText()).as("unchanged").isEqualTo("HJ");

        browser.driver().findElement(By.xpath("//li[contains(@class, 'session')][.//strong[.='Safari on iPhone']]//button")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice[role=status]"),
                "That session was signed out."));
        assertThat(browser.driver().findElements(By.xpath("//strong[.='Safari on iPhone']"))).isEmpty();
        assertThat(phone.isSignedIn()).isFalse();
        checkPage("Your settings: the phone signed out");

        browser.press("Sign out of all other sessions");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice[role=status]"),
                "Your other sessions were signed out."));
        assertThat(browser.driver().findElements(By.cssSelector("li.session"))).hasSize(1);
        assertThat(account.owner().session().isSignedIn()).as("the session the account was opened in").isFalse();
        browser.open("/inbox");
        browser.waitForHeading("Inbox");
    }

    private static void checkPage(String page) {
        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        PhoneWidth.assertFits(browser, page);
        PhoneWidth.assertAccountMenuReachable(browser, page);
        Accessibility.assertNoSeriousViolations(browser, page);
        PhoneWidth.viewportWidth(browser, PhoneWidth.DESKTOP);
        PhoneWidth.assertNoSidewaysScrolling(browser, page + " at 1440 px");
        Accessibility.assertNoSeriousViolations(browser, page + " at 1440 px");
        // The sessions are below the name and password: a second pair of screenshots shows them.
        PhoneWidth.screenshots(browser, page + " sessions", () -> ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('sessions-heading').scrollIntoView({block: 'start'})"));
    }
}
