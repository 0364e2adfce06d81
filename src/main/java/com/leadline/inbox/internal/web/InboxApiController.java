package com.leadline.inbox.internal.web;

import com.leadline.platform.NotFoundException;
import com.leadline.inbox.internal.conversation.Assignments;
import com.leadline.inbox.internal.conversation.ConversationMoves;
import com.leadline.inbox.internal.conversation.ConversationStore;
import com.leadline.inbox.internal.conversation.InboxPages;
import com.leadline.inbox.internal.conversation.InboxPages.Cursor;
import com.leadline.inbox.internal.conversation.InboxReads;
import com.leadline.inbox.internal.conversation.InboxSearch;
import com.leadline.inbox.internal.conversation.Reminders;
import com.leadline.inbox.internal.conversation.Replies;
import com.leadline.inbox.internal.conversation.SearchHighlight;
import com.leadline.inbox.internal.conversation.Tab;
import com.leadline.team.Actor;
import com.leadline.team.Memberships;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conversations as JSON under /api/v1/conversations, through the one visibility rule. */
@Tag(name = "Conversations", description = "Conversations with leads, through the one visibility rule: what the caller may not see answers 404.")
@RestController
@RequestMapping("/api/v1/conversations")
class InboxApiController {

    /** {@code match}: in a search's results, the newest message that matched, in segments (null elsewhere, or when the contact matched). */
    record ConversationJson(UUID id, UUID profileId, UUID contactId, String contactName, String contactPhone, String state,
                            String outcome, UUID assigneeId, Instant lastActivityAt, String preview, boolean unread,
                            SearchHighlight.Match match) {
    }

    /** How many conversations a search finds: {@code count}, or more than that when {@code more} ("1,000+"). */
    record SearchJson(int count, boolean more) {
    }

    record NextPage(int group, Instant lastActivityAt, UUID id) {
    }

    record PageJson(List<ConversationJson> conversations, NextPage next) {
    }

    /**
     * {@code channel}: "leadbox" for a lead's Leadbox form (with the page it was sent from, {@code sourceUrl},
     * when known), "text" otherwise; {@code delivery}: for texts sent to the lead, what became of them
     * (null for inbound texts and notes).
     */
    record MessageJson(UUID id, String kind, UUID authorId, String body, Instant createdAt, List<String> mediaUrls,
                       String channel, String sourceUrl, DeliveryJson delivery) {
    }

    record DeliveryJson(String status, boolean failed, String errorCode, String error) {
    }

    record ReminderJson(UUID id, Instant dueAt, String note, UUID setBy, Instant firedAt) {
    }

    /** {@code contactOptOut}: whether the contact texted STOP (and no START since), and when that last changed. */
    record ThreadJson(ConversationJson conversation, List<MessageJson> messages, List<ReminderJson> reminders,
                      List<ConversationJson> contactsOtherConversations, OptOutJson contactOptOut) {
    }

    record OptOutJson(boolean optedOut, Instant changedAt) {
    }

    record Move(UUID profileId) {
    }

    record NewReminder(Instant dueAt, String note) {
    }

    record Text(String body) {
    }

    record Assignment(@Schema(description = "A user's id; null for Unassigned.", nullable = true) UUID assigneeId) {
    }

    record Created(UUID id) {
    }

    record Closing(@Schema(allowableValues = {"won", "lost", "other"}) String outcome) {
    }

    /** Either conversationIds, or openOfAssignee (every open conversation assigned to that user); to null: Unassigned. */
    record BulkTransfer(@Schema(description = "The conversations to move; or give openOfAssignee instead.") List<UUID> conversationIds,
                        @Schema(description = "Move every open conversation assigned to this user.") UUID openOfAssignee,
                        @Schema(description = "The new assignee; null for Unassigned.", nullable = true) UUID to) {
    }

    /** The assignee filter's value for the conversations of every deactivated person. */
    static final String DEACTIVATED_HOLDERS = "deactivated";

    private final InboxReads inbox;
    private final Replies replies;
    private final Assignments assignments;
    private final ConversationMoves moves;
    private final Reminders reminders;
    private final Memberships memberships;

    InboxApiController(InboxReads inbox, Replies replies, Assignments assignments, ConversationMoves moves, Reminders reminders,
                       Memberships memberships) {
        this.inbox = inbox;
        this.replies = replies;
        this.assignments = assignments;
        this.moves = moves;
        this.reminders = reminders;
        this.memberships = memberships;
    }

