package com.leadline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Browser;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Smtp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The newcomer's path in a real headless Chromium, with the reset link read from the SMTP server. */
class NewcomerBrowserTests extends IntegrationTest {

    private static final String NEW_PASSWORD = "violet harbor engine quilt";

    @Test
    void signUpSignOutSignInForgetThePasswordAndResetItFromTheEmail() {
        String email = uniqueEmail("newcomer");
        try (Browser browser = new Browser(port); Browser otherDevice = new Browser(port)) {
            browser.open("/signup");
            assertThat(browser.heading()).isEqualTo("Create your Leadline account");
            browser.type("Business name", "Northwind Windows");
            browser.type("Your name", "Nora Wind");
            browser.type("Email", email);
            browser.type("Password", PASSWORD);
            browser.press("Create account");
            browser.waitForHeading("Welcome to Leadline");
            assertThat(databaseOwner().sql("SELECT timezone FROM profiles p JOIN users u ON u.account_id = p.account_id WHERE u.email = :e")
                    .param("e", email).query(String.class).single()).as("timezone from the browser").isNotBlank();
            browser.follow("Go to your inbox");
            browser.waitForHeading("Inbox");

            WebElement menuButton = browser.driver().findElement(By.cssSelector("button[aria-label$='Account menu']"));
            assertThat(menuButton.getText()).isEqualTo("NW");
            assertThat(browser.driver().findElement(By.id("account-menu")).isDisplayed()).isFalse();
            menuButton.click();
            assertThat(browser.driver().findElement(By.id("account-menu")).isDisplayed()).isTrue();
            assertThat(menuButton.getAttribute("aria-expanded")).isEqualTo("true");
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            assertThat(browser.driver().findElement(By.id("account-menu")).isDisplayed()).isFalse();
            menuButton.click();
            browser.press("Sign out");
            browser.waitForHeading("Sign in");
            assertThat(browser.driver().getPageSource()).contains("You are signed out.");

            browser.type("Email", email);
            browser.type("Password", PASSWORD);
            browser.press("Sign in");
            browser.waitForHeading("Inbox");

            otherDevice.open("/signin");
            otherDevice.type("Email", email);
            otherDevice.type("Password", PASSWORD);
            otherDevice.press("Sign in");
            otherDevice.waitForHeading("Inbox");

            browser.open("/settings/me");
            browser.driver().findElement(By.cssSelector("button[aria-label$='Account menu']")).click();
            browser.press("Sign out");
            browser.waitForHeading("Sign in");
            browser.follow("Forgot your password?");
            browser.waitForHeading("Forgot your password");
            browser.type("Email", email);
            browser.press("Send reset link");
            browser.waitForHeading("Check your email");

            String link = Smtp.link(Smtp.awaitMessages(email, 1).get(0), "http://leadline.test/password/reset?token=");
            browser.open(link);
            browser.waitForHeading("Choose a new password");
            browser.type("New password", "password1234");
            browser.press("Change password");
            browser.waitFor(By.cssSelector(".field-error"));
            assertThat(browser.driver().findElement(By.cssSelector(".field-error")).getText()).contains("too common");
            browser.type("New password", NEW_PASSWORD);
            browser.press("Change password");
            browser.waitForHeading("Sign in");
            assertThat(browser.driver().getPageSource()).contains("Your password was changed.");

            browser.type("Email", email);
            browser.type("Password", PASSWORD);
            browser.press("Sign in");
            browser.waitFor(By.cssSelector("[role=alert]"));
            assertThat(browser.driver().findElement(By.cssSelector("[role=alert]")).getText())
                    .contains("don't match an active account");
            browser.type("Password", NEW_PASSWORD);
            browser.press("Sign in");
            browser.waitForHeading("Inbox");

            otherDevice.open("/");
            otherDevice.waitForHeading("Sign in");
        }
    }
}
