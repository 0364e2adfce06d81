package com.leadline.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the audit log of the account the current transaction works for. */
public interface AuditTrail {

    /** {@code ip} and {@code sessionReference} of a person's request, or the {@code systemActor} that did it. */
    record Recorded(Instant at, String action, String outcome, UUID actorUserId, String ip, String sessionReference,
                    String systemActor, String details) {

        /** Where the entry came from, in a few words: the address and session, or the system actor. */
        public String origin() {
            return AuditTrail.origin(ip, sessionReference, systemActor);
        }
    }

    List<Recorded> about(String targetType, String targetId, int limit);

    /**
     * Which entries of the account a reader sees: all of them ({@code wholeLog}), or those of the
     * {@code accountWide} groups that are about no profile and those of the {@code ofProfiles} groups
     * that are about one of {@code profiles}. Who gets which is the caller's rule.
     */
    record Sight(boolean wholeLog, Set<AuditActions.Group> accountWide, Set<AuditActions.Group> ofProfiles, Set<UUID> profiles) {

        public Sight {
            accountWide = Set.copyOf(accountWide);
            ofProfiles = Set.copyOf(ofProfiles);
            profiles = Set.copyOf(profiles);
        }

        public static Sight everything() {
            return new Sight(true, EnumSet.allOf(AuditActions.Group.class), EnumSet.allOf(AuditActions.Group.class), Set.of());
        }

        public static Sight limitedTo(Set<AuditActions.Group> accountWide, Set<AuditActions.Group> ofProfiles, Set<UUID> profiles) {
            return new Sight(false, accountWide, ofProfiles, profiles);
        }

        /** The same test as the query's, for one entry. */
        public boolean sees(String action, UUID profileId) {
            if (wholeLog) {
                return true;
            }
            AuditActions.Group group = AuditActions.groupOf(action);
            return profileId == null ? accountWide.contains(group) : ofProfiles.contains(group) && profiles.contains(profileId);
        }

        /** Whether entries of this group can be among those seen at all (for the choices of a filter). */
        public boolean mayInclude(AuditActions.Group group) {
            return wholeLog || accountWide.contains(group) || ofProfiles.contains(group) && !profiles.isEmpty();
        }
    }

    /**
     * What to list; a null part does not narrow.
     *
     * @param from   the first instant listed
     * @param before the first instant no longer listed
     */
    record Filter(UUID person, String action, Instant from, Instant before) {

        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /** Where a page ends: the next one lists what is older than this, newest first (ties by id). */
    record Position(Instant at, long id) {

        private static final Pattern FORM = Pattern.compile("(\\d{1,11})\\.(\\d{1,9})\\.(\\d{1,19})");

        /** Opaque to clients: they pass it back as they got it. */
        public String token() {
            String plain = at.getEpochSecond() + "." + at.getNano() + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
        }

        /** The position a token names; empty for anything this class did not make. */
        public static Optional<Position> parse(String token) {
            if (token == null || token.isEmpty() || token.length() > 64) {
                return Optional.empty();
            }
            try {
                String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
                Matcher parts = FORM.matcher(plain);
                if (!parts.matches()) {
                    return Optional.empty();
                }
                long id = Long.parseLong(parts.group(3));
                return id <= 0 ? Optional.empty()
                        : Optional.of(new Position(Instant.ofEpochSecond(Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2))), id));
            } catch (IllegalArgumentException | java.time.DateTimeException malformed) {
                return Optional.empty();
            }
        }
    }

    /** One entry as the account's audit log shows it. */
    record Entry(long id, Instant at, String action, String outcome, UUID actorUserId, String targetType, String targetId,
                 UUID profileId, String ip, String sessionReference, String systemActor, Map<String, String> details) {

        public String origin() {
            return AuditTrail.origin(ip, sessionReference, systemActor);
        }

        public Position position() {
            return new Position(at, id);
        }
    }

    /** {@code next}: where the following page starts, null on the last page. */
    record Page(List<Entry> entries, Position next) {
    }

    /** Up to {@code limit} entries the sight allows and the filter asks for, newest first, older than {@code after} (if given). */
    Page page(Sight sight, Filter filter, Position after, int limit);

    /** Every such entry, newest first, read in batches inside the caller's transaction (one snapshot: give it one). */
    void each(Sight sight, Filter filter, Consumer<Entry> entry);

    private static String origin(String ip, String sessionReference, String systemActor) {
        if (systemActor != null) {
            return "system: " + systemActor;
        }
        if (ip == null) {
            return "";
        }
        return sessionReference == null ? ip : ip + " (session " + sessionReference + ")";
    }
}
