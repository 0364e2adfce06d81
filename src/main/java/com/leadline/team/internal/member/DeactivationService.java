package com.leadline.team.internal.member;

import com.leadline.platform.NotAllowedException;
import com.leadline.platform.NotFoundException;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.Identities;
import com.leadline.identity.Identities.UserStatus;
import com.leadline.identity.Identities.UserView;
import com.leadline.platform.ConflictException;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.Refusal;
import com.leadline.platform.SessionSignIn;
import com.leadline.platform.Tenancy;
import com.leadline.team.Actor;
import com.leadline.team.ConversationHandover;
import com.leadline.team.MemberDeactivated;
import com.leadline.team.MemberReactivated;
import com.leadline.team.MemberFacts;
import com.leadline.team.Permission;
import com.leadline.team.Role;
import com.leadline.team.internal.MembershipStore;
import com.leadline.team.internal.TeamRules;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Deactivating a member, with the handover of their open conversations, and support's reactivation. One transaction each. */
@Service
public class DeactivationService {

    public record DeactivationPreview(UUID userId, String name, int openConversations, List<UserView> handoverCandidates) {
    }

    /**
     * What happens to the open conversations of the person deactivated. KEEP is the seed's path: they stay
     * assigned to the deactivated person, as history, until an admin finds and transfers them.
     */
    enum Handover {
        KEEP, UNASSIGNED, MEMBER;

