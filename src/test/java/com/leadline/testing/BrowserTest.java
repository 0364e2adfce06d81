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

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
