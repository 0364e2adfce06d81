package com.leadline.team.internal;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.AccountNames;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities;
import com.leadline.identity.Identities.UserStatus;
import com.leadline.identity.Identities.UserView;
import com.leadline.mail.Mailer;
import com.leadline.mail.OutgoingMail;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.Links;
import com.leadline.platform.RequestRefusedException;
import com.leadline.platform.SecureTokens;
import com.leadline.platform.SessionSignIn;
import com.leadline.platform.Tenancy;
import com.leadline.platform.TooManyRequestsException;
import com.leadline.team.Actor;
import com.leadline.team.ConversationHandover;
import com.leadline.team.PartnerAccess;
import com.leadline.team.Permission;
import com.leadline.team.Role;
import com.leadline.team.TeamSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Team use cases: invite, resend, cancel, accept, edit, deactivate, and support's reactivation. One transaction each. */
@Service
class TeamService implements TeamSupport {

    static final Duration INVITATION_VALIDITY = Duration.ofHours(72);
    static final int RESENDS_PER_DAY = 5;
    static final int INVITATIONS_PER_ADMIN_PER_DAY = 200;
    static final int INVITATION_EMAILS_PER_ACCOUNT_PER_HOUR = 50;
    private static final Duration ACCOUNT_SENDING_WINDOW = Duration.ofHours(1);
    static final int MAX_NAME = 200;
    static final String ALL_PROFILES = "all";
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    record InviteCommand(String name, String email, String role, String profile) {
    }

    record EditCommand(String name, String email, String role, List<String> profiles) {
    }

    /** A member as the edit modal and the API show them. */
    record MemberDetails(UserView user, Role role, Set<UUID> profileIds, Optional<TeamStore.Invitation> openInvitation,
                         boolean deactivatable) {
    }

    record DeactivationPreview(UUID userId, String name, int openConversations, List<UserView> handoverCandidates) {
    }

    private final TeamStore team;
    private final PartnerAccess partners;
    private final Identities identities;
    private final AccountNames accountNames;
    private final ConversationHandover conversations;
    private final Mailer mailer;
    private final Links links;
    private final AuditLog audit;
    private final SessionSignIn sessions;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TeamService(TeamStore team, PartnerAccess partners, Identities identities, AccountNames accountNames, ConversationHandover conversations,
                Mailer mailer, Links links, AuditLog audit, SessionSignIn sessions, Tenancy tenancy,
                TransactionTemplate transactions, Clock clock) {
        this.team = team;
        this.partners = partners;
        this.identities = identities;
        this.accountNames = accountNames;
        this.conversations = conversations;
        this.mailer = mailer;
        this.links = links;
        this.audit = audit;
        this.sessions = sessions;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
    }

    // Inviting

    UUID invite(Actor actor, InviteCommand command, String ip) {
        actor.require(Permission.INVITE_USERS);
        return transactions.execute(status -> {
            Map<String, String> errors = new LinkedHashMap<>();
            String name = validName(command.name(), errors);
            String email = freeEmail(command.email(), null, errors);
            Role role = grantableBy(actor, command.role(), errors);
            Set<UUID> profiles = invitedProfiles(actor, command.profile(), errors);
            if (!errors.isEmpty()) {
                throw RequestRefusedException.invalid(errors);
            }
            return createInvitation(actor.accountId(), actor.userId(), actor.userId(), actor.name(), name, email, role,
                    profiles, ip, Map.of());
        });
    }

    @Override
    public UUID inviteFirstAdmin(UUID agencyId, String rawName, String rawEmail, UUID staffId, String ip) {
        return transactions.execute(status -> {
            Map<String, String> errors = new LinkedHashMap<>();
            String name = validName(rawName, errors);
            String email = freeEmail(rawEmail, null, errors);
            if (!errors.isEmpty()) {
                Map<String, String> renamed = new LinkedHashMap<>();
                errors.forEach((field, message) -> renamed.put(field.equals("name") ? "adminName" : "adminEmail", message));
                throw RequestRefusedException.invalid(renamed);
            }
            return createInvitation(agencyId, null, staffId, "Leadline support", name, email, Role.ADMIN, Set.of(), ip,
                    Map.of("supportStaff", staffId.toString()));
        });
    }

