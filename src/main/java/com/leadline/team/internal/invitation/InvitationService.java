package com.leadline.team.internal.invitation;

import com.leadline.platform.ConflictException;
import com.leadline.platform.NotFoundException;
import static com.leadline.team.internal.TeamRules.grantableBy;
import static com.leadline.team.internal.TeamRules.profileIds;
import static com.leadline.team.internal.TeamRules.validName;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.AccountNames;
import com.leadline.identity.Identities;
import com.leadline.identity.Identities.UserView;
import com.leadline.mail.Mailer;
import com.leadline.mail.OutgoingMail;
import com.leadline.platform.Links;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.SecureTokens;
import com.leadline.platform.Tenancy;
import com.leadline.platform.TooManyRequestsException;
import com.leadline.team.Actor;
import com.leadline.team.MemberFacts;
import com.leadline.team.MemberInvited;
import com.leadline.team.Permission;
import com.leadline.team.Role;
import com.leadline.team.internal.MembershipStore;
import com.leadline.team.internal.TeamRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitation use cases of the account's people and of support: invite, resend and cancel, with the sending
 * limits. One transaction each; accepting is {@link InvitationAcceptance}.
 */
@Service
public class InvitationService {

    static final Duration INVITATION_VALIDITY = Duration.ofHours(72);
    static final int RESENDS_PER_DAY = 5;
    static final int INVITATIONS_PER_ADMIN_PER_DAY = 200;
    static final int INVITATION_EMAILS_PER_ACCOUNT_PER_HOUR = 50;
    private static final String LIMITS_IN_WORDS = "Too many invitations have been sent for now (at most "
            + INVITATION_EMAILS_PER_ACCOUNT_PER_HOUR + " an hour for the account, " + INVITATIONS_PER_ADMIN_PER_DAY
            + " a day for each person inviting).";
    private static final Duration ACCOUNT_SENDING_WINDOW = Duration.ofHours(1);
    public static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String SUPPORT_NAME = "Leadline support";

    public record InviteCommand(String name, String email, String role, String profile) {
    }

    private final MembershipStore memberships;
    private final InvitationStore invitationStore;
    private final TeamRules rules;
    private final Identities identities;
    private final AccountNames accountNames;
    private final Mailer mailer;
    private final Links links;
    private final AuditLog audit;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    InvitationService(MembershipStore memberships, InvitationStore invitationStore, TeamRules rules, Identities identities, AccountNames accountNames, Mailer mailer,
                      Links links, AuditLog audit, Tenancy tenancy, TransactionTemplate transactions, Clock clock,
                      ApplicationEventPublisher events) {
        this.events = events;
        this.memberships = memberships;
        this.invitationStore = invitationStore;
        this.rules = rules;
        this.identities = identities;
        this.accountNames = accountNames;
        this.mailer = mailer;
        this.links = links;
        this.audit = audit;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
    }

    // Inviting

