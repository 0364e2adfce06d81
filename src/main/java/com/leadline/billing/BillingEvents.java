package com.leadline.billing;

import com.leadline.accounts.Profiles.Plan;
import java.time.Instant;
import java.util.UUID;

/**
 * The billing module's port for the changes a bill depends on that other modules make: the profiles module
 * calls it when a profile is added, archived or restored and when its plan changes. Each call writes one
 * billing event inside the caller's transaction (an error without one), so the event commits or rolls back
 * with the change. Team changes (invitations, acceptances, deactivations, reactivations) and sign-up reach
 * billing as the team's and the accounts' in-transaction events instead. See docs/billing.md.
 *
 * @param actorUserId who made the change (null when nobody of the account did)
 */
public interface BillingEvents {

    void profileAdded(UUID accountId, UUID profileId, Plan plan, UUID actorUserId, Instant at);

    void profileArchived(UUID accountId, UUID profileId, Plan plan, UUID actorUserId, Instant at);

    void profileRestored(UUID accountId, UUID profileId, Plan plan, UUID actorUserId, Instant at);

    void planChanged(UUID accountId, UUID profileId, Plan from, Plan to, UUID actorUserId, Instant at);
}
