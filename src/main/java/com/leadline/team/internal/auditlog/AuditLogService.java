package com.leadline.team.internal.auditlog;

import com.leadline.accounts.Profiles;
import com.leadline.audit.AuditActions;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditLog;
import com.leadline.audit.AuditTrail;
import com.leadline.platform.Csv;
import com.leadline.platform.Transactions;
import com.leadline.team.Actor;
import com.leadline.team.Memberships;
import com.leadline.team.Permission;
import com.leadline.team.internal.MembershipStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account's audit log (PERMISSIONS.md row 31): its page, its API and its CSV download. The owner and
 * partner users (Admin and Read only) read every entry of the account; an admin reads the entries about no
 * profile that concern the team, partners and the account's settings, and the entries about a profile they
 * are a member of (archived ones included) but its billing; never sign-ins or support's own entries. Team
 * members read none.
 */
@Service
public class AuditLogService {

    /** What an admin reads of the entries about no profile: the team, partners and the account's settings. */
    static final Set<AuditActions.Group> ACCOUNT_WIDE_FOR_ADMINS = EnumSet.of(AuditActions.Group.TEAM, AuditActions.Group.PARTNERS,
            AuditActions.Group.SETTINGS);
    /** What an admin reads of the entries about one of their profiles: everything but billing (the owner's, row 16). */
    static final Set<AuditActions.Group> OF_THEIR_PROFILES_FOR_ADMINS = EnumSet.of(AuditActions.Group.PROFILES, AuditActions.Group.LEADBOX,
            AuditActions.Group.TEAM, AuditActions.Group.PARTNERS, AuditActions.Group.SETTINGS);

    public static final List<String> CSV_HEADER = List.of("id", "occurred_at", "action", "kind", "outcome", "actor_id", "actor",
            "target_type", "target_id", "target", "profile_id", "profile", "details", "ip", "session", "system_actor");

    /** Where the download writes; opened (named) only once the reader and the filters passed. */
    public interface CsvTarget {
        Writer open(String fileName) throws IOException;
    }

    /** A page of the log, in words, and where the next one starts (null on the last page). */
    public record Listing(List<AuditLogRow> rows, String next, AuditLogQuery.Checked query) {
    }

    /** The choices of the page's filters: the people of the account and the kinds of entry this reader may see, grouped. */
    public record Choices(List<Memberships.Person> people, Map<AuditActions.Group, List<AuditActions.Action>> kinds) {
    }

    private final AuditTrail trail;
    private final AuditLog audit;
    private final MembershipStore memberships;
    private final Memberships people;
    private final Profiles profiles;
    private final Clock clock;
    private final TransactionTemplate reads;
    private final TransactionTemplate snapshot;

    AuditLogService(AuditTrail trail, AuditLog audit, MembershipStore memberships, Memberships people, Profiles profiles, Clock clock,
                    TransactionTemplate transactions) {
        this.trail = trail;
        this.audit = audit;
        this.memberships = memberships;
        this.people = people;
        this.profiles = profiles;
        this.clock = clock;
        this.reads = Transactions.readOnly(transactions.getTransactionManager());
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public Listing page(Actor actor, AuditLogQuery query, ZoneId defaultZone) {
        actor.require(Permission.READ_AUDIT_LOG);
        AuditLogQuery.Checked checked = query.checked(defaultZone);
        return reads.execute(status -> {
            AuditTrail.Page page = trail.page(sightOf(actor), checked.filter(), checked.after(), checked.limit());
            AuditLogRow.Names names = names();
            return new Listing(page.entries().stream().map(entry -> AuditLogRow.of(entry, names, checked.zone())).toList(),
                    page.next() == null ? null : page.next().token(), checked);
        });
    }

    /**
     * Every entry the reader sees that the filters ask for, newest first, as CSV (same columns as the API's
     * fields), from one snapshot; the download itself goes on record, in the same transaction.
     */
    public void export(Actor actor, AuditLogQuery query, ZoneId defaultZone, CsvTarget target) {
        actor.require(Permission.READ_AUDIT_LOG);
        AuditLogQuery.Checked checked = query.fromTheStart().checked(defaultZone);
        snapshot.executeWithoutResult(status -> {
            audit.record(AuditEntry.of("audit_log.exported", AuditEntry.Outcome.SUCCESS).inAccount(actor.accountId())
                    .by(actor.userId()).with(describe(checked)));
            AuditLogRow.Names names = names();
            try {
                Writer out = target.open("audit-log-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv");
                out.write(Csv.row(CSV_HEADER));
                trail.each(sightOf(actor), checked.filter(), entry -> {
                    try {
                        out.write(Csv.row(AuditLogRow.of(entry, names, checked.zone()).csvCells()));
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                });
                out.flush();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        });
    }

    public Choices choices(Actor actor) {
        actor.require(Permission.READ_AUDIT_LOG);
        return reads.execute(status -> {
            AuditTrail.Sight sight = sightOf(actor);
            Map<AuditActions.Group, List<AuditActions.Action>> kinds = new LinkedHashMap<>();
            AuditActions.all().stream().filter(action -> sight.mayInclude(action.group()))
                    .forEach(action -> kinds.computeIfAbsent(action.group(), group -> new java.util.ArrayList<>()).add(action));
            List<Memberships.Person> everyone = people.people().values().stream()
                    .sorted(Comparator.comparing(Memberships.Person::name, String.CASE_INSENSITIVE_ORDER)).toList();
            return new Choices(everyone, kinds);
        });
    }

    /** Row 31's columns: the owner and partner users read everything; an admin, the account-wide groups and their profiles. */
    AuditTrail.Sight sightOf(Actor actor) {
        return switch (actor.role()) {
            case OWNER, PARTNER_ADMIN, PARTNER_READ_ONLY -> AuditTrail.Sight.everything();
            // Membership, not "in use": an archived profile's entries stay readable by its admins.
            case ADMIN -> AuditTrail.Sight.limitedTo(ACCOUNT_WIDE_FOR_ADMINS, OF_THEIR_PROFILES_FOR_ADMINS,
                    memberships.memberProfiles(actor.userId()));
            case MEMBER -> throw new IllegalStateException("Team members were refused before reading");
        };
    }

    private AuditLogRow.Names names() {
        Map<UUID, String> profileNames = new java.util.HashMap<>();
        profiles.everyProfile().forEach(profile -> profileNames.put(profile.id(), profile.settings().name()));
        Map<UUID, String> personNames = new java.util.HashMap<>();
        // Everything a deactivated person did stays on record, marked (PRODUCT.md, S17).
        people.people().forEach((id, person) -> personNames.put(id, person.deactivated() ? person.name() + " (deactivated)" : person.name()));
        return new AuditLogRow.Names(personNames, profileNames);
    }

    private static Map<String, String> describe(AuditLogQuery.Checked checked) {
        Map<String, String> details = new LinkedHashMap<>();
        if (checked.person() != null) {
            details.put("person", checked.person().toString());
        }
        if (checked.kind() != null) {
            details.put("kind", checked.kind());
        }
        if (checked.from() != null) {
            details.put("from", checked.from().toString());
        }
        if (checked.to() != null) {
            details.put("to", checked.to().toString());
        }
        details.put("timezone", checked.zone().getId());
        return details;
    }
}
