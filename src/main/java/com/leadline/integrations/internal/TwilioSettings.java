package com.leadline.integrations.internal;

import java.net.URI;
import java.time.Duration;

/**
 * The provider account Leadline texts through ({@code leadline.sms.twilio.*}).
 *
 * @param apiBaseUrl  the REST API's root, https://api.twilio.com unless pointed elsewhere (a
 *                    compatible provider, or the tests' stand-in server)
 * @param publicBaseUrl {@code leadline.base-url}: the provider's webhooks are signed over the URL it
 *                    was given, built from here and never from a request's Host header
 */
record TwilioSettings(URI apiBaseUrl, String accountSid, String authToken, String publicBaseUrl, Duration connectTimeout,
                      Duration readTimeout) {

    static final String INBOUND_PATH = "/webhooks/sms/twilio/inbound";
    static final String STATUS_PATH = "/webhooks/sms/twilio/status/";

    String inboundUrl() {
        return publicBaseUrl + INBOUND_PATH;
    }

    String statusUrl(long outboxId) {
        return publicBaseUrl + STATUS_PATH + outboxId;
    }

    /** The provider account's root in the REST API, which every call starts from. */
    String accountUrl() {
        return apiBaseUrl.toString().replaceAll("/+$", "") + "/2010-04-01/Accounts/" + accountSid;
    }
}
