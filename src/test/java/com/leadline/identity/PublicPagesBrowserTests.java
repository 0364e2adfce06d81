package com.leadline.identity;

import com.leadline.testing.Accessibility;
import com.leadline.testing.Browser;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.Smtp;
import com.leadline.testing.TeamFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every page a visitor sees, at a phone's 360 px: nothing scrolls sideways, every control is inside the
 * screen, and axe-core finds no serious or critical WCAG 2.1 A/AA violation (with a form's errors
 * shown, too). Sign-up's welcome page comes last, as it signs the browser in.
 */
class PublicPagesBrowserTests extends IntegrationTest {

    @Test
    void everyPublicPageFitsAPhoneAndPassesAxe() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Riverside Veterinary and Pet Wellness Centre");
        String invitee = TeamFixture.unique("invitee");
        fixture.invite(account.owner(), "Ivy Invitee", invitee, "member", null);
        String invitation = TeamFixture.invitationLink(invitee);

        try (Browser browser = new Browser(port)) {
            PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
            check(browser, "/signin", "Sign in");
            browser.type("Email", account.owner().email());
            browser.type("Password", "not the password at all");
            browser.press("Sign in");
            browser.waitFor(By.cssSelector(".error-summary"));
            checkShown(browser, "sign-in refused");

            check(browser, "/signup", "Create your Leadline account");
            browser.type("Business name", "Riverside Refused");
            browser.type("Your name", "Rita Refused");
            browser.type("Email", TeamFixture.unique("refused"));
            browser.type("Password", "password1234");
            browser.press("Create account");
            browser.waitFor(By.cssSelector(".error-summary"));
            checkShown(browser, "sign-up with its errors");
            check(browser, "/partners/signup", "Create your partner agency");

            check(browser, "/password/forgot", "Forgot your password");
            browser.type("Email", account.owner().email());
            browser.press("Send reset link");
            browser.waitForHeading("Check your email");
            checkShown(browser, "reset link sent");
            check(browser, Smtp.link(Smtp.awaitMessages(account.owner().email(), 1).get(0),
                    "http://leadline.test/password/reset?token="), "Choose a new password");
            check(browser, "/password/reset?token=no-such-token", "This link can't be used");

            check(browser, invitation, "Join Riverside Veterinary and Pet Wellness Centre on Leadline");
            check(browser, "/invitations/accept?token=no-such-token", "This invitation can't be used");
            check(browser, "/support/signin", "Leadline support");
            check(browser, "/password/no-such-page", "Page not found");

            check(browser, "/signup", "Create your Leadline account");
            browser.type("Business name", "Riverside Welcomed");
            browser.type("Your name", "Wes Welcomed");
            browser.type("Email", TeamFixture.unique("welcomed"));
            browser.type("Password", PASSWORD);
            browser.press("Create account");
            browser.waitForHeading("Welcome to Leadline");
            checkShown(browser, "welcome after sign-up");
        }
    }

    private static void check(Browser browser, String path, String heading) {
        browser.open(path);
        browser.waitForHeading(heading);
        checkShown(browser, heading);
    }

    private static void checkShown(Browser browser, String page) {
        PhoneWidth.assertFits(browser, page);
        Accessibility.assertNoSeriousViolations(browser, page);
    }
}
