package com.leadline.integrations.internal;

import com.leadline.accounts.NumberRoutes;
import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.InboundTexts.InboundText;
import com.leadline.inbox.TextDeliveries;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotAllowedException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.PhoneNumbers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's webhooks: inbound texts and delivery reports, form-encoded POSTs to URLs that name
 * no account. A request counts only with a valid signature over the URL Leadline gave the provider
 * ({@code leadline.base-url} plus the path, never the Host header) and its parameters; anything
 * else is refused with 403 before a parameter is believed.
 */
@RestController
@ConditionalOnProperty(name = "leadline.sms.twilio.account-sid")
class TwilioWebhooks {

    static final String EMPTY_REPLY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    private static final int MAX_MEDIA = 10;
    private static final int MAX_SID = 64;

    private final TwilioSettings settings;
    private final NumberRoutes routes;
    private final InboundTexts inbound;
    private final TextDeliveries deliveries;

    TwilioWebhooks(TwilioSettings settings, NumberRoutes routes, InboundTexts inbound, TextDeliveries deliveries) {
        this.settings = settings;
        this.routes = routes;
        this.inbound = inbound;
        this.deliveries = deliveries;
    }

    /**
     * Files the text in the profile the "To" number belongs to (404 for a number no profile has); a
     * MessageSid filed before is acknowledged and ignored. Answers with an empty reply document: any
     * answer to the lead leaves through the text outbox, where the thread records it.
     */
    @PostMapping(path = TwilioSettings.INBOUND_PATH, produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> inbound(HttpServletRequest request) {
        Map<String, String> text = signed(request, settings.inboundUrl());
        NumberRoutes.Route route = PhoneNumbers.e164(text.get("To"), null).flatMap(routes::route)
                .orElseThrow(() -> new NotFoundException("No profile texts from the number this text was sent to."));
        inbound.receive(new InboundText(route.accountId(), route.profileId(), text.getOrDefault("From", ""),
                text.getOrDefault("Body", ""), providerId(text), media(text)));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_REPLY);
    }

    /** A delivery report on the text of outbox row {@code id}, which the status-callback URL names. */
    @PostMapping(TwilioSettings.STATUS_PATH + "{id}")
    ResponseEntity<Void> status(HttpServletRequest request, @PathVariable long id) {
        Map<String, String> report = signed(request, settings.statusUrl(id));
        String errorCode = report.get("ErrorCode");
        if (!deliveries.report(id, providerId(report), report.getOrDefault("MessageStatus", ""), errorCode,
                TwilioErrors.describe(errorCode, null))) {
            throw new NotFoundException("No text of ours has this id.");
        }
        return ResponseEntity.noContent().build();
    }

    /** The request's parameters, once its signature is found valid for {@code url}. */
    private Map<String, String> signed(HttpServletRequest request, String url) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        if (request.getQueryString() != null
                || !TwilioSignature.valid(settings.authToken(), url, parameters, request.getHeader("X-Twilio-Signature"))) {
            throw new NotAllowedException("The request's signature is missing or does not match.");
        }
        Map<String, String> first = new LinkedHashMap<>();
        parameters.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
        return first;
    }

    private static String providerId(Map<String, String> parameters) {
        String sid = parameters.getOrDefault("MessageSid", "");
        if (sid.isBlank() || sid.length() > MAX_SID) {
            throw InvalidInputException.of("MessageSid", "A MessageSid of up to " + MAX_SID + " characters is required.");
        }
        return sid;
    }

    /** MediaUrl0..n, as many as NumMedia says (at most 10); the inbound door checks each is a web link. */
    private static List<String> media(Map<String, String> parameters) {
        int count;
        try {
            count = Integer.parseInt(parameters.getOrDefault("NumMedia", "0"));
        } catch (NumberFormatException notANumber) {
            throw InvalidInputException.of("NumMedia", "NumMedia is a number.");
        }
        if (count < 0 || count > MAX_MEDIA) {
            throw InvalidInputException.of("NumMedia", "A text carries 0 to " + MAX_MEDIA + " media files.");
        }
        List<String> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add(parameters.getOrDefault("MediaUrl" + i, ""));
        }
        return links;
    }
}
