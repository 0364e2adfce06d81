package com.leadline.integrations.internal;

import com.leadline.testing.FakeSmsProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Posts the provider's webhooks to the application as the provider does: form-encoded, signed over Leadline's public URL. */
final class SignedWebhooks {

    static final String PUBLIC_BASE = "http://leadline.test";
    static final String INBOUND_PATH = "/webhooks/sms/twilio/inbound";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    SignedWebhooks(int port) {
        this.port = port;
    }

    static Map<String, String> inboundText(String from, String to, String body) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        text.put("AccountSid", FakeSmsProvider.ACCOUNT_SID);
        text.put("From", from);
        text.put("To", to);
        text.put("Body", body);
        text.put("NumMedia", "0");
        return text;
    }

    static String sign(String url, Map<String, String> parameters) {
        return TwilioSignature.sign(FakeSmsProvider.AUTH_TOKEN, url, parameters.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue()))));
    }

    /** Signed as the provider signs it, over the public URL of {@code path}. */
    HttpResponse<String> postSigned(String path, Map<String, String> form) {
        return post(path, form, sign(PUBLIC_BASE + path, form));
    }

    /** A status report on outbox row {@code id}; the status code of the answer. */
    int report(long id, String providerId, String status, String errorCode) {
        Map<String, String> report = new LinkedHashMap<>();
        report.put("MessageSid", providerId);
        report.put("MessageStatus", status);
        report.put("AccountSid", FakeSmsProvider.ACCOUNT_SID);
        if (errorCode != null) {
            report.put("ErrorCode", errorCode);
        }
        return postSigned("/webhooks/sms/twilio/status/" + id, report).statusCode();
    }

    HttpResponse<String> post(String path, Map<String, String> form, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
