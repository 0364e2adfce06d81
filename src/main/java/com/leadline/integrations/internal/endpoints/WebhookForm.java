package com.leadline.integrations.internal.endpoints;

import java.util.List;

/**
 * An endpoint's settings as typed (the page's form and the API's body alike): {@code profileIds} and
 * {@code events} as given, checked by the use case so that every wrong value is named.
 */
public record WebhookForm(String url, String description, boolean allProfiles, List<String> profileIds, List<String> events) {

    public WebhookForm {
        profileIds = profileIds == null ? List.of() : profileIds.stream().map(id -> id == null ? "" : id).toList();
        events = events == null ? List.of() : events.stream().map(event -> event == null ? "" : event).toList();
    }

    /** The form of a new endpoint: every event chosen, no profile yet. */
    public static WebhookForm blank() {
        return new WebhookForm("", "", false, List.of(), WebhookEndpointService.eventNames());
    }
}