    /** An invited user with their role and memberships, the hashed link, its sending and the email: one transaction. */
    private UUID createInvitation(UUID accountId, UUID inviterUserId, UUID sentBy, String inviterName, String name, String email,
                                  Role role, Set<UUID> profiles, String ip, Map<String, String> auditDetails) {
        Instant now = clock.instant();
        team.lockInvitationSendsOf(accountId);
        if (team.invitationsCreatedBySince(sentBy, now.minus(Duration.ofDays(1))) >= INVITATIONS_PER_ADMIN_PER_DAY) {
            throw new TooManyRequestsException(Duration.ofHours(1));
        }
        requireHourlySendingRoom(accountId, now);
        UUID userId = identities.createInvitedUser(accountId, email, name);
        team.addMember(accountId, userId, role, now);
        team.addMemberships(accountId, userId, profiles, now);
        UUID invitationId = UUID.randomUUID();
        String token = SecureTokens.newToken();
        team.insertInvitation(invitationId, accountId, userId, email, SecureTokens.hash(token), sentBy, now,
                now.plus(INVITATION_VALIDITY));
        team.recordSend(accountId, invitationId, sentBy, false, now);
        sendInvitation(accountId, email, name, inviterName, token, now);
        Map<String, String> details = new LinkedHashMap<>(auditDetails);
        details.put("role", role.code());
        details.put("profiles", String.valueOf(profiles.size()));
        audit.record(AuditEntry.of("invitation.sent", Outcome.SUCCESS).inAccount(accountId).by(inviterUserId)
                .on("user", userId).from(ip).with(details));
        return userId;
    }

    void resend(Actor actor, UUID userId, String ip) {
        actor.require(Permission.MANAGE_INVITATIONS);
        transactions.executeWithoutResult(status -> {
            UserView invitee = visibleUser(actor, userId);
            reissue(actor.accountId(), invitee, actor.userId(), actor.name(), ip, Map.of());
        });
    }

    private void reissue(UUID accountId, UserView invitee, UUID sentBy, String inviterName, String ip,
                         Map<String, String> auditDetails) {
        TeamStore.Invitation invitation = team.openInvitationOf(invitee.id())
                .orElseThrow(() -> RequestRefusedException.conflict("Only a pending invitation can be sent again."));
        Instant now = clock.instant();
        team.lockInvitationSendsOf(accountId);
        if (team.resendsSince(invitation.id(), now.minus(Duration.ofDays(1))) >= RESENDS_PER_DAY) {
            throw new TooManyRequestsException(Duration.ofHours(1));
        }
        requireHourlySendingRoom(accountId, now);
        String token = SecureTokens.newToken();
        team.reissue(invitation.id(), invitee.email(), SecureTokens.hash(token), now, now.plus(INVITATION_VALIDITY));
        team.recordSend(accountId, invitation.id(), sentBy, true, now);
        sendInvitation(accountId, invitee.email(), invitee.name(), inviterName, token, now);
        audit.record(AuditEntry.of("invitation.resent", Outcome.SUCCESS).inAccount(accountId).by(sentBy)
                .on("user", invitee.id()).from(ip).with(auditDetails));
    }

    void cancel(Actor actor, UUID userId, String ip) {
        actor.require(Permission.MANAGE_INVITATIONS);
        transactions.executeWithoutResult(status -> {
            UserView invitee = visibleUser(actor, userId);
            TeamStore.Invitation invitation = team.openInvitationOf(invitee.id())
                    .orElseThrow(() -> RequestRefusedException.conflict("Only a pending invitation can be cancelled."));
            team.revoke(invitation.id(), clock.instant());
            team.removeMember(invitee.id());
            identities.forgetInvitedUser(invitee.id());
            audit.record(AuditEntry.of("invitation.cancelled", Outcome.SUCCESS).inAccount(actor.accountId())
                    .by(actor.userId()).on("user", invitee.id()).from(ip).with(Map.of("email", invitee.email())));
        });
    }

