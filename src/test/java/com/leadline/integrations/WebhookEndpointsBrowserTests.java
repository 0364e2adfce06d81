package com.leadline.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Accessibility;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Integrations page in Chromium (issue 18, PERMISSIONS.md row 20): an owner reaches it from the account menu,
 * adds a webhook endpoint (a private address refused beside the field first, what was typed kept), sees the signing
 * secret once, sends a test event and finds it in the delivery log. At 360 and 1440 px (screenshots with
 * -Dleadline.screenshots=DIR), checked with axe.
 */
class WebhookEndpointsBrowserTests extends BrowserTest {

    private HttpServer receiver;

    @BeforeEach
    void aReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "thanks".getBytes();
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void anOwnerAddsAnEndpointSeesTheSecretOnceAndSendsATestEvent() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Harbour Heating");
        signInAndAwaitInbox(account.owner().email());

        browser.driver().findElement(By.id("account-menu-button")).click();
        browser.driver().findElement(By.xpath("//a[@role='menuitem' and normalize-space()='Integrations']")).click();
        browser.waitForHeading("Integrations");
        assertThat(browser.driver().findElement(By.cssSelector("main .empty-state")).getText()).startsWith("No webhook endpoints yet.");
        checkPage("Integrations: no endpoints yet");

        browser.driver().findElement(By.cssSelector("a[aria-label='Add webhook endpoint']")).click();
        browser.waitForHeading("Add webhook endpoint");
        checkPage("Integrations: add a webhook endpoint");
        browser.type("URL", "https://10.0.0.1/hook");
        browser.type("Description (optional)", "Our CRM, Zapier zap");
        browser.driver().findElement(By.cssSelector("input[name=profileIds]")).click();
        browser.press("Add");
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.driver().findElement(By.id("url-error")).getText()).contains("private or local address");
        assertThat(browser.field("URL").getDomProperty("value")).isEqualTo("https://10.0.0.1/hook");
        assertThat(browser.field("Description (optional)").getDomProperty("value")).isEqualTo("Our CRM, Zapier zap");
        assertThat(browser.driver().findElement(By.cssSelector("input[name=profileIds]")).isSelected()).as("kept").isTrue();
        checkPage("Integrations: a private address refused");

        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        browser.type("URL", hook);
        browser.press("Add");
        browser.waitForHeading("Webhook endpoint");
        String secret = browser.waitFor(By.id("new-secret-text")).getDomProperty("value");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(browser.driver().findElement(By.cssSelector(".new-secret")).getText()).contains("shown only this once");
        checkPage("Integrations: a new endpoint with its secret, shown once");

        // The form's answer was a redirect to the endpoint's page: reloading it shows the page again, without
        // the secret, and adds no second endpoint.
        browser.driver().navigate().refresh();
        browser.waitForHeading("Webhook endpoint");
        assertThat(browser.driver().findElements(By.id("new-secret-text"))).as("shown only once").isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(secret.substring(6));
        assertThat(databaseOwner().sql("SELECT count(*) FROM webhook_endpoints WHERE account_id = :a").param("a", account.id())
                .query(Integer.class).single()).as("a reload adds nothing").isEqualTo(1);

        browser.press("Send test event");
        browser.waitFor(By.cssSelector("table.delivery-log"));
        WebElement row = browser.driver().findElement(By.cssSelector("table.delivery-log tbody tr"));
        assertThat(row.getText()).contains("webhook.test").containsPattern("Pending|Delivered|Sending");
        assertThat(browser.driver().findElement(By.cssSelector("main .notice[role=status]")).getText()).contains("test event was queued");
        checkPage("Integrations: an endpoint with a test event in its log");
        PhoneWidth.screenshots(browser, "Integrations: the delivery log", () -> ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('log-heading').scrollIntoView();"));

        browser.driver().findElement(By.cssSelector("details.confirm summary")).click();
        checkPage("Integrations: rotating the secret, confirmation open");
        browser.press("Yes, rotate");
        String rotated = browser.waitFor(By.id("new-secret-text")).getDomProperty("value");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(browser.driver().findElement(By.cssSelector(".rotation-grace")).getText())
                .contains("both the new and the previous secret until");
        checkPage("Integrations: a rotated secret, both sent for a day");

        browser.driver().findElement(By.cssSelector("a[href$='/edit']")).click();
        browser.waitForHeading("Edit webhook endpoint");
        assertThat(browser.field("URL").getDomProperty("value")).isEqualTo(hook);
        checkPage("Integrations: edit a webhook endpoint");
        browser.type("Description (optional)", "Our CRM");
        browser.press("Save");
        browser.waitFor(By.cssSelector("main .notice[role=status]"));
        assertThat(browser.driver().findElement(By.cssSelector(".endpoint-facts")).getText()).contains("Our CRM");

        browser.driver().findElement(By.xpath("//a[normalize-space()='← Integrations']")).click();
        browser.waitForHeading("Integrations");
        WebElement listed = browser.driver().findElement(By.cssSelector("table.webhooks tbody tr"));
        assertThat(listed.getText()).contains(hook, "Our CRM", "Harbour Heating", "Enabled", "lead.created")
                .containsPattern("Pending|Delivered|Sending");
        checkPage("Integrations: one endpoint");
    }

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
