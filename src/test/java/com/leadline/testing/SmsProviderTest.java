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

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.transaction.support.TransactionTemplate transactions;
    @org.springframework.beans.factory.annotation.Autowired
    private com.leadline.platform.Tenancy tenancy;

    /** Gives the account's first profile a texting number of its own (as its Texting section would) and returns it. */
    protected String givenATextingNumber(TeamFixture.Account account) {
        String number = TeamFixture.uniquePhoneNumber();
        Boolean assigned = transactions.execute(status -> tenancy.inAccount(account.id(), () -> jdbc.sql(
                        "SELECT texting_assign_number(:p, :n, now())").param("p", account.firstProfileId()).param("n", number)
                .query(Boolean.class).single()));
        org.assertj.core.api.Assertions.assertThat(assigned).as("a number of this test's own").isTrue();
        return number;
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("leadline.sms.twilio.api-base-url", () -> FakeSmsProvider.get().baseUrl());
    }
}
