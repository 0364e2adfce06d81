package com.leadline.integrations.internal.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint can choose, with their names on the wire (the payload's {@code type}). */
public enum WebhookEventType {
    LEAD_CREATED("lead.created"),
    MESSAGE_RECEIVED("message.received"),
    MESSAGE_SENT("message.sent"),
    CONVERSATION_ASSIGNED("conversation.assigned"),
    CONVERSATION_CLOSED("conversation.closed"),
    CONTACT_UPDATED("contact.updated"),
    MEMBER_INVITED("member.invited"),
    MEMBER_DEACTIVATED("member.deactivated");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
