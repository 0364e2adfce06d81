package com.leadline.integrations.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The adapter exists when a provider account is configured ({@code leadline.sms.twilio.account-sid});
 * without one, local mode keeps the dev channel and production keeps replies queued.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "leadline.sms.twilio.account-sid")
class TwilioConfiguration {

    @Bean
    TwilioSettings twilioSettings(@Value("${leadline.sms.twilio.api-base-url:https://api.twilio.com}") URI apiBaseUrl,
                                  @Value("${leadline.sms.twilio.account-sid}") String accountSid,
                                  @Value("${leadline.sms.twilio.auth-token:}") String authToken,
                                  @Value("${leadline.base-url}") String publicBaseUrl,
                                  @Value("${leadline.sms.twilio.connect-timeout:5s}") Duration connectTimeout,
                                  @Value("${leadline.sms.twilio.read-timeout:15s}") Duration readTimeout) {
        if (!StringUtils.hasText(authToken)) {
            throw new IllegalStateException("leadline.sms.twilio.account-sid is set but leadline.sms.twilio.auth-token is not: "
                    + "set both (LEADLINE_SMS_TWILIO_AUTH_TOKEN), or neither");
        }
        return new TwilioSettings(apiBaseUrl, accountSid, authToken, publicBaseUrl.replaceAll("/+$", ""), connectTimeout,
                readTimeout);
    }

    @Bean
    TwilioTextChannel twilioTextChannel(TwilioSettings settings) {
        return new TwilioTextChannel(settings);
    }
}
