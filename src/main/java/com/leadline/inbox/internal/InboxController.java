package com.leadline.inbox.internal;

import com.leadline.platform.FormRefusals;
import com.leadline.platform.NotFoundException;
import com.leadline.accounts.Profiles;
import com.leadline.inbox.internal.ConversationStore.Cursor;
import com.leadline.inbox.internal.ConversationStore.Tab;
import com.leadline.platform.InvalidInputException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import com.leadline.platform.ShellProfiles;
import com.leadline.team.Memberships;
import org.springframework.web.bind.annotation.SessionAttribute;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Inbox page: tabs with counts, the conversation list, and the open conversation with its actions. */
@Controller
class InboxController {

    private final InboxService inbox;
    private final Profiles profiles;
    private final Memberships memberships;
    private final ShortcutService shortcuts;
    private final InboxEvents events;

    InboxController(InboxService inbox, Profiles profiles, Memberships memberships, ShortcutService shortcuts,
                    InboxEvents events) {
        this.events = events;
        this.shortcuts = shortcuts;
        this.inbox = inbox;
        this.profiles = profiles;
        this.memberships = memberships;
    }

    @GetMapping("/inbox")
    String page(Actor actor, @RequestParam(defaultValue = "all") String tab, @RequestParam(required = false) UUID c,
                @RequestParam(defaultValue = "") String q, @RequestParam(required = false) UUID profile,
                @RequestParam(defaultValue = "") String assignee,
                @SessionAttribute(name = ShellProfiles.CURRENT_PROFILE, required = false) UUID currentProfile,
                @RequestParam(required = false) Integer afterGroup, @RequestParam(required = false) Instant afterTime,
                @RequestParam(required = false) UUID afterId, Model model) {
        Tab selected = tab(tab);
        UUID shownProfile = profile != null ? profile : currentProfile != null && actor.canManageProfile(currentProfile) ? currentProfile : null;
        Cursor after = afterGroup == null || afterTime == null || afterId == null ? null : new Cursor(afterGroup, afterTime, afterId);
        boolean seesOthers = Visibility.of(actor).seesAssignedToOthers();
        model.addAttribute("tab", selected.name().toLowerCase(Locale.ROOT));
        model.addAttribute("counts", inbox.unreadCounts(actor));
        model.addAttribute("page", inbox.list(actor, selected,
                InboxApiController.filter(shownProfile, seesOthers ? assignee : "", q, memberships), after));
        model.addAttribute("q", q);
        model.addAttribute("profile", shownProfile);
        model.addAttribute("assignee", seesOthers ? assignee : "");
        model.addAttribute("seesOthers", seesOthers);
        model.addAttribute("canWork", actor.can(Permission.WORK_CONVERSATIONS));
        model.addAttribute("canBulk", actor.can(Permission.BULK_TRANSFER));
        model.addAttribute("actor", actor);
        Map<UUID, Memberships.Person> people = memberships.people();
        model.addAttribute("people", people);
        model.addAttribute("held", inbox.openHeldByDeactivatedUsers(actor, people));
        model.addAttribute("everyone", people.values().stream()
                .sorted(Comparator.comparing(Memberships.Person::name, String.CASE_INSENSITIVE_ORDER)).toList());
        List<Profiles.ProfileSummary> mine = profiles.all().stream().filter(p -> actor.canManageProfile(p.id())).toList();
        model.addAttribute("myProfiles", mine);
        model.addAttribute("profileNames", mine.stream().collect(Collectors.toMap(Profiles.ProfileSummary::id, Profiles.ProfileSummary::name)));
        if (c != null) {
            InboxService.Thread thread = inbox.thread(actor, c);
            UUID threadProfile = thread.conversation().profileId();
            model.addAttribute("thread", thread);
            model.addAttribute("zone", zoneOf(threadProfile));
            model.addAttribute("workers", memberships.workersOf(threadProfile));
            model.addAttribute("shortcuts", shortcuts.usable(actor, threadProfile));
        }
        return "inbox/inbox";
    }

