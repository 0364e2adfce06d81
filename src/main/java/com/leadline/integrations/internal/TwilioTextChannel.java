package com.leadline.integrations.internal;

import com.leadline.inbox.NoSendingNumberException;
import com.leadline.inbox.OutboundText;
import com.leadline.inbox.TextChannel;
import com.leadline.inbox.TextRefusedException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
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

    /** A provider's answer, read whatever its status. */
    private record Answer(int status, String body) {
    }

    private final TwilioSettings settings;
    private final RestClient provider;

    TwilioTextChannel(TwilioSettings settings) {
        this.settings = settings;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(settings.readTimeout());
        this.provider = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(settings.accountUrl())
                .defaultHeaders(headers -> {
                    headers.setBasicAuth(settings.accountSid(), settings.authToken(), StandardCharsets.UTF_8);
                    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
                })
                .build();
    }

    @Override
    public String send(OutboundText text) throws Exception {
        if (text.from() == null) {
            throw new NoSendingNumberException();
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", text.to());
        form.add("From", text.from());
        form.add("Body", text.body());
        form.add("StatusCallback", settings.statusUrl(text.outboxId()));
        Answer answer = provider.post().uri("/Messages.json").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange((request, response) -> read(response));
        if (answer.status() == 200 || answer.status() == 201) {
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
        Answer answer = provider.get().uri("/Messages.json?To={to}&From={from}&PageSize={size}", text.to(), text.from(), SENT_PAGE)
                .exchange((request, response) -> read(response));
        if (answer.status() != 200) {
            // Whatever the list call's answer, it says nothing about the text itself: asked again later.
            throw new IOException("The SMS provider's message list answered " + answer.status());
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
        Answer answer = provider.get().uri("/IncomingPhoneNumbers.json?PhoneNumber={number}", phoneNumber)
                .exchange((request, response) -> read(response));
        if (answer.status() != 200) {
            throw failure(answer);
        }
        for (JsonNode number : JSON.readTree(answer.body()).path("incoming_phone_numbers")) {
            if (phoneNumber.equals(number.path("phone_number").asString(null))) {
                return true;
            }
        }
        return false;
    }

    private static Answer read(ClientHttpResponse response) throws IOException {
        return new Answer(response.getStatusCode().value(), new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A refusal of this text (4xx but those in {@link #TRANSIENT}), or an error worth another attempt. */
    private static Exception failure(Answer answer) {
        int status = answer.status();
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
}
