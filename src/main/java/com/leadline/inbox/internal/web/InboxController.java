package com.leadline.inbox.internal.web;

import com.leadline.inbox.internal.conversation.InboxEvents;
import com.leadline.inbox.internal.conversation.InboxPages.Cursor;
import com.leadline.platform.FormRefusals;
import com.leadline.platform.ShellProfiles;
import com.leadline.team.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The Inbox page: tabs with counts, the conversation list, and the open conversation; and its live updates. */
@Controller
class InboxController {

    private final InboxPageModel page;
    private final InboxEvents events;

    InboxController(InboxPageModel page, InboxEvents events) {
        this.page = page;
        this.events = events;
    }

    /** The filter's profile, else the shell's current one (when it is still the actor's). */
    @GetMapping("/inbox")
    String page(Actor actor, @RequestParam(defaultValue = "all") String tab, @RequestParam(required = false) UUID c,
                @RequestParam(defaultValue = "") String q, @RequestParam(required = false) UUID profile,
                @RequestParam(defaultValue = "") String assignee,
                @SessionAttribute(name = ShellProfiles.CURRENT_PROFILE, required = false) UUID currentProfile,
                @RequestParam(required = false) Integer afterGroup, @RequestParam(required = false) Instant afterTime,
                @RequestParam(required = false) UUID afterId, HttpServletRequest request, Model model) {
        UUID shownProfile = profile != null ? profile : currentProfile != null && actor.canManageProfile(currentProfile) ? currentProfile : null;
        Cursor after = afterGroup == null || afterTime == null || afterId == null ? null : new Cursor(afterGroup, afterTime, afterId);
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("errors", errors);
            return page.fill(actor, InboxPageModel.tab(tab), shownProfile, assignee, "", null, c, model);
        });
        return page.fill(actor, InboxPageModel.tab(tab), shownProfile, assignee, q, after, c, model);
    }

    /** The line that says how many conversations a search finds, which the page asks for once it shows the first results. */
    @GetMapping("/inbox/search-count")
    String searchCount(Actor actor, @RequestParam(defaultValue = "all") String tab, @RequestParam(required = false) UUID profile,
                       @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("matching", page.searchCount(actor, InboxPageModel.tab(tab), profile, assignee, q));
        return "inbox/search-count :: count";
    }

    /** Server-sent events: "inbox" with a conversation's id whenever one the viewer sees (or saw) changes. */
    @GetMapping(path = "/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(Actor actor) {
        return events.subscribe(actor);
    }
}
