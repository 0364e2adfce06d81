package com.leadline.team.internal.invitation;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.CallerContext;
import com.leadline.platform.ConflictException;
import com.leadline.platform.SecureTokens;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import com.leadline.team.Invitations;
import com.leadline.team.Role;
import com.leadline.team.internal.TeamRules;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Invitations} by the invitation use cases. */
@Component
class InvitationsAdapter implements Invitations {

    private final InvitationService invitations;
    private final InvitationAcceptance acceptance;
    private final InvitationStore store;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InvitationsAdapter(InvitationService invitations, InvitationAcceptance acceptance, InvitationStore store, Tenancy tenancy,
                       TransactionTemplate transactions, Clock clock) {
        this.invitations = invitations;
        this.acceptance = acceptance;
        this.store = store;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public UUID invite(Actor inviter, String name, String email, Role role, UUID profileId) {
        String profile = profileId == null ? TeamRules.ALL_PROFILES : profileId.toString();
        return invitations.invite(inviter, new InvitationService.InviteCommand(name, email, role.code(), profile));
    }

    /**
     * The emailed link's token is kept only as a hash, so the invitation gets a link of our own (same
     * expiry; the emailed one stops working) and is accepted with it, as the invitee would.
     */
    @Override
    public AuthenticatedUser acceptPending(UUID accountId, UUID inviteeId, String name, String password) {
        if (!CallerContext.current().isSystem()) {
            // Without the emailed link this activates anyone invited: never something a person's request may do.
            throw new IllegalStateException("Only a system actor accepts an invitation without its link");
        }
        String token = SecureTokens.newToken();
        transactions.executeWithoutResult(status -> tenancy.inAccount(accountId, () -> {
            InvitationStore.Invitation invitation = store.openInvitationOf(inviteeId)
                    .orElseThrow(() -> new ConflictException("Only a pending invitation can be accepted."));
            store.reissue(invitation.id(), invitation.email(), SecureTokens.hash(token), clock.instant(), invitation.expiresAt());
        }));
        return acceptance.accept(token, name, password)
                .orElseThrow(() -> new ConflictException("The invitation has expired."));
    }
}
