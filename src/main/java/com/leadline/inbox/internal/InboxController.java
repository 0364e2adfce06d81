package com.leadline.inbox.internal;

import com.leadline.accounts.Profiles;
import com.leadline.inbox.internal.ConversationStore.Cursor;
import com.leadline.inbox.internal.ConversationStore.Tab;
import com.leadline.platform.RequestRefusedException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
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
    private final com.leadline.team.Memberships memberships;
    private final ShortcutService shortcuts;
    private final InboxEvents events;

    InboxController(InboxService inbox, Profiles profiles, com.leadline.team.Memberships memberships, ShortcutService shortcuts,
                    InboxEvents events) {
        this.events = events;
        this.shortcuts = shortcuts;
        this.inbox = inbox;
        this.profiles = profiles;
        this.memberships = memberships;
    }

    @GetMapping("/inbox")
    String page(Actor actor, @RequestParam(defaultValue = "all") String tab, @RequestParam(required = false) UUID c,
                @RequestParam(defaultValue = "") String q,
                @RequestParam(required = false) Integer afterGroup, @RequestParam(required = false) Instant afterTime,
                @RequestParam(required = false) UUID afterId, Model model) {
        Tab selected = tab(tab);
        Cursor after = afterGroup == null || afterTime == null || afterId == null ? null : new Cursor(afterGroup, afterTime, afterId);
        model.addAttribute("tab", selected.name().toLowerCase(Locale.ROOT));
        model.addAttribute("counts", inbox.counts(actor));
        model.addAttribute("page", inbox.list(actor, selected, InboxApiController.filter(null, "", q), after));
        model.addAttribute("q", q);
        model.addAttribute("canWork", actor.can(Permission.WORK_CONVERSATIONS));
        model.addAttribute("actor", actor);
        if (c != null) {
            InboxService.Thread thread = inbox.thread(actor, c);
            model.addAttribute("thread", thread);
            model.addAttribute("workers", memberships.workersOf(thread.conversation().profileId()));
            model.addAttribute("shortcuts", shortcuts.usable(actor, thread.conversation().profileId()));
        }
        model.addAttribute("profileNames", profiles.all());
        return "inbox/inbox";
    }

    /** Server-sent events: "inbox" with a conversation's id whenever one the viewer sees (or saw) changes. */
    @GetMapping(path = "/inbox/events", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter events(Actor actor) {
        return events.subscribe(actor);
    }

    @PostMapping("/inbox/conversations/{id}/reply")
    String reply(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String body,
                 @RequestParam(defaultValue = "all") String tab) {
        inbox.reply(actor, id, body);
        return back(tab, id);
    }

    @PostMapping("/inbox/conversations/{id}/note")
    String note(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String body,
                @RequestParam(defaultValue = "all") String tab) {
        inbox.note(actor, id, body);
        return back(tab, id);
    }

    /** "me" takes it, "unassigned" lets it go, or a member's id. A member who gives it away doesn't come back to it. */
    @PostMapping("/inbox/conversations/{id}/assign")
    String assign(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "unassigned") String assignee,
                  @RequestParam(defaultValue = "all") String tab) {
        UUID to = switch (assignee) {
            case "me" -> actor.userId();
            case "unassigned" -> null;
            default -> parse(assignee);
        };
        inbox.assign(actor, id, to);
        return to == null || to.equals(actor.userId()) || actor.can(Permission.EDIT_USERS) ? back(tab, id) : back(tab, null);
    }

    @PostMapping("/inbox/conversations/{id}/close")
    String close(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
                 @RequestParam(defaultValue = "all") String tab) {
        inbox.close(actor, id, outcome);
        return back(tab, id);
    }

    @PostMapping("/inbox/conversations/{id}/reopen")
    String reopen(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "all") String tab) {
        inbox.reopen(actor, id);
        return back(tab, id);
    }

    private static String back(String tab, UUID conversation) {
        String path = "redirect:/inbox?tab=" + URLEncoder.encode(tab(tab).name().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
        return conversation == null ? path : path + "&c=" + conversation;
    }

    private static Tab tab(String code) {
        try {
            return Tab.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw RequestRefusedException.notFound();
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw RequestRefusedException.invalid(java.util.Map.of("assigneeId", "Choose a member, yourself or Unassigned."));
        }
    }
}
