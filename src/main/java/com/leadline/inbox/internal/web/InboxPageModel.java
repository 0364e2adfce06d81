package com.leadline.inbox.internal.web;

import com.leadline.accounts.Profiles;
import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.conversation.ConversationStore;
import com.leadline.inbox.internal.conversation.Handover;
import com.leadline.inbox.internal.conversation.InboxPages;
import com.leadline.inbox.internal.conversation.InboxPages.Cursor;
import com.leadline.inbox.internal.conversation.InboxReads;
import com.leadline.inbox.internal.conversation.InboxSearch;
import com.leadline.inbox.internal.conversation.Tab;
import com.leadline.inbox.internal.preference.KeyboardPreferences;
import com.leadline.inbox.internal.shortcut.ShortcutService;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.NotFoundException;
import com.leadline.team.Actor;
import com.leadline.team.Memberships;
import com.leadline.team.Permission;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the Inbox page shows, for its own request and for a form that brings it back with errors. */
@Component
class InboxPageModel {

    static final String VIEW = "inbox/inbox";

    private final InboxReads inbox;
    private final Handover handover;
    private final Profiles profiles;
    private final Memberships memberships;
    private final ShortcutService shortcuts;
    private final KeyboardPreferences keyboard;
    private final Clock clock;

    InboxPageModel(InboxReads inbox, Handover handover, Profiles profiles, Memberships memberships, ShortcutService shortcuts,
                   KeyboardPreferences keyboard, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.handover = handover;
        this.profiles = profiles;
        this.memberships = memberships;
        this.shortcuts = shortcuts;
        this.keyboard = keyboard;
    }

    /** The tab's page (filtered, after the cursor), the actor's people and profiles, and the open conversation if any. */
    String fill(Actor actor, Tab tab, UUID shownProfile, String assignee, String q, Cursor after, UUID conversation, Model model) {
        addList(actor, tab, shownProfile, assignee, q, after, model);
        model.addAttribute("canWork", actor.can(Permission.WORK_CONVERSATIONS));
        model.addAttribute("canBulk", actor.can(Permission.BULK_TRANSFER));
        model.addAttribute("actor", actor);
        model.addAttribute("keyboardShortcuts", keyboardShortcutsOn());
        addPeopleAndProfiles(actor, model);
        if (conversation != null) {
            addThread(actor, conversation, model);
        }
        return VIEW;
    }

    /** The tabs' counts and the selected tab's page, with the filters as the page shows them. */
    private void addList(Actor actor, Tab selected, UUID shownProfile, String assignee, String q, Cursor after, Model model) {
        boolean seesOthers = Visibility.of(actor).seesAssignedToOthers();
        model.addAttribute("tab", selected.name().toLowerCase(Locale.ROOT));
        model.addAttribute("counts", inbox.unreadCounts(actor));
        InboxReads.Page page = inbox.list(actor, selected, filter(actor, shownProfile, assignee, q), after);
        model.addAttribute("page", page);
        model.addAttribute("rowTimes", rowTimes(page));
        model.addAttribute("q", q);
        model.addAttribute("profile", shownProfile);
        model.addAttribute("assignee", seesOthers ? assignee : "");
        model.addAttribute("seesOthers", seesOthers);
    }

    /** Each row's time of last activity, in its profile's time zone (each zone read once per page). */
    private Map<UUID, ListTimes.RowTime> rowTimes(InboxReads.Page page) {
        Instant now = clock.instant();
        Map<UUID, ZoneId> zones = new HashMap<>();
        Map<UUID, ListTimes.RowTime> times = new HashMap<>();
        for (ConversationStore.Conversation c : page.conversations()) {
            ZoneId zone = zones.computeIfAbsent(c.profileId(), this::zoneOf);
            times.put(c.id(), ListTimes.of(c.lastActivityAt(), now, zone));
        }
        return times;
    }

    /** How many conversations the search finds in the tab, with the filters as the list reads them. */
    InboxSearch.Count searchCount(Actor actor, Tab tab, UUID profile, String assignee, String q) {
        return inbox.searchCount(actor, tab, filter(actor, profile, assignee, q));
    }

    /** The page's filters; the assignee filter only for those who see others' conversations. */
    private InboxPages.Filter filter(Actor actor, UUID profile, String assignee, String q) {
        boolean seesOthers = Visibility.of(actor).seesAssignedToOthers();
        return InboxApiController.filter(profile, seesOthers ? assignee : "", q, memberships);
    }

    /** The account's people (for names, assignment and the held-by-deactivated panel) and the actor's profiles. */
    private void addPeopleAndProfiles(Actor actor, Model model) {
        Map<UUID, Memberships.Person> people = memberships.people();
        model.addAttribute("people", people);
        model.addAttribute("held", handover.openHeldByDeactivatedUsers(actor, people));
        model.addAttribute("everyone", people.values().stream()
                .sorted(Comparator.comparing(Memberships.Person::name, String.CASE_INSENSITIVE_ORDER)).toList());
        List<Profiles.ProfileSummary> mine = profiles.all().stream().filter(p -> actor.canManageProfile(p.id())).toList();
        model.addAttribute("myProfiles", mine);
        model.addAttribute("profileNames", mine.stream().collect(Collectors.toMap(Profiles.ProfileSummary::id, Profiles.ProfileSummary::name)));
    }

    /** The open conversation (read by opening it), in its profile's time zone, with who may take it and the shortcuts. */
    private void addThread(Actor actor, UUID conversationId, Model model) {
        InboxReads.Thread thread = inbox.thread(actor, conversationId);
        UUID threadProfile = thread.conversation().profileId();
        model.addAttribute("thread", thread);
        model.addAttribute("zone", zoneOf(threadProfile));
        model.addAttribute("workers", memberships.workersOf(threadProfile));
        model.addAttribute("shortcuts", shortcuts.usable(actor, threadProfile));
    }

    /** The profile's time zone (UTC when it names none that exists). */
    ZoneId zoneOf(UUID profileId) {
        return profiles.find(profileId).map(p -> {
            try {
                return ZoneId.of(p.settings().timezone());
            } catch (DateTimeException unknown) {
                return ZoneOffset.UTC;
            }
        }).orElse(ZoneOffset.UTC);
    }

    /** The signed-in person's choice of single-key shortcuts (the page's {@code data-keyboard-shortcuts}); on by default. */
    private boolean keyboardShortcutsOn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return !(authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) || keyboard.shortcutsOn(user);
    }

    /** A tab by its name in the address; an unknown one is not found. */
    static Tab tab(String code) {
        try {
            return Tab.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundException();
        }
    }

}
