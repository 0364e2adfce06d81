package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Swagger UI as a signed-in owner opens it: the API's operations render from /v3/api-docs, one of them
 * runs with the session, and nothing on the way breaks the Content-Security-Policy (no violation event,
 * no refusal in the console). Screenshots at 360 and 1440 px with -Dleadline.screenshots=DIR.
 */
class SwaggerUiBrowserTests extends BrowserTest {

    /** Every document the browser opens from now on records its policy violations in window.cspViolations. */
    private static void recordPolicyViolations() {
        ((ChromiumDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.cspViolations = [];
                document.addEventListener('securitypolicyviolation', event => window.cspViolations.push(
                        event.effectiveDirective + ' refused ' + event.blockedURI + ' in ' + event.sourceFile + ':' + event.lineNumber + ':' + event.columnNumber));"""));
    }

    @Test
    void aSignedInOwnerReadsTheApiInSwaggerUiWithoutAPolicyViolation() {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Swagger Springs Dental");
        recordPolicyViolations();
        browser.signIn(account.owner().email(), PASSWORD);
        browser.waitFor(By.id("account-menu-button"));
        browser.browserLog();

        browser.open("/swagger-ui.html");
        browser.waiting().until(ExpectedConditions.urlContains("/swagger-ui/index.html"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".information-container .title"),
                "Leadline API"));
        try {
            // Swagger UI's script is large and draws every operation at once: more time than a page of ours needs.
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(40))
                    .until(driver -> driver.findElements(By.cssSelector(".opblock")).size() >= 49);
        } catch (org.openqa.selenium.TimeoutException notRendered) {
            throw new AssertionError("Swagger UI shows " + browser.driver().findElements(By.cssSelector(".opblock")).size()
                    + " operations; policy violations " + ((JavascriptExecutor) browser.driver()).executeScript("return window.cspViolations;")
                    + "; console " + browser.browserLog() + "; page: "
                    + browser.driver().findElement(By.tagName("body")).getText(), notRendered);
        }
        List<String> tags = browser.driver().findElements(By.cssSelector(".opblock-tag")).stream()
                .map(tag -> tag.getAttribute("data-tag")).toList();
        assertThat(tags).containsExactly("API tokens", "Audit log", "Contacts", "Contacts import", "Conversations", "Leadbox", "Partners",
                "Profiles", "Session", "Shortcuts", "Team", "Webhooks");
        List<String> summaries = browser.driver().findElements(By.cssSelector(".opblock-summary-description")).stream()
                .map(WebElement::getText).toList();
        assertThat(summaries).contains("Who is signed in", "List conversations", "Invite a member", "Export contacts as CSV");
        PhoneWidth.screenshots(browser, "Swagger UI");

        // Try it out: the call goes with the session cookie, under connect-src 'self'.
        WebElement session = browser.driver().findElement(By.id("operations-Session-getSession"));
        session.findElement(By.cssSelector(".opblock-summary-control")).click();
        browser.waitFor(By.cssSelector("#operations-Session-getSession .try-out__btn")).click();
        browser.waitFor(By.cssSelector("#operations-Session-getSession button.execute")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#operations-Session-getSession .live-responses-table tr.response .response-col_status"), "200"));
        assertThat(session.findElement(By.cssSelector(".live-responses-table tr.response .response-col_description")).getText())
                .contains("csrfToken", account.owner().email());
        assertThat(session.getText()).as("the refusals are listed as problem details").contains("401", "application/problem+json");
        PhoneWidth.screenshots(browser, "Swagger UI: an operation tried", () -> ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('operations-Session-getSession').scrollIntoView();"));

        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("return window.cspViolations;");
        assertThat(violations).as("Content-Security-Policy violations on Swagger UI").isNotNull().isEmpty();
        assertThat(browser.browserLog()).as("the browser's console on Swagger UI")
                .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
    }
}
