package com.leadline.inbox.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.Accessibility;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19's keyboard, in Chromium: j / k move the selection in the list (staying put at its ends), Enter opens
 * the selected conversation, r and n go to the reply and the note without typing the letter, a and e to the
 * assign and close controls without changing anything, ? opens the list of keys (Escape and Close shut it and
 * give focus back). Letters typed in a field stay letters; with Ctrl, Alt or Meta held nothing fires. Turned off
 * in the person's own settings, no key does anything, and the list (still reachable by its button) says so.
 */
class InboxKeyboardBrowserTests extends BrowserTest {

    private static final By HELP = By.id("keyboard-help");
    private static final By OPEN_HELP = By.cssSelector("dialog#keyboard-help[open]");

    @Autowired
    private InboundTexts inbound;

    @Test
    void everyKeyMovesFocusOrOpensAndNoneSubmitsAnything() {
        Lists lists = threeConversations("Keyed Kennels");
        signInAndAwaitInbox(lists.account().owner().email());
        browser.open("/inbox?tab=all");
        assertThat(browser.driver().findElement(By.tagName("main")).getAttribute("data-keyboard-shortcuts")).isEqualTo("on");
        List<String> order = rowIds();
        assertThat(order).hasSize(3).containsExactlyInAnyOrderElementsOf(lists.conversations());
        // Without a conversation open, r says what to do first (in the page's status message) and moves nothing.
        keys("r");
        browser.waiting().until(d -> d.findElement(By.id("notice")).getText().equals("Open a conversation to reply."));
        assertThat(browser.focused().getTagName()).isEqualTo("body");

        keys("j");
        assertSelected(order.get(0));
        keys("j");
        assertSelected(order.get(1));
        keys("k");
        assertSelected(order.get(0));
        keys("k");
        assertSelected(order.get(0));
        keys("j", "j", "j", "j");
        assertSelected(order.get(2));
        // With a modifier held the letter is the browser's, not ours.
        new Actions(browser.driver()).keyDown(Keys.ALT).sendKeys("k").keyUp(Keys.ALT).perform();
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
        assertSelected(order.get(2));
        keys("k");
        assertSelected(order.get(1));

        // Enter follows the selected row's link, from the list or with focus nowhere in particular.
        keys(Keys.ENTER);
        awaitOpen(order.get(1));
        assertThat(browser.driver().findElement(By.cssSelector("[data-conversation-row].selected")).getAttribute("aria-current")).isEqualTo("true");
        blur();
        keys("j");
        assertSelected(order.get(2));
        blur();
        keys(Keys.ENTER);
        awaitOpen(order.get(2));
        String conversation = order.get(2);
        String address = browser.driver().getCurrentUrl();

        keys("r");
        WebElement composer = browser.driver().findElement(By.id("composer-body"));
        assertThat(browser.focused()).isEqualTo(composer);
        assertThat(pressedMode()).isEqualTo("reply");
        assertThat(composer.getAttribute("value")).as("the r is not typed").isEmpty();
        // In a field, letters are letters: j and ? are typed, nothing moves and no list opens.
        browser.focused().sendKeys("j?k");
        assertThat(composer.getAttribute("value")).isEqualTo("j?k");
        assertThat(browser.focused()).isEqualTo(composer);
        assertThat(browser.driver().findElements(OPEN_HELP)).isEmpty();
        assertSelected(conversation);
        composer.clear();

        blur();
        keys("n");
        assertThat(browser.focused()).isEqualTo(composer);
        assertThat(pressedMode()).isEqualTo("note");
        assertThat(composer.getAttribute("value")).as("the n is not typed").isEmpty();
        browser.focused().sendKeys("noted?");
        assertThat(composer.getAttribute("value")).isEqualTo("noted?");

        // a and e open the thread's assign and close popovers, their first control focused; Escape shuts them.
        for (String key : List.of("a", "e")) {
            blur();
            keys(key);
            WebElement opener = browser.driver().findElement(By.cssSelector("[data-action=" + (key.equals("a") ? "assign" : "close") + "]"));
            assertThat(opener.getAttribute("aria-expanded")).isEqualTo("true");
            WebElement popover = browser.driver().findElement(By.id(opener.getAttribute("aria-controls")));
            assertThat(popover.findElements(By.xpath(".//*")).contains(browser.focused())).as("focus in the popover of " + key).isTrue();
            keys("?");
            assertThat(browser.driver().findElements(OPEN_HELP)).as("an open popover keeps the keys").isEmpty();
            browser.focused().sendKeys(Keys.ESCAPE);
            browser.waiting().until(d -> "false".equals(opener.getAttribute("aria-expanded")));
        }
        assertThat(browser.driver().getCurrentUrl()).as("no key submitted a form").isEqualTo(address);
        assertThat(databaseOwner().sql("SELECT state || ':' || coalesce(assignee_id::text, 'none') FROM conversations WHERE id = :c")
                .param("c", UUID.fromString(conversation)).query(String.class).single()).isEqualTo("new:none");
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c").param("c", UUID.fromString(conversation))
                .query(Integer.class).single()).as("the lead's text and its auto reply, if any; no reply or note").isLessThanOrEqualTo(2);

