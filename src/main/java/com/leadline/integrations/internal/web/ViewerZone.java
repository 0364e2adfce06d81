package com.leadline.integrations.internal.web;

import com.leadline.accounts.Profiles;
import com.leadline.team.Actor;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The timezone the pages show times in: the viewer's current profile's, else their first profile's, else UTC. */
@Component
class ViewerZone {

    private final Profiles profiles;
    private final TransactionTemplate transactions;

    ViewerZone(Profiles profiles, TransactionTemplate transactions) {
        this.profiles = profiles;
        this.transactions = transactions;
    }

    ZoneId of(Actor actor, UUID currentProfile) {
        return transactions.execute(status -> {
            UUID chosen = currentProfile != null && actor.canManageProfile(currentProfile) ? currentProfile
                    : profiles.all().stream().map(Profiles.ProfileSummary::id).filter(actor::canManageProfile).findFirst().orElse(null);
            if (chosen == null) {
                return ZoneOffset.UTC;
            }
            return profiles.find(chosen).map(profile -> {
                try {
                    return ZoneId.of(profile.settings().timezone());
                } catch (DateTimeException unknown) {
                    return (ZoneId) ZoneOffset.UTC;
                }
            }).orElse(ZoneOffset.UTC);
        });
    }
}
