package com.leadline.devdata.internal;

import com.leadline.devdata.internal.DemoTeam.Practice;
import com.leadline.inbox.ConversationWork;
import com.leadline.inbox.InboundTexts;
import com.leadline.platform.ApplicationClock;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import com.leadline.team.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The demo practice's 60 conversations over the last 14 days, each as it would have happened: the lead
 * texts, the owner fills in the contact's name, and unless it is still new someone is given it, replies
 * and, for some, closes it with an outcome. Unread flags are the use cases' own: the people of a profile
 * have opened its closed conversations and those quiet for two days; the new ones and the rest are still
 * unread for them (not for whoever replied).
 */
final class DemoConversations {

    static final int CONVERSATIONS = 60;
    static final Duration SPREAD = Duration.ofDays(14);
    static final Duration RECENT = Duration.ofDays(2);

    private static final String[] FIRST = {"Olivia", "Liam", "Emma", "Lucas", "Ava", "Mateo", "Sofia", "Ethan", "Mia", "Leo"};
    private static final String[] LAST = {"Garcia", "Smith", "Chen", "Okafor", "Novak", "Silva", "Kim", "Müller", "Rossi", "Dubois"};
    private static final String[] ASKS = {"Do you have an appointment this week?", "How much is a cleaning?",
            "Do you take my insurance?", "My tooth hurts since yesterday, can someone see me today?",
            "Can I move my appointment to Friday?", "Do you do whitening?", "Is parking available?"};
    private static final String REPLY = "Thanks for reaching out! We'll get back to you shortly.";

    /** One lead's conversation as drawn: who, in which profile, when it was last active and how it stands. */
    private record Lead(String name, String phone, UUID profile, String ask, Instant lastActivity, String state,
                        Actor assignee, String outcome) {
    }

    private final InboundTexts inbound;
    private final ConversationWork work;
    private final Tenancy tenancy;

    DemoConversations(InboundTexts inbound, ConversationWork work, Tenancy tenancy) {
        this.inbound = inbound;
        this.work = work;
        this.tenancy = tenancy;
    }

    void fill(Practice practice, Instant now) {
        Random random = new Random(42);
        tenancy.inAccount(practice.accountId(), () -> {
            for (int n = 0; n < CONVERSATIONS; n++) {
                live(practice, draw(practice, n, random, now), now);
            }
        });
    }

    private static Lead draw(Practice practice, int n, Random random, Instant now) {
        UUID profile = practice.profiles().get(n % practice.profiles().size());
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        Instant last = now.minus(Duration.ofMinutes(random.nextInt((int) SPREAD.toMinutes())));
        String state = n % 5 == 0 ? "closed" : n % 3 == 0 ? "new" : "open";
        List<Actor> workers = practice.team().stream().filter(person -> person.profileIds().contains(profile)).toList();
        Actor assignee = state.equals("new") || random.nextInt(4) == 0 ? null : workers.get(random.nextInt(workers.size()));
        String ask = ASKS[random.nextInt(ASKS.length)];
        String outcome = state.equals("closed") ? (random.nextBoolean() ? "won" : "lost") : null;
        return new Lead(name, "+1555" + (2_000_000 + n), profile, ask, last, state, assignee, outcome);
    }

    private void live(Practice practice, Lead lead, Instant now) {
        Actor owner = practice.owner();
        Instant asked = lead.lastActivity().minus(Duration.ofMinutes(2));
        UUID conversation = ApplicationClock.callAt(asked, () -> {
            UUID id = inbound.receiveInbound(practice.accountId(), lead.profile(), lead.phone(), lead.ask());
            work.describeContact(owner, id, lead.name(), lead.name().toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com");
            return id;
        });
        if (lead.state().equals("new")) {
            return;
        }
        Actor replier = lead.assignee() == null ? owner : lead.assignee();
        ApplicationClock.runAt(lead.lastActivity(), () -> {
            if (lead.assignee() != null) {
                work.assign(owner, conversation, lead.assignee().userId());
            }
            work.reply(replier, conversation, REPLY);
            if (lead.outcome() != null) {
                work.close(replier, conversation, lead.outcome());
            }
        });
        if (lead.outcome() != null || lead.lastActivity().isBefore(now.minus(RECENT))) {
            Instant readAt = Collections.min(List.of(lead.lastActivity().plus(Duration.ofHours(1)), now));
            ApplicationClock.runAt(readAt, () -> viewers(practice, lead).forEach(viewer -> work.open(viewer, conversation)));
        }
    }

    /** Who sees the conversation in their inbox: its profile's people, but a team member only unassigned ones and their own. */
    private static Stream<Actor> viewers(Practice practice, Lead lead) {
        return Stream.concat(Stream.of(practice.owner()), practice.team().stream()
                .filter(person -> person.profileIds().contains(lead.profile()))
                .filter(person -> person.role() != Role.MEMBER || lead.assignee() == null || lead.assignee().equals(person)));
    }
}
