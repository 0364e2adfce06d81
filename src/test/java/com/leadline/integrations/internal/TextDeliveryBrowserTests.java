package com.leadline.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadline.testing.Browser;
import com.leadline.testing.FakeSmsProvider;
import com.leadline.testing.PhoneWidth;
import com.leadline.testing.SmsProviderTest;
import com.leadline.testing.TeamFixture;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A person's replies in the thread as the provider reports on them: sent, then delivered; sent, then
 * failed with the reason and a Retry that sends the text again; a picture the lead sent, as a link;
 * and a lead who texts STOP.
 */
class TextDeliveryBrowserTests extends SmsProviderTest {

    private static Browser browser;

    private final FakeSmsProvider fake = FakeSmsProvider.get();

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theThreadShowsEachReplyMovingThroughTheProvidersReportsAndRetriesAFailedOne() {
        if (browser == null) {
            browser = new Browser(port);
        }
        SignedWebhooks webhooks = new SignedWebhooks(port);
        TeamFixture.Account account = new TeamFixture(port, databaseOwner()).openAccount("Status Stairs");
        String profileNumber = givenATextingNumber(account);
        String lead = TeamFixture.uniquePhoneNumber();
        assertThat(webhooks.postSigned(SignedWebhooks.INBOUND_PATH,
                SignedWebhooks.inboundText(lead, profileNumber, "Can you fix a creaky stair?")).statusCode()).isEqualTo(200);
        UUID conversation = databaseOwner().sql("SELECT id FROM conversations WHERE account_id = :a AND contact_phone = :p")
                .param("a", account.id()).param("p", lead).query(UUID.class).single();
        var picture = SignedWebhooks.inboundText(lead, profileNumber, "");
        picture.put("NumMedia", "1");
        picture.put("MediaUrl0", "https://media.example/stair.jpg");
        assertThat(webhooks.postSigned(SignedWebhooks.INBOUND_PATH, picture).statusCode()).isEqualTo(200);

        browser.signIn(account.owner().email(), PASSWORD);
        browser.waitForHeading("Inbox");
        browser.open("/inbox?c=" + conversation);
        WebElement media = browser.waitFor(By.linkText("Picture or file 1"));
        assertThat(media.getAttribute("href")).isEqualTo("https://media.example/stair.jpg");
        assertThat(media.getAttribute("rel")).contains("noreferrer");
        reply("Yes, we can come Tuesday");
        long delivered = sentRow(account, "Yes, we can come Tuesday");
        reply("Or Wednesday, if that suits");
        long failed = sentRow(account, "Or Wednesday, if that suits");
        assertThat(deliveryOf("Yes, we can come Tuesday")).isEqualTo("Sent");

        String deliveredSid = providerId(delivered);
        assertThat(webhooks.report(delivered, deliveredSid, "sent", null)).isEqualTo(204);
        assertThat(webhooks.report(delivered, deliveredSid, "delivered", null)).isEqualTo(204);
        String failedSid = providerId(failed);
        assertThat(webhooks.report(failed, failedSid, "sent", null)).isEqualTo(204);
        assertThat(webhooks.report(failed, failedSid, "failed", "30003")).isEqualTo(204);

        browser.open("/inbox?c=" + conversation);
        assertThat(deliveryOf("Yes, we can come Tuesday")).isEqualTo("Delivered");
        assertThat(deliveryOf("Or Wednesday, if that suits"))
                .isEqualTo("Not delivered: The lead's phone is unreachable (switched off or out of coverage). (error 30003)");
        assertThat(messageWith("Yes, we can come Tuesday").findElements(By.xpath(".//button[normalize-space()='Retry']"))).isEmpty();
        PhoneWidth.assertFits(browser, "Thread with delivery states");

        messageWith("Or Wednesday, if that suits").findElement(By.xpath(".//button[normalize-space()='Retry']")).click();
        browser.waitFor(By.id("conversation-heading"));
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (fake.createsTo(lead).stream().filter(call -> call.parameters().get("Body").equals("Or Wednesday, if that suits")).count() < 2) {
            assertThat(System.nanoTime()).as("the retried text reaches the provider").isLessThan(deadline);
            Thread.onSpinWait();
        }
        awaitRelayStatus(failed, "sent");
        browser.open("/inbox?c=" + conversation);
        assertThat(deliveryOf("Or Wednesday, if that suits")).isEqualTo("Sent");

        assertThat(webhooks.postSigned(SignedWebhooks.INBOUND_PATH, SignedWebhooks.inboundText(lead, profileNumber, "STOP")).statusCode())
                .isEqualTo(200);
        browser.open("/inbox?c=" + conversation);
        assertThat(browser.waitFor(By.id("opted-out-notice")).getText()).contains("This contact texted STOP");
        // The composer's Reply mode is off (Note is chosen); a reply posted anyway (from a page opened before the
        // STOP) is refused beside the box.
        assertThat(browser.driver().findElement(By.cssSelector("[data-composer-mode=reply]")).isEnabled()).isFalse();
        assertThat(browser.driver().findElement(By.cssSelector("[data-composer-mode=note]")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.field("Internal note").getAttribute("id")).isEqualTo("composer-body");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                const form = document.querySelector('form[data-reply-action]');
                form.action = form.getAttribute('data-reply-action');
                document.getElementById('composer-body').value = 'Sorry to see you go';
                form.submit();""");
        assertThat(browser.waitFor(By.cssSelector(".field-error")).getText()).contains("texted STOP");
        PhoneWidth.assertFits(browser, "Thread of a contact who opted out");
    }

    private void reply(String text) {
        browser.type("Reply", text);
        browser.press("Send reply");
        browser.waitFor(By.xpath("//li[contains(@class,'message')]/p[normalize-space()='" + text + "']"));
    }

    private WebElement messageWith(String text) {
        return browser.waitFor(By.xpath("//li[contains(@class,'message')][p[normalize-space()='" + text + "']]"));
    }

    private String deliveryOf(String text) {
        return messageWith(text).findElement(By.cssSelector("p.delivery")).getText().replaceAll("\\s+", " ").strip();
    }

    /** The relay sends after the reply's commit, on its own thread: the row once the provider took it. */
    private long sentRow(TeamFixture.Account account, String body) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            var id = databaseOwner().sql("SELECT id FROM text_outbox WHERE account_id = :a AND body = :b AND status = 'sent'")
                    .param("a", account.id()).param("b", body).query(Long.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
            assertThat(System.nanoTime()).as("sent: " + body).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private void awaitRelayStatus(long id, String status) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!status.equals(databaseOwner().sql("SELECT status FROM text_outbox WHERE id = :id").param("id", id)
                .query(String.class).single())) {
            assertThat(System.nanoTime()).as("text " + id + " " + status).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private String providerId(long id) {
        return databaseOwner().sql("SELECT provider_message_id FROM text_outbox WHERE id = :id").param("id", id)
                .query(String.class).single();
    }
}
