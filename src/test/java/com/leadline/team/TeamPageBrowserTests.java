package com.leadline.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Browser;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.TeamFixture;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Team page in Chromium where no other browser test goes: an expired invitation sent again from
 * its row (S11), a member's role and profiles saved from the pencil dialog, and the keyboard in every
 * Team modal (focus to the first field, Escape closes, focus back on the button that opened it).
 */
class TeamPageBrowserTests extends BrowserTest {

    private TeamFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new TeamFixture(port, databaseOwner());
    }

    @Test
    void anInvitationPastSeventyTwoHoursIsShownExpiredAndTheResendFromItsRowActivatesTheAccount() {
        TeamFixture.Account account = fixture.openAccount("Expiry Estates");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        String inviteeEmail = TeamFixture.unique("invitee");
        UUID invitee = fixture.invite(admin, "Ines Invitee", inviteeEmail, "member", account.firstProfileId());
        String firstLink = TeamFixture.link(inviteeEmail, 1);

        clock.advance(Duration.ofHours(72).plusSeconds(1));
        signInAndAwaitInbox(admin.email());
        browser.open("/team");
        browser.waitForHeading("Team");
        assertThat(rowOf(inviteeEmail).getText()).contains("Invitation expired").doesNotContain("Invited (expires");

        By resend = By.cssSelector("button[aria-label='Resend invitation to Ines Invitee']");
        browser.driver().findElement(resend).sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(rowLocator(inviteeEmail), "Invited (expires in 72 h)"));
        browser.waiting().ignoring(StaleElementReferenceException.class).withMessage("focus stays on Resend when the list is drawn again")
                .until(d -> d.findElement(resend).equals(browser.focused()));
        String secondLink = TeamFixture.link(inviteeEmail, 2);
        assertThat(secondLink).isNotEqualTo(firstLink);

        browser.driver().manage().deleteAllCookies();
        browser.open(firstLink);
        browser.waitForHeading("This invitation can't be used");
        assertThat(browser.driver().findElement(By.id("main")).getText()).contains("expired");
        assertThat(statusOf(invitee)).isEqualTo("invited");

        browser.open(secondLink);
        browser.waitForHeading("Join Expiry Estates on Leadline");
        browser.type("Password", "copper meadow lantern tide");
        browser.press("Join");
        browser.waitForHeading("Inbox");
        assertThat(statusOf(invitee)).isEqualTo("active");
    }

    @Test
    void aRoleAndProfilesChangedInThePencilDialogAreSavedAndShownInTheList() {
        TeamFixture.Account account = fixture.openAccount("Pencil Plumbing");
        UUID north = fixture.addProfile(account, "Pencil Plumbing North");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        String name = memberName(member);

        signInAndAwaitInbox(account.owner().email());
        browser.open("/team");
        browser.waitForHeading("Team");
        assertThat(rowOf(member.email()).getText()).contains("Team member").doesNotContain("Pencil Plumbing North");

        browser.press("Edit " + name);
        browser.waitFor(Browser.OPEN_MODAL);
        new Select(browser.field("Role")).selectByVisibleText("Admin");
        profileBox("Pencil Plumbing").click();
        profileBox("Pencil Plumbing North").click();
        browser.press("Save");
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(Browser.OPEN_MODAL));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(rowLocator(member.email()), "Pencil Plumbing North"));

        List<String> cells = rowOf(member.email()).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells.get(2)).isEqualTo("Admin");
        assertThat(cells.get(3)).isEqualTo("Pencil Plumbing North");
        assertThat(databaseOwner().sql("SELECT role FROM account_members WHERE user_id = :u").param("u", member.id())
                .query(String.class).single()).isEqualTo("admin");
        assertThat(databaseOwner().sql("SELECT profile_id FROM profile_memberships WHERE user_id = :u").param("u", member.id())
                .query(UUID.class).list()).containsExactly(north);
    }

    @Test
    void everyTeamModalTakesFocusClosesOnEscapeAndGivesFocusBack() {
        TeamFixture.Account account = fixture.openAccount("Keyboard Kitchens");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());
        String pencil = "Edit " + memberName(member);
        signInAndAwaitInbox(account.owner().email());
        browser.open("/team");
        browser.waitForHeading("Team");

        // Add team member: Escape, then Cancel, then a successful Add each hand focus back to the +.
        By plus = By.cssSelector("button[aria-label='Add team member']");
        browser.openModalWithKeyboard(plus);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("member-name");
        browser.focused().sendKeys(Keys.ESCAPE);
        browser.awaitModalClosedWithFocusOn(plus);

        browser.openModalWithKeyboard(plus);
        browser.press("Cancel");
        browser.awaitModalClosedWithFocusOn(plus);

        browser.openModalWithKeyboard(plus);
        String newcomer = TeamFixture.unique("newcomer");
        browser.focused().sendKeys("Nell Newcomer");
        browser.type("Email", newcomer);
        browser.press("Add");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("team-list"), "Nell Newcomer"));
        browser.awaitModalClosedWithFocusOn(plus);

        // Edit: the pencil gets focus back after Escape and after Save (the list is drawn again under it).
        By edit = By.cssSelector("button[aria-label='" + pencil + "']");
        browser.openModalWithKeyboard(edit);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("member-name");
        browser.focused().sendKeys(Keys.ESCAPE);
        browser.awaitModalClosedWithFocusOn(edit);

        browser.openModalWithKeyboard(edit);
        WebElement drawnBeforeTheSave = browser.driver().findElement(edit);
        browser.press("Save");
        browser.waiting().until(ExpectedConditions.stalenessOf(drawnBeforeTheSave));
        browser.awaitModalClosedWithFocusOn(edit);

        // The deactivation confirmation, reached from inside the edit dialog, focuses Cancel (the member holds no
        // conversations, so there is no field) and hands focus back to the pencil.
        browser.openModalWithKeyboard(edit);
        browser.driver().findElement(By.xpath("//dialog//button[normalize-space()='Deactivate user']")).sendKeys(Keys.ENTER);
        browser.waitFor(By.xpath("//dialog//h2[starts-with(normalize-space(), 'Deactivate ')]"));
        browser.waiting().until(d -> browser.firstFieldOfModal().equals(browser.focused()));
        browser.focused().sendKeys(Keys.ESCAPE);
        browser.awaitModalClosedWithFocusOn(edit);
        assertThat(statusOf(member.id())).as("Escape deactivates no one").isEqualTo("active");

        // Confirmed, the member leaves the list with the pencil that opened the dialog: focus goes to the page's heading.
        browser.openModalWithKeyboard(edit);
        browser.driver().findElement(By.xpath("//dialog//button[normalize-space()='Deactivate user']")).sendKeys(Keys.ENTER);
        browser.waitFor(By.xpath("//dialog//h2[starts-with(normalize-space(), 'Deactivate ')]"));
        browser.driver().findElement(By.xpath("//dialog//button[normalize-space()='Deactivate']")).sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(edit));
        browser.awaitModalClosedWithFocusOn(By.xpath("//main//h1[normalize-space()='Team']"));
        assertThat(statusOf(member.id())).isEqualTo("deactivated");
    }

    @Test
    void theAddDialogSaysWhenTheAccountsHourOfInvitationEmailsIsUsedUpAndKeepsWhatWasTyped() {
        TeamFixture.Account account = fixture.openAccount("Busy Builders");
        UUID invitee = fixture.invite(account.owner(), "Sent Often", TeamFixture.unique("often"), "member", null);
        // Forty-nine more sendings of that invitation, twenty minutes ago: the hour's fifty are used up for 40 minutes.
        databaseOwner().sql("""
                        INSERT INTO invitation_sends (account_id, invitation_id, sent_by, resend, sent_at)
                        SELECT i.account_id, i.id, i.invited_by, true, :at FROM invitations i, generate_series(1, 49)
                        WHERE i.user_id = :u""")
                .param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(20)))).param("u", invitee).update();
        signInAndAwaitInbox(account.owner().email());
        browser.open("/team");
        browser.waitForHeading("Team");

        browser.openModalWithKeyboard(By.cssSelector("button[aria-label='Add team member']"));
        String refused = TeamFixture.unique("refused");
        browser.type("Name", "Fifty First");
        browser.type("Email", refused);
        browser.press("Add");

        WebElement summary = browser.waitFor(By.cssSelector("dialog#modal[open] .error-summary"));
        assertThat(summary.getText()).contains("50 an hour for the account").contains("Try again in 40 minutes");
        assertThat(browser.field("Email").getAttribute("value")).isEqualTo(refused);
        assertThat(databaseOwner().sql("SELECT count(*) FROM users WHERE email = :e").param("e", refused)
                .query(Integer.class).single()).isZero();
    }

    private WebElement profileBox(String profileName) {
        return browser.driver().findElement(By.xpath("//dialog//label[normalize-space()='" + profileName + "']/input"));
    }

    private static By rowLocator(String email) {
        return By.xpath("//div[@id='team-list']//tr[td[normalize-space()='" + email + "']]");
    }

    private WebElement rowOf(String email) {
        return browser.waitFor(rowLocator(email));
    }

    private String memberName(TeamFixture.Member member) {
        return databaseOwner().sql("SELECT name FROM users WHERE id = :u").param("u", member.id()).query(String.class).single();
    }

    private String statusOf(UUID userId) {
        return databaseOwner().sql("SELECT status FROM users WHERE id = :u").param("u", userId).query(String.class).single();
    }
}