    /**
     * Every invitation email sent in the account's name counts toward its hourly allowance, whoever sends
     * it: first sendings and resends, by its own people, by partner users and by support staff. The count is
     * of the sends recorded in the last hour (a sliding hour), taken under the account's sending lock (the
     * caller holds it, so the daily limits counted before are exact too); when the allowance is used up,
     * the answer says how long until the oldest of those sends leaves the hour.
     */
    private void requireHourlySendingRoom(UUID accountId, Instant now) {
        team.nthLatestSendSince(accountId, INVITATION_EMAILS_PER_ACCOUNT_PER_HOUR, now.minus(ACCOUNT_SENDING_WINDOW))
                .ifPresent(oldestCounted -> {
                    throw new TooManyRequestsException(Duration.between(now, oldestCounted.plus(ACCOUNT_SENDING_WINDOW)));
                });
    }

    private void sendInvitation(UUID accountId, String email, String name, String inviterName, String token, Instant now) {
        String business = accountNames.nameOf(accountId);
        mailer.queue(new OutgoingMail(email, "You're invited to " + business + " on Leadline", """
                Hello %s,

                %s invited you to join %s on Leadline, the shared inbox for their leads.

                To accept, open this link and choose a password:

                %s

                The link works once, until %s (72 hours). If it has expired, ask %s to send a new one.
                """.formatted(name, inviterName, business, links.to("/invitations/accept", "token", token),
                EXPIRY.format(now.plus(INVITATION_VALIDITY)), inviterName)));
    }

    // Accepting (public: the link is the credential)

    record PendingInvitation(UUID accountId, String businessName, String email, String name) {
    }

