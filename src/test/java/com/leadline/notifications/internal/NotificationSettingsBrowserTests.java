package com.leadline.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.Accessibility;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notification choices in a person's own settings, in Chromium: saved and shown again; the browser-notification
 * button asks for permission (granted here through the DevTools protocol, as a person's click on the browser's prompt
 * would), after which a new lead in the person's profile shows a Notification; a browser that blocked them is told so.
 * Checked with axe at 360 and 1440 px (screenshots with -Dleadline.screenshots=DIR).
 */
class NotificationSettingsBrowserTests extends BrowserTest {

    @Autowired
    private InboundTexts inbound;

    @Test
    void aMemberSavesTheirChoicesAndTurnsOnBrowserNotificationsThatShowANewLead() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Harbour Hygiene");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        ChromeDriver driver = (ChromeDriver) browser.driver();
        String origin = "http://localhost:" + port;
        driver.executeCdpCommand("Browser.resetPermissions", Map.of());

        signInAndAwaitInbox(member.email());
        browser.open("/settings/me");
        browser.waitFor(By.id("notifications-heading"));
        assertThat(driver.findElement(By.id("notifications-assignment")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("notifications-new-lead-each")).isSelected()).as("a team member's default").isTrue();
        assertThat(status()).isEqualTo("Browser notifications are off in this browser.");
        checkPage("Own settings: notifications");

        driver.findElement(By.cssSelector("label[for=notifications-assignment]")).click();
        driver.findElement(By.cssSelector("label[for=notifications-new-lead-digest]")).click();
        browser.press("Save notification choices");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notification-settings .notice"),
                "Your notification choices were saved."));
        assertThat(driver.getCurrentUrl()).endsWith("/settings/me?notificationsSaved#notifications-heading");
        browser.open("/settings/me");
        browser.waitFor(By.id("notifications-heading"));
        assertThat(driver.findElement(By.id("notifications-assignment")).isSelected()).isFalse();
        assertThat(driver.findElement(By.id("notifications-new-lead-digest")).isSelected()).isTrue();

        // The person allows notifications when the browser asks (granted here as their click on its prompt would).
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin, "permissions", List.of("notifications")));
        JavascriptExecutor script = driver;
        script.executeScript("""
                window.shownNotifications = [];
                var Real = window.Notification;
                var Wrapped = function (title, options) { window.shownNotifications.push(title + ' | ' + (options && options.body)); return new Real(title, options); };
                Wrapped.requestPermission = function () { return Real.requestPermission.apply(Real, arguments); };
                Object.defineProperty(Wrapped, 'permission', { get: function () { return Real.permission; } });
                window.Notification = Wrapped;""");
        browser.press("Turn on browser notifications");
        browser.waiting().until(driverNow -> "Browser notifications are on in this browser.".equals(status()));
        assertThat(driver.findElement(By.cssSelector("[data-browser-notifications-toggle]")).getText())
                .isEqualTo("Turn off browser notifications");
        browser.waiting().until(driverNow -> "listening".equals(script.executeScript(
                "return document.documentElement.getAttribute('data-notifications');")));
        checkPage("Own settings: browser notifications on");

        String phone = TeamFixture.uniquePhoneNumber();
        inbound.receiveInbound(account.id(), account.firstProfileId(), phone, "Can I book a cleaning?");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(driverNow ->
                !((List<?>) script.executeScript("return window.shownNotifications;")).isEmpty());
        assertThat(((List<?>) script.executeScript("return window.shownNotifications;")).stream().map(String::valueOf).toList())
                .containsExactly("New lead: " + phone + " | Can I book a cleaning?");

        // Turned off again: the choice is this browser's, kept across pages.
        browser.press("Turn off browser notifications");
        assertThat(status()).isEqualTo("Browser notifications are off in this browser.");
        assertThat(script.executeScript("return window.localStorage.getItem('leadline.browserNotifications');")).isNull();

        // A browser that blocked them says so.
        driver.executeCdpCommand("Browser.setPermission", Map.of("origin", origin,
                "permission", Map.of("name", "notifications"), "setting", "denied"));
        browser.open("/settings/me");
        browser.waitFor(By.id("notifications-heading"));
        assertThat(status()).startsWith("This browser has blocked notifications from Leadline.");
        driver.executeCdpCommand("Browser.resetPermissions", Map.of());
    }

    private static String status() {
        return browser.driver().findElement(By.cssSelector("[data-browser-notifications-status]")).getText();
    }

    private static void checkPage(String page) {
        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        PhoneWidth.assertFits(browser, page);
        Accessibility.assertNoSeriousViolations(browser, page);
        PhoneWidth.viewportWidth(browser, PhoneWidth.DESKTOP);
        PhoneWidth.assertNoSidewaysScrolling(browser, page + " at 1440 px");
        Accessibility.assertNoSeriousViolations(browser, page + " at 1440 px");
        PhoneWidth.screenshots(browser, page, () -> ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('notifications-heading').scrollIntoView();"));
    }
}