    public UUID invite(Actor actor, InviteCommand command) {
        actor.require(Permission.INVITE_USERS);
        return transactions.execute(status -> {
            Map<String, String> errors = new LinkedHashMap<>();
            String name = validName(command.name(), errors);
            String email = rules.freeEmail(command.email(), null, errors);
            Role role = grantableBy(actor, command.role(), errors);
            Set<UUID> profiles = invitedProfiles(actor, command.profile(), errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return createInvitation(actor.accountId(), actor.userId(), actor.userId(), actor.name(), name, email, role,
                    profiles, Map.of());
        });
    }

    /** Support's invitation of an agency's first admin, inside the caller's transaction and tenancy. */
    public UUID inviteFirstAdmin(UUID agencyId, String rawName, String rawEmail, UUID staffId) {
        return transactions.execute(status -> {
            Map<String, String> errors = new LinkedHashMap<>();
            String name = validName(rawName, errors);
            String email = rules.freeEmail(rawEmail, null, errors);
            if (!errors.isEmpty()) {
                Map<String, String> renamed = new LinkedHashMap<>();
                errors.forEach((field, message) -> renamed.put(field.equals("name") ? "adminName" : "adminEmail", message));
                throw new InvalidInputException(renamed);
            }
            return createInvitation(agencyId, null, staffId, SUPPORT_NAME, name, email, Role.ADMIN, Set.of(),
                    Map.of("supportStaff", staffId.toString()));
        });
    }

    private Set<UUID> invitedProfiles(Actor actor, String choice, Map<String, String> errors) {
        if (choice == null || choice.isBlank() || TeamRules.ALL_PROFILES.equals(choice.strip())) {
            // A partner agency has no profiles: its users are invited to the agency alone.
            if (actor.profileIds().isEmpty() && !memberships.allProfiles().isEmpty()) {
                errors.put("profile", "You aren't a member of any profile yet.");
            }
            return actor.profileIds();
        }
        return profileIds(actor, List.of(choice), errors);
    }

    /** An invited user with their role and memberships, the hashed link, its sending and the email: one transaction. */
    private UUID createInvitation(UUID accountId, UUID inviterUserId, UUID sentBy, String inviterName, String name, String email,
                                  Role role, Set<UUID> profiles, Map<String, String> auditDetails) {
        Instant now = clock.instant();
        invitationStore.lockInvitationSendsOf(accountId);
        if (invitationStore.invitationsCreatedBySince(sentBy, now.minus(Duration.ofDays(1))) >= INVITATIONS_PER_ADMIN_PER_DAY) {
            throw new TooManyRequestsException(Duration.ofHours(1), LIMITS_IN_WORDS);
        }
        requireHourlySendingRoom(accountId, now);
        UUID userId = identities.createInvitedUser(accountId, email, name);
        memberships.addMember(accountId, userId, role, now);
        memberships.addMemberships(accountId, userId, profiles, now);
        UUID invitationId = UUID.randomUUID();
        String token = SecureTokens.newToken();
        invitationStore.insertInvitation(invitationId, accountId, userId, email, SecureTokens.hash(token), sentBy, now,
                now.plus(INVITATION_VALIDITY));
        invitationStore.recordSend(accountId, invitationId, sentBy, false, now);
        sendInvitation(accountId, email, name, inviterName, token, now);
        Map<String, String> details = new LinkedHashMap<>(auditDetails);
        details.put("role", role.code());
        details.put("profiles", String.valueOf(profiles.size()));
        audit.record(AuditEntry.of("invitation.sent", Outcome.SUCCESS).inAccount(accountId).by(inviterUserId)
                .on("user", userId).with(details));
        events.publishEvent(new MemberInvited(accountId, new MemberFacts(userId, name, email, role, profiles), inviterUserId, now));
        return userId;
    }

    // Resending and cancelling

    public void resend(Actor actor, UUID userId) {
        actor.require(Permission.MANAGE_INVITATIONS);
        transactions.executeWithoutResult(status -> {
            UserView invitee = rules.visibleUser(actor, userId);
            reissue(actor.accountId(), invitee, actor.userId(), actor.name(), Map.of());
        });
    }

    /** Support's resend, in the invitee's account. */
    public void resendForSupport(UUID accountId, UUID userId, UUID staffId) {
        transactions.executeWithoutResult(status -> tenancy.inAccount(accountId, () -> {
            UserView invitee = identities.user(userId).orElseThrow(NotFoundException::new);
            reissue(accountId, invitee, staffId, SUPPORT_NAME, Map.of("supportStaff", staffId.toString()));
        }));
    }

    /** A new link for the invitee's open invitation, sent to their current address; the old link stops working. */
    public void reissue(UUID accountId, UserView invitee, UUID sentBy, String inviterName, Map<String, String> auditDetails) {
        InvitationStore.Invitation invitation = invitationStore.openInvitationOf(invitee.id())
                .orElseThrow(() -> new ConflictException("Only a pending invitation can be sent again."));
        Instant now = clock.instant();
        invitationStore.lockInvitationSendsOf(accountId);
        if (invitationStore.resendsSince(invitation.id(), now.minus(Duration.ofDays(1))) >= RESENDS_PER_DAY) {
            throw new TooManyRequestsException(Duration.ofHours(1));
        }
        requireHourlySendingRoom(accountId, now);
        String token = SecureTokens.newToken();
        invitationStore.reissue(invitation.id(), invitee.email(), SecureTokens.hash(token), now, now.plus(INVITATION_VALIDITY));
        invitationStore.recordSend(accountId, invitation.id(), sentBy, true, now);
        sendInvitation(accountId, invitee.email(), invitee.name(), inviterName, token, now);
        audit.record(AuditEntry.of("invitation.resent", Outcome.SUCCESS).inAccount(accountId).by(sentBy)
                .on("user", invitee.id()).with(auditDetails));
    }

    public void cancel(Actor actor, UUID userId) {
        actor.require(Permission.MANAGE_INVITATIONS);
        transactions.executeWithoutResult(status -> {
            UserView invitee = rules.visibleUser(actor, userId);
            InvitationStore.Invitation invitation = invitationStore.openInvitationOf(invitee.id())
                    .orElseThrow(() -> new ConflictException("Only a pending invitation can be cancelled."));
            invitationStore.revoke(invitation.id(), clock.instant());
            memberships.removeMember(invitee.id());
            identities.forgetInvitedUser(invitee.id());
            audit.record(AuditEntry.of("invitation.cancelled", Outcome.SUCCESS).inAccount(actor.accountId())
                    .by(actor.userId()).on("user", invitee.id()).with(Map.of("email", invitee.email())));
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
        invitationStore.nthLatestSendSince(accountId, INVITATION_EMAILS_PER_ACCOUNT_PER_HOUR, now.minus(ACCOUNT_SENDING_WINDOW))
                .ifPresent(oldestCounted -> {
                    throw new TooManyRequestsException(Duration.between(now, oldestCounted.plus(ACCOUNT_SENDING_WINDOW)), LIMITS_IN_WORDS);
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
}
