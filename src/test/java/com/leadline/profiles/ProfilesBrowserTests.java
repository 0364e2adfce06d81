package com.leadline.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.platform.PhoneNumbers;
import com.leadline.testing.Accessibility;
import com.leadline.testing.Browser;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
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
 * dialog; the edit dialog's Texting section; and the keyboard in its modals (focus to the first field,
 * Escape closes, focus back on the opener).
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
        assertThat(browser.menuItems("profile-switcher")).contains("Lighthouse Laundry").doesNotContain("Lighthouse Laundry Harbour");
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

    @Test
    void theTextingSectionSavesCountryNumberAndHelpTextAndPutsAnUnreadableNumbersErrorBesideTheField() {
        TeamFixture.Account account = fixture.openAccount("Signal Surfboards");
        signInAndAwaitInbox(account.owner().email());
        browser.open("/profiles");
        browser.waitForHeading("Profiles");
        browser.press("Edit Signal Surfboards");
        browser.waitFor(Browser.OPEN_MODAL);

        // A London number as dialled there (Ofcom's range for drama), unique to this run: the registry is global.
        String last = String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        new Select(browser.field("Country")).selectByVisibleText("United Kingdom (+44)");
        browser.type("Phone number", "020 7946 0" + last);
        browser.type("Help text", "Signal Surfboards: text us about rentals, 9 to 5. Reply STOP to unsubscribe.");
        browser.press("Save texting");
        By status = By.cssSelector("#profile-texting [role=status]");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(status, "Texting settings saved."));
        assertThat(browser.driver().findElement(By.id("profile-texting")).getText()).contains("No SMS provider is configured");
        assertThat(browser.field("Phone number").getAttribute("value")).isEqualTo("+44 20 7946 0" + last);
        assertThat(new Select(browser.field("Country")).getFirstSelectedOption().getText()).isEqualTo("United Kingdom (+44)");
        // Focus stays on the section's button (its new copy), not lost to the page.
        browser.waiting().until(d -> "Save texting".equals(browser.focused().getText()));
        Map<String, Object> stored = databaseOwner().sql("""
                        SELECT p.country, p.help_text, n.phone_number FROM profiles p JOIN texting_numbers n ON n.profile_id = p.id
                        WHERE p.id = :p""").param("p", account.firstProfileId()).query().singleRow();
        assertThat(stored).containsEntry("country", "GB").containsEntry("phone_number", "+442079460" + last)
                .containsEntry("help_text", "Signal Surfboards: text us about rentals, 9 to 5. Reply STOP to unsubscribe.");
        // The list behind the dialog is drawn again with the number.
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-profile-id='" + account.firstProfileId() + "'] td.phone-number"), "+44 20 7946 0" + last));
        PhoneWidth.screenshots(browser, "Profiles: texting saved", () -> show("profile-texting"));

        browser.type("Phone number", "12");
        browser.press("Save texting");
        WebElement error = browser.waitFor(By.id("texting-number-error"));
        assertThat(error.getText()).isEqualTo(PhoneNumbers.UNREADABLE);
        WebElement field = browser.field("Phone number");
        assertThat(error.findElement(By.xpath("..")).equals(field.findElement(By.xpath("..")))).as("beside its field").isTrue();
        assertThat(field.getAttribute("aria-describedby")).contains("texting-number-error");
        assertThat(field.getAttribute("value")).as("what was typed is kept").isEqualTo("12");
        browser.waiting().until(d -> field.equals(browser.focused()));
        assertThat(browser.driver().findElement(By.cssSelector("#profile-texting .error-summary")).getText())
                .contains(PhoneNumbers.UNREADABLE);
        assertThat(databaseOwner().sql("SELECT phone_number FROM texting_numbers WHERE profile_id = :p")
                .param("p", account.firstProfileId()).query(String.class).single()).isEqualTo("+442079460" + last);

        PhoneWidth.screenshots(browser, "Profiles: texting refused", () -> show("texting-number-error"));
        PhoneWidth.viewportWidth(browser, PhoneWidth.DESKTOP);
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const d = document.querySelector('dialog[open]'); return d.scrollWidth <= d.clientWidth;"))
                .as("the edit dialog, business hours included, does not scroll sideways at 1440 px").isTrue();
        org.openqa.selenium.Dimension window = browser.driver().manage().window().getSize();
        try {
            PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
            PhoneWidth.assertNoSidewaysScrolling(browser, "Profiles: texting refused");
            PhoneWidth.assertControlsInsideViewport(browser, "Profiles: texting refused");
            Accessibility.assertNoSeriousViolations(browser, "Profiles: texting refused");
        } finally {
            // The class's other tests share this browser.
            browser.driver().manage().window().setSize(window);
        }
    }

    @Test
    void theAutoRepliesSectionShowsAnErrorBesideItsFieldThenSaves() {
        TeamFixture.Account account = fixture.openAccount("Night Owl Nurseries");
        signInAndAwaitInbox(account.owner().email());
        browser.open("/profiles");
        browser.waitForHeading("Profiles");
        browser.press("Edit Night Owl Nurseries");
        browser.waitFor(Browser.OPEN_MODAL);

        browser.driver().findElement(By.xpath("//dialog//label[contains(., 'Send the after hours reply')]/input")).click();
        browser.type("After hours reply", "Hi {firstname}, we're closed until 8 tomorrow.");
        browser.press("Save auto replies");
        WebElement error = browser.waitFor(By.id("auto-reply-after-hours-error"));
        assertThat(error.getText()).isEqualTo("{firstname} is not a placeholder. Use {first_name} or {button_name}.");
        WebElement field = browser.field("After hours reply");
        assertThat(error.findElement(By.xpath("..")).equals(field.findElement(By.xpath("..")))).as("beside its field").isTrue();
        assertThat(field.getAttribute("aria-describedby")).contains("auto-reply-after-hours-error");
        assertThat(field.getAttribute("value")).as("what was typed is kept").isEqualTo("Hi {firstname}, we're closed until 8 tomorrow.");
        browser.waiting().until(d -> field.equals(browser.focused()));
        assertThat(databaseOwner().sql("SELECT count(*) FROM inbox_auto_replies WHERE profile_id = :p")
                .param("p", account.firstProfileId()).query(Integer.class).single()).isZero();
        PhoneWidth.screenshots(browser, "Profiles: auto replies refused", () -> show("auto-reply-after-hours-error"));
        org.openqa.selenium.Dimension window = browser.driver().manage().window().getSize();
        try {
            PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
            PhoneWidth.assertNoSidewaysScrolling(browser, "Profiles: auto replies refused");
            PhoneWidth.assertControlsInsideViewport(browser, "Profiles: auto replies refused");
            Accessibility.assertNoSeriousViolations(browser, "Profiles: auto replies refused");
        } finally {
            browser.driver().manage().window().setSize(window);
        }

        browser.type("After hours reply", "Hi {first_name}, we're closed until 8 tomorrow.");
        browser.type("New lead reply", "Thanks {first_name}! {button_name} will text you back soon.");
        browser.driver().findElement(By.xpath("//dialog//label[contains(., 'Send the new lead reply')]/input")).click();
        browser.press("Save auto replies");
        By status = By.cssSelector("#profile-auto-replies [role=status]");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(status, "Auto replies saved."));
        browser.waiting().until(d -> "Save auto replies".equals(browser.focused().getText()));
        assertThat(databaseOwner().sql("SELECT kind || ':' || enabled || ':' || body FROM inbox_auto_replies WHERE profile_id = :p ORDER BY kind")
                .param("p", account.firstProfileId()).query(String.class).list()).containsExactly(
                "after_hours:true:Hi {first_name}, we're closed until 8 tomorrow.",
                "new_lead:true:Thanks {first_name}! {button_name} will text you back soon.");
        PhoneWidth.screenshots(browser, "Profiles: auto replies saved", () -> show("profile-auto-replies"));
    }

    /** The element scrolled into the dialog's view, for the screenshots. */
    private void show(String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
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
