package com.leadline.leadbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Accessibility;
import com.leadline.testing.Browser;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import com.leadline.leadbox.LeadboxSeeding;
import com.leadline.platform.Tenancy;

/**
 * Issue 17's browser test: a business's website on another origin (the local demo page, opened at
 * 127.0.0.1 while Leadline is localhost) embeds the widget; a visitor uses it with the keyboard only,
 * sends a bad phone number (told so next to the field, nothing created) and then a good one; the lead
 * shows up live in an admin's Unassigned tab, its new-lead auto reply waits in the text outbox, and the
 * conversation is still New. Escape closes the panel and gives focus back to the launcher; the panel fits
 * a 360 px phone.
 */
class LeadboxWidgetBrowserTests extends BrowserTest {

    private static final String NEW_LEAD_REPLY = "Hi {first_name}, {button_name} got your message and will text you soon.";

    @Autowired
    LeadboxStore leadboxes;
    @Autowired
    LeadboxSeeding seeding;
    @Autowired
    Tenancy tenancy;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aVisitorSendsALeadWithTheKeyboardFromAnotherWebsiteAndItArrivesLiveWithItsAutoReply() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Widget Dental");
        TeamFixture.Member admin = fixture.join(account.owner(), "admin", null);
        openNowWithANewLeadReply(account);
        Leadbox leadbox = leadboxAllowing(account, "http://127.0.0.1:" + port);
        String visitorName = "Wanda Widget " + Long.toString(System.nanoTime(), 36);

