package com.leadline.inbox.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.inbox.InboundTexts;
import com.leadline.testing.BrowserTest;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.TeamFixture;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium: the reply box says, as the reply is typed, how many characters and SMS segments it
 * takes (GSM-7 or UCS-2), warns past three segments, and its 1,600-character cap counts what the
 * server counts.
 */
class ReplyCounterBrowserTests extends BrowserTest {

    private static final String EXTENSION = "€[]{}~^\\|\f";
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    @Autowired
    private InboundTexts inbox;

    @Test
    void theCountingFunctionSplitsTextsAsPhoneNetworksDo() {
        openConversation("Count Cafe");
        String a = "a";
        // text -> encoding, length in that encoding's units, segments
        Map<String, List<Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("", List.of("GSM-7", 0, 0));
        cases.put(a.repeat(160), List.of("GSM-7", 160, 1));
        cases.put(a.repeat(161), List.of("GSM-7", 161, 2));
        cases.put(a.repeat(306), List.of("GSM-7", 306, 2));
        cases.put(a.repeat(307), List.of("GSM-7", 307, 3));
        cases.put(a.repeat(459), List.of("GSM-7", 459, 3));
        cases.put(a.repeat(460), List.of("GSM-7", 460, 4));
        cases.put(GSM_BASIC, List.of("GSM-7", GSM_BASIC.length(), 1));
        cases.put(EXTENSION, List.of("GSM-7", 20, 1));
        cases.put("€", List.of("GSM-7", 2, 1));
        cases.put(a.repeat(158) + "€", List.of("GSM-7", 160, 1));
        cases.put(a.repeat(159) + "€", List.of("GSM-7", 161, 2));
        // 306 septets would fill two segments exactly, but the € cannot be split across them.
        cases.put(a.repeat(152) + "€" + a.repeat(152), List.of("GSM-7", 306, 3));
        cases.put("ł", List.of("UCS-2", 1, 1));
        cases.put("€ł", List.of("UCS-2", 2, 1));
        cases.put(a.repeat(69) + "ł", List.of("UCS-2", 70, 1));
        cases.put(a.repeat(70) + "ł", List.of("UCS-2", 71, 2));
        cases.put(a.repeat(133) + "ł", List.of("UCS-2", 134, 2));
        cases.put(a.repeat(134) + "ł", List.of("UCS-2", 135, 3));
        cases.put("😀", List.of("UCS-2", 2, 1));
        cases.put(a.repeat(68) + "😀", List.of("UCS-2", 70, 1));
        cases.put(a.repeat(69) + "😀", List.of("UCS-2", 71, 2));
        // 134 code units would fill two segments exactly, but the emoji's two cannot be split.
        cases.put("ł" + a.repeat(65) + "😀" + a.repeat(66), List.of("UCS-2", 134, 3));
        cases.put(a.repeat(268) + "ł", List.of("UCS-2", 269, 5));

        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        cases.forEach((text, expected) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> count = (Map<String, Object>) script.executeScript("return window.leadline.smsSegments(arguments[0]);", text);
            assertThat(List.of(count.get("encoding"), ((Number) count.get("length")).intValue(), ((Number) count.get("segments")).intValue()))
                    .as("%s (%d characters)", text.length() > 20 ? text.substring(0, 20) + "…" : text, text.length())
                    .isEqualTo(expected);
        });
        assertThat(script.executeScript("return window.leadline.smsCountWords(window.leadline.smsSegments(arguments[0]));", a.repeat(142)))
                .isEqualTo("142 / 160 · 1 segment");
        assertThat(script.executeScript("return window.leadline.smsCountWords(window.leadline.smsSegments(arguments[0]));", a.repeat(74) + "ł"))
                .isEqualTo("Unicode: 75 characters · 2 segments (67 each)");
    }

    @Test
    void typingAReplyShowsItsCharactersAndSegmentsAndWarnsPastThree() {
        openConversation("Typing Tailors");
        WebElement reply = browser.field("Reply");
        WebElement counter = browser.driver().findElement(By.id("composer-count"));
        assertThat(reply.getAttribute("aria-describedby")).contains("composer-count");
        assertThat(counter.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(counter.getText()).isEqualTo("0 / 160 · 0 segments");
        // The same box writes a note in Note mode: a note is not a text, so no count is shown.
        browser.driver().findElement(By.cssSelector("[data-composer-mode=note]")).click();
        assertThat(browser.field("Internal note")).isEqualTo(reply);
        assertThat(counter.isDisplayed()).as("a note is not a text").isFalse();
        browser.driver().findElement(By.cssSelector("[data-composer-mode=reply]")).click();
        assertThat(counter.isDisplayed()).isTrue();

        // A shortcut goes in first; the counter counts the text with it.
        reply.sendKeys("Hi! /hours ");
        awaitCounter("21 / 160 · 1 segment");
        assertThat(reply.getAttribute("value")).isEqualTo("Hi! We open at nine. ");

        retype(reply, "a".repeat(160));
        awaitCounter("160 / 160 · 1 segment");
        reply.sendKeys("a");
        awaitCounter("161 characters · 2 segments (153 each)");

        retype(reply, "Ten for 8€");
        awaitCounter("11 / 160 · 1 segment");
        retype(reply, "Dzień dobry, Łukasz");
        awaitCounter("Unicode: 19 / 70 · 1 segment");

        WebElement warning = browser.driver().findElement(By.cssSelector("#composer-count [data-sms-warning]"));
        retype(reply, "a".repeat(459));
        awaitCounter("459 characters · 3 segments (153 each)");
        assertThat(warning.isDisplayed()).isFalse();
        reply.sendKeys("a");
        awaitCounter("460 characters · 4 segments (153 each)\nLong message: sent as 4 texts and billed as 4.");
        assertThat(warning.isDisplayed()).as("the warning is shown in words, not only in colour").isTrue();
        PhoneWidth.viewportWidth(browser, PhoneWidth.PHONE);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", counter);
        PhoneWidth.assertFits(browser, "Inbox: the reply counter warning");
        PhoneWidth.assertReachable(browser, warning, "Inbox: the long-message warning");
        PhoneWidth.viewportWidth(browser, 1280);
        reply.sendKeys(Keys.BACK_SPACE);
        awaitCounter("459 characters · 3 segments (153 each)");
        assertThat(warning.isDisplayed()).isFalse();
    }

    @Test
    void theCapCountsWhatTheServerCounts() {
        UUID conversation = openConversation("Capped Carpets");
        WebElement reply = browser.field("Reply");
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();

        // An emoji is two UTF-16 code units for maxlength as for Java's String.length().
        script.executeScript("arguments[0].value = 'a'.repeat(1599);", reply);
        reply.click();
        reply.sendKeys(Keys.END);
        ((ChromeDriver) browser.driver()).executeCdpCommand("Input.insertText", Map.of("text", "😀"));
        assertThat(reply.getAttribute("value")).as("an emoji does not fit in the last code unit").hasSize(1599);

        // A line break is one character in the box; the form sends it as CR LF.
        script.executeScript("arguments[0].value = 'a'.repeat(1597);", reply);
        reply.sendKeys(Keys.END, Keys.ENTER, "bc");
        assertThat(reply.getAttribute("value")).as("maxlength stops at 1600").hasSize(1600).endsWith("\nbc");
        reply.sendKeys("d");
        assertThat(reply.getAttribute("value")).hasSize(1600);
        browser.press("Send reply");
        browser.waitForHeading("Inbox");
        String stored = databaseOwner().sql("SELECT body FROM messages WHERE conversation_id = :c AND kind = 'outbound'")
                .param("c", conversation).query(String.class).optional().orElse(null);
        assertThat(browser.driver().findElements(By.cssSelector(".error-summary"))).isEmpty();
        assertThat(stored).hasSize(1600);

        // Past the cap (a shortcut put in can take it there: maxlength only stops typing) the box says so,
        // the server refuses, and the page it answers with counts the text it kept straight away.
        browser.open("/inbox?tab=all&c=" + conversation);
        script.executeScript("arguments[0].value = 'a'.repeat(1601); arguments[0].form.submit();", browser.field("Reply"));
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.driver().findElement(By.id("composer-count")).getText())
                .isEqualTo("1601 characters · 11 segments (153 each)\nToo long: a text holds at most 1600 characters; this one has 1601.");
        assertThat(databaseOwner().sql("SELECT count(*) FROM messages WHERE conversation_id = :c").param("c", conversation)
                .query(Integer.class).single()).as("only the lead's text and the 1,600-character reply").isEqualTo(2);
    }

    private UUID openConversation(String business) {
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount(business);
        account.owner().session().api("POST", "/api/v1/shortcuts", Map.of("name", "hours", "body", "We open at nine."));
        UUID conversation = inbox.receiveInbound(account.id(), account.firstProfileId(), "+15550440001", "Are you open today?");
        signInAndAwaitInbox(account.owner().email());
        browser.open("/inbox?tab=all&c=" + conversation);
        browser.waitFor(By.id("conversation-heading"));
        return conversation;
    }

    /** Selects everything in the box and types over it, as a person would. */
    private static void retype(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    private void awaitCounter(String text) {
        browser.waiting().withMessage(() -> "the counter says \"" + browser.driver().findElement(By.id("composer-count")).getText()
                + "\", not \"" + text + "\"").until(d -> d.findElement(By.id("composer-count")).getText().equals(text));
    }
}