        // ? opens the list over the page; Escape closes it and focus goes back to where it was.
        blur();
        keys("j");
        WebElement row = browser.focused();
        keys("?");
        browser.waitFor(OPEN_HELP);
        assertThat(browser.focused().getText()).isEqualTo("Close");
        assertThat(browser.driver().findElement(HELP).getText()).contains("Next conversation in the list", "Write a reply")
                .doesNotContain("are off");
        // While the list is open the other keys do nothing.
        keys("k");
        assertThat(browser.driver().findElements(OPEN_HELP)).hasSize(1);
        Accessibility.assertNoSeriousViolations(browser, "Inbox with the list of keys open");
        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        PhoneWidth.assertFits(browser, "Inbox keyboard help");
        PhoneWidth.viewportWidth(browser, 1280);
        keys(Keys.ESCAPE);
        browser.waiting().until(d -> d.findElements(OPEN_HELP).isEmpty());
        assertThat(browser.focused()).isEqualTo(row);

        // The button opens the same list without a keyboard; Close shuts it and focus returns to the button.
        WebElement button = browser.driver().findElement(By.cssSelector("[data-opens-keyboard-help]"));
        button.click();
        browser.waitFor(OPEN_HELP);
        browser.driver().findElement(By.cssSelector("#keyboard-help [data-closes-keyboard-help]")).click();
        browser.waiting().until(d -> d.findElements(OPEN_HELP).isEmpty());
        assertThat(browser.focused()).isEqualTo(button);
    }

    @Test
    void turnedOffInTheirOwnSettingsNoKeyDoesAnythingAndTheListSaysSo() {
        Lists lists = threeConversations("Quiet Keys Quilts");
        signInAndAwaitInbox(lists.account().owner().email());
        browser.open("/settings/me");
        WebElement box = browser.field("Use single-key shortcuts in the inbox");
        assertThat(box.isSelected()).as("on by default").isTrue();
        box.click();
        browser.press("Save keyboard setting");
        browser.waitFor(By.cssSelector(".keyboard-settings [role=status]"));
        assertThat(browser.driver().findElement(By.cssSelector(".keyboard-settings [role=status]")).getText())
                .isEqualTo("Saved: single-key shortcuts are off in the inbox.");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/settings/me?keyboardSaved#keyboard-heading");
        assertThat(browser.field("Use single-key shortcuts in the inbox").isSelected()).isFalse();
        Accessibility.assertNoSeriousViolations(browser, "Own settings with the keyboard section saved");
        PhoneWidth.screenshots(browser, "Own settings keyboard section",
                () -> ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('keyboard-heading').scrollIntoView();"));

        String conversation = lists.conversations().get(0);
        browser.open("/inbox?tab=all&c=" + conversation);
        browser.waitFor(By.id("conversation-heading"));
        assertThat(browser.driver().findElement(By.tagName("main")).getAttribute("data-keyboard-shortcuts")).isEqualTo("off");
        String address = browser.driver().getCurrentUrl();
        for (CharSequence key : List.of("j", "j", "k", "r", "n", "a", "e", "?", Keys.ENTER)) {
            keys(key);
            assertThat(browser.focused().getTagName()).as("after %s focus stays on the page", key).isEqualTo("body");
            assertThat(browser.driver().findElements(OPEN_HELP)).as("after %s", key).isEmpty();
            assertThat(browser.driver().getCurrentUrl()).as("after %s", key).isEqualTo(address);
            assertSelected(conversation);
        }

        WebElement button = browser.driver().findElement(By.cssSelector("[data-opens-keyboard-help]"));
        button.click();
        browser.waitFor(OPEN_HELP);
        assertThat(browser.driver().findElement(By.id("keyboard-help-off")).getText())
                .isEqualTo("Single-key shortcuts are off. Turn them on in your settings.");
        assertThat(browser.driver().findElement(By.cssSelector("#keyboard-help-off a")).getAttribute("href"))
                .endsWith("/settings/me#keyboard-heading");
        Accessibility.assertNoSeriousViolations(browser, "Inbox with the list of keys open, shortcuts off");
        PhoneWidth.screenshots(browser, "Inbox keyboard help off");
        keys(Keys.ESCAPE);
        browser.waiting().until(d -> d.findElements(OPEN_HELP).isEmpty());
        assertThat(browser.focused()).isEqualTo(button);
    }

    /** A lead arriving redraws the list live: the row chosen with j / k stays chosen, with focus. */
    @Test
    void aLiveUpdateKeepsTheRowChosenWithTheKeys() {
        Lists lists = threeConversations("Live Keys Locksmiths");
        signInAndAwaitInbox(lists.account().owner().email());
        browser.open("/inbox?tab=all");
        browser.waitFor(By.cssSelector("main[data-live=listening]"));
        keys("j", "j");
        String chosen = rowIds().get(1);
        assertSelected(chosen);

        inbound.receiveInbound(lists.account().id(), lists.account().firstProfileId(), TeamFixture.uniquePhoneNumber(), "Still open?");
        browser.waiting().until(d -> d.findElements(By.cssSelector("[data-conversation-row]")).size() == 4);
        assertSelected(chosen);
        assertThat(browser.focused().getAttribute("href")).as("focus is back on the chosen row").contains("c=" + chosen);
        keys("j");
        assertSelected(rowIds().get(rowIds().indexOf(chosen) + 1));
    }

    private record Lists(TeamFixture.Account account, List<String> conversations) {
    }

    private Lists threeConversations(String business) {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount(business);
        List<String> ids = List.of("Can I book a cleaning?", "Do you do whitening?", "Is Saturday open?").stream()
                .map(text -> inbound.receiveInbound(account.id(), account.firstProfileId(), TeamFixture.uniquePhoneNumber(), text).toString())
                .toList();
        return new Lists(account, ids);
    }

    private List<String> rowIds() {
        return browser.driver().findElements(By.cssSelector("[data-conversation-row] [data-open-conversation]")).stream()
                .map(link -> link.getAttribute("href").replaceFirst(".*[?&]c=([0-9a-f-]{36}).*", "$1")).toList();
    }

    private void keys(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private String pressedMode() {
        return browser.driver().findElement(By.cssSelector("[data-composer-mode][aria-pressed=true]")).getAttribute("data-composer-mode");
    }

    private void blur() {
        ((JavascriptExecutor) browser.driver()).executeScript("document.activeElement.blur();");
    }

    /** Exactly this conversation's row is selected (class and aria-current); with the keys on, its link has focus. */
    private void assertSelected(String conversation) {
        List<WebElement> selected = browser.driver().findElements(By.cssSelector("[data-conversation-row].selected"));
        assertThat(selected).hasSize(1);
        assertThat(selected.get(0).getAttribute("aria-current")).isEqualTo("true");
        assertThat(selected.get(0).findElement(By.cssSelector("[data-open-conversation]")).getAttribute("href")).contains("c=" + conversation);
        if (!"body".equals(browser.focused().getTagName()) && browser.focused().getAttribute("data-open-conversation") != null) {
            assertThat(browser.focused().getAttribute("href")).contains("c=" + conversation);
        }
    }

    private void awaitOpen(String conversation) {
        browser.waiting().until(d -> d.getCurrentUrl().contains("c=" + conversation));
        browser.waitFor(By.id("conversation-heading"));
    }
}
