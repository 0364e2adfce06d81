package com.leadline.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Browser;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.TeamFixture;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Profiles page in Chromium: add with the orange +, edit with the pencil, archive from the edit
 * dialog; and the keyboard in its modals (focus to the first field, Escape closes, focus back on the opener).
 */
class ProfilesBrowserTests extends BrowserTest {

    private static final By PLUS = By.cssSelector("button[aria-label='Add profile']");

    private TeamFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new TeamFixture(port, databaseOwner());
    }

    @Test
    void theOwnerAddsAProfileWithThePlusEditsItWithThePencilAndArchivesIt() {
        TeamFixture.Account account = fixture.openAccount("Lighthouse Laundry");
        signInAndAwaitInbox(account.owner().email());
        browser.open("/profiles");
        browser.waitForHeading("Profiles");

        WebElement plus = browser.driver().findElement(PLUS);
        assertThat(plus.getCssValue("background-color")).isEqualTo("rgba(242, 107, 33, 1)");
        plus.click();
        browser.waitFor(Browser.OPEN_MODAL);
        assertThat(browser.driver().findElement(By.id("modal-title")).getText()).isEqualTo("Add profile");
        browser.type("Name", "Lighthouse Laundry Pier");
        browser.type("Button name", "Pier");
        new Select(browser.field("Timezone")).selectByVisibleText("Europe/Lisbon");
        openOn("Monday");
        browser.press("Add");
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(Browser.OPEN_MODAL));
        WebElement row = rowOf("Lighthouse Laundry Pier");
        assertThat(row.getText()).contains("Pier", "Europe/Lisbon", "Shown");
        UUID pier = profileNamed(account, "Lighthouse Laundry Pier");
        Map<String, Object> stored = databaseOwner().sql("""
                        SELECT button_name, timezone, business_hours::text AS hours, archived_at IS NULL AS in_use
                        FROM profiles WHERE id = :p""").param("p", pier).query().singleRow();
        assertThat(stored).containsEntry("button_name", "Pier").containsEntry("timezone", "Europe/Lisbon")
                .containsEntry("in_use", true);
        assertThat((String) stored.get("hours")).contains("MONDAY", "09:00", "17:00").doesNotContain("TUESDAY");

        browser.press("Edit Lighthouse Laundry Pier");
        browser.waitFor(Browser.OPEN_MODAL);
        assertThat(browser.field("Button name").getAttribute("value")).isEqualTo("Pier");
        browser.type("Name", "Lighthouse Laundry Harbour");
        browser.driver().findElement(By.xpath("//dialog//label[contains(., 'Show in the Leadbox')]/input")).click();
        browser.press("Save");
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(Browser.OPEN_MODAL));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(rowLocator("Lighthouse Laundry Pier")));
        assertThat(rowOf("Lighthouse Laundry Harbour").getText()).contains("Hidden");
        assertThat(databaseOwner().sql("SELECT name FROM profiles WHERE id = :p").param("p", pier).query(String.class).single())
                .isEqualTo("Lighthouse Laundry Harbour");

        // Archiving asks first; saying no changes nothing.
        browser.press("Edit Lighthouse Laundry Harbour");
        browser.waitFor(Browser.OPEN_MODAL);
        browser.press("Archive profile");
        assertThat(browser.waiting().until(ExpectedConditions.alertIsPresent()).getText()).contains("Archive Lighthouse Laundry Harbour?");
        browser.driver().switchTo().alert().dismiss();
        assertThat(archived(pier)).isFalse();
        browser.press("Archive profile");
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(Browser.OPEN_MODAL));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(rowLocator("Lighthouse Laundry Harbour"), "Archived"));
        assertThat(archived(pier)).isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("button[aria-label='Edit Lighthouse Laundry Harbour']"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("button[aria-label='Restore Lighthouse Laundry Harbour']"))).hasSize(1);

        // Gone from the profiles in use: the shell's profile switcher no longer offers it.
        browser.open("/profiles");
        browser.waitForHeading("Profiles");
        assertThat(new Select(browser.driver().findElement(By.id("profile-switcher"))).getOptions())
                .extracting(WebElement::getText).contains("Lighthouse Laundry").doesNotContain("Lighthouse Laundry Harbour");
    }

    @Test
    void theProfileModalsTakeFocusCloseOnEscapeAndGiveFocusBack() {
        TeamFixture.Account account = fixture.openAccount("Tabkey Tailors");
        UUID annex = fixture.addProfile(account, "Tabkey Tailors Annex");
        signInAndAwaitInbox(account.owner().email());
        browser.open("/profiles");
        browser.waitForHeading("Profiles");

        browser.openModalWithKeyboard(PLUS);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("profile-name");
        browser.focused().sendKeys(Keys.ESCAPE);
        browser.awaitModalClosedWithFocusOn(PLUS);

        browser.openModalWithKeyboard(PLUS);
        browser.press("Cancel");
        browser.awaitModalClosedWithFocusOn(PLUS);

        By edit = By.cssSelector("button[aria-label='Edit Tabkey Tailors Annex']");
        browser.openModalWithKeyboard(edit);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("profile-name");
        browser.focused().sendKeys(Keys.ESCAPE);
        browser.awaitModalClosedWithFocusOn(edit);

        // After a save the list is drawn again; focus lands on the new copy of the same pencil.
        browser.openModalWithKeyboard(edit);
        WebElement drawnBeforeTheSave = browser.driver().findElement(edit);
        browser.focused().sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.stalenessOf(drawnBeforeTheSave));
        browser.awaitModalClosedWithFocusOn(edit);

        // Archiving removes the pencil that opened the dialog: focus goes to the row's Restore instead of being lost.
        browser.openModalWithKeyboard(edit);
        browser.press("Archive profile");
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        browser.awaitModalClosedWithFocusOn(By.cssSelector("button[aria-label='Restore Tabkey Tailors Annex']"));
        assertThat(archived(annex)).isTrue();
    }

    private void openOn(String day) {
        WebElement box = browser.driver().findElement(By.xpath("//dialog//label[normalize-space()='Open on " + day + "']/input"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static By rowLocator(String name) {
        return By.xpath("//div[@id='profile-list']//tr[td[1]/span[normalize-space()='" + name + "']]");
    }

    private WebElement rowOf(String name) {
        return browser.waitFor(rowLocator(name));
    }

    private UUID profileNamed(TeamFixture.Account account, String name) {
        return databaseOwner().sql("SELECT id FROM profiles WHERE account_id = :a AND name = :n")
                .param("a", account.id()).param("n", name).query(UUID.class).single();
    }

    private boolean archived(UUID profile) {
        return databaseOwner().sql("SELECT archived_at IS NOT NULL FROM profiles WHERE id = :p").param("p", profile)
                .query(Boolean.class).single();
    }
}
