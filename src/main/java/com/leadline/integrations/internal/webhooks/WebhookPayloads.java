package com.leadline.integrations.internal.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every webhook body, version 1: {@code {"type": "lead.created", "version": 1,
 * "timestamp": "2026-12-07T10:15:30Z", "data": {...}}}, with {@code data} as the event gives it
 * (ids as strings, times as ISO-8601 instants, absent values as null). A change that would break a
 * receiver comes as a new version, never as a change to this one.
 */
@Component
public class WebhookPayloads {

    public static final int VERSION = 1;

    private final JsonMapper json;

    WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    /** The body for an event of {@code type} that happened at {@code at}, with its data in the given order. */
    public String body(String type, Instant at, Map<String, ?> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type);
        envelope.put("version", VERSION);
        envelope.put("timestamp", at.toString());
        envelope.put("data", data);
        return json.writeValueAsString(envelope);
    }

    public String body(WebhookEventType type, Instant at, Map<String, ?> data) {
        return body(type.wireName(), at, data);
    }
}