    /**
     * ?tab=me|unassigned|all&profile=&assignee=(user id|none|deactivated)&q=&afterGroup=&afterTime=&afterId=; with q, the
     * results are one list, newest activity first (the cursor's group stays 0), q at most 200 characters (422 beyond).
     */
    @Operation(summary = "List conversations",
            description = "Keyset-paged, 50 at a time in inbox order (new, open with unread for you, open, closed; newest "
                    + "first); with q, one list of matches, newest first. Pass next's group, lastActivityAt and id as "
                    + "afterGroup, afterTime and afterId for the following page.")
    @Parameter(name = "tab", in = ParameterIn.QUERY, description = "me, unassigned or all (the default).", schema = @Schema(type = "string"))
    @Parameter(name = "profile", in = ParameterIn.QUERY, description = "A profile id: only its conversations.", schema = @Schema(type = "string", format = "uuid"))
    @Parameter(name = "assignee", in = ParameterIn.QUERY, description = "A user id, none (Unassigned) or deactivated (held by anyone deactivated); blank for anyone.", schema = @Schema(type = "string"))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Words of messages, contact names, emails or phone digits; at most 200 characters (422 beyond).", schema = @Schema(type = "string"))
    @Parameter(name = "afterGroup", in = ParameterIn.QUERY, description = "The cursor: the previous page's next.group.")
    @Parameter(name = "afterTime", in = ParameterIn.QUERY, description = "The cursor: the previous page's next.lastActivityAt.")
    @Parameter(name = "afterId", in = ParameterIn.QUERY, description = "The cursor: the previous page's next.id.")
    @GetMapping
    PageJson list(Actor actor, @RequestParam(defaultValue = "all") String tab, @RequestParam(required = false) UUID profile,
                  @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "") String q,
                  @RequestParam(required = false) Integer afterGroup, @RequestParam(required = false) Instant afterTime,
                  @RequestParam(required = false) UUID afterId) {
        Cursor after = afterGroup == null || afterTime == null || afterId == null ? null : new Cursor(afterGroup, afterTime, afterId);
        InboxReads.Page page = inbox.list(actor, tab(tab), filter(profile, assignee, q, memberships), after);
        return new PageJson(page.conversations().stream().map(c -> json(c, page.matches().get(c.id()))).toList(),
                page.next() == null ? null : new NextPage(page.next().group(), page.next().lastActivityAt(), page.next().id()));
    }

    /** ?tab=&profile=&assignee=&q= as for the list, q required: how many conversations the search finds, up to 1,000. */
    @Operation(summary = "Count a search",
            description = "How many conversations a search finds with the list's filters, counted up to 1,000 (more says there "
                    + "are more).")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "The search, as for the list.", schema = @Schema(type = "string"))
    @GetMapping("/search-count")
    SearchJson searchCount(Actor actor, @RequestParam(defaultValue = "all") String tab, @RequestParam(required = false) UUID profile,
                           @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "") String q) {
        InboxSearch.Count count = inbox.searchCount(actor, tab(tab), filter(profile, assignee, q, memberships));
        return new SearchJson(count.count(), count.more());
    }

    @Operation(summary = "Unread counts",
            description = "Per tab (me, unassigned, all), how many conversations the caller sees are unread for them.")
    @GetMapping("/counts")
    Map<String, Integer> counts(Actor actor) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        inbox.unreadCounts(actor).forEach((tab, count) -> counts.put(tab.name().toLowerCase(Locale.ROOT), count));
        return counts;
    }

    /** Reading a conversation marks it read for the caller. */
    @Operation(summary = "Read a conversation",
            description = "Its messages (with each text's delivery), reminders, the contact's other conversations and whether "
                    + "the contact texted STOP. Reading marks it read for the caller.")
    @GetMapping("/{id}")
    ThreadJson get(Actor actor, @PathVariable UUID id) {
        InboxReads.Thread thread = inbox.thread(actor, id);
        return new ThreadJson(json(thread.conversation()),
                thread.messages().stream().map(m -> new MessageJson(m.id(), m.kind(), m.authorId(), m.body(), m.createdAt(), m.mediaUrls(),
                        m.fromLeadbox() ? "leadbox" : "text", m.sourceUrl(),
                        m.delivery() == null ? null : new DeliveryJson(m.delivery().label(), m.delivery().failed(),
                                m.delivery().errorCode(), m.delivery().failed() ? m.delivery().error() : null))).toList(),
                thread.reminders().stream().map(r -> new ReminderJson(r.id(), r.dueAt(), r.note(), r.setBy(), r.firedAt())).toList(),
                thread.otherConversations().stream().map(InboxApiController::json).toList(),
                new OptOutJson(thread.optOut().optedOut(), thread.optOut().changedAt()));
    }

    @Operation(summary = "Move to another profile",
            description = "To one of the caller's profiles, with that profile's contact of the same number; 409 when that "
                    + "contact already has a live conversation there.")
    @ApiResponse(responseCode = "204", description = "Moved.")
    @PutMapping("/{id}/profile")
    ResponseEntity<Void> move(Actor actor, @PathVariable UUID id, @RequestBody Move body) {
        moves.moveToProfile(actor, id, body.profileId());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Set a reminder",
            description = "A due time in the future, at most a year ahead, and a note of up to 500 characters.")
    @ApiResponse(responseCode = "201", description = "Set: the reminder's id.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class)))
    @PostMapping("/{id}/reminders")
    ResponseEntity<Created> remind(Actor actor, @PathVariable UUID id, @RequestBody NewReminder body) {
        return ResponseEntity.status(201).body(new Created(reminders.remind(actor, id, body.dueAt(), body.note())));
    }

    @Operation(summary = "Cancel a reminder",
            description = "404 when the conversation has no pending reminder of that id.")
    @ApiResponse(responseCode = "204", description = "Cancelled.")
    @DeleteMapping("/{id}/reminders/{reminderId}")
    ResponseEntity<Void> cancelReminder(Actor actor, @PathVariable UUID id, @PathVariable UUID reminderId) {
        reminders.cancel(actor, id, reminderId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Reply by text",
            description = "The text is queued with the message and leaves through the text outbox after the change is saved; "
                    + "422 when the contact has no phone number or texted STOP.")
    @ApiResponse(responseCode = "204", description = "Queued.")
    @PostMapping("/{id}/replies")
    ResponseEntity<Void> reply(Actor actor, @PathVariable UUID id, @RequestBody Text body) {
        replies.reply(actor, id, body.body());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Send a failed reply again",
            description = "Queues a reply whose text failed once more; 409 when it has not failed, 422 while the contact is "
                    + "opted out.")
    @ApiResponse(responseCode = "204", description = "Queued again.")
    @PostMapping("/{id}/messages/{messageId}/retry")
    ResponseEntity<Void> retry(Actor actor, @PathVariable UUID id, @PathVariable UUID messageId) {
        replies.retry(actor, id, messageId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Add a note",
            description = "A note for the team, never sent to the lead.")
    @ApiResponse(responseCode = "204", description = "Added.")
    @PostMapping("/{id}/notes")
    ResponseEntity<Void> note(Actor actor, @PathVariable UUID id, @RequestBody Text body) {
        replies.note(actor, id, body.body());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Assign",
            description = "To a member who works in the conversation's profile, or to nobody (assigneeId null: Unassigned).")
    @ApiResponse(responseCode = "204", description = "Assigned.")
    @PutMapping("/{id}/assignee")
    ResponseEntity<Void> assign(Actor actor, @PathVariable UUID id, @RequestBody Assignment body) {
        assignments.assign(actor, id, body.assigneeId());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Move many conversations",
            description = "The conversations named, or every open one assigned to openOfAssignee, to a member or (to null) "
                    + "Unassigned: all or nothing. Owner, admins and partner admins.")
    @PostMapping("/bulk-transfer")
    Map<String, Integer> bulkTransfer(Actor actor, @RequestBody BulkTransfer body) {
        return Map.of("moved", assignments.bulkTransfer(actor, body.conversationIds(), body.openOfAssignee(), body.to()));
    }

    @Operation(summary = "Close",
            description = "With an outcome: won, lost or other.")
    @ApiResponse(responseCode = "204", description = "Closed.")
    @PostMapping("/{id}/close")
    ResponseEntity<Void> close(Actor actor, @PathVariable UUID id, @RequestBody Closing body) {
        moves.close(actor, id, body.outcome());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Reopen",
            description = "409 while the contact has a newer live conversation.")
    @ApiResponse(responseCode = "204", description = "Reopened.")
    @PostMapping("/{id}/reopen")
    ResponseEntity<Void> reopen(Actor actor, @PathVariable UUID id) {
        moves.reopen(actor, id);
        return ResponseEntity.noContent().build();
    }

    /** {@code assignee}: blank for anyone, a user's id, "none" for Unassigned, or "deactivated" for whoever is deactivated. */
    static InboxPages.Filter filter(UUID profile, String assignee, String q, Memberships memberships) {
        if (assignee.isBlank()) {
            return new InboxPages.Filter(profile, null, false, q);
        }
        if (assignee.equals("none")) {
            return new InboxPages.Filter(profile, null, true, q);
        }
        if (assignee.equals(DEACTIVATED_HOLDERS)) {
            return InboxPages.Filter.heldByAnyOf(profile, memberships.people().values().stream()
                    .filter(Memberships.Person::deactivated).map(Memberships.Person::userId)
                    .collect(java.util.stream.Collectors.toSet()), q);
        }
        try {
            return new InboxPages.Filter(profile, UUID.fromString(assignee), false, q);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException();
        }
    }

    private static Tab tab(String code) {
        try {
            return Tab.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundException();
        }
    }

    static ConversationJson json(ConversationStore.Conversation c) {
        return json(c, null);
    }

    private static ConversationJson json(ConversationStore.Conversation c, SearchHighlight.Match match) {
        return new ConversationJson(c.id(), c.profileId(), c.contactId(), c.contactName(), c.contactPhone(), c.state(),
                c.outcome(), c.assigneeId(), c.lastActivityAt(), c.preview(), c.unread(), match);
    }
}