        try (Browser adminBrowser = new Browser(port)) {
            adminBrowser.signIn(admin.email(), PASSWORD);
            adminBrowser.waitForHeading("Inbox");
            adminBrowser.open("/inbox?tab=unassigned");
            wait(adminBrowser.driver()).until(d -> !d.findElements(By.cssSelector("main[data-live=listening]")).isEmpty());

            // The business's website, on another origin than Leadline's: the launcher appears.
            WebDriver visitor = browser.driver();
            visitor.get("http://127.0.0.1:" + port + "/dev/leadbox?key=" + leadbox.widgetKey());
            WebElement launcher = wait(visitor).until(d -> shadow(d, ".launcher"));
            assertThat(launcher.getText()).isEqualTo(LeadboxStore.DEFAULT_BUTTON_TEXT);
            assertThat(launcher.getCssValue("background-color")).as("the host page's button styles don't reach it")
                    .isEqualTo("rgba(184, 72, 12, 1)");
            assertThat(script(visitor, "return document.cookie")).isEqualTo("");
            assertThat(script(visitor, "return performance.getEntriesByType('resource').some(r => r.name.endsWith('/widget/panel.js'))"))
                    .as("the panel loads only when the launcher is pressed").isEqualTo(false);
            PhoneWidth.screenshots(browser, "leadbox launcher");

            // Keyboard only: Tab to the launcher, Enter opens the panel with focus on the first field.
            for (int i = 0; i < 10 && !isFocused(visitor, "launcher"); i++) {
                keys(visitor, Keys.TAB);
            }
            assertThat(isFocused(visitor, "launcher")).as("the launcher is reached with Tab").isTrue();
            keys(visitor, Keys.ENTER);
            wait(visitor).until(d -> "ll-name".equals(focusedId(d)));
            WebElement dialog = shadow(visitor, "[role=dialog]");
            assertThat(dialog.getAttribute("aria-modal")).isEqualTo("true");
            assertThat(shadow(visitor, "#" + dialog.getAttribute("aria-labelledby")).getText()).isEqualTo(LeadboxStore.DEFAULT_BUTTON_TEXT);

            // Escape closes it and gives focus back to the launcher; Enter opens it again.
            keys(visitor, Keys.ESCAPE);
            wait(visitor).until(d -> !shadow(d, "[role=dialog]").isDisplayed());
            assertThat(isFocused(visitor, "launcher")).as("focus back on the launcher").isTrue();
            assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
            keys(visitor, Keys.ENTER);
            wait(visitor).until(d -> "ll-name".equals(focusedId(d)));

            // Focus stays in the panel: Shift+Tab from the first field to Close, then round to Send; Tab to Close.
            shiftTab(visitor);
            assertThat(focusedLabel(visitor)).as((String) script(visitor, FOCUSED + "return a && a.outerHTML")).isEqualTo("Close");
            shiftTab(visitor);
            assertThat(focusedText(visitor)).isEqualTo("Send");
            keys(visitor, Keys.TAB);
            assertThat(focusedLabel(visitor)).isEqualTo("Close");
            keys(visitor, Keys.TAB);
            assertThat(focusedId(visitor)).isEqualTo("ll-name");

            // A wrong phone number: told next to the field (and announced), what was typed stays, nothing is created.
            formTokensFetched(visitor, 1);
            clock.advance(Duration.ofSeconds(5)); // the server's minimum fill time, on the tests' clock
            keys(visitor, visitorName, Keys.TAB, "12345", Keys.TAB, "Do you have a slot on Friday?", Keys.TAB);
            assertThat(focusedText(visitor)).isEqualTo("Send");
            keys(visitor, Keys.ENTER);
            WebElement phoneError = wait(visitor).until(d -> {
                WebElement error = shadow(d, "#ll-phone-error");
                return error.isDisplayed() ? error : null;
            });
            assertThat(phoneError.getText()).isNotBlank();
            WebElement phone = shadow(visitor, "#ll-phone");
            assertThat(phone.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(phone.getAttribute("aria-describedby")).isEqualTo("ll-phone-error");
            assertThat(focusedId(visitor)).as("focus on the wrong field").isEqualTo("ll-phone");
            wait(visitor).until(d -> shadow(d, "[aria-live]").getText().contains(phoneError.getText()));
            assertThat(shadow(visitor, "#ll-name").getAttribute("value")).isEqualTo(visitorName);
            assertThat(shadow(visitor, "#ll-message").getAttribute("value")).isEqualTo("Do you have a slot on Friday?");
            assertThat(contactsNamed(account, visitorName)).as("no contact for a refused form").isZero();
            PhoneWidth.screenshots(browser, "leadbox panel with a field error");
            Accessibility.assertNoSeriousViolations(browser, "the Leadbox panel with a field error");

            // A good one: thanks, in the exact words.
            String number = TeamFixture.uniquePhoneNumber();
            new Actions(visitor).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
            keys(visitor, Keys.BACK_SPACE, number, Keys.TAB, Keys.TAB, Keys.ENTER);
            WebElement thanks = wait(visitor).until(d -> {
                WebElement done = shadow(d, ".thanks");
                return done.isDisplayed() ? done : null;
            });
            assertThat(thanks.getText()).isEqualTo("Thanks, we'll text you shortly");
            assertThat(focusedText(visitor)).isEqualTo("Thanks, we'll text you shortly");
            PhoneWidth.screenshots(browser, "leadbox panel after sending");

            // Live in the admin's Unassigned tab; New, unassigned, and the new-lead reply in the outbox.
            wait(adminBrowser.driver()).until(d -> d.findElement(By.cssSelector(".conversation-list")).getText().contains(visitorName));
            Map<String, Object> lead = databaseOwner().sql("""
                            SELECT c.id, c.state, c.assignee_id IS NULL AS unassigned, m.source_url,
                                   (SELECT string_agg(o.body, '|') FROM text_outbox o JOIN messages a ON a.id = o.message_id
                                    WHERE a.conversation_id = c.id) AS outbox
                            FROM contacts ct JOIN conversations c ON c.contact_id = ct.id
                            JOIN messages m ON m.conversation_id = c.id AND m.kind = 'inbound'
                            WHERE ct.account_id = :a AND ct.phone = :phone""")
                    .param("a", account.id()).param("phone", number).query().singleRow();
            assertThat(lead).containsEntry("state", "new").containsEntry("unassigned", true)
                    .containsEntry("source_url", "http://127.0.0.1:" + port + "/dev/leadbox?key=" + leadbox.widgetKey())
                    .containsEntry("outbox", "Hi Wanda, Widget Help got your message and will text you soon.");

            // The admin's thread names the Leadbox and links the page the lead wrote from.
            adminBrowser.open("/inbox?tab=unassigned&c=" + lead.get("id"));
            WebElement sentFrom = wait(adminBrowser.driver()).until(d -> d.findElement(By.cssSelector(".message.inbound .source-page a")));
            assertThat(sentFrom.getAttribute("href")).isEqualTo(lead.get("source_url"));
            assertThat(adminBrowser.driver().findElement(By.cssSelector(".message.inbound")).getText()).contains("Lead · Leadbox");
            PhoneWidth.screenshots(adminBrowser, "leadbox lead in the admin's thread");

            // On a 360 px phone the panel takes the screen and nothing scrolls sideways.
            PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
            shadow(visitor, ".link:not([hidden])").click(); // "Send another message"
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) script(visitor, """
                    const r = document.querySelector('leadline-leadbox').shadowRoot.querySelector('[role=dialog]').getBoundingClientRect();
                    return {left: r.left, right: r.right, width: r.width, page: document.documentElement.clientWidth};""");
            assertThat(box.get("left").doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(box.get("right").doubleValue()).isLessThanOrEqualTo(PhoneWidth.PHONE);
            assertThat(box.get("width").doubleValue()).as("the whole width (but the page's scroll bar) %s", box)
                    .isGreaterThanOrEqualTo(box.get("page").doubleValue());
            PhoneWidth.assertNoSidewaysScrolling(browser, "the Leadbox demo page with the panel open");
            for (String field : List.of("#ll-name", "#ll-phone", "#ll-message", ".send")) {
                WebElement control = shadow(visitor, field);
                assertThat(control.getRect().getX()).isGreaterThanOrEqualTo(0);
                assertThat(control.getRect().getX() + control.getRect().getWidth()).as(field).isLessThanOrEqualTo(PhoneWidth.PHONE);
            }
            PhoneWidth.screenshots(browser, "leadbox panel");
            PhoneWidth.viewportWidth(browser, PhoneWidth.DESKTOP);
        }
    }

