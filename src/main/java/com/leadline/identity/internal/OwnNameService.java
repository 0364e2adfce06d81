package com.leadline.identity.internal;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in person changes their own name (PERMISSIONS.md row 13), partner users included, whatever their access to the
 * account they work in: the name is theirs, kept in their own account. Every session of theirs shows it from its next request
 * (ActiveUserCheck reads the name on each request).
 */
@Service
class OwnNameService {

    static final String FIELD = "name";
    /** As for every person's name (sign-up, invitations, the Team page's edit). */
    static final int MAX_NAME = 200;

    private final UserStore users;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Tenancy tenancy;

    OwnNameService(UserStore users, AuditLog audit, TransactionTemplate transactions, Tenancy tenancy) {
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
        this.tenancy = tenancy;
    }

    /**
     * @return the name as kept (without blanks around)
     * @throws InvalidInputException under "name" when it is empty, too long, or holds a line break or another control character
     */
    String rename(AuthenticatedUser user, String typed) {
        String name = valid(typed);
        transactions.executeWithoutResult(status -> tenancy.inAccount(user.homeAccountId(), () -> {
            String before = users.credentials(user.userId()).orElseThrow().name();
            if (!before.equals(name)) {
                users.rename(user.userId(), name);
                audit.record(AuditEntry.of("user.renamed", Outcome.SUCCESS).inAccount(user.homeAccountId())
                        .by(user.userId()).on("user", user.userId()));
            }
            return null;
        }));
        return name;
    }

    static String valid(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw InvalidInputException.of(FIELD, "Enter your name (up to " + MAX_NAME + " characters).");
        }
        if (name.codePoints().anyMatch(OwnNameService::isControl)) {
            throw InvalidInputException.of(FIELD, "Your name can't contain line breaks, tabs or other control characters.");
        }
        return name;
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
