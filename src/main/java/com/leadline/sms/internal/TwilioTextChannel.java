package com.leadline.sms.internal;

import com.leadline.inbox.NoSendingNumberException;
import com.leadline.inbox.OutboundText;
import com.leadline.inbox.TextChannel;
import com.leadline.inbox.TextRefusedException;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends texts with the provider's Messages resource: a form-encoded POST with HTTP basic auth (the
 * account id and auth token) and a status-callback URL naming the outbox row. The provider answers
 * 201 with the message's id. 5xx, 429, 401/403 (a credential problem, fixed by configuration) and
 * network errors or timeouts are retried by the relay; any other 4xx is the provider refusing this
 * text, for good.
 */
class TwilioTextChannel implements TextChannel {

    /** Texts a relay may have handed over and not recorded: the latest page of To/From texts is enough. */
    private static final int SENT_PAGE = 50;
    /** Answers that do not depend on the text: retried. */
    private static final Set<Integer> TRANSIENT = Set.of(401, 403, 408, 429);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TwilioSettings settings;
    private final HttpClient http;

    TwilioTextChannel(TwilioSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String send(OutboundText text) throws Exception {
        if (text.from() == null) {
            throw new NoSendingNumberException();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", text.to());
        form.put("From", text.from());
        form.put("Body", text.body());
        form.put("StatusCallback", settings.statusUrl(text.outboxId()));
        HttpResponse<String> answer = call(HttpRequest.newBuilder(settings.api("/Messages.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form))));
        if (answer.statusCode() == 200 || answer.statusCode() == 201) {
            return JSON.readTree(answer.body()).path("sid").asString();
        }
        throw failure(answer);
    }

    /**
     * The provider's latest texts from {@code text.from()} to {@code text.to()}, newest first, with the
     * same body and created at or after {@code since}. The list's date filter is not used: it filters
     * on the sent date, by whole days, and a text still queued at the provider has none.
     */
    @Override
    public List<String> findSent(OutboundText text, Instant since) throws Exception {
        if (text.from() == null) {
            return List.of();
        }
        HttpResponse<String> answer = call(HttpRequest.newBuilder(settings.api("/Messages.json?" + formEncoded(
                Map.of("To", text.to(), "From", text.from(), "PageSize", String.valueOf(SENT_PAGE))))).GET());
        if (answer.statusCode() != 200) {
            // Whatever the list call's answer, it says nothing about the text itself: asked again later.
            throw new IOException("The SMS provider's message list answered " + answer.statusCode());
        }
        List<String> sent = new ArrayList<>();
        for (JsonNode message : JSON.readTree(answer.body()).path("messages")) {
            Optional<Instant> created = created(message.path("date_created").asString(""));
            if (text.body().equals(message.path("body").asString(null)) && created.isPresent() && !created.get().isBefore(since)) {
                sent.add(message.path("sid").asString());
            }
        }
        return sent;
    }

    @Override
    public boolean holdsNumber(String phoneNumber) throws Exception {
        HttpResponse<String> answer = call(HttpRequest.newBuilder(settings.api("/IncomingPhoneNumbers.json?"
                + formEncoded(Map.of("PhoneNumber", phoneNumber)))).GET());
        if (answer.statusCode() != 200) {
            throw failure(answer);
        }
        for (JsonNode number : JSON.readTree(answer.body()).path("incoming_phone_numbers")) {
            if (phoneNumber.equals(number.path("phone_number").asString(null))) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<String> call(HttpRequest.Builder request) throws IOException, InterruptedException {
        String credentials = settings.accountSid() + ":" + settings.authToken();
        return http.send(request.timeout(settings.readTimeout())
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A refusal of this text (4xx but those in {@link #TRANSIENT}), or an error worth another attempt. */
    private static Exception failure(HttpResponse<String> answer) {
        int status = answer.statusCode();
        String code = null;
        String message = "The SMS provider answered " + status;
        try {
            JsonNode error = JSON.readTree(answer.body());
            code = error.path("code").isMissingNode() || error.path("code").isNull() ? null : error.path("code").asString();
            message = error.path("message").asString(message);
        } catch (RuntimeException notJson) {
            // The status says enough.
        }
        if (status >= 400 && status < 500 && !TRANSIENT.contains(status)) {
            return new TextRefusedException(code, TwilioErrors.describe(code, message));
        }
        return new IOException("The SMS provider answered " + status + (code == null ? "" : " (" + code + ")") + ": " + message);
    }

    private static Optional<Instant> created(String rfc1123) {
        try {
            return Optional.of(ZonedDateTime.parse(rfc1123, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    static String formEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
