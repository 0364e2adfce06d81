package com.leadline.team.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.ConflictException;
import com.leadline.platform.SecureTokens;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import com.leadline.team.Invitations;
import com.leadline.team.Role;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Invitations} by the invitation use cases. */
@Component
class InvitationsAdapter implements Invitations {

    /** The invitation use cases still take the client's address, which the audit log now reads from the caller's context. */
    private static final String UNUSED_ADDRESS = null;

    private final InvitationService invitations;
    private final InvitationAcceptance acceptance;
    private final TeamStore team;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InvitationsAdapter(InvitationService invitations, InvitationAcceptance acceptance, TeamStore team, Tenancy tenancy,
                       TransactionTemplate transactions, Clock clock) {
        this.invitations = invitations;
        this.acceptance = acceptance;
        this.team = team;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public UUID invite(Actor inviter, String name, String email, Role role, UUID profileId) {
        String profile = profileId == null ? TeamRules.ALL_PROFILES : profileId.toString();
        return invitations.invite(inviter, new InvitationService.InviteCommand(name, email, role.code(), profile),
                UNUSED_ADDRESS);
    }

    /**
     * The emailed link's token is kept only as a hash, so the invitation gets a link of our own (same
     * expiry; the emailed one stops working) and is accepted with it, as the invitee would.
     */
    @Override
    public AuthenticatedUser acceptPending(UUID accountId, UUID inviteeId, String name, String password) {
        String token = SecureTokens.newToken();
        transactions.executeWithoutResult(status -> tenancy.inAccount(accountId, () -> {
            TeamStore.Invitation invitation = team.openInvitationOf(inviteeId)
                    .orElseThrow(() -> new ConflictException("Only a pending invitation can be accepted."));
            team.reissue(invitation.id(), invitation.email(), SecureTokens.hash(token), clock.instant(), invitation.expiresAt());
        }));
        return acceptance.accept(token, name, password, UNUSED_ADDRESS)
                .orElseThrow(() -> new ConflictException("The invitation has expired."));
    }
}
