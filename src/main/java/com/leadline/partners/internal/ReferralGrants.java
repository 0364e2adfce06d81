package com.leadline.partners.internal;

import com.leadline.accounts.AccountOpened;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.platform.CallerContext;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A sign-up through an agency's referral link gives that agency Admin access, in the sign-up's own transaction. */
@Component
class ReferralGrants {

    private final GrantStore grants;
    private final AuditLog audit;
    private final Clock clock;

    ReferralGrants(GrantStore grants, AuditLog audit, Clock clock) {
        this.grants = grants;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(AccountOpened opened) {
        if (opened.referringAgencyId() != null) {
            CallerContext.runAsSystem("partner referral", () -> grantReferringAgency(opened));
        }
    }

    private void grantReferringAgency(AccountOpened opened) {
        grants.insert(opened.accountId(), opened.referringAgencyId(), GrantStore.Level.ADMIN, opened.ownerId(), clock.instant());
        audit.record(AuditEntry.of("partner.grant_created", Outcome.SUCCESS).inAccount(opened.accountId())
                .by(opened.ownerId()).on("agency", opened.referringAgencyId())
                .with(Map.of("level", GrantStore.Level.ADMIN.code(), "via", "referral")));
    }
}
