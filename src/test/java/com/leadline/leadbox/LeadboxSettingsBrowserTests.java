package com.leadline.leadbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Accessibility;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The Leadbox page in Chromium (S28, S41): an admin's preview follows what they type before anything is
 * saved, a website line that is no website is refused next to its field with nothing saved, Copy says
 * Copied; a team member sees only the embed code. At 360 and 1440 px (screenshots with
 * -Dleadline.screenshots=DIR), checked with axe.
 */
class LeadboxSettingsBrowserTests extends BrowserTest {

    @Test
    void anAdminSeesThePreviewFollowTheirTypingSavesOnlyGoodWebsitesAndCopiesTheEmbedCode() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Harbour Lights Dental");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", account.firstProfileId());
        String api = "/api/v1/profiles/" + account.firstProfileId() + "/leadbox";

        signInAndAwaitInbox(admin.email());
        browser.driver().findElement(By.cssSelector("nav.side-nav a[href='/leadbox']")).click();
        browser.waitForHeading("Leadbox");
        assertThat(browser.driver().findElement(By.cssSelector("nav.side-nav a[aria-current=page]")).getText()).isEqualTo("Leadbox");
        copyAndExpectCopied("Copy embed code for Harbour Lights Dental");
        checkPage("Leadbox: an admin's list");

        browser.driver().findElement(By.cssSelector("a[aria-label='Edit settings of Harbour Lights Dental']")).click();
        browser.waitForHeading("Leadbox: Harbour Lights Dental");
        WebElement launcher = browser.driver().findElement(By.cssSelector(".preview-launcher"));
        assertThat(launcher.getText()).isEqualTo("Text us");
        assertThat(launcher.getCssValue("background-color")).as("the stored colour, set by script").isEqualTo("rgba(184, 72, 12, 1)");

        browser.type("Button text", "Book a visit");
        setColour("#1a6b3c");
        browser.type("Greeting", "Toothache? Tell us, we'll text you.");
        browser.driver().findElement(By.id("leadbox-offers-call")).click();
        assertThat(launcher.getText()).as("before saving").isEqualTo("Book a visit");
        assertThat(launcher.getCssValue("background-color")).isEqualTo("rgba(26, 107, 60, 1)");
        assertThat(launcher.getCssValue("color")).as("white reads better on dark green").isEqualTo("rgba(255, 255, 255, 1)");
        assertThat(browser.driver().findElement(By.cssSelector(".preview-greeting")).getText()).isEqualTo("Toothache? Tell us, we'll text you.");
        assertThat(browser.driver().findElement(By.cssSelector(".preview-call")).isDisplayed()).isTrue();
        browser.driver().findElement(By.id("leadbox-offers-call")).click();
        assertThat(browser.driver().findElement(By.cssSelector(".preview-call")).isDisplayed()).isFalse();
        setColour("#ffd43b");
        assertThat(launcher.getCssValue("color")).as("black reads better on yellow").isEqualTo("rgba(0, 0, 0, 1)");
        setColour("#1a6b3c");
        assertThat(stored(account, api).get("buttonText").asString()).as("nothing saved yet").isEqualTo("Text us");

        browser.type("Allowed websites", "https://www.harbourlights.example/contact\nharbour lights dot com");
        browser.press("Save");
        browser.waitFor(By.id("leadbox-origins-error"));
        assertThat(browser.driver().findElement(By.id("leadbox-origins-error")).getText())
                .startsWith("\"harbour lights dot com\" is not a website address.");
        assertThat(browser.driver().findElement(By.cssSelector(".error-summary")).getText()).contains("Nothing was saved.");
        assertThat(browser.field("Button text").getDomProperty("value")).as("what was typed is kept").isEqualTo("Book a visit");
        assertThat(browser.driver().findElement(By.cssSelector(".preview-launcher")).getCssValue("background-color"))
                .isEqualTo("rgba(26, 107, 60, 1)");
        JsonNode unchanged = stored(account, api);
        assertThat(unchanged.get("buttonText").asString()).isEqualTo("Text us");
        assertThat(unchanged.get("allowedOrigins")).isEmpty();
        checkPage("Leadbox settings refused");

        browser.type("Allowed websites", "https://www.harbourlights.example/contact");
        browser.press("Save");
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main .notice[role=status]"), "Leadbox saved."));
        JsonNode saved = stored(account, api);
        assertThat(saved.get("buttonText").asString()).isEqualTo("Book a visit");
        assertThat(saved.get("colour").asString()).isEqualTo("#1a6b3c");
        assertThat(saved.get("greeting").asString()).isEqualTo("Toothache? Tell us, we'll text you.");
        assertThat(saved.get("allowedOrigins").get(0).asString()).isEqualTo("https://www.harbourlights.example");
        assertThat(saved.get("offersCall").asBoolean()).isFalse();
        copyAndExpectCopied("Copy embed code");
        PhoneWidth.screenshots(browser, "Leadbox preview", () -> ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('leadbox-preview').scrollIntoView({block: 'start'});"));
        checkPage("Leadbox settings saved");
    }

    @Test
    void theOwnerOrdersTheMultiProfileLeadboxAndThePreviewFollows() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Harbour Lights Dental");
        UUID kids = fixture.addProfile(account, "Harbour Lights Kids");

        signInAndAwaitInbox(account.owner().email());
        browser.open("/leadbox/multi-profile");
        browser.waitForHeading("Multi-profile Leadbox");
        assertThat(previewChoices()).containsExactly("Harbour Lights Dental", "Harbour Lights Kids");
        browser.press("Move Harbour Lights Kids up");
        assertThat(previewChoices()).containsExactly("Harbour Lights Kids", "Harbour Lights Dental");
        assertThat(browser.focused().getAttribute("aria-label")).isEqualTo("Move Harbour Lights Kids up");
        assertThat(browser.driver().findElement(By.cssSelector("[data-move-status]")).getText())
                .isEqualTo("Harbour Lights Kids: place 1 of 2.");
        browser.driver().findElement(By.xpath("//label[normalize-space()='Show Harbour Lights Dental']/input")).click();
        assertThat(previewChoices()).containsExactly("Harbour Lights Kids");
        checkPage("Multi-profile Leadbox");
        browser.press("Save");
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main .notice[role=status]"), "Leadbox saved."));
        JsonNode profiles = WebSession.json(account.owner().session().api("GET", "/api/v1/leadbox/multi-profile", null)).get("profiles");
        assertThat(profiles.get(0).get("profileId").asString()).isEqualTo(kids.toString());
        assertThat(profiles.get(1).get("shown").asBoolean()).isFalse();
    }

    /** S41: a team member sees the embed code of their profile's Leadbox, copies it, and has nothing to edit. */
    @Test
    void aTeamMemberSeesOnlyTheEmbedCode() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Harbour Lights Dental");
        TeamFixture.Member member = fixture.join(account.owner(), "member", account.firstProfileId());

        signInAndAwaitInbox(member.email());
        browser.open("/leadbox");
        browser.waitForHeading("Leadbox");
        assertThat(browser.driver().findElements(By.cssSelector("input.embed-code"))).hasSize(1);
        assertThat(browser.driver().findElement(By.cssSelector("input.embed-code")).getDomProperty("value"))
                .matches("<script src=\"[^\"]+/leadbox\\.js\" data-leadbox=\"[A-Za-z0-9_-]+\" async></script>");
        assertThat(browser.driver().findElements(By.cssSelector("main form, .leadbox-preview, main a[href^='/leadbox/']"))).isEmpty();
        copyAndExpectCopied("Copy embed code for Harbour Lights Dental");
        checkPage("Leadbox seen by a team member");
    }

    private void copyAndExpectCopied(String button) {
        browser.press(button);
        browser.waiting().until(ExpectedConditions.textToBe(By.id("notice"), "Copied."));
    }

    private void setColour(String hex) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const field = document.getElementById('leadbox-colour');
                field.value = arguments[0];
                field.dispatchEvent(new Event('input', {bubbles: true}));""", hex);
    }

    private List<String> previewChoices() {
        return browser.driver().findElements(By.cssSelector(".preview-choices li")).stream().map(WebElement::getText).toList();
    }

    private JsonNode stored(TeamFixture.Account account, String api) {
        return WebSession.json(account.owner().session().api("GET", api, null));
    }

    private static void checkPage(String page) {
        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        PhoneWidth.assertFits(browser, page);
        Accessibility.assertNoSeriousViolations(browser, page);
        PhoneWidth.viewportWidth(browser, PhoneWidth.DESKTOP);
        PhoneWidth.assertNoSidewaysScrolling(browser, page + " at 1440 px");
    }
}
