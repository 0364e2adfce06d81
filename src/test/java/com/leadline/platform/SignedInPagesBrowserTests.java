package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.Accessibility;
import com.leadline.testing.Browser;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.StaffSignIn;
import com.leadline.testing.TeamFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every signed-in page at a phone's 360 px: nothing scrolls sideways, every control is inside the
 * screen, the account menu and its items can be used; and axe-core finds no serious or critical
 * WCAG 2.1 A/AA violation on the page or in its dialogs. Long names stand in for real ones.
 */
class SignedInPagesBrowserTests extends BrowserTest {

    @Autowired
    private InboundTexts texts;

    @Test
    void aClientAccountsPagesAndDialogsFitAPhoneAndPassAxe() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Harbourside Physiotherapy and Sports Injury Clinic");
        fixture.addProfile(account, "Harbourside Physiotherapy Downtown Clinic");
        fixture.join(account.owner(), "member", account.firstProfileId());
        UUID conversation = texts.receiveInbound(account.id(), account.firstProfileId(), "+15550480001",
                "Could I book a session for my knee on Thursday afternoon, or is Friday morning better?");
        UUID contact = databaseOwner().sql("SELECT contact_id FROM conversations WHERE id = :c").param("c", conversation)
                .query(UUID.class).single();
        // An agency in the Team page's partner section, and a deactivated member still holding a conversation
        // (the panel on the Team page and the Inbox).
        fixture.partnerWorkingIn(account.id(), "admin");
        TeamFixture.Member leaver = fixture.join(account.owner(), "member", account.firstProfileId());
        UUID held = texts.receiveInbound(account.id(), account.firstProfileId(), "+15550480003", "Still open when they left");
        var owner = account.owner().session();
        assertThat(owner.api("PUT", "/api/v1/conversations/" + held + "/assignee", java.util.Map.of("assigneeId", leaver.id().toString()))
                .status()).isEqualTo(204);
        assertThat(owner.api("POST", "/api/v1/team/members/" + leaver.id() + "/deactivation", java.util.Map.of("handover", "keep"))
                .status()).isEqualTo(204);

        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        browser.signIn(account.owner().email(), PASSWORD);
        browser.waitFor(By.id("account-menu-button"));

        open(browser, "/team", "Team");
        browser.waitFor(By.cssSelector(".held-panel"));
        browser.waitFor(By.cssSelector("#partner-agencies"));
        checkSignedInPage(browser, "Team");
        checkDialog(browser, "Add team member", "Add team member", "Team: add dialog");
        browser.press("Edit Joined Member");
        waitForDialogHeading(browser, "Edit Joined Member");
        checkPage(browser, "Team: edit dialog");
        browser.press("Deactivate user");
        waitForDialogHeading(browser, "Deactivate Joined Member?");
        checkPage(browser, "Team: deactivate dialog");
        closeDialog(browser);

        open(browser, "/profiles", "Profiles");
        checkSignedInPage(browser, "Profiles");
        checkDialog(browser, "Add profile", "Add profile", "Profiles: add dialog");
        checkDialog(browser, "Edit Harbourside Physiotherapy Downtown Clinic", "Edit Harbourside Physiotherapy Downtown Clinic",
                "Profiles: edit dialog");

        open(browser, "/inbox?tab=all&c=" + conversation, "Inbox");
        browser.waitFor(By.cssSelector(".held-panel"));
        checkSignedInPage(browser, "Inbox with a conversation open");
        PhoneWidth.assertReachable(browser, browser.driver().findElement(By.id("composer-body")), "Inbox: the reply field");

