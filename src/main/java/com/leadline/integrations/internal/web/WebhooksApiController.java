package com.leadline.integrations.internal.web;

import com.leadline.integrations.internal.endpoints.WebhookDeliveryService;
import com.leadline.integrations.internal.endpoints.WebhookEndpointService;
import com.leadline.integrations.internal.endpoints.WebhookForm;
import com.leadline.team.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The account's outgoing webhook endpoints as JSON (PERMISSIONS.md row 20; docs/api.md, "Webhooks"). */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Outgoing webhook endpoints, their signing secrets and delivery logs: the owner, admins "
        + "(for endpoints of their own profiles) and Admin-level partners (PERMISSIONS.md row 20).")
class WebhooksApiController {

    /** An endpoint's settings; {@code allProfiles}: every profile, today's and later ones (the owner's and partner admins' choice). */
    record WebhookSettings(String url, String description, Boolean allProfiles, List<String> profileIds, List<String> events) {

        WebhookForm form() {
            return new WebhookForm(url, description, Boolean.TRUE.equals(allProfiles), profileIds, events);
        }
    }

    private final WebhookEndpointService endpoints;
    private final WebhookDeliveryService deliveries;

    WebhooksApiController(WebhookEndpointService endpoints, WebhookDeliveryService deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @Operation(summary = "List webhook endpoints",
            description = "The endpoints the caller sees, oldest first, each with its latest delivery: the owner and Admin-level "
                    + "partners see every one, an admin those covering only profiles they are a member of. Never a secret.")
    @GetMapping
    WebhookJson.WebhookListing list(Actor actor) {
        return new WebhookJson.WebhookListing(endpoints.list(actor).stream()
                .map(listed -> WebhookJson.WebhookEndpoint.of(listed.endpoint(), listed.lastDelivery(), null)).toList());
    }

    @Operation(summary = "Add a webhook endpoint",
            description = "An https URL that resolves only to public addresses (checked now and at every delivery), a one-line "
                    + "description of up to 200 characters, the profiles it covers (only those the caller is a member of, or "
                    + "allProfiles for the owner and Admin-level partners) and at least one event. Answers 201 with the signing "
                    + "secret, shown this once: no other call reads it out again.")
    @ApiResponse(responseCode = "201", description = "Added; the body holds the signing secret, shown only now.")
    @PostMapping
    ResponseEntity<WebhookJson.WebhookWithSecret> create(Actor actor, @RequestBody WebhookSettings body) {
        WebhookEndpointService.WithSecret made = endpoints.create(actor, body.form());
        return ResponseEntity.status(HttpStatus.CREATED).body(WebhookJson.WebhookWithSecret.of(made));
    }

    @Operation(summary = "Read a webhook endpoint",
            description = "Its settings, state (enabled, or disabled with the reason), until when the previous secret still signs "
                    + "after a rotation, and its latest contacts sync. Never the secret.")
    @GetMapping("/{id}")
    WebhookJson.WebhookEndpoint get(Actor actor, @PathVariable UUID id) {
        return WebhookJson.WebhookEndpoint.of(endpoints.get(actor, id), null, deliveries.latestSync(actor, id).orElse(null));
    }

    @Operation(summary = "Change a webhook endpoint",
            description = "Replaces its URL, description, profiles and events, by the same rules as adding one; the secret stays.")
    @PutMapping("/{id}")
    WebhookJson.WebhookEndpoint edit(Actor actor, @PathVariable UUID id, @RequestBody WebhookSettings body) {
        return WebhookJson.WebhookEndpoint.of(endpoints.edit(actor, id, body.form()), null, null);
    }

    @Operation(summary = "Enable a webhook endpoint",
            description = "Deliveries to it resume, queued ones included, and its count of failing time starts afresh.")
    @PostMapping("/{id}/enable")
    WebhookJson.WebhookEndpoint enable(Actor actor, @PathVariable UUID id) {
        return WebhookJson.WebhookEndpoint.of(endpoints.setEnabled(actor, id, true), null, null);
    }

    @Operation(summary = "Disable a webhook endpoint",
            description = "Nothing is sent to it until it is enabled again; new events are not queued for it meanwhile.")
    @PostMapping("/{id}/disable")
    WebhookJson.WebhookEndpoint disable(Actor actor, @PathVariable UUID id) {
        return WebhookJson.WebhookEndpoint.of(endpoints.setEnabled(actor, id, false), null, null);
    }

    @Operation(summary = "Rotate a webhook endpoint's signing secret",
            description = "A new secret, shown this once. Until previousSecretValidUntil (24 hours by default) every delivery "
                    + "carries a signature with each secret, so the receiver can switch without losing events.")
    @PostMapping("/{id}/rotate-secret")
    WebhookJson.WebhookWithSecret rotateSecret(Actor actor, @PathVariable UUID id) {
        return WebhookJson.WebhookWithSecret.of(endpoints.rotateSecret(actor, id));
    }

    @Operation(summary = "Send a test event",
            description = "Queues a small event of type webhook.test for this endpoint alone. Answers 202 with the delivery's id; "
                    + "its result shows in the delivery log. A disabled endpoint is refused (409).")
    @ApiResponse(responseCode = "202", description = "Queued.")
    @PostMapping("/{id}/test")
    ResponseEntity<WebhookJson.WebhookQueued> test(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new WebhookJson.WebhookQueued(deliveries.sendTest(actor, id)));
    }

    @Operation(summary = "Sync contacts now",
            description = "Starts replaying contact.updated for every contact of the profiles the endpoint covers, in the background, "
                    + "and answers 202 at once with the sync; read its progress from the endpoint (sync). One sync at a time (409).")
    @ApiResponse(responseCode = "202", description = "Started.")
    @PostMapping("/{id}/sync")
    ResponseEntity<WebhookJson.WebhookSync> sync(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(WebhookJson.WebhookSync.of(deliveries.startSync(actor, id)));
    }

    @Operation(summary = "Read the delivery log",
            description = "The endpoint's deliveries, newest first, each with its latest attempt (status code, duration, the "
                    + "response's first characters, or the error). next is the before of the following page (absent on the last).")
    @Parameter(name = "before", in = ParameterIn.QUERY, description = "The cursor a previous page returned as next.")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Deliveries per page, 1 to 100 (25 when left out).")
    @GetMapping("/{id}/deliveries")
    WebhookJson.WebhookLog deliveries(Actor actor, @PathVariable UUID id, @RequestParam(required = false) Long before,
                               @RequestParam(required = false) Integer limit) {
        return WebhookJson.WebhookLog.of(deliveries.deliveries(actor, id, before, limit));
    }

    @Operation(summary = "Resend a delivery",
            description = "Queues the delivery again as a new row of the log, with the same webhook-id (message id), event and "
                    + "body, so the receiver can tell it already has it. Answers 202 with the new delivery's id.")
    @ApiResponse(responseCode = "202", description = "Queued.")
    @PostMapping("/{id}/deliveries/{deliveryId}/resend")
    ResponseEntity<WebhookJson.WebhookQueued> resend(Actor actor, @PathVariable UUID id, @PathVariable long deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new WebhookJson.WebhookQueued(deliveries.resend(actor, id, deliveryId)));
    }
}
