package com.leadline.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * An {@link IntegrationTest} with one Chromium for the whole class (starting one costs seconds), signed
 * out again before every test: the tests of a class share the browser, never a session.
 */
public abstract class BrowserTest extends IntegrationTest {

    protected static Browser browser;

    @BeforeEach
    void signedOutBrowser() {
        if (browser == null) {
            browser = new Browser(port);
        } else {
            browser.driver().manage().deleteAllCookies();
        }
    }

    protected void signInAndAwaitInbox(String email) {
        browser.signIn(email, PASSWORD);
        browser.waitForHeading("Inbox");
    }

    /**
     * Signs up a partner agency in the browser (which leaves its new user signed in there) and gives it access to the
     * client account at this level ("admin" or "read_only"), as the owner's code would.
     */
    protected void signUpAgencyWorkingIn(java.util.UUID clientAccountId, String agencyName, String level) {
        String email = TeamFixture.unique("partner");
        browser.open("/partners/signup");
        browser.type("Agency name", agencyName);
        browser.type("Your name", "Bea Partner");
        browser.type("Email", email);
        browser.type("Password", PASSWORD);
        browser.press("Create agency");
        browser.waitFor(org.openqa.selenium.By.id("account-menu-button"));
        databaseOwner().sql("""
                        INSERT INTO partner_grants (client_account_id, agency_account_id, level, granted_at)
                        SELECT :client, account_id, :level, now() FROM users WHERE email = :email""")
                .param("client", clientAccountId).param("level", level).param("email", email).update();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
