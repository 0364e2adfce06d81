package com.leadline.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Browser;
import com.leadline.testing.IntegrationTest;
import com.leadline.testing.Smtp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's own steps, literally, in headless Chromium: add a user from Team with the orange +,
 * accept the emailed invitation, deactivate from the pencil, reactivate through support.
 */
class SeedStepsBrowserTests extends IntegrationTest {

    private static final String INVITEE_PASSWORD = "marble canyon ferry whistle";

    @Test
    void inviteAcceptDeactivateAndReactivateTheWayTheSeedDescribes() {
        String ownerEmail = uniqueEmail("owner");
        String inviteeEmail = uniqueEmail("invitee");
        visitor().signUp("Seaside Realty", "Olive Owner", ownerEmail, PASSWORD);

        try (Browser owner = new Browser(port); Browser invitee = new Browser(port); Browser support = new Browser(port)) {
            // Sign in and from the account menu (upper right) go to Team.
            owner.open("/signin");
            owner.type("Email", ownerEmail);
            owner.type("Password", PASSWORD);
            owner.press("Sign in");
            owner.waitForHeading("Inbox");
            WebElement menu = owner.driver().findElement(By.cssSelector("header button[aria-label$='Account menu']"));
            assertThat(menu.getRect().getX()).as("menu in the upper right").isGreaterThan(900);
            menu.click();
            owner.driver().findElement(By.xpath("//a[@role='menuitem' and normalize-space()='Team']")).click();
            owner.waitForHeading("Team");
            assertThat(owner.driver().findElements(By.cssSelector("#team-list tbody tr"))).hasSize(1);

            // The orange + opens a modal with name, email and role; Add closes it and sends the invitation.
            WebElement plus = owner.driver().findElement(By.cssSelector("button[aria-label='Add team member']"));
            assertThat(plus.getCssValue("background-color")).isEqualTo("rgba(242, 107, 33, 1)");
            plus.click();
            owner.waitFor(By.cssSelector("dialog#modal[open]"));
            owner.type("Name", "Ivan Invitee");
            owner.type("Email", inviteeEmail);
            new org.openqa.selenium.support.ui.Select(owner.field("Role")).selectByVisibleText("Team member");
            new org.openqa.selenium.support.ui.Select(owner.field("Profile")).selectByVisibleText("All Profiles");
            owner.press("Add");
            wait(owner).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog#modal[open]")));
            wait(owner).until(ExpectedConditions.textToBePresentInElementLocated(By.id("team-list"), "Ivan Invitee"));
            assertThat(owner.driver().findElement(By.id("team-list")).getText()).contains("Invited (expires in 72 h)");

            // The invitation arrives by email; its link activates the account and signs the invitee in.
            String link = Smtp.link(Smtp.awaitMessages(inviteeEmail, 1).get(0), "http://leadline.test/invitations/accept?token=");
            invitee.open(link);
            invitee.waitForHeading("Join Seaside Realty on Leadline");
            assertThat(invitee.field("Your name").getAttribute("value")).isEqualTo("Ivan Invitee");
            invitee.type("Password", INVITEE_PASSWORD);
            invitee.press("Join");
            invitee.waitForHeading("Inbox");

            // The pencil opens the details modal with name, email and role and a Deactivate link.
            owner.open("/team");
            owner.driver().findElement(By.cssSelector("button[aria-label='Edit Ivan Invitee']")).click();
            owner.waitFor(By.cssSelector("dialog#modal[open]"));
            assertThat(owner.field("Name").getAttribute("value")).isEqualTo("Ivan Invitee");
            assertThat(owner.field("Email").getAttribute("value")).isEqualTo(inviteeEmail);
            assertThat(owner.field("Role").getAttribute("value")).isEqualTo("member");
            owner.press("Deactivate user");
            owner.waitFor(By.xpath("//dialog//h2[contains(., 'Deactivate Ivan Invitee?')]"));
            assertThat(owner.driver().findElement(By.id("modal")).getText()).contains("holds 0 open conversations");
            owner.driver().findElement(By.xpath("//dialog//button[normalize-space()='Deactivate']")).click();
            wait(owner).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog#modal[open]")));
            wait(owner).until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//td[contains(., 'Ivan Invitee')]")));

            // The invitee's open session is dead on the next click and the password no longer works.
            invitee.open("/settings/me");
            invitee.waitForHeading("Sign in");
            invitee.type("Email", inviteeEmail);
            invitee.type("Password", INVITEE_PASSWORD);
            invitee.press("Sign in");
            invitee.waitFor(By.cssSelector("[role=alert]"));

            // Support reactivates the user; they sign in again with their old password.
            support.open("/support/signin");
            support.type("Email", STAFF_EMAIL);
            support.type("Password", STAFF_PASSWORD);
            support.press("Sign in");
            support.waitForHeading("Enter your code");
            String key = support.driver().findElements(By.id("totp-secret")).isEmpty() ? ""
                    : support.driver().findElement(By.id("totp-secret")).getText();
            support.type("Code from your authenticator app", com.leadline.testing.StaffSignIn.currentCode(key, databaseOwner(), clock));
            support.press("Sign in");
            support.waitForHeading("Support");
            support.type("Email of the user", inviteeEmail);
            support.press("Find");
            wait(support).until(ExpectedConditions.textToBe(By.id("user-state"), "Deactivated"));
            support.press("Reactivate user");
            wait(support).until(ExpectedConditions.textToBe(By.id("user-state"), "Active"));
            assertThat(support.driver().getPageSource()).contains("user.reactivated", "user.deactivated");

            invitee.open("/signin");
            invitee.type("Email", inviteeEmail);
            invitee.type("Password", INVITEE_PASSWORD);
            invitee.press("Sign in");
            invitee.waitForHeading("Inbox");
        }
    }

    private static WebDriverWait wait(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
    }
}
