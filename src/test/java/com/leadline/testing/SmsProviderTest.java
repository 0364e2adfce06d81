package com.leadline.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application with an SMS provider account configured, pointed at {@link FakeSmsProvider}
 * (a Spring context of its own, shared by every subclass). The read timeout is 1 second, so the
 * fake's late answers (2.5 s) time out.
 */
@TestPropertySource(properties = {
        "leadline.sms.twilio.account-sid=" + FakeSmsProvider.ACCOUNT_SID,
        "leadline.sms.twilio.auth-token=" + FakeSmsProvider.AUTH_TOKEN,
        "leadline.sms.twilio.read-timeout=1s",
        "leadline.sms.twilio.connect-timeout=1s",
        // As after the provider's own keyword answers are turned off: Leadline answers STOP, START and HELP itself.
        "leadline.texts.provider-answers-keywords=false",
})
public abstract class SmsProviderTest extends IntegrationTest {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("leadline.sms.twilio.api-base-url", () -> FakeSmsProvider.get().baseUrl());
    }
}
