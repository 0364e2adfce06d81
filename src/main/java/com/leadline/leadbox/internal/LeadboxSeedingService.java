package com.leadline.leadbox.internal;

import com.leadline.leadbox.LeadboxSeeding;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class LeadboxSeedingService implements LeadboxSeeding {

    private final LeadboxStore leadboxes;
    private final Clock clock;

    LeadboxSeedingService(LeadboxStore leadboxes, Clock clock) {
        this.leadboxes = leadboxes;
        this.clock = clock;
    }

    @Override
    public String openTo(UUID accountId, UUID profileId, String businessName, List<String> websites) {
        List<String> origins = websites.stream()
                .map(website -> LeadboxRules.origin(website).orElseThrow(() -> new IllegalArgumentException("Not a website: " + website)))
                .distinct().toList();
        if (origins.size() > LeadboxRules.MAX_ORIGINS) {
            throw new IllegalArgumentException("At most " + LeadboxRules.MAX_ORIGINS + " websites");
        }
        Leadbox leadbox = leadboxes.ofProfile(accountId, profileId, businessName, clock.instant());
        leadboxes.update(leadbox, true, leadbox.appearance(), origins, clock.instant());
        return leadbox.widgetKey();
    }
}
