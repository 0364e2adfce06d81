package com.leadline.team.internal.invitation;

import com.leadline.platform.InvalidInputException;
import static com.leadline.team.internal.TeamRules.validName;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.AccountNames;
import com.leadline.identity.Identities;
import com.leadline.identity.Identities.UserStatus;
import com.leadline.identity.Identities.UserView;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SecureTokens;
import com.leadline.platform.Tenancy;
import com.leadline.team.MemberJoined;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Accepting an invitation: public, the link is the credential. One transaction each. */
@Service
public class InvitationAcceptance {

    public record PendingInvitation(UUID accountId, String businessName, String email, String name) {
    }

    private final InvitationStore invitationStore;
    private final Identities identities;
    private final AccountNames accountNames;
    private final AuditLog audit;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    InvitationAcceptance(InvitationStore invitationStore, Identities identities, AccountNames accountNames, AuditLog audit, Tenancy tenancy,
                         TransactionTemplate transactions, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.invitationStore = invitationStore;
        this.identities = identities;
        this.accountNames = accountNames;
        this.audit = audit;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Optional<PendingInvitation> pendingInvitation(String token) {
        if (!SecureTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return transactions.execute(status -> invitationAccount(token).flatMap(accountId -> tenancy.inAccount(accountId,
                () -> invitationStore.usable(SecureTokens.hash(token), clock.instant())
                        .flatMap(invitation -> identities.user(invitation.userId())
                                .filter(user -> user.status() == UserStatus.INVITED && user.email().equals(invitation.email()))
                                .map(user -> new PendingInvitation(accountId, accountNames.nameOf(accountId), user.email(),
                                        user.name()))))));
    }

    private Optional<UUID> invitationAccount(String token) {
        return invitationStore.invitationAccount(SecureTokens.hash(token));
    }

    /**
     * @return the new user to sign in, or empty when the link is not (or no longer) usable
     * @throws InvalidInputException under "password" when the password breaks the rules (nothing is used up)
     */
    public Optional<AuthenticatedUser> accept(String token, String rawName, String password) {
        if (!SecureTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = validName(rawName, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return transactions.execute(status -> invitationAccount(token).flatMap(accountId -> tenancy.inAccount(accountId, () -> {
            Optional<InvitationStore.Invitation> accepted = invitationStore.accept(SecureTokens.hash(token), clock.instant());
            if (accepted.isEmpty()) {
                return Optional.<AuthenticatedUser>empty();
            }
            InvitationStore.Invitation invitation = accepted.get();
            UserView invitee = identities.user(invitation.userId()).orElseThrow();
            if (invitee.status() != UserStatus.INVITED || !invitee.email().equals(invitation.email())) {
                status.setRollbackOnly();
                return Optional.<AuthenticatedUser>empty();
            }
            identities.activateInvitedUser(invitee.id(), name, password);
            audit.record(AuditEntry.of("invitation.accepted", Outcome.SUCCESS).inAccount(accountId).by(invitee.id())
                    .on("user", invitee.id()));
            events.publishEvent(new MemberJoined(accountId, invitee.id(), clock.instant()));
            return Optional.of(AuthenticatedUser.atHome(invitee.id(), accountId, name, invitee.email()));
        })));
    }
}
