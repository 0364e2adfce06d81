package com.leadline.team;

import com.leadline.accounts.Profiles;
import com.leadline.platform.Transactions;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time zone a page shows times in for a person outside any one profile's page (the audit log, the
 * Integrations pages): the profile chosen in the shell if they work in it, else the first profile they
 * work in, else UTC.
 */
@Component
public class ViewerTimeZone {

    private final Profiles profiles;
    private final TransactionTemplate readOnly;

    ViewerTimeZone(Profiles profiles, PlatformTransactionManager transactionManager) {
        this.profiles = profiles;
        this.readOnly = Transactions.readOnly(transactionManager);
    }

    public ZoneId of(Actor actor, UUID currentProfile) {
        return readOnly.execute(status -> {
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
