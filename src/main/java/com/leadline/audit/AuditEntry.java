package com.leadline.audit;

import java.util.Map;
import java.util.UUID;

/**
 * One security-relevant fact. {@code accountId} is null for events that belong to no account yet
 * (a failed sign-in for an unknown address); {@code details} never holds secrets. The acting user is
 * the use case's to name; the client's address, the session or the system actor come from the
 * {@link com.leadline.platform.CallerContext} when the entry is recorded.
 *
 * @param profileId the one profile of the account the entry is about (a profile's settings, its
 *                  Leadbox), or null for an entry about the account, its people or its partners: the
 *                  account's audit log shows an admin the entries of their own profiles only
 */
public record AuditEntry(UUID accountId, String action, Outcome outcome, UUID actorUserId,
                         String targetType, String targetId, Map<String, String> details, UUID profileId) {

    public enum Outcome { SUCCESS, FAILURE, REFUSED }

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** An entry about no profile in particular. */
    public AuditEntry(UUID accountId, String action, Outcome outcome, UUID actorUserId,
                      String targetType, String targetId, Map<String, String> details) {
        this(accountId, action, outcome, actorUserId, targetType, targetId, details, null);
    }

    public static AuditEntry of(String action, Outcome outcome) {
        return new AuditEntry(null, action, outcome, null, null, null, Map.of(), null);
    }

    public AuditEntry inAccount(UUID account) {
        return new AuditEntry(account, action, outcome, actorUserId, targetType, targetId, details, profileId);
    }

    public AuditEntry by(UUID actor) {
        return new AuditEntry(accountId, action, outcome, actor, targetType, targetId, details, profileId);
    }

    public AuditEntry on(String type, Object id) {
        return new AuditEntry(accountId, action, outcome, actorUserId, type, String.valueOf(id), details, profileId);
    }

    public AuditEntry with(Map<String, String> more) {
        return new AuditEntry(accountId, action, outcome, actorUserId, targetType, targetId, more, profileId);
    }

    /** The entry is about this profile of the account (null: about none in particular). */
    public AuditEntry aboutProfile(UUID profile) {
        return new AuditEntry(accountId, action, outcome, actorUserId, targetType, targetId, details, profile);
    }
}