    private ZoneId zoneOf(UUID profileId) {
        return profiles.find(profileId).map(p -> {
            try {
                return ZoneId.of(p.settings().timezone());
            } catch (java.time.DateTimeException unknown) {
                return ZoneOffset.UTC;
            }
        }).orElse(ZoneOffset.UTC);
    }

    /** Server-sent events: "inbox" with a conversation's id whenever one the viewer sees (or saw) changes. */
    @GetMapping(path = "/inbox/events", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter events(Actor actor) {
        return events.subscribe(actor);
    }

    @PostMapping("/inbox/conversations/{id}/reply")
    String reply(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String body,
                 @RequestParam(defaultValue = "all") String tab, HttpServletRequest request, Model model) {
        return attempt(actor, tab, id, "reply", Map.of("body", body), request, model, () -> {
            inbox.reply(actor, id, body);
            return back(tab, id);
        });
    }

    @PostMapping("/inbox/conversations/{id}/note")
    String note(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String body,
                @RequestParam(defaultValue = "all") String tab, HttpServletRequest request, Model model) {
        return attempt(actor, tab, id, "note", Map.of("body", body), request, model, () -> {
            inbox.note(actor, id, body);
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
            inbox.assign(actor, id, to);
            return to == null || to.equals(actor.userId()) || actor.can(Permission.EDIT_USERS) ? back(tab, id) : back(tab, null);
        });
    }

    @PostMapping("/inbox/conversations/{id}/close")
    String close(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
                 @RequestParam(defaultValue = "all") String tab, HttpServletRequest request, Model model) {
        return attempt(actor, tab, id, "close", Map.of(), request, model, () -> {
            inbox.close(actor, id, outcome);
            return back(tab, id);
        });
    }

    @PostMapping("/inbox/conversations/{id}/reopen")
    String reopen(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "all") String tab) {
        inbox.reopen(actor, id);
        return back(tab, id);
    }

    @PostMapping("/inbox/conversations/{id}/profile")
    String move(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String profile,
                @RequestParam(defaultValue = "all") String tab, HttpServletRequest request, Model model) {
        return attempt(actor, tab, id, "move", Map.of(), request, model, () -> {
            inbox.moveToProfile(actor, id, parseOr(profile, "profileId", "Choose one of your profiles."));
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
                due = LocalDateTime.parse(dueAt).atZone(zoneOf(inbox.profileOf(actor, id))).toInstant();
            } catch (java.time.format.DateTimeParseException malformed) {
                throw new InvalidInputException(Map.of("dueAt", "Choose a date and time for the reminder."));
            }
            inbox.remind(actor, id, due, note);
            return back(tab, id);
        });
    }

    @PostMapping("/inbox/conversations/{id}/reminders/{reminderId}/cancel")
    String cancelReminder(Actor actor, @PathVariable UUID id, @PathVariable UUID reminderId,
                          @RequestParam(defaultValue = "all") String tab) {
        inbox.cancelReminder(actor, id, reminderId);
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
            inbox.bulkTransfer(actor, selected == null || holder != null ? List.of() : selected, holder, target);
            return from.equals("team") ? "redirect:/team" : back(tab, null);
        });
    }

    /**
     * Runs a form's action; when it is refused with field errors, the pages' error handling brings the
     * Inbox page back with them next to that form ({@code form}) and in a summary, and with what was typed.
     */
    private String attempt(Actor actor, String tab, UUID conversation, String form, Map<String, String> typed,
                           HttpServletRequest request, Model model, java.util.function.Supplier<String> action) {
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("errors", errors);
            model.addAttribute("failedForm", form);
            model.addAttribute("typed", typed);
            return page(actor, tab, conversation, "", null, "", null, null, null, null, model);
        });
        return action.get();
    }

    private static String back(String tab, UUID conversation) {
        String path = "redirect:/inbox?tab=" + URLEncoder.encode(tab(tab).name().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
        return conversation == null ? path : path + "&c=" + conversation;
    }

    private static Tab tab(String code) {
        try {
            return Tab.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundException();
        }
    }

    private static UUID parseOr(String id, String field, String message) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException(Map.of(field, message));
        }
    }
}
