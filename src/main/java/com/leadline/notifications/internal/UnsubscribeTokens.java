package com.leadline.notifications.internal;

import com.leadline.platform.SecureTokens;
import com.leadline.platform.Tenancy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one-click unsubscribe links: a random 256-bit token per email ({@link SecureTokens}), naming one
 * person and one kind of email; only its hash is stored, so the link cannot be forged or guessed, and a
 * changed character finds nothing.
 */
@Component
class UnsubscribeTokens {

    record Holder(UUID accountId, UUID userId, NotificationKind kind) {
    }

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    UnsubscribeTokens(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    /** A new token for an email about to be queued, in the caller's transaction and account. */
    String issue(UUID accountId, UUID userId, NotificationKind kind, Instant now) {
        String token = SecureTokens.newToken();
        jdbc.sql("""
                        INSERT INTO notification_unsubscribe_tokens (account_id, token_hash, user_id, kind, created_at)
                        VALUES (:a, :hash, :u, :kind, :now)""")
                .param("a", accountId).param("hash", SecureTokens.hash(token)).param("u", userId)
                .param("kind", kind.code).param("now", Timestamp.from(now))
                .update();
        return token;
    }

    /** Whom the token names, read in the caller's transaction (any account: the token says which); empty if it is no token of ours. */
    Optional<Holder> find(String token) {
        if (!SecureTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        byte[] hash = SecureTokens.hash(token);
        UUID accountId = jdbc.sql("SELECT notifications_find_unsubscribe_account(:hash)").param("hash", hash)
                .query(UUID.class).optional().orElse(null);
        if (accountId == null) {
            return Optional.empty();
        }
        return tenancy.inAccount(accountId, () -> jdbc.sql("""
                        SELECT user_id, kind FROM notification_unsubscribe_tokens WHERE token_hash = :hash""")
                .param("hash", hash)
                .query((rs, n) -> {
                    UUID userId = rs.getObject(1, UUID.class);
                    return NotificationKind.fromCode(rs.getString(2)).map(kind -> new Holder(accountId, userId, kind));
                })
                .optional().flatMap(found -> found));
    }

    void markUsed(UUID accountId, String token, Instant now) {
        jdbc.sql("UPDATE notification_unsubscribe_tokens SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
                .param("now", Timestamp.from(now)).param("hash", SecureTokens.hash(token)).update();
    }
}
