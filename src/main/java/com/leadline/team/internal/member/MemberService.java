package com.leadline.team.internal.member;

import com.leadline.platform.NotAllowedException;
import com.leadline.platform.NotFoundException;
import static com.leadline.team.internal.TeamRules.grantableBy;
import static com.leadline.team.internal.TeamRules.profileIds;
import static com.leadline.team.internal.TeamRules.validName;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.Identities;
import com.leadline.identity.Identities.UserStatus;
import com.leadline.identity.Identities.UserView;
import com.leadline.platform.InvalidInputException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import com.leadline.team.Role;
import com.leadline.team.internal.MembershipStore;
import com.leadline.team.internal.TeamRules;
import com.leadline.team.internal.invitation.InvitationService;
import com.leadline.team.internal.invitation.InvitationStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Member use cases: a member's details and their edit. One transaction each; deactivation is {@link DeactivationService}. */
@Service
public class MemberService {

    public record EditCommand(String name, String email, String role, List<String> profiles) {
    }

    /** A member as the edit modal and the API show them. */
    public record MemberDetails(UserView user, Role role, Set<UUID> profileIds, Optional<InvitationStore.Invitation> openInvitation,
                         boolean deactivatable) {
    }

    /** An edit that passed validation: what the member is to become. */
    private record ValidEdit(String name, String email, Role role, Set<UUID> profiles) {
    }

    private final MembershipStore memberships;
    private final InvitationStore invitationStore;
    private final TeamRules rules;
    private final InvitationService invitations;
    private final Identities identities;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MemberService(MembershipStore memberships, InvitationStore invitationStore, TeamRules rules, InvitationService invitations, Identities identities, AuditLog audit,
                  TransactionTemplate transactions, Clock clock) {
        this.memberships = memberships;
        this.invitationStore = invitationStore;
        this.rules = rules;
        this.invitations = invitations;
        this.identities = identities;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public MemberDetails details(Actor actor, UUID userId) {
        actor.require(Permission.VIEW_TEAM);
        return transactions.execute(status -> {
            UserView user = rules.visibleUser(actor, userId);
            Role role = memberships.roleOf(userId).orElseThrow(NotFoundException::new);
            boolean deactivatable = actor.can(Permission.DEACTIVATE_USERS)
                    && DeactivationService.refusalToDeactivate(actor, user, role).isEmpty();
            return new MemberDetails(user, role, memberships.memberProfiles(userId), invitationStore.openInvitationOf(userId), deactivatable);
        });
    }

    public void edit(Actor actor, UUID userId, EditCommand command) {
        actor.require(Permission.EDIT_USERS);
        transactions.executeWithoutResult(status -> {
            UserView target = rules.visibleUser(actor, userId);
            Role targetRole = memberships.roleOf(userId).orElseThrow(NotFoundException::new);
            ValidEdit edit = validated(actor, target, targetRole, command);
            Map<String, String> changes = renamed(target, edit);
            changeRole(actor, userId, targetRole, edit.role());
            if (targetRole != Role.OWNER) {
                changeMemberships(actor, userId, edit.profiles());
            }
            if (!changes.isEmpty()) {
                audit.record(AuditEntry.of("user.edited", Outcome.SUCCESS).inAccount(actor.accountId()).by(actor.userId())
                        .on("user", userId).with(changes));
            }
            if (changes.containsKey("email") && target.status() == UserStatus.INVITED) {
                // The link is bound to the invited address: a new address gets a new link, the old one dies.
                invitations.reissue(actor.accountId(), identities.user(userId).orElseThrow(), actor.userId(), actor.name(),
                        Map.of("reason", "email changed"));
            }
        });
    }

    /** The owner's details only the owner edits, and the owner's role stays; everything else is validated as a form. */
    private ValidEdit validated(Actor actor, UserView target, Role targetRole, EditCommand command) {
        boolean ofOwner = targetRole == Role.OWNER;
        if (ofOwner && !actor.userId().equals(target.id())) {
            throw new NotAllowedException("Only the owner can edit the owner's details.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = validName(command.name(), errors);
        String email = rules.freeEmail(command.email(), target, errors);
        Role role = ofOwner ? Role.OWNER : grantableBy(actor, command.role(), errors);
        if (ofOwner && command.role() != null && !command.role().isBlank()
                && !Role.OWNER.code().equals(command.role().strip())) {
            throw new NotAllowedException("The owner's role can't be changed.");
        }
        Set<UUID> profiles = profileIds(actor, command.profiles(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ValidEdit(name, email, role, profiles);
    }

    /** @return which of name and email changed, for the audit entry */
    private Map<String, String> renamed(UserView target, ValidEdit edit) {
        Map<String, String> changes = new LinkedHashMap<>();
        if (!edit.name().equals(target.name())) {
            identities.rename(target.id(), edit.name());
            changes.put("name", "changed");
        }
        if (!edit.email().equals(target.email())) {
            identities.changeEmail(target.id(), edit.email());
            changes.put("email", "changed");
        }
        return changes;
    }

    private void changeRole(Actor actor, UUID userId, Role from, Role to) {
        if (to != from) {
            memberships.changeRole(userId, to);
            audit.record(AuditEntry.of("user.role_changed", Outcome.SUCCESS).inAccount(actor.accountId())
                    .by(actor.userId()).on("user", userId).with(Map.of("from", from.code(), "to", to.code())));
        }
    }

    /** Only the profiles the actor works in change: memberships elsewhere are out of the actor's sight and stay. */
    private void changeMemberships(Actor actor, UUID userId, Set<UUID> requested) {
        Set<UUID> current = memberships.memberProfiles(userId);
        Set<UUID> toAdd = new HashSet<>(requested);
        toAdd.removeAll(current);
        Set<UUID> toRemove = new HashSet<>(current);
        toRemove.retainAll(actor.profileIds());
        toRemove.removeAll(requested);
        if (!toAdd.isEmpty() || !toRemove.isEmpty()) {
            memberships.addMemberships(actor.accountId(), userId, toAdd, clock.instant());
            memberships.removeMemberships(userId, toRemove);
            audit.record(AuditEntry.of("user.memberships_changed", Outcome.SUCCESS).inAccount(actor.accountId())
                    .by(actor.userId()).on("user", userId)
                    .with(Map.of("added", String.valueOf(toAdd.size()), "removed", String.valueOf(toRemove.size()))));
        }
    }
}
