package com.leadline.partners.internal;

import com.leadline.platform.NotAllowedException;
import com.leadline.platform.NotFoundException;
import com.leadline.accounts.AccountKinds;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.platform.Links;
import com.leadline.platform.ConflictException;
import com.leadline.platform.InvalidInputException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Partner access from both sides: an agency's clients and referral link, a client's agencies and their level. */
@Service
class PartnerService {

    record Console(String agencyName, String referralLink, List<GrantStore.Grant> clients) {
    }

    private final GrantStore grants;
    private final AccountKinds accountKinds;
    private final Links links;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final java.time.Clock clock;
    private final GrantedPartnerAccess access;

    PartnerService(GrantStore grants, AccountKinds accountKinds, Links links, AuditLog audit, TransactionTemplate transactions,
                   java.time.Clock clock, GrantedPartnerAccess access) {
        this.clock = clock;
        this.access = access;
        this.grants = grants;
        this.accountKinds = accountKinds;
        this.links = links;
        this.audit = audit;
        this.transactions = transactions;
    }

    boolean isAgency(UUID accountId) {
        return accountKinds.isAgency(accountId);
    }

    /** The agency's console: its clients with their access level, and its referral link. Agencies only (404 elsewhere). */
    Console console(Actor actor, String agencyName) {
        return transactions.execute(status -> {
            String code = accountKinds.referralCode(actor.accountId()).filter(found -> accountKinds.isAgency(actor.accountId()))
                    .orElseThrow(NotFoundException::new);
            List<GrantStore.Grant> clients = grants.ofCurrentAccount().stream()
                    .filter(grant -> grant.agencyId().equals(actor.accountId())).toList();
            return new Console(agencyName, links.to("/signup", "partner", code), clients);
        });
    }

    /** The Team page's partner section, as the Team page itself draws it ({@link com.leadline.team.PartnerAccess#agencies()}). */
    List<com.leadline.team.PartnerAccess.AgencyAccess> agencySection(Actor actor) {
        actor.require(Permission.VIEW_TEAM);
        return access.agencies();
    }

    /** The agencies with access to the actor's (client) account. */
    List<GrantStore.Grant> agencies(Actor actor) {
        actor.require(Permission.VIEW_TEAM);
        return transactions.execute(status -> grants.agenciesOfCurrentAccount());
    }

    void switchLevel(Actor actor, UUID agencyId, String levelCode) {
        transactions.executeWithoutResult(status -> {
            GrantStore.Grant grant = grantOf(actor, agencyId);
            actor.require(Permission.SWITCH_PARTNER_LEVEL);
            GrantStore.Level level = GrantStore.Level.of(levelCode)
                    .orElseThrow(() -> new InvalidInputException(Map.of("level", "Choose Admin or Read only.")));
            if (level != grant.level()) {
                grants.changeLevel(actor.accountId(), agencyId, level);
                audit.record(AuditEntry.of("partner.level_changed", Outcome.SUCCESS).inAccount(actor.accountId())
                        .by(actor.userId()).on("agency", agencyId)
                        .with(Map.of("from", grant.level().code(), "to", level.code())));
            }
        });
    }

    /** The owner gives an agency access by the agency's code (the one in its referral link), at the level they choose. */
    void grant(Actor actor, String code, String levelCode) {
        if (!actor.can(Permission.GRANT_PARTNER_ACCESS)) {
            throw new NotAllowedException("Only the account's owner can give a partner agency access.");
        }
        String normalized = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        GrantStore.Level level = GrantStore.Level.of(levelCode).orElse(null);
        if (level == null) {
            errors.put("level", "Choose Admin or Read only.");
        }
        transactions.executeWithoutResult(status -> {
            Optional<UUID> agency = normalized.matches("[A-Z2-7]{10}") ? grants.agencyByCode(normalized) : Optional.empty();
            if (agency.isEmpty()) {
                errors.put("code", "No partner agency has that code. It is the last part of the agency's referral link.");
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            if (grants.levelOf(actor.accountId(), agency.get()).isPresent()) {
                throw new ConflictException("That agency already has access. Change its level instead.");
            }
            grants.insert(actor.accountId(), agency.get(), level, actor.userId(), clock.instant());
            audit.record(AuditEntry.of("partner.grant_created", Outcome.SUCCESS).inAccount(actor.accountId())
                    .by(actor.userId()).on("agency", agency.get())
                    .with(Map.of("level", level.code(), "via", "code")));
        });
    }

    private GrantStore.Grant grantOf(Actor actor, UUID agencyId) {
        return grants.ofCurrentAccount().stream()
                .filter(grant -> grant.clientId().equals(actor.accountId()) && grant.agencyId().equals(agencyId))
                .findFirst().orElseThrow(NotFoundException::new);
    }
}
