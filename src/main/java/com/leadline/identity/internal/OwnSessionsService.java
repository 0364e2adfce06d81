package com.leadline.identity.internal;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.SessionSignIn;
import com.leadline.platform.SessionSignIn.ActiveSession;
import com.leadline.platform.Tenancy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's own signed-in sessions (PERMISSIONS.md row 13): the list on their settings page, and signing out of one of the
 * others or of all the others. A session is named by its handle, never by its id; a handle that is not one of the person's
 * sessions is unknown (404), whoever's it is. The sessions live in Spring Session's tables, which platform's
 * {@link SessionSignIn} owns; ending one takes effect at its next request, on any server node.
 */
@Service
class OwnSessionsService {

    /** A session as the page shows it: its device in words (from the User-Agent) rather than the header itself. */
    record SessionView(String handle, String device, String address, Instant signedInAt, Instant lastUsedAt, boolean current) {
    }

    private final SessionSignIn sessions;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Tenancy tenancy;

    OwnSessionsService(SessionSignIn sessions, AuditLog audit, TransactionTemplate transactions, Tenancy tenancy) {
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = transactions;
        this.tenancy = tenancy;
    }

    List<SessionView> list(AuthenticatedUser user, String currentSessionId) {
        return sessions.activeSessionsOf(user.userId(), currentSessionId).stream()
                .map(OwnSessionsService::view)
                .toList();
    }

    /** @throws NotFoundException when the person has no other session with this handle: nothing is ended */
    void signOut(AuthenticatedUser user, String handle, String currentSessionId) {
        transactions.executeWithoutResult(status -> tenancy.inAccount(user.homeAccountId(), () -> {
            if (!sessions.endSessionByHandle(user.userId(), handle, currentSessionId)) {
                throw new NotFoundException();
            }
            audit.record(AuditEntry.of("session.signed_out", Outcome.SUCCESS).inAccount(user.homeAccountId())
                    .by(user.userId()).on("user", user.userId()));
        }));
    }

    /** @return how many sessions were ended */
    int signOutOthers(AuthenticatedUser user, String currentSessionId) {
        Integer ended = transactions.execute(status -> tenancy.inAccount(user.homeAccountId(), () -> {
            int count = sessions.endSessionsOf(user.userId(), currentSessionId);
            audit.record(AuditEntry.of("session.others_signed_out", Outcome.SUCCESS).inAccount(user.homeAccountId())
                    .by(user.userId()).on("user", user.userId()).with(Map.of("sessions", String.valueOf(count))));
            return count;
        }));
        return ended == null ? 0 : ended;
    }

    private static SessionView view(ActiveSession session) {
        return new SessionView(session.handle(), DeviceNames.describe(session.userAgent()), shown(session.address()),
                session.signedInAt(), session.lastUsedAt(), session.current());
    }

    /** An IPv6 address as people write it (the longest run of zero groups as "::"); anything else as it is. */
    static String shown(String address) {
        if (address == null || !address.matches("[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{1,4}){7}")) {
            return address;
        }
        String[] groups = address.toLowerCase(java.util.Locale.ROOT).split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < groups.length; start++) {
            int length = 0;
            while (start + length < groups.length && groups[start + length].matches("0+")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        java.util.List<String> kept = java.util.Arrays.stream(groups).map(group -> group.replaceFirst("^0+(?=.)", "")).toList();
        if (bestStart < 0) {
            return String.join(":", kept);
        }
        return String.join(":", kept.subList(0, bestStart)) + "::" + String.join(":", kept.subList(bestStart + bestLength, kept.size()));
    }
}
