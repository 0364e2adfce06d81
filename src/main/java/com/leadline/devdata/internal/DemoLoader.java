package com.leadline.devdata.internal;

import com.leadline.accounts.BusinessSignUps;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities;
import com.leadline.inbox.ConversationWork;
import com.leadline.inbox.InboundTexts;
import com.leadline.leadbox.LocalLeadboxes;
import com.leadline.platform.CallerContext;
import com.leadline.platform.Tenancy;
import com.leadline.profiles.ProfileSetup;
import com.leadline.team.ActorLookup;
import com.leadline.team.Invitations;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo practice through the other modules' public use cases, the path its people would take,
 * each step at the past instant it is placed at (docs/adr/0005-seed-data.md). Only on the embedded
 * database; {@link DemoData} runs it at start-up.
 */
@Component
@ConditionalOnProperty(name = "leadline.embedded-database.active", havingValue = "true")
class DemoLoader {

    /** The name the audit log gives the demo's entries as their system actor. */
    static final String ACTOR = "demo data";

    private final Identities identities;
    private final DemoTeam team;
    private final DemoConversations conversations;
    private final Clock clock;
    private final LocalLeadboxes leadboxes;
    private final String demoWebsite;

    DemoLoader(Identities identities, BusinessSignUps signUps, ProfileSetup profileSetup, Invitations invitations,
               ActorLookup actors, InboundTexts inbound, ConversationWork work, Tenancy tenancy, Clock clock,
               LocalLeadboxes leadboxes, @Value("${leadline.base-url}") String baseUrl) {
        this.identities = identities;
        this.team = new DemoTeam(signUps, profileSetup, invitations, actors, tenancy);
        this.conversations = new DemoConversations(inbound, work, tenancy);
        this.clock = clock;
        this.leadboxes = leadboxes;
        this.demoWebsite = demoWebsite(URI.create(baseUrl));
    }

    /**
     * The website whose pages may use the demo's Leadboxes: where {@link DemoLeadboxPage} is meant to be
     * opened, 127.0.0.1 on the port of {@code leadline.base-url} (http://127.0.0.1:8080 by default).
     */
    static String demoWebsite(URI baseUrl) {
        return "http://127.0.0.1" + (baseUrl.getPort() == -1 ? "" : ":" + baseUrl.getPort());
    }

    /**
     * As the system actor {@value #ACTOR}, which rate limits don't apply to: the practice opened a day
     * before its oldest conversation; the conversations are placed relative to now.
     *
     * @return false, loading nothing, when its owner's address is in use already
     */
    boolean loadOnce() {
        return CallerContext.callAsSystem(ACTOR, () -> {
            if (identities.statusOfEmail(EmailAddresses.normalize(DemoTeam.OWNER_EMAIL)).isPresent()) {
                return false;
            }
            Instant now = clock.instant();
            DemoTeam.Practice practice = team.setUp(now.minus(DemoConversations.SPREAD.plus(Duration.ofDays(1))));
            leadboxes.allowWebsite(practice.accountId(), demoWebsite, now);
            conversations.fill(practice, now);
            return true;
        });
    }
}