        static Optional<Handover> parse(String code) {
            String choice = code == null || code.isBlank() ? "keep" : code.strip();
            return Arrays.stream(values()).filter(value -> value.code().equals(choice)).findFirst();
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MembershipStore memberships;
    private final TeamRules rules;
    private final Identities identities;
    private final ConversationHandover conversations;
    private final AuditLog audit;
    private final SessionSignIn sessions;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeactivationService(MembershipStore memberships, TeamRules rules, Identities identities, ConversationHandover conversations,
                        AuditLog audit, SessionSignIn sessions, Tenancy tenancy, TransactionTemplate transactions,
                        ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.memberships = memberships;
        this.rules = rules;
        this.identities = identities;
        this.conversations = conversations;
        this.audit = audit;
        this.sessions = sessions;
        this.tenancy = tenancy;
        this.transactions = transactions;
    }

    public DeactivationPreview previewDeactivation(Actor actor, UUID userId) {
        actor.require(Permission.DEACTIVATE_USERS);
        return transactions.execute(status -> {
            UserView target = deactivatable(actor, userId);
            List<UserView> candidates = handoverCandidates(actor, userId).stream()
                    .map(id -> identities.user(id).orElseThrow())
                    .sorted(Comparator.comparing(UserView::name, String.CASE_INSENSITIVE_ORDER))
                    .toList();
            return new DeactivationPreview(userId, target.name(), conversations.openConversationsAssignedTo(userId), candidates);
        });
    }

    /**
     * Who may take over all of the person's open conversations: active people the actor sees who work in
     * every profile those conversations are in (otherwise some would land with someone who can't see them).
     */
    private List<UUID> handoverCandidates(Actor actor, UUID userId) {
        Set<UUID> visibleToActor = Set.copyOf(memberships.activeMembersOf(actor.profileIds()));
        return memberships.activeWorkersOfEvery(conversations.profilesOfOpenConversationsAssignedTo(userId)).stream()
                .filter(id -> !id.equals(userId) && visibleToActor.contains(id))
                .toList();
    }

    /**
     * @param handover "keep" (also when blank), "unassigned" or "member"
     * @param transferTo the member's id, given with "member" and only then
     * @return how many open conversations stay with the deactivated person
     */
    public int deactivate(Actor actor, UUID userId, String handover, String transferTo) {
        actor.require(Permission.DEACTIVATE_USERS);
        int kept = transactions.execute(status -> {
            UserView target = deactivatable(actor, userId);
            Handover choice = Handover.parse(handover).orElseThrow(() -> new InvalidInputException(Map.of("handover",
                    "Choose what happens to their open conversations: keep, unassigned or member.")));
            Optional<UUID> member = handoverMember(actor, userId, choice, transferTo);
            int held = conversations.openConversationsAssignedTo(userId);
            if (choice != Handover.KEEP) {
                conversations.transferOpenConversations(userId, member, actor.userId());
            }
            identities.setActive(userId, false);
            audit.record(AuditEntry.of("user.deactivated", Outcome.SUCCESS).inAccount(actor.accountId()).by(actor.userId())
                    .on("user", target.id()).with(Map.of("openConversations", String.valueOf(held),
                            "handover", choice.code(), "transferredTo", member.map(UUID::toString).orElse(choice.code()))));
            events.publishEvent(new MemberDeactivated(actor.accountId(), new MemberFacts(userId, target.name(), target.email(),
                    memberships.roleOf(userId).orElseThrow(), memberships.memberProfiles(userId)), actor.userId(), choice.code(),
                    member.orElse(null), held, clock.instant()));
            return choice == Handover.KEEP ? held : 0;
        });
        sessions.endSessionsOf(userId, null);
        return kept;
    }

    private Optional<UUID> handoverMember(Actor actor, UUID userId, Handover choice, String transferTo) {
        boolean given = transferTo != null && !transferTo.isBlank();
        if (choice != Handover.MEMBER) {
            if (given) {
                throw new InvalidInputException(Map.of("transferTo", "Name a member only when giving the conversations to a member."));
            }
            return Optional.empty();
        }
        Optional<UUID> member = given ? parsedId(transferTo) : Optional.empty();
        if (member.isEmpty() || !handoverCandidates(actor, userId).contains(member.get())) {
            throw new InvalidInputException(Map.of("transferTo",
                    "Choose an active member who works in every profile of their open conversations."));
        }
        return member;
    }

    private static Optional<UUID> parsedId(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** For the Team page: the open conversations deactivated people still hold, as far as the actor sees them. */
    public List<ConversationHandover.Holding> conversationsHeldByDeactivated(Actor actor) {
        actor.require(Permission.VIEW_TEAM);
        return conversations.openHeldByDeactivatedUsers(actor);
    }

    private UserView deactivatable(Actor actor, UUID userId) {
        UserView target = rules.visibleUser(actor, userId);
        Optional<Refusal> refusal = refusalToDeactivate(actor, target, memberships.roleOf(userId).orElseThrow());
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return target;
    }

    /**
     * Why the actor may not deactivate this person, if they may not: the one rule behind deactivating and
     * behind the member details' offer to. The permission and the person's visibility are checked apart.
     */
    static Optional<Refusal> refusalToDeactivate(Actor actor, UserView target, Role targetRole) {
        if (target.id().equals(actor.userId())) {
            return Optional.of(new NotAllowedException("You can't deactivate yourself."));
        }
        if (targetRole == Role.OWNER) {
            return Optional.of(new NotAllowedException("The owner can't be deactivated."));
        }
        return switch (target.status()) {
            case ACTIVE -> Optional.empty();
            case INVITED -> Optional.of(new ConflictException(
                    "This person hasn't accepted the invitation yet: cancel the invitation instead."));
            case DEACTIVATED -> Optional.of(new ConflictException("This user is already deactivated."));
        };
    }

    /** Support's reactivation of a deactivated user, in their account. */
    void reactivate(UUID accountId, UUID userId, UUID staffId) {
        transactions.executeWithoutResult(status -> tenancy.inAccount(accountId, () -> {
            UserView user = identities.user(userId).orElseThrow(NotFoundException::new);
            if (user.status() != UserStatus.DEACTIVATED) {
                throw new ConflictException("Only a deactivated user can be reactivated.");
            }
            identities.setActive(userId, true);
            audit.record(AuditEntry.of("user.reactivated", Outcome.SUCCESS).inAccount(accountId).on("user", userId)
                    .with(Map.of("supportStaff", staffId.toString())));
            events.publishEvent(new MemberReactivated(accountId, userId, staffId, clock.instant()));
        }));
    }
}