        open(browser, "/inbox", "Inbox");
        browser.driver().findElement(By.id("q")).sendKeys("THURSDAY afterno");
        browser.press("Search");
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".search-count"), "1 conversation matches"));
        assertThat(browser.driver().findElements(By.cssSelector(".conversation-list mark")).stream().map(m -> m.getText()))
                .containsExactly("Thursday", "afternoon");
        checkSignedInPage(browser, "Inbox searching");
        open(browser, "/inbox?q=" + "a".repeat(300), "Inbox");
        assertThat(browser.driver().findElement(By.cssSelector(".error-summary")).getText())
                .contains("A search can be at most 200 characters long.");
        checkSignedInPage(browser, "Inbox: a search refused for its length");

        open(browser, "/contacts", "Contacts");
        checkSignedInPage(browser, "Contacts");
        open(browser, "/contacts/" + contact, "+15550480001");
        checkSignedInPage(browser, "a contact's page");
        open(browser, "/shortcuts", "Shortcuts");
        checkSignedInPage(browser, "Shortcuts");
        open(browser, "/leadbox", "Leadbox");
        checkSignedInPage(browser, "Leadbox");
        open(browser, "/leadbox/profiles/" + account.firstProfileId(), "Leadbox: Harbourside Physiotherapy and Sports Injury Clinic");
        checkSignedInPage(browser, "a profile's Leadbox settings");
        open(browser, "/leadbox/multi-profile", "Multi-profile Leadbox");
        checkSignedInPage(browser, "the multi-profile Leadbox settings");
        open(browser, "/settings/me", "Your settings");
        checkSignedInPage(browser, "Your settings");
        open(browser, "/settings/billing", "Billing");
        checkSignedInPage(browser, "Billing");
        browser.driver().findElement(By.id("account-menu-button")).click();
        browser.driver().findElement(By.cssSelector("#account-menu a[href='/profiles']")).click();
        browser.waitForHeading("Profiles");

        open(browser, "/dev/channel", "Dev channel");
        checkSignedInPage(browser, "Dev channel");

        open(browser, "/inbox?tab=all&c=" + UUID.randomUUID(), "Page not found");
        checkSignedInPage(browser, "not found");
        open(browser, "/contacts?q=tap%00s", "That request could not be read");
        checkSignedInPage(browser, "a search refused for a NUL byte");
        open(browser, "/inbox?tab=all&c=" + conversation, "Inbox");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const body = document.getElementById('composer-body'); body.value = 'x'.repeat(70000); body.form.submit();");
        browser.waitForHeading("Too much to send");
        checkSignedInPage(browser, "a reply past the body cap");
    }

    @Test
    void thePartnerConsoleAndAClientSeenByAPartnerFitAPhoneAndPassAxe() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account client = fixture.openAccount("Lakeside Family Dentistry and Orthodontics");

        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        signUpAgencyWorkingIn(client.id(), "Brightwater Growth Marketing Partners", "admin");

        open(browser, "/partners", "Partner console");
        checkSignedInPage(browser, "Partner console");

        browser.chooseFromMenu("account-switcher", "Lakeside Family Dentistry and Orthodontics");
        browser.waitFor(By.id("profile-switcher"));
        open(browser, "/team", "Team");
        checkSignedInPage(browser, "Team of a client, seen by a partner");
        // Both switchers beside the brand and the menu are widest just above the width where they wrap.
        PhoneWidth.viewportWidth(browser, 920);
        PhoneWidth.assertFits(browser, "Team of a client, seen by a partner, 920 px");
        PhoneWidth.assertAccountMenuReachable(browser, "Team of a client, seen by a partner, 920 px");
        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        open(browser, "/inbox", "Inbox");
        checkSignedInPage(browser, "Inbox of a client, seen by a partner");

        // The client lowers the agency to Read only: the same pages, their controls disabled with the reason.
        UUID conversation = texts.receiveInbound(client.id(), client.firstProfileId(), "+15550480002", "Do you take new patients?");
        UUID contact = databaseOwner().sql("SELECT contact_id FROM conversations WHERE id = :c").param("c", conversation)
                .query(UUID.class).single();
        databaseOwner().sql("UPDATE partner_grants SET level = 'read_only' WHERE client_account_id = :client")
                .param("client", client.id()).update();
        open(browser, "/team", "Team");
        checkSignedInPage(browser, "Team of a client, seen by a read-only partner");
        open(browser, "/inbox?tab=all&c=" + conversation, "Inbox");
        checkSignedInPage(browser, "a conversation seen by a read-only partner");
        open(browser, "/contacts/" + contact, "+15550480002");
        checkSignedInPage(browser, "a contact seen by a read-only partner");
        open(browser, "/shortcuts", "Shortcuts");
        checkSignedInPage(browser, "Shortcuts seen by a read-only partner");
        open(browser, "/leadbox", "Leadbox");
        checkSignedInPage(browser, "Leadbox seen by a read-only partner");
    }

    @Test
    void theSupportConsoleFitsAPhoneAndPassesAxe() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Support Looked Up");
        fixture.partnerWorkingIn(account.id(), "read_only");

        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        browser.open("/support/signin");
        browser.type("Email", STAFF_EMAIL);
        browser.type("Password", STAFF_PASSWORD);
        browser.press("Sign in");
        browser.waitFor(By.id("code"));
        checkPage(browser, "support sign-in code");
        String keyOnPage = browser.driver().findElements(By.id("totp-secret")).stream().map(key -> key.getText())
                .findFirst().orElse("");
        browser.type("Code from your authenticator app", StaffSignIn.currentCode(keyOnPage, databaseOwner(), clock));
        browser.press("Sign in");
        browser.waitForHeading("Support");
        assertThat(browser.driver().findElements(By.cssSelector("header .public-nav"))).as("no Sign in or Sign up for staff")
                .isEmpty();
        checkPage(browser, "Support console");

        browser.type("Email of the user", account.owner().email());
        browser.press("Find");
        browser.waitFor(By.id("user-heading"));
        browser.waitFor(By.id("partner-access-heading"));
        checkPage(browser, "Support console with a user's facts and audit");
        PhoneWidth.assertReachable(browser, browser.driver().findElement(By.xpath("//button[normalize-space()='Sign out']")),
                "Support: Sign out");
    }


    private static void open(Browser browser, String path, String heading) {
        browser.open(path);
        browser.waitForHeading(heading);
    }

    private static void checkSignedInPage(Browser browser, String page) {
        checkPage(browser, page);
        PhoneWidth.assertAccountMenuReachable(browser, page);
    }

    private static void checkPage(Browser browser, String page) {
        PhoneWidth.assertFits(browser, page);
        Accessibility.assertNoSeriousViolations(browser, page);
    }

    /** Opens a dialog with the button of that name, checks it, and closes it with Escape. */
    private static void checkDialog(Browser browser, String button, String dialogHeading, String page) {
        browser.press(button);
        waitForDialogHeading(browser, dialogHeading);
        checkPage(browser, page);
        closeDialog(browser);
    }

    private static void waitForDialogHeading(Browser browser, String heading) {
        browser.waiting()
                .until(ExpectedConditions.textToBe(By.cssSelector("dialog#modal[open] h2"), heading));
    }

    private static void closeDialog(Browser browser) {
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waiting()
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog#modal")));
        assertThat(browser.driver().findElements(By.cssSelector("dialog#modal[open]"))).isEmpty();
    }
}