    Optional<PendingInvitation> pendingInvitation(String token) {
        if (!SecureTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return transactions.execute(status -> invitationAccount(token).flatMap(accountId -> tenancy.inAccount(accountId,
                () -> team.usable(SecureTokens.hash(token), clock.instant())
                        .flatMap(invitation -> identities.user(invitation.userId())
                                .filter(user -> user.status() == UserStatus.INVITED && user.email().equals(invitation.email()))
                                .map(user -> new PendingInvitation(accountId, accountNames.nameOf(accountId), user.email(),
                                        user.name()))))));
    }

    private Optional<UUID> invitationAccount(String token) {
        return team.invitationAccount(SecureTokens.hash(token));
    }

    /**
     * @return the new user to sign in, or empty when the link is not (or no longer) usable
     * @throws com.leadline.identity.PasswordRejectedException when the password breaks the rules (nothing is used up)
     */
    Optional<AuthenticatedUser> accept(String token, String rawName, String password, String ip) {
        if (!SecureTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = validName(rawName, errors);
        if (!errors.isEmpty()) {
            throw RequestRefusedException.invalid(errors);
        }
        return transactions.execute(status -> invitationAccount(token).flatMap(accountId -> tenancy.inAccount(accountId, () -> {
            Optional<TeamStore.Invitation> accepted = team.accept(SecureTokens.hash(token), clock.instant());
            if (accepted.isEmpty()) {
                return Optional.<AuthenticatedUser>empty();
            }
            TeamStore.Invitation invitation = accepted.get();
            UserView invitee = identities.user(invitation.userId()).orElseThrow();
            if (invitee.status() != UserStatus.INVITED || !invitee.email().equals(invitation.email())) {
                status.setRollbackOnly();
                return Optional.<AuthenticatedUser>empty();
            }
            identities.activateInvitedUser(invitee.id(), name, password);
            audit.record(AuditEntry.of("invitation.accepted", Outcome.SUCCESS).inAccount(accountId).by(invitee.id())
                    .on("user", invitee.id()).from(ip));
            return Optional.of(AuthenticatedUser.atHome(invitee.id(), accountId, name, invitee.email()));
        })));
    }

    // Editing

    MemberDetails details(Actor actor, UUID userId) {
        actor.require(Permission.VIEW_TEAM);
        return transactions.execute(status -> {
            UserView user = visibleUser(actor, userId);
            Role role = team.roleOf(userId).orElseThrow(RequestRefusedException::notFound);
            boolean deactivatable = actor.can(Permission.DEACTIVATE_USERS) && role != Role.OWNER
                    && !userId.equals(actor.userId()) && user.status() == UserStatus.ACTIVE;
            return new MemberDetails(user, role, team.memberProfiles(userId), team.openInvitationOf(userId), deactivatable);
        });
    }

    void edit(Actor actor, UUID userId, EditCommand command, String ip) {
        actor.require(Permission.EDIT_USERS);
        transactions.executeWithoutResult(status -> {
            UserView target = visibleUser(actor, userId);
            Role targetRole = team.roleOf(userId).orElseThrow(RequestRefusedException::notFound);
            if (targetRole == Role.OWNER && !actor.userId().equals(userId)) {
                throw RequestRefusedException.forbidden("Only the owner can edit the owner's details.");
            }
            Map<String, String> errors = new LinkedHashMap<>();
            String name = validName(command.name(), errors);
            String email = freeEmail(command.email(), target, errors);
            Role role = targetRole == Role.OWNER ? Role.OWNER : grantableBy(actor, command.role(), errors);
            if (targetRole == Role.OWNER && command.role() != null && !command.role().isBlank()
                    && !Role.OWNER.code().equals(command.role().strip())) {
                throw RequestRefusedException.forbidden("The owner's role can't be changed.");
            }
            Set<UUID> requested = profileIds(actor, command.profiles(), errors);
            if (!errors.isEmpty()) {
                throw RequestRefusedException.invalid(errors);
            }
            Map<String, String> changes = new LinkedHashMap<>();
            if (!name.equals(target.name())) {
                identities.rename(userId, name);
                changes.put("name", "changed");
            }
            if (!email.equals(target.email())) {
                identities.changeEmail(userId, email);
                changes.put("email", "changed");
            }
            if (role != targetRole) {
                team.changeRole(userId, role);
                audit.record(AuditEntry.of("user.role_changed", Outcome.SUCCESS).inAccount(actor.accountId())
                        .by(actor.userId()).on("user", userId).from(ip)
                        .with(Map.of("from", targetRole.code(), "to", role.code())));
            }
            Set<UUID> current = team.memberProfiles(userId);
            Set<UUID> toAdd = new HashSet<>(requested);
            toAdd.removeAll(current);
            Set<UUID> toRemove = new HashSet<>(current);
            toRemove.retainAll(actor.profileIds());
            toRemove.removeAll(requested);
            if (targetRole != Role.OWNER && (!toAdd.isEmpty() || !toRemove.isEmpty())) {
                team.addMemberships(actor.accountId(), userId, toAdd, clock.instant());
                team.removeMemberships(userId, toRemove);
                audit.record(AuditEntry.of("user.memberships_changed", Outcome.SUCCESS).inAccount(actor.accountId())
                        .by(actor.userId()).on("user", userId).from(ip)
                        .with(Map.of("added", String.valueOf(toAdd.size()), "removed", String.valueOf(toRemove.size()))));
            }
            if (!changes.isEmpty()) {
                audit.record(AuditEntry.of("user.edited", Outcome.SUCCESS).inAccount(actor.accountId()).by(actor.userId())
                        .on("user", userId).from(ip).with(changes));
            }
            if (changes.containsKey("email") && target.status() == UserStatus.INVITED) {
                // The link is bound to the invited address: a new address gets a new link, the old one dies.
                reissue(actor.accountId(), identities.user(userId).orElseThrow(), actor.userId(), actor.name(), ip,
                        Map.of("reason", "email changed"));
            }
        });
    }

    // Deactivating

    /**
     * What happens to the open conversations of the person deactivated. KEEP is the seed's path: they stay
     * assigned to the deactivated person, as history, until an admin finds and transfers them.
     */
    enum Handover {
        KEEP, UNASSIGNED, MEMBER;

        static Optional<Handover> parse(String code) {
            String choice = code == null || code.isBlank() ? "keep" : code.strip();
            return java.util.Arrays.stream(values()).filter(value -> value.code().equals(choice)).findFirst();
        }

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    DeactivationPreview previewDeactivation(Actor actor, UUID userId) {
        actor.require(Permission.DEACTIVATE_USERS);
        return transactions.execute(status -> {
            UserView target = deactivatable(actor, userId);
            List<UserView> candidates = handoverCandidates(actor, userId).stream()
                    .map(id -> identities.user(id).orElseThrow())
                    .sorted(java.util.Comparator.comparing(UserView::name, String.CASE_INSENSITIVE_ORDER))
                    .toList();
            return new DeactivationPreview(userId, target.name(), conversations.openConversationsAssignedTo(userId), candidates);
        });
    }

    /**
     * Who may take over all of the person's open conversations: active people the actor sees who work in
     * every profile those conversations are in (otherwise some would land with someone who can't see them).
     */
    private List<UUID> handoverCandidates(Actor actor, UUID userId) {
        Set<UUID> visibleToActor = Set.copyOf(team.activeMembersOf(actor.profileIds()));
        return team.activeWorkersOfEvery(conversations.profilesOfOpenConversationsAssignedTo(userId)).stream()
                .filter(id -> !id.equals(userId) && visibleToActor.contains(id))
                .toList();
    }

    /**
     * @param handover "keep" (also when blank), "unassigned" or "member"
     * @param transferTo the member's id, given with "member" and only then
     * @return how many open conversations stay with the deactivated person
     */
    int deactivate(Actor actor, UUID userId, String handover, String transferTo, String ip) {
        actor.require(Permission.DEACTIVATE_USERS);
        int kept = transactions.execute(status -> {
            UserView target = deactivatable(actor, userId);
            Handover choice = Handover.parse(handover).orElseThrow(() -> RequestRefusedException.invalid(Map.of("handover",
                    "Choose what happens to their open conversations: keep, unassigned or member.")));
            Optional<UUID> member = handoverMember(actor, userId, choice, transferTo);
            int held = conversations.openConversationsAssignedTo(userId);
            if (choice != Handover.KEEP) {
                conversations.transferOpenConversations(userId, member);
            }
            identities.setActive(userId, false);
            audit.record(AuditEntry.of("user.deactivated", Outcome.SUCCESS).inAccount(actor.accountId()).by(actor.userId())
                    .on("user", target.id()).from(ip).with(Map.of("openConversations", String.valueOf(held),
                            "handover", choice.code(), "transferredTo", member.map(UUID::toString).orElse(choice.code()))));
            return choice == Handover.KEEP ? held : 0;
        });
        sessions.endSessionsOf(userId, null);
        return kept;
    }

    private Optional<UUID> handoverMember(Actor actor, UUID userId, Handover choice, String transferTo) {
        boolean given = transferTo != null && !transferTo.isBlank();
        if (choice != Handover.MEMBER) {
            if (given) {
                throw RequestRefusedException.invalid(Map.of("transferTo", "Name a member only when giving the conversations to a member."));
            }
            return Optional.empty();
        }
        Optional<UUID> member = given ? parsedId(transferTo) : Optional.empty();
        if (member.isEmpty() || !handoverCandidates(actor, userId).contains(member.get())) {
            throw RequestRefusedException.invalid(Map.of("transferTo",
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
    List<ConversationHandover.Holding> conversationsHeldByDeactivated(Actor actor) {
        actor.require(Permission.VIEW_TEAM);
        return conversations.openHeldByDeactivatedUsers(actor);
    }

    private UserView deactivatable(Actor actor, UUID userId) {
        UserView target = visibleUser(actor, userId);
        if (target.id().equals(actor.userId())) {
            throw RequestRefusedException.forbidden("You can't deactivate yourself.");
        }
        if (team.roleOf(userId).orElseThrow() == Role.OWNER) {
            throw RequestRefusedException.forbidden("The owner can't be deactivated.");
        }
        if (target.status() == UserStatus.INVITED) {
            throw RequestRefusedException.conflict("This person hasn't accepted the invitation yet: cancel the invitation instead.");
        }
        if (target.status() == UserStatus.DEACTIVATED) {
            throw RequestRefusedException.conflict("This user is already deactivated.");
        }
        return target;
    }

    // Support staff

    @Override
    public List<Admin> activeAdminsOf(UUID accountId) {
        return transactions.execute(status -> tenancy.inAccount(accountId, team::activeAdmins));
    }

    @Override
    public Optional<MemberFacts> facts(UUID accountId, UUID userId) {
        return transactions.execute(status -> tenancy.inAccount(accountId, () -> identities.user(userId).map(user -> {
            Role role = team.roleOf(userId).orElse(Role.MEMBER);
            String state = switch (user.status()) {
                case ACTIVE -> "Active";
                case DEACTIVATED -> "Deactivated";
                case INVITED -> team.openInvitationOf(userId)
                        .map(i -> i.expiresAt().isAfter(clock.instant()) ? "Invited (expires " + EXPIRY.format(i.expiresAt()) + ")"
                                : "Invitation expired")
                        .orElse("Invited");
            };
            return new MemberFacts(userId, accountId, accountNames.nameOf(accountId), user.name(), user.email(), role, state);
        })));
    }

    @Override
    public void reactivate(UUID accountId, UUID userId, UUID staffId, String ip) {
        transactions.executeWithoutResult(status -> tenancy.inAccount(accountId, () -> {
            UserView user = identities.user(userId).orElseThrow(RequestRefusedException::notFound);
            if (user.status() != UserStatus.DEACTIVATED) {
                throw RequestRefusedException.conflict("Only a deactivated user can be reactivated.");
            }
            identities.setActive(userId, true);
            audit.record(AuditEntry.of("user.reactivated", Outcome.SUCCESS).inAccount(accountId).on("user", userId)
                    .from(ip).with(Map.of("supportStaff", staffId.toString())));
        }));
    }

    @Override
    public void resendInvitation(UUID accountId, UUID userId, UUID staffId, String ip) {
        transactions.executeWithoutResult(status -> tenancy.inAccount(accountId, () -> {
            UserView invitee = identities.user(userId).orElseThrow(RequestRefusedException::notFound);
            reissue(accountId, invitee, staffId, "Leadline support", ip, Map.of("supportStaff", staffId.toString()));
        }));
    }

    // Rules shared by the use cases

    /** A user of the actor's account the actor may see: the owner sees everyone, others those who share a profile. */
    private UserView visibleUser(Actor actor, UUID userId) {
        Optional<UserView> found = identities.user(userId);
        if (found.isEmpty() && partners.partnerMembers().stream().anyMatch(partner -> partner.userId().equals(userId))) {
            throw RequestRefusedException.forbidden("Partner users are managed by their agency: they can't be edited, "
                    + "removed or deactivated here. Change the agency's access level instead.");
        }
        UserView user = found.orElseThrow(RequestRefusedException::notFound);
        boolean visible = actor.seesEveryProfile() || user.id().equals(actor.userId()) || team.sharesAProfile(userId, actor.profileIds());
        if (!visible) {
            throw RequestRefusedException.notFound();
        }
        return user;
    }

    private static String validName(String raw, Map<String, String> errors) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.put("name", "Enter a name (up to " + MAX_NAME + " characters).");
        }
        return name;
    }

    /** A normalised address no other user holds (the current holder may keep it). */
    private String freeEmail(String raw, UserView current, Map<String, String> errors) {
        String email = EmailAddresses.normalize(raw);
        if (!EmailAddresses.isPlausible(email)) {
            errors.put("email", "Enter an email address like name@example.com.");
            return email;
        }
        if (current != null && current.email().equals(email)) {
            return email;
        }
        identities.statusOfEmail(email).ifPresent(holder -> errors.put("email", holder == UserStatus.DEACTIVATED
                ? "This address belongs to a deactivated user. Contact support to reactivate them."
                : "This address already belongs to a Leadline user."));
        return email;
    }

    private static Role grantableBy(Actor actor, String code, Map<String, String> errors) {
        Optional<Role> role = Role.grantable(code);
        if (role.isEmpty()) {
            errors.put("role", "Choose Admin or Team member.");
            return Role.MEMBER;
        }
        if (!role.get().isAtMost(actor.role())) {
            errors.put("role", "You can't give a role above your own.");
        }
        return role.get();
    }

    private Set<UUID> invitedProfiles(Actor actor, String choice, Map<String, String> errors) {
        if (choice == null || choice.isBlank() || ALL_PROFILES.equals(choice.strip())) {
            // A partner agency has no profiles: its users are invited to the agency alone.
            if (actor.profileIds().isEmpty() && !team.allProfiles().isEmpty()) {
                errors.put("profile", "You aren't a member of any profile yet.");
            }
            return actor.profileIds();
        }
        return profileIds(actor, List.of(choice), errors);
    }

    private static Set<UUID> profileIds(Actor actor, List<String> choices, Map<String, String> errors) {
        Set<UUID> ids = new HashSet<>();
        for (String choice : choices == null ? List.<String>of() : choices) {
            try {
                UUID id = UUID.fromString(choice.strip());
                if (!actor.canManageProfile(id)) {
                    errors.put("profile", "Choose among the profiles you manage.");
                }
                ids.add(id);
            } catch (IllegalArgumentException malformed) {
                errors.put("profile", "Choose among the profiles you manage.");
            }
        }
        return ids;
    }
}
