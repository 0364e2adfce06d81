package com.leadline.team.internal.member;

import com.leadline.identity.AccountNames;
import com.leadline.identity.Identities;
import com.leadline.platform.Tenancy;
import com.leadline.team.Role;
import com.leadline.team.TeamSupport;
import com.leadline.team.internal.MembershipStore;
import com.leadline.team.internal.invitation.InvitationService;
import com.leadline.team.internal.invitation.InvitationStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The team's port for support staff: answers what support reads here and hands its changes to the use cases. */
@Service
class TeamSupportService implements TeamSupport {

    private final MembershipStore memberships;
    private final InvitationStore invitationStore;
    private final InvitationService invitations;
    private final DeactivationService deactivations;
    private final Identities identities;
    private final AccountNames accountNames;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TeamSupportService(MembershipStore memberships, InvitationStore invitationStore, InvitationService invitations, DeactivationService deactivations,
                       Identities identities, AccountNames accountNames, Tenancy tenancy,
                       TransactionTemplate transactions, Clock clock) {
        this.memberships = memberships;
        this.invitationStore = invitationStore;
        this.invitations = invitations;
        this.deactivations = deactivations;
        this.identities = identities;
        this.accountNames = accountNames;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<Admin> activeAdminsOf(UUID accountId) {
        return transactions.execute(status -> tenancy.inAccount(accountId, memberships::activeAdmins));
    }

    @Override
    public Optional<MemberFacts> facts(UUID accountId, UUID userId) {
        return transactions.execute(status -> tenancy.inAccount(accountId, () -> identities.user(userId).map(user -> {
            Role role = memberships.roleOf(userId).orElse(Role.MEMBER);
            String state = switch (user.status()) {
                case ACTIVE -> "Active";
                case DEACTIVATED -> "Deactivated";
                case INVITED -> invitationStore.openInvitationOf(userId)
                        .map(i -> i.expiresAt().isAfter(clock.instant())
                                ? "Invited (expires " + InvitationService.EXPIRY.format(i.expiresAt()) + ")"
                                : "Invitation expired")
                        .orElse("Invited");
            };
            return new MemberFacts(userId, accountId, accountNames.nameOf(accountId), user.name(), user.email(), role, state);
        })));
    }

    @Override
    public void reactivate(UUID accountId, UUID userId, UUID staffId) {
        deactivations.reactivate(accountId, userId, staffId);
    }

    @Override
    public void resendInvitation(UUID accountId, UUID userId, UUID staffId) {
        invitations.resendForSupport(accountId, userId, staffId);
    }

    @Override
    public UUID inviteFirstAdmin(UUID agencyId, String name, String email, UUID staffId) {
        return invitations.inviteFirstAdmin(agencyId, name, email, staffId);
    }
}
