package com.leadline.support.internal;

import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.accounts.Agencies;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.audit.AuditTrail;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities;
import com.leadline.mail.Mailer;
import com.leadline.mail.OutgoingMail;
import com.leadline.partners.PartnerRelationships;
import com.leadline.platform.Tenancy;
import com.leadline.team.TeamSupport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Support staff's use cases once signed in (signing in is {@link StaffSignInService}): looking a customer's
 * user up, reactivating, resending, opening an agency, ending an agency's access to a client.
 */
@Service
class SupportService {

    static final int AUDIT_ENTRIES_SHOWN = 20;
    static final int MAX_REASON = 500;

    record UserLookup(TeamSupport.MemberFacts facts, List<AuditTrail.Recorded> recentAudit,
                      List<PartnerRelationships.Relationship> partners) {
    }

    private final Identities identities;
    private final TeamSupport team;
    private final Agencies agencies;
    private final PartnerRelationships partners;
    private final AuditTrail auditTrail;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SupportService(Identities identities, TeamSupport team, Agencies agencies, PartnerRelationships partners,
                   AuditTrail auditTrail, AuditLog audit, Mailer mailer, Tenancy tenancy, TransactionTemplate transactions,
                   Clock clock) {
        this.identities = identities;
        this.team = team;
        this.agencies = agencies;
        this.partners = partners;
        this.auditTrail = auditTrail;
        this.audit = audit;
        this.mailer = mailer;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The user holding this address, with their recent audit entries; the look-up itself is audited in their account. */
    Optional<UserLookup> lookUp(StaffPrincipal staffMember, String email) {
        return identities.locate(EmailAddresses.normalize(email))
                .flatMap(ref -> team.facts(ref.accountId(), ref.userId()))
                .map(facts -> transactions.execute(status -> tenancy.inAccount(facts.accountId(), () -> {
                    audit.record(AuditEntry.of("support.user_viewed", Outcome.SUCCESS).inAccount(facts.accountId())
                            .on("user", facts.userId())
                            .with(Map.of("supportStaff", staffMember.staffId().toString())));
                    return new UserLookup(facts, auditTrail.about("user", facts.userId().toString(), AUDIT_ENTRIES_SHOWN),
                            partners.of(facts.accountId()));
                })));
    }

    /**
     * Opens a partner agency and invites its first admin, in one transaction: the admin's invitation
     * email goes out only if both exist.
     */
    UUID createAgency(StaffPrincipal staffMember, String agencyName, String adminName, String adminEmail) {
        String name = agencyName == null ? "" : agencyName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException(Map.of("agencyName", "Enter the agency's name (up to 200 characters)."));
        }
        UUID agencyId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> tenancy.inAccount(agencyId, () -> {
            agencies.open(agencyId, name, clock.instant());
            team.inviteFirstAdmin(agencyId, adminName, adminEmail, staffMember.staffId());
            audit.record(AuditEntry.of("support.agency_created", Outcome.SUCCESS).inAccount(agencyId).on("account", agencyId)
                    .with(Map.of("supportStaff", staffMember.staffId().toString())));
        }));
        return agencyId;
    }

    void reactivate(StaffPrincipal staffMember, String email) {
        Identities.UserRef user = locate(email);
        team.reactivate(user.accountId(), user.userId(), staffMember.staffId());
    }

    void resendInvitation(StaffPrincipal staffMember, String email) {
        Identities.UserRef user = locate(email);
        team.resendInvitation(user.accountId(), user.userId(), staffMember.staffId());
    }

    /**
     * Ends an agency's access to a client account (the client cannot, PERMISSIONS.md row 12), with the
     * reason on record in both accounts' audit logs; the client's active owner and admins are told by
     * email once it is done. Nothing changes unless the agency had access to that account.
     */
    void endPartnerAccess(StaffPrincipal staffMember, UUID clientId, UUID agencyId, String rawReason) {
        String reason = rawReason == null ? "" : rawReason.strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new InvalidInputException(Map.of("reason",
                    "Say why the access ends, in up to " + MAX_REASON + " characters: it goes on record in both accounts."));
        }
        transactions.executeWithoutResult(status -> {
            PartnerRelationships.Relationship ended = partners.end(clientId, agencyId).orElseThrow(NotFoundException::new);
            Map<String, String> details = Map.of("supportStaff", staffMember.staffId().toString(), "reason", reason,
                    "client", ended.clientName(), "agency", ended.agencyName(), "level", ended.levelLabel());
            audit.record(AuditEntry.of("support.partner_access_ended", Outcome.SUCCESS).inAccount(clientId)
                    .on("agency", agencyId).with(details));
            audit.record(AuditEntry.of("support.partner_access_ended", Outcome.SUCCESS).inAccount(agencyId)
                    .on("account", clientId).with(details));
            for (TeamSupport.Admin admin : team.activeAdminsOf(clientId)) {
                mailer.queue(new OutgoingMail(admin.email(), ended.agencyName() + " no longer has access to " + ended.clientName(), """
                        Hello %s,

                        Leadline support has ended the access of the partner agency %s to your Leadline account %s.
                        Its users no longer see or change anything in your account.

                        The reason support recorded: %s

                        If you did not expect this, contact Leadline support.
                        """.formatted(admin.name(), ended.agencyName(), ended.clientName(), reason)));
            }
        });
    }

    private Identities.UserRef locate(String email) {
        return identities.locate(EmailAddresses.normalize(email)).orElseThrow(NotFoundException::new);
    }
}
