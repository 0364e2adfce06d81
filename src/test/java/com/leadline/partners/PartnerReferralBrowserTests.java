package com.leadline.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Browser;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.TeamFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's partner paragraph in Chromium: an agency signs up from the public pages and lands on its
 * console; its referral link brings a client with Admin access; its users work there and show on the
 * client's Team page as partners the client cannot remove; the client switches the agency to Read only
 * from its row (confirming it applies to every user of the agency), and the partner's controls are
 * disabled with the reason and its changes refused; switching back restores them.
 */
class PartnerReferralBrowserTests extends IntegrationTest {

    @Test
    void aReferredClientGivesTheAgencyAdminAccessAndSwitchesItToReadOnlyAndBack() {
        String agencyEmail = TeamFixture.unique("agency");
        String ownerEmail = TeamFixture.unique("owner");
        try (Browser agency = new Browser(port); Browser client = new Browser(port)) {
            // The agency finds its sign-up from the public sign-in page, signs up, lands on its console and copies its referral link.
            agency.open("/signin");
            agency.follow("Sign up as a partner agency");
            agency.type("Agency name", "Beacon Growth Partners");
            agency.type("Your name", "Bea Partner");
            agency.type("Email", agencyEmail);
            agency.type("Password", PASSWORD);
            agency.press("Create agency");
            agency.waitForHeading("Partner console");
            String link = agency.field("Referral link").getAttribute("value");
            assertThat(link).startsWith("http://leadline.test/signup?partner=");
            agency.press("Copy link");

            // A business signs up through it.
            client.open(link);
            client.type("Business name", "Maple Dental");
            client.type("Your name", "Mia Owner");
            client.type("Email", ownerEmail);
            client.type("Password", PASSWORD);
            client.press("Create account");
            // Signed in once the sign-up has answered: opening another page before that would race the form's post.
            client.waitForHeading("Welcome to Leadline");
            client.open("/team");
            client.waitForHeading("Team");

            // The agency sees the new client, with Admin access, and works there from the switcher.
            agency.open("/partners");
            assertThat(agency.driver().findElement(By.id("client-list")).getText()).contains("Maple Dental", "Admin");
            agency.chooseFromMenu("account-switcher", "Maple Dental");
            agency.waitFor(By.id("profile-switcher"));
            agency.open("/team");
            agency.waitForHeading("Team");
            assertThat(agency.driver().findElements(By.cssSelector("button[aria-label='Add team member']"))).hasSize(1);

            // On the client's Team page the partner is marked, with no controls to remove or deactivate it.
            client.open("/team");
            wait(client).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.partner-row")));
            String partnerRow = client.driver().findElement(By.cssSelector("tr.partner-row")).getText();
            assertThat(partnerRow).contains("Bea Partner", "Partner", "Beacon Growth Partners");
            assertThat(client.driver().findElements(By.cssSelector("tr.partner-row button"))).isEmpty();

            // The owner switches the agency to Read only from its row, confirming it applies to all its users.
            assertThat(client.driver().findElement(By.cssSelector("#partner-agencies tr[data-agency-id]")).getText())
                    .contains("Beacon Growth Partners", "Admin");
            client.press("Switch to Read only, Beacon Growth Partners");
            Alert confirmation = wait(client).until(ExpectedConditions.alertIsPresent());
            assertThat(confirmation.getText()).contains("every user of Beacon Growth Partners");
            confirmation.accept();
            wait(client).until(d -> levelOfAgency("Beacon Growth Partners").equals("read_only"));
            wait(client).until(ExpectedConditions.textToBe(By.cssSelector("#partner-agencies td.agency-level"), "Read only"));
            wait(client).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr.partner-row"), "Partner (Read only)"));

            // The partner's page, opened before the switch, says why its control no longer works.
            agency.press("Add team member");
            String reason = "Your agency has read-only access to this account, set by the client.";
            wait(agency).until(ExpectedConditions.textToBe(By.id("notice"), reason));
            // Its next pages show the controls disabled with that reason, and a change by any route is refused.
            agency.open("/team");
            WebElement add = agency.driver().findElement(By.cssSelector("button[aria-label='Add team member']"));
            assertThat(add.getAttribute("aria-disabled")).isEqualTo("true");
            assertThat(add.getAttribute("title")).isEqualTo(reason);
            assertThat(agency.driver().findElement(By.id("read-only-reason")).getText()).isEqualTo(reason);
            add.click();
            assertThat(agency.driver().findElement(By.id("modal")).isDisplayed()).as("a disabled control opens nothing").isFalse();
            agency.open("/profiles");
            assertThat(agency.driver().findElements(By.cssSelector("button[aria-label='Add profile'], button[aria-label^='Edit ']")))
                    .isNotEmpty().allSatisfy(button -> assertThat(button.getAttribute("aria-disabled")).isEqualTo("true"));
            Object status = ((org.openqa.selenium.JavascriptExecutor) agency.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const token = document.querySelector('meta[name=csrf-token]').content;
                    fetch('/team/members', {method: 'POST', headers: {'X-CSRF-TOKEN': token,
                        'Content-Type': 'application/x-www-form-urlencoded'},
                        body: 'name=Sneaky&email=sneaky%40example.com&role=member&profile=all'}).then(r => done(r.status));
                    """);
            assertThat(((Number) status).intValue()).isEqualTo(403);

            // Switching back restores them.
            client.press("Switch to Admin, Beacon Growth Partners");
            wait(client).until(ExpectedConditions.alertIsPresent()).accept();
            wait(client).until(d -> levelOfAgency("Beacon Growth Partners").equals("admin"));
            agency.open("/team");
            assertThat(agency.driver().findElement(By.cssSelector("button[aria-label='Add team member']")).getAttribute("aria-disabled"))
                    .isNull();
            assertThat(agency.driver().findElements(By.id("read-only-reason"))).isEmpty();
        }
    }

    private String levelOfAgency(String agencyName) {
        return databaseOwner().sql("""
                        SELECT g.level FROM partner_grants g JOIN accounts a ON a.id = g.agency_account_id WHERE a.name = :n""")
                .param("n", agencyName).query(String.class).optional().orElse("");
    }

    private static WebDriverWait wait(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
    }
}