    /**
     * A multi-profile Leadbox: the visitor picks a profile first (in the Leadbox's order); a refusal for
     * too many forms says when to try again and keeps what was typed; the retry carries the same
     * idempotency key, the next form a new one.
     */
    @Test
    void aVisitorPicksAProfileIsToldToWaitWhenLimitedAndRetriesWithTheSameIdempotencyKey() {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount("Two Desks");
        UUID north = account.firstProfileId();
        UUID south = fixture.addProfile(account, "South office");
        databaseOwner().sql("UPDATE profiles SET button_name = CASE WHEN id = :n THEN 'North Desk' ELSE 'South Desk' END WHERE id IN (:n, :s)")
                .param("n", north).param("s", south).update();
        String origin = "http://127.0.0.1:" + port;
        Leadbox multi = transactions.execute(status -> tenancy.inAccount(account.id(), () -> {
            leadboxes.ofProfile(account.id(), south, "Two Desks", clock.instant()); // South first in the Leadbox's order
            leadboxes.ofProfile(account.id(), north, "Two Desks", clock.instant());
            Leadbox made = leadboxes.multiProfile(account.id(), "Two Desks", clock.instant());
            leadboxes.update(made, true, made.appearance(), List.of(origin), clock.instant());
            return leadboxes.find(made.id()).orElseThrow();
        }));

        WebDriver visitor = browser.driver();
        visitor.get(origin + "/dev/leadbox?key=" + multi.widgetKey());
        wait(visitor).until(d -> shadow(d, ".launcher")).click();
        wait(visitor).until(d -> "South Desk".equals(focusedText(d)));
        @SuppressWarnings("unchecked")
        List<String> choices = (List<String>) script(visitor, "return Array.from(document.querySelector('leadline-leadbox').shadowRoot"
                + ".querySelectorAll('.pick')).map(b => b.textContent);");
        assertThat(choices).containsExactly("South Desk", "North Desk");
        script(visitor, """
                window.__posts = [];
                const send = window.fetch;
                window.fetch = function (url, init) {
                    if (init && init.method === 'POST') window.__posts.push(JSON.parse(init.body));
                    return send.apply(this, arguments);
                };""");
        keys(visitor, Keys.TAB, Keys.ENTER); // North Desk
        wait(visitor).until(d -> "ll-name".equals(focusedId(d)));
        assertThat(shadow(visitor, ".body").getText()).contains("To: North Desk");

        // Too many forms through this key: told when to try again, and what was typed stays.
        formTokensFetched(visitor, 1);
        jdbc.sql("INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES (:bucket, :now, 100000)")
                .param("bucket", "leadbox-intake#" + multi.widgetKey()).param("now", java.sql.Timestamp.from(clock.instant())).update();
        clock.advance(Duration.ofSeconds(5));
        String number = TeamFixture.uniquePhoneNumber();
        keys(visitor, "Nora North", Keys.TAB, number, Keys.TAB, "Is parking free?", Keys.TAB, Keys.ENTER);
        WebElement alert = wait(visitor).until(d -> {
            WebElement shown = shadow(d, ".alert");
            return shown.isDisplayed() ? shown : null;
        });
        assertThat(alert.getText()).matches("Too many messages right now\\. Please try again in \\d+ seconds\\.");
        assertThat(shadow(visitor, "#ll-message").getAttribute("value")).isEqualTo("Is parking free?");

        // The limit is over: the same form again, under the same idempotency key, reaches North Desk's inbox.
        jdbc.sql("DELETE FROM rate_limit_windows").update();
        shadow(visitor, ".send").click();
        wait(visitor).until(d -> shadow(d, ".thanks").isDisplayed());
        assertThat(databaseOwner().sql("SELECT profile_id FROM contacts WHERE account_id = :a AND phone = :phone")
                .param("a", account.id()).param("phone", number).query(UUID.class).list()).containsExactly(north);

        // The next form is another submission: a new idempotency key.
        shadow(visitor, ".link:not([hidden])").click();
        formTokensFetched(visitor, 2);
        clock.advance(Duration.ofSeconds(5));
        keys(visitor, "Nora North", Keys.TAB, number, Keys.TAB, "And on Sundays?", Keys.TAB, Keys.ENTER);
        wait(visitor).until(d -> shadow(d, ".thanks").isDisplayed());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> posts = (List<Map<String, Object>>) script(visitor, "return window.__posts;");
        assertThat(posts).hasSize(3).allSatisfy(post -> assertThat(post).containsEntry("profileId", north.toString())
                .containsEntry("website", ""));
        assertThat(posts.get(1).get("idempotencyKey")).as("the retry").isEqualTo(posts.get(0).get("idempotencyKey"));
        assertThat(posts.get(2).get("idempotencyKey")).as("after a success").isNotEqualTo(posts.get(0).get("idempotencyKey"));
        assertThat(databaseOwner().sql("""
                        SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id
                        JOIN contacts ct ON ct.id = c.contact_id WHERE ct.account_id = :a AND ct.phone = :phone AND m.kind = 'inbound'""")
                .param("a", account.id()).param("phone", number).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anUnknownKeyShowsNothingAndBreaksNothing() {
        WebDriver visitor = browser.driver();
        visitor.get("http://127.0.0.1:" + port + "/dev/leadbox?key=NoSuchLeadboxKeyAtAll");
        wait(visitor).until(d -> script(d, "return window.LeadlineLeadbox !== undefined"));
        // The launcher's request fails (no grant for an unknown key); give it the time to answer.
        new Actions(visitor).pause(Duration.ofMillis(1500)).perform();
        assertThat(visitor.findElements(By.tagName("leadline-leadbox"))).isEmpty();
        assertThat(script(visitor, "return document.cookie")).isEqualTo("");
    }

    /** The profile open at this moment (every day, in a zone where it is midday now) and its new-lead reply on. */
    private void openNowWithANewLeadReply(TeamFixture.Account account) {
        int hourUtc = clock.instant().atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(12 - hourUtc + 11, 24) - 11; // local midday, -11..+12
        String zone = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + -offset);
        StringBuilder hours = new StringBuilder("{");
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.append(hours.length() > 1 ? ", " : "").append('"').append(day).append("\": {\"opens\": \"08:00\", \"closes\": \"16:00\"}");
        }
        databaseOwner().sql("UPDATE profiles SET timezone = :zone, button_name = 'Widget Help', country = 'US', "
                        + "business_hours = CAST(:hours AS jsonb) WHERE id = :p")
                .param("zone", zone).param("hours", hours.append('}').toString()).param("p", account.firstProfileId()).update();
        WebSession.Page saved = account.owner().session().api("PUT", "/api/v1/profiles/" + account.firstProfileId() + "/auto-replies",
                Map.of("newLeadEnabled", true, "newLeadText", NEW_LEAD_REPLY, "afterHoursEnabled", false, "afterHoursText", ""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** The owner's first profile's Leadbox, on and usable from exactly these websites, as the seeding port leaves it. */
    private Leadbox leadboxAllowing(TeamFixture.Account owner, String origin) {
        return transactions.execute(status -> tenancy.inAccount(owner.id(), () -> {
            String key = seeding.openTo(owner.id(), owner.firstProfileId(), "Widget Dental", List.of(origin));
            return leadboxes.find(leadboxes.route(key).orElseThrow().leadboxId()).orElseThrow();
        }));
    }

    private long contactsNamed(TeamFixture.Account account, String name) {
        return databaseOwner().sql("SELECT count(*) FROM contacts WHERE account_id = :a AND name = :name")
                .param("a", account.id()).param("name", name).query(Long.class).single();
    }

    /** An element inside the widget's shadow root, or null while there is none. */
    private static WebElement shadow(WebDriver driver, String selector) {
        return (WebElement) script(driver, "const host = document.querySelector('leadline-leadbox');"
                + "return host && host.shadowRoot.querySelector(arguments[0]);", selector);
    }

    private static Object script(WebDriver driver, String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** What has focus, looking inside shadow roots (document.activeElement is only the widget's host element). */
    private static final String FOCUSED = "let a = document.activeElement;"
            + "while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;";

    private static String focusedId(WebDriver driver) {
        return (String) script(driver, FOCUSED + "return a && a.id;");
    }

    private static String focusedLabel(WebDriver driver) {
        return (String) script(driver, FOCUSED + "return a && a.getAttribute('aria-label');");
    }

    private static String focusedText(WebDriver driver) {
        return (String) script(driver, FOCUSED + "return a && a.textContent.trim();");
    }

    private static boolean isFocused(WebDriver driver, String className) {
        return Boolean.TRUE.equals(script(driver, FOCUSED + "return !!a && a.classList.contains(arguments[0]);", className));
    }

    /** Keys to whatever has focus, as a person types them (no element is clicked first). */
    private static void keys(WebDriver driver, CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The panel has its form token (issued at the tests' clock's time, which the test moves on after). */
    private static void formTokensFetched(WebDriver driver, int count) {
        wait(driver).until(d -> ((Number) script(d, "return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.endsWith('/form-token')).length;")).intValue() >= count);
    }

    private static void shiftTab(WebDriver driver) {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    private static WebDriverWait wait(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }
}
