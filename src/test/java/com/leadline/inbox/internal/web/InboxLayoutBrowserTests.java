package com.leadline.inbox.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.Accessibility;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import com.leadline.testing.WebSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19's inbox layout in a real browser: three panes at 1440×900, each scrolling on its own, with the
 * thread's header and composer in view on a 100-message thread; one pane at a time at 360×740 with a way
 * back and every action reachable; the top bar's switchers as menus; live updates said politely; axe-core
 * at both widths with a conversation and the menus open. Screenshots go to target/screenshots every run.
 */
class InboxLayoutBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    private InboundTexts texts;

    /** An account with two profiles, a member, a dozen conversations and one of 100 messages with a long contact note. */
    private record Inbox(TeamFixture.Account account, UUID uptown, TeamFixture.Member maya, UUID longThread) {
    }

    private Inbox inbox(String business) {
        TeamFixture fixture = new TeamFixture(port, databaseOwner());
        TeamFixture.Account account = fixture.openAccount(business);
        UUID uptown = fixture.addProfile(account, business + " Uptown");
        TeamFixture.Member maya = fixture.named(fixture.join(account.owner(), "member", null), "Maya Member");
        WebSession owner = account.owner().session();
        String[][] others = {
                {"Priya Shah", "Do you do whitening? My cousin said you were great."},
                {"Tom Becker", "My tooth hurts since last night, can I come in today?"},
                {"", "Is the practice open on Saturdays?"},
                {"Ana Lima", "Can I move my appointment from Tuesday to Thursday afternoon?"},
                {"Leo Park", "Thanks, see you then!"},
                {"Grace Ho", "How much is a check-up without insurance?"},
                {"Omar Aziz", "Do you take new patients for braces?"},
                {"Eve Martin", "I left my umbrella in the waiting room yesterday."},
                {"Sam Rivera", "Could someone call me back about the invoice?"},
                {"Kim Nguyen", "Is there parking near the clinic?"},
                {"Ravi Patel", "Can my kids come in together?"},
                {"Lena Vogt", "Do you have an emergency number?"},
        };
        // Spread over the last three days (each conversation five hours after the one before, each message of
        // the long thread a minute after the last), so the rows show different times; the clock is put back after.
        java.time.Instant now = clock.instant();
        clock.setTo(now.minus(java.time.Duration.ofDays(3)));
        for (int i = 0; i < others.length; i++) {
            clock.advance(java.time.Duration.ofHours(5));
            UUID profile = i % 3 == 0 ? uptown : account.firstProfileId();
            UUID c = texts.receiveInbound(account.id(), profile, "+1555019%04d".formatted(i + 10), others[i][1]);
            if (!others[i][0].isEmpty()) {
                name(owner, c, others[i][0], "");
            }
            if (i % 4 == 1) {
                TeamFixture.takenBy(maya, c);
            }
            if (i == 4) {
                assertThat(owner.api("POST", "/api/v1/conversations/" + c + "/close", Map.of("outcome", "won")).status()).isEqualTo(204);
            }
        }
        UUID longThread = null;
        for (int i = 1; i <= 100; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            if (i % 4 == 0) {
                assertThat(owner.api("POST", "/api/v1/conversations/" + longThread + "/notes",
                        Map.of("body", "Note " + i + ": called back, left a voicemail about the crown fitting.")).status()).isEqualTo(204);
            } else {
                longThread = texts.receiveInbound(account.id(), account.firstProfileId(), "+15550190001",
                        "Message " + i + " from Dana: is the crown ready? I can come in any morning this week.");
            }
        }
        clock.resetToNow();
        name(owner, longThread, "Dana Lee", "Prefers mornings. Allergic to latex.\n" + "Insurance: Delta Dental, plan 4471.\n".repeat(30));
        return new Inbox(account, uptown, maya, longThread);
    }

    private void name(WebSession owner, UUID conversation, String name, String notes) {
        UUID contact = databaseOwner().sql("SELECT contact_id FROM conversations WHERE id = :c").param("c", conversation)
                .query(UUID.class).single();
        String phone = databaseOwner().sql("SELECT phone FROM contacts WHERE id = :c").param("c", contact).query(String.class).single();
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("email", null);
        body.put("notes", notes);
        assertThat(owner.api("PUT", "/api/v1/contacts/" + contact, body).status()).isEqualTo(204);
    }

    @Test
    void atDesktopWidthThePanesScrollOnTheirOwnAndTheHeaderAndComposerStayInView() {
        Inbox inbox = inbox("Harbour Dental");
        PhoneWidth.viewport(browser, 1440, 900);
        signInAndAwaitInbox(inbox.account().owner().email());
        browser.open("/inbox?tab=all&c=" + inbox.longThread());
        browser.waitFor(By.id("conversation-heading"));
        assertThat(browser.driver().findElements(By.cssSelector(".messages > .message"))).hasSize(100);

        // The page itself does not scroll; the three panes do, each on its own.
        assertThat(number("return document.scrollingElement.scrollHeight - window.innerHeight"))
                .as("the page fits the viewport: %s", ((JavascriptExecutor) browser.driver()).executeScript("""
                        return ['body', '.shell', 'main', '.inbox-top', '.inbox-panes', '.list-pane', '.thread-pane', '.contact-pane']
                            .map(s => s + ' ' + Math.round(document.querySelector(s).getBoundingClientRect().height)).join(', ');"""))
                .isLessThanOrEqualTo(0);
        for (String pane : List.of(".list-scroll", ".thread-scroll", ".contact-pane")) {
            assertThat(number("const p = document.querySelector(arguments[0]); return p.scrollHeight - p.clientHeight", pane))
                    .as("%s has more than it shows", pane).isGreaterThan(0);
        }
        assertThat(number("const p = document.querySelector('.thread-scroll'); return p.scrollHeight - p.clientHeight - p.scrollTop"))
                .as("the thread opens at its newest message").isLessThanOrEqualTo(1);
        Map<String, Double> before = positions();
        assertInView(before);
        screenshot("inbox-1440x900");

        // The wheel over the thread scrolls the thread alone; the header and composer stay where they are.
        double newest = number("return document.querySelector('.thread-scroll').scrollTop");
        wheel(".thread-scroll", -2000);
        browser.waiting().until(d -> number("return document.querySelector('.thread-scroll').scrollTop") < newest - 1000);
        assertThat(positions()).as("header, composer and the other panes unmoved").isEqualTo(before);
        ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('.thread-scroll').scrollTop = 0;");
        assertThat(positions()).as("at the oldest message too").isEqualTo(before);
        assertThat(number("return window.scrollY")).isZero();
        assertThat(number("""
                const pane = document.querySelector('.thread-scroll').getBoundingClientRect();
                const first = document.querySelector('.messages > .message').getBoundingClientRect();
                return first.top >= pane.top && first.bottom <= pane.bottom ? 1 : 0;""")).as("the oldest message shown in its pane").isEqualTo(1);

        wheel(".list-scroll", 300);
        browser.waiting().until(d -> number("return document.querySelector('.list-scroll').scrollTop") > 0);
        wheel(".contact-pane", 300);
        browser.waiting().until(d -> number("return document.querySelector('.contact-pane').scrollTop") > 0);
        assertThat(number("return document.querySelector('.thread-scroll').scrollTop")).as("the thread stays put").isZero();
        assertThat(number("return window.scrollY")).isZero();
        assertInView(positions());

        // Rows: time (relative, exact in the title), profile (the owner sees two), assignee and preview, apart.
        WebElement row = browser.driver().findElement(By.xpath("//li[@data-conversation-row][.//strong[.='Tom Becker']]"));
        WebElement time = row.findElement(By.cssSelector("time.row-time"));
        assertThat(time.getText()).matches("Just now|\\d+ min|\\d{2}:\\d{2}|Yesterday|\\d{1,2} [A-Z][a-z]{2}( \\d{4})?");
        assertThat(time.getAttribute("datetime")).isNotBlank();
        assertThat(time.getAttribute("title")).matches("\\w+day \\d{1,2} \\w+ \\d{4}, \\d{2}:\\d{2} \\(.+\\)");
        assertThat(row.findElement(By.cssSelector(".row-profile")).getText()).isEqualTo("Harbour Dental");
        assertThat(row.findElement(By.cssSelector(".assignee")).getText()).isEqualTo("Maya Member");
        assertThat(row.findElement(By.cssSelector(".row-preview")).getText()).startsWith("My tooth hurts");
        assertThat(row.findElement(By.cssSelector("a")).getText()).as("no run-together text")
                .contains("Maya Member\nMy tooth hurts");
        assertThat(row.getAttribute("class")).contains("unread");
        assertThat(row.findElement(By.cssSelector(".row-name")).getCssValue("font-weight")).isEqualTo("800");
        assertThat(browser.driver().findElement(By.cssSelector(".tabs a[aria-current=page]")).getText()).matches("All\\n\\d+ unread");
        WebElement selected = browser.driver().findElement(By.cssSelector("[data-conversation-row].selected"));
        assertThat(selected.getAttribute("aria-current")).isEqualTo("true");
        assertThat(selected.findElements(By.cssSelector("a[data-open-conversation]"))).hasSize(1);

        Accessibility.assertNoSeriousViolations(browser, "Inbox at 1440 px with a conversation open");
        browser.openThreadAction("assign");
        assertThat(browser.focused()).isEqualTo(browser.field("Assign to"));
        Accessibility.assertNoSeriousViolations(browser, "Inbox at 1440 px with the assign popover open");
        browser.focused().sendKeys(Keys.ESCAPE);
        assertThat(browser.driver().findElement(By.id("assign-popover")).isDisplayed()).isFalse();
        assertThat(browser.focused()).isEqualTo(browser.driver().findElement(By.cssSelector("[data-action=assign]")));
        browser.openThreadAction("close");
        Accessibility.assertNoSeriousViolations(browser, "Inbox at 1440 px with the close popover open");
        browser.driver().findElement(By.id("profile-switcher")).click();
        browser.waitFor(By.id("profile-switcher-menu"));
        assertThat(browser.driver().findElement(By.id("close-popover")).isDisplayed()).as("one popup at a time").isFalse();
        Accessibility.assertNoSeriousViolations(browser, "Inbox at 1440 px with the profile menu open");
        screenshot("inbox-1440x900-profile-menu");
    }

    @Test
    void theComposerSendsOrNotesFromOneBoxAndKeepsWhatWasTypedThroughLiveUpdates() {
        Inbox inbox = inbox("Composer Dental");
        PhoneWidth.viewport(browser, 1440, 900);
        signInAndAwaitInbox(inbox.account().owner().email());
        UUID conversation = texts.receiveInbound(inbox.account().id(), inbox.account().firstProfileId(), "+15550199999",
                "Hello, is anyone there?");
        browser.open("/inbox?tab=all&c=" + conversation);
        browser.waitFor(By.id("conversation-heading"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("main[data-live=listening]")).isEmpty());
        WebElement form = browser.driver().findElement(By.cssSelector("form[data-reply-action]"));
        WebElement body = browser.driver().findElement(By.cssSelector("textarea#composer-body[data-composer]"));
        assertThat(form.getAttribute("action")).endsWith("/reply");

        // A note from the same box.
        browser.driver().findElement(By.cssSelector("[data-composer-mode=note]")).click();
        assertThat(form.getAttribute("action")).endsWith("/note");
        assertThat(browser.driver().findElement(By.cssSelector("[data-composer-mode=note]")).getAttribute("aria-pressed")).isEqualTo("true");
        body.sendKeys("Regular, books every six months.");
        browser.press("Add note");
        browser.waitFor(By.cssSelector(".message.note"));
        assertThat(browser.driver().findElement(By.cssSelector(".message.note")).getText()).contains("Regular, books every six months.");

        // Typing a reply while a text arrives: the words stay, focus stays, and the arrival is said politely.
        WebElement reply = browser.field("Reply");
        reply.sendKeys("We have a slot at ten");
        texts.receiveInbound(inbox.account().id(), inbox.account().firstProfileId(), "+15550199999", "Any slot tomorrow?");
        WebElement announcer = browser.driver().findElement(By.id("inbox-announcer"));
        assertThat(announcer.getAttribute("aria-live")).isEqualTo("polite");
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".messages")).getText().contains("Any slot tomorrow?"));
        browser.waiting().until(d -> announcer.getAttribute("textContent").equals("New message from +15550199999"));
        assertThat(reply.getAttribute("value")).isEqualTo("We have a slot at ten");
        assertThat(browser.focused()).isEqualTo(reply);
        browser.press("Send reply");
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".messages")).getText().contains("We have a slot at ten"));
    }

    @Test
    void atPhoneWidthOnePaneShowsAtATimeWithAWayBackAndEveryActionReachable() {
        Inbox inbox = inbox("Narrow Dental");
        PhoneWidth.viewport(browser, PhoneWidth.PHONE, 740);
        signInAndAwaitInbox(inbox.account().owner().email());
        browser.open("/inbox?tab=all");
        browser.waitForHeading("Inbox");
        assertThat(browser.driver().findElement(By.cssSelector(".list-pane")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.cssSelector(".thread-pane")).stream().filter(WebElement::isDisplayed)).isEmpty();
        PhoneWidth.assertFits(browser, "Inbox list at 360 px");
        screenshot("inbox-360x740");
        Accessibility.assertNoSeriousViolations(browser, "Inbox list at 360 px");

        browser.driver().findElement(By.xpath("//a[@data-open-conversation][.//strong[.='Dana Lee']]")).click();
        browser.waitFor(By.id("conversation-heading"));
        assertThat(browser.driver().findElement(By.cssSelector(".list-pane")).isDisplayed()).as("the list makes way").isFalse();
        // It opens at the newest message, seen just above the docked composer.
        assertThat(number("return document.querySelector('.messages > li:last-child').getBoundingClientRect().bottom"))
                .as("the newest message is above the composer").isLessThanOrEqualTo(number("return document.querySelector('fieldset.composer').getBoundingClientRect().top") + 1);
        assertThat(number("return document.querySelector('.messages > li:last-child').getBoundingClientRect().top")).isGreaterThan(0);
        screenshot("inbox-360x740-newest");

        WebElement back = browser.driver().findElement(By.linkText("Back to conversations"));
        PhoneWidth.assertReachable(browser, back, "Back to conversations");
        PhoneWidth.assertFits(browser, "Inbox conversation at 360 px");
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
        screenshot("inbox-360x740-conversation");
        Accessibility.assertNoSeriousViolations(browser, "Inbox conversation at 360 px");

        // The contact is one tap away.
        WebElement contact = browser.driver().findElement(By.linkText("Contact"));
        PhoneWidth.assertReachable(browser, contact, "the Contact link");
        contact.click();
        PhoneWidth.assertReachable(browser, browser.driver().findElement(By.id("contact-heading")), "the contact pane");

        // Assign, then close: each popover inside the screen and usable.
        PhoneWidth.assertReachable(browser, browser.driver().findElement(By.cssSelector("[data-action=assign]")), "Assign");
        browser.openThreadAction("assign");
        Accessibility.assertNoSeriousViolations(browser, "Inbox at 360 px with the assign popover open");
        PhoneWidth.assertFits(browser, "the assign popover at 360 px");
        new Select(browser.field("Assign to")).selectByVisibleText("Maya Member");
        WebElement assign = browser.driver().findElement(By.xpath("//button[normalize-space()='Assign']"));
        PhoneWidth.assertReachable(browser, assign, "the Assign button");
        assign.click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".thread-meta"), "Maya Member"));
        PhoneWidth.assertReachable(browser, browser.driver().findElement(By.cssSelector("[data-action=close]")), "Close");
        browser.openThreadAction("close");
        WebElement won = browser.driver().findElement(By.xpath("//button[normalize-space()='Won']"));
        PhoneWidth.assertReachable(browser, won, "Close as Won");
        PhoneWidth.assertFits(browser, "the close popover at 360 px");
        won.click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".thread-meta"), "Closed (won)"));
        assertThat(databaseOwner().sql("SELECT state || ' ' || outcome FROM conversations WHERE id = :c").param("c", inbox.longThread())
                .query(String.class).single()).isEqualTo("closed won");
        PhoneWidth.assertReachable(browser, browser.driver().findElement(By.xpath("//button[normalize-space()='Reopen']")), "Reopen");
        PhoneWidth.assertReachable(browser, browser.field("Reply"), "the composer");

        browser.driver().findElement(By.linkText("Back to conversations")).click();
        browser.waiting().until(d -> !d.getCurrentUrl().contains("c="));
        assertThat(browser.driver().findElement(By.cssSelector(".list-pane")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.id("conversation-heading"))).isEmpty();
    }

    @Test
    void theSwitchersAreMenusThatApplyOnChoice() {
        Inbox inbox = inbox("Switching Dental");
        PhoneWidth.viewport(browser, 1440, 900);
        signInAndAwaitInbox(inbox.account().owner().email());
        WebElement switcher = browser.driver().findElement(By.id("profile-switcher"));
        assertThat(text(switcher)).isEqualTo("Profile: All Profiles");
        assertThat(switcher.getAttribute("aria-haspopup")).isEqualTo("menu");
        assertThat(browser.driver().findElements(By.cssSelector("header select"))).as("no bare select").isEmpty();
        assertThat(browser.driver().findElements(By.xpath("//header//button[.='Go' or .='Switch']"))).isEmpty();

        // Keyboard: ArrowDown opens at the current choice, the arrows move, Escape closes and gives focus back.
        switcher.sendKeys(Keys.ARROW_DOWN);
        WebElement menu = browser.waitFor(By.id("profile-switcher-menu"));
        assertThat(browser.focused().getText()).isEqualTo("All Profiles");
        assertThat(browser.focused().getAttribute("aria-checked")).isEqualTo("true");
        browser.focused().sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.focused().getText()).isEqualTo("Switching Dental");
        browser.focused().sendKeys(Keys.ESCAPE);
        assertThat(menu.isDisplayed()).isFalse();
        assertThat(browser.focused()).isEqualTo(switcher);

        // Enter on a choice applies it: the inbox shows that profile.
        switcher.sendKeys(Keys.ENTER);
        browser.waitFor(By.id("profile-switcher-menu"));
        browser.focused().sendKeys(Keys.END);
        assertThat(browser.focused().getText()).isEqualTo("Switching Dental Uptown");
        browser.focused().sendKeys(Keys.ENTER);
        browser.waiting().until(d -> text(d.findElement(By.id("profile-switcher"))).equals("Profile: Switching Dental Uptown"));
        browser.waitForHeading("Inbox");
        assertThat(browser.driver().findElement(By.cssSelector("#profile-switcher-menu [aria-checked=true]")).getAttribute("textContent"))
                .isEqualTo("Switching Dental Uptown");
        assertThat(new Select(browser.field("Profile")).getFirstSelectedOption().getText()).isEqualTo("Switching Dental Uptown");
        assertThat(browser.driver().findElements(By.cssSelector(".row-profile"))).extracting(WebElement::getText)
                .isNotEmpty().containsOnly("Switching Dental Uptown");
        browser.chooseFromMenu("profile-switcher", "All Profiles");
        browser.waiting().until(d -> text(d.findElement(By.id("profile-switcher"))).equals("Profile: All Profiles"));

        // A partner chooses the client account from the account menu.
        browser.driver().manage().deleteAllCookies();
        signUpAgencyWorkingIn(inbox.account().id(), "Brightwater Growth", "admin");
        browser.open("/partners");
        WebElement account = browser.waitFor(By.id("account-switcher"));
        assertThat(text(account)).isEqualTo("Account: Brightwater Growth (partner console)");
        account.click();
        browser.waitFor(By.id("account-switcher-menu"));
        Accessibility.assertNoSeriousViolations(browser, "Partner console with the account menu open");
        browser.driver().findElement(By.xpath("//*[@id='account-switcher-menu']//button[.='Switching Dental']")).click();
        browser.waiting().until(d -> text(d.findElement(By.id("account-switcher"))).equals("Account: Switching Dental"));
        browser.open("/inbox?tab=all");
        browser.waitForHeading("Inbox");
        assertThat(browser.driver().findElement(By.cssSelector(".conversation-list")).getText()).contains("Dana Lee");
    }

    /** An element's text as one line (a button's parts are laid out apart but read as one name). */
    private static String text(WebElement element) {
        return element.getAttribute("textContent").replaceAll("\\s+", " ").strip();
    }

    private Map<String, Double> positions() {
        @SuppressWarnings("unchecked")
        Map<String, Number> raw = (Map<String, Number>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const box = s => document.querySelector(s).getBoundingClientRect();
                return {headTop: box('.thread-head').top, headBottom: box('.thread-head').bottom,
                        composerTop: box('.composer').top, composerBottom: box('.composer').bottom,
                        listTop: box('.list-pane').top, contactTop: box('.contact-pane').top, viewport: window.innerHeight};""");
        Map<String, Double> positions = new HashMap<>();
        raw.forEach((key, value) -> positions.put(key, value.doubleValue()));
        return positions;
    }

    private static void assertInView(Map<String, Double> at) {
        assertThat(at.get("headTop")).as("the thread's header is in view (%s)", at).isGreaterThanOrEqualTo(0);
        assertThat(at.get("composerBottom")).as("the composer is in view (%s)", at).isLessThanOrEqualTo(at.get("viewport"));
        assertThat(at.get("composerTop")).as("the composer is below the header (%s)", at).isGreaterThan(at.get("headBottom"));
    }

    private void wheel(String pane, int deltaY) {
        new Actions(browser.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(
                browser.driver().findElement(By.cssSelector(pane))), 0, deltaY).perform();
    }

    private double number(String script, Object... args) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(script, args)).doubleValue();
    }

    /** Always written (not only with -Dleadline.screenshots): the closing note describes them. */
    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
