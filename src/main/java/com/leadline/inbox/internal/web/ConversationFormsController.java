package com.leadline.inbox.internal.web;

import com.leadline.inbox.internal.conversation.Assignments;
import com.leadline.inbox.internal.conversation.ConversationMoves;
import com.leadline.inbox.internal.conversation.InboxReads;
import com.leadline.inbox.internal.conversation.Reminders;
import com.leadline.inbox.internal.conversation.Replies;
import com.leadline.platform.FormRefusals;
import com.leadline.platform.InvalidInputException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Inbox page's forms on a conversation (and the bulk move): each goes back to the Inbox, or shows it again with its errors. */
@Controller
class ConversationFormsController {

    private final InboxPageModel page;
    private final InboxReads inbox;
    private final Replies replies;
    private final Assignments assignments;
    private final ConversationMoves moves;
    private final Reminders reminders;

    ConversationFormsController(InboxPageModel page, InboxReads inbox, Replies replies, Assignments assignments,
                                ConversationMoves moves, Reminders reminders) {
        this.page = page;
        this.inbox = inbox;
        this.replies = replies;
        this.assignments = assignments;
        this.moves = moves;
        this.reminders = reminders;
    }

    @PostMapping("/inbox/conversations/{id}/reply")
    String reply(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String body,
                 @RequestParam(defaultValue = "all") String tab, HttpServletRequest request, Model model) {
        return attempt(actor, tab, id, "reply", Map.of("body", body), request, model, () -> {
            replies.reply(actor, id, body);
            return back(tab, id);
        });
    }

    @PostMapping("/inbox/conversations/{id}/note")
    String note(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String body,
                @RequestParam(defaultValue = "all") String tab, HttpServletRequest request, Model model) {
        return attempt(actor, tab, id, "note", Map.of("body", body), request, model, () -> {
            replies.note(actor, id, body);
            return back(tab, id);
        });
    }

    /** "me" takes it, "unassigned" lets it go, or a member's id. A member who gives it away doesn't come back to it. */
    @PostMapping("/inbox/conversations/{id}/assign")
    String assign(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "unassigned") String assignee,
                  @RequestParam(defaultValue = "all") String tab, HttpServletRequest request, Model model) {
        return attempt(actor, tab, id, "assign", Map.of(), request, model, () -> {
            UUID to = switch (assignee) {
                case "me" -> actor.userId();
                case "unassigned" -> null;
                default -> parseOr(assignee, "assigneeId", "Choose a member, yourself or Unassigned.");
            };
            assignments.assign(actor, id, to);
            return to == null || to.equals(actor.userId()) || actor.can(Permission.EDIT_USERS) ? back(tab, id) : back(tab, null);
        });
    }

    @PostMapping("/inbox/conversations/{id}/close")
    String close(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
                 @RequestParam(defaultValue = "all") String tab, HttpServletRequest request, Model model) {
        return attempt(actor, tab, id, "close", Map.of(), request, model, () -> {
            moves.close(actor, id, outcome);
            return back(tab, id);
        });
    }

    /** A reply whose text failed, queued again (refused while the contact is opted out). */
    @PostMapping("/inbox/conversations/{id}/messages/{messageId}/retry")
    String retry(Actor actor, @PathVariable UUID id, @PathVariable UUID messageId, @RequestParam(defaultValue = "all") String tab) {
        replies.retry(actor, id, messageId);
        return back(tab, id);
    }

    @PostMapping("/inbox/conversations/{id}/reopen")
    String reopen(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "all") String tab) {
        moves.reopen(actor, id);
        return back(tab, id);
    }

    @PostMapping("/inbox/conversations/{id}/profile")
    String move(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String profile,
                @RequestParam(defaultValue = "all") String tab, HttpServletRequest request, Model model) {
        return attempt(actor, tab, id, "move", Map.of(), request, model, () -> {
            moves.moveToProfile(actor, id, parseOr(profile, "profileId", "Choose one of your profiles."));
            return back(tab, id);
        });
    }

    /** {@code dueAt} is a local date and time in the conversation's profile's time zone, as a datetime-local field sends it. */
    @PostMapping("/inbox/conversations/{id}/reminders")
    String remind(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String dueAt,
                  @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "all") String tab,
                  HttpServletRequest request, Model model) {
        return attempt(actor, tab, id, "remind", Map.of("dueAt", dueAt, "note", note), request, model, () -> {
            Instant due;
            try {
                due = LocalDateTime.parse(dueAt).atZone(page.zoneOf(inbox.profileOf(actor, id))).toInstant();
            } catch (DateTimeParseException malformed) {
                throw new InvalidInputException(Map.of("dueAt", "Choose a date and time for the reminder."));
            }
            reminders.remind(actor, id, due, note);
            return back(tab, id);
        });
    }

    @PostMapping("/inbox/conversations/{id}/reminders/{reminderId}/cancel")
    String cancelReminder(Actor actor, @PathVariable UUID id, @PathVariable UUID reminderId,
                          @RequestParam(defaultValue = "all") String tab) {
        reminders.cancel(actor, id, reminderId);
        return back(tab, id);
    }

    /**
     * The selected conversations, or every open one of {@code openOf}, to {@code to} (a member's id or "unassigned");
     * then back to the Inbox, or to the Team page when its panel of deactivated people's conversations sent it.
     */
    @PostMapping("/inbox/bulk-transfer")
    String bulkTransfer(Actor actor, @RequestParam(name = "conversation", required = false) List<UUID> selected,
                        @RequestParam(defaultValue = "") String openOf, @RequestParam(defaultValue = "unassigned") String to,
                        @RequestParam(defaultValue = "all") String tab, @RequestParam(defaultValue = "") String from,
                        HttpServletRequest request, Model model) {
        return attempt(actor, tab, null, "bulk", Map.of(), request, model, () -> {
            UUID target = to.equals("unassigned") ? null : parseOr(to, "to", "Choose a member or Unassigned.");
            UUID holder = openOf.isBlank() ? null : parseOr(openOf, "openOfAssignee", "Choose whose conversations to move.");
            assignments.bulkTransfer(actor, selected == null || holder != null ? List.of() : selected, holder, target);
            return from.equals("team") ? "redirect:/team" : back(tab, null);
        });
    }

    /**
     * Runs a form's action; when it is refused with field errors, the pages' error handling brings the
     * Inbox page back with them next to that form ({@code form}) and in a summary, and with what was typed.
     */
    private String attempt(Actor actor, String tab, UUID conversation, String form, Map<String, String> typed,
                           HttpServletRequest request, Model model, Supplier<String> action) {
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("errors", errors);
            model.addAttribute("failedForm", form);
            model.addAttribute("typed", typed);
            return page.fill(actor, InboxPageModel.tab(tab), null, "", "", null, conversation, model);
        });
        return action.get();
    }

    private static String back(String tab, UUID conversation) {
        String path = "redirect:/inbox?tab=" + URLEncoder.encode(InboxPageModel.tab(tab).name().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
        return conversation == null ? path : path + "&c=" + conversation;
    }

    private static UUID parseOr(String id, String field, String message) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException(Map.of(field, message));
        }
    }
}
