package com.leadline.team.internal.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitations of the current account and their sendings (row-level security applies). */
@Repository
public class InvitationStore {

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Invitation(UUID id, UUID userId, String email, Instant sentAt, Instant expiresAt, UUID invitedBy) {
    }

    /** The columns every query here selects: id, user_id, email, sent_at, expires_at, invited_by. */
    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        return new Invitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class));
    }

    /** Across accounts, through the lookup function: the account an invitation link belongs to. */
    Optional<UUID> invitationAccount(byte[] tokenHash) {
        return jdbc.sql("SELECT team_find_invitation_account(:hash)").param("hash", tokenHash).query(UUID.class).optional();
    }

    void insertInvitation(UUID id, UUID accountId, UUID userId, String email, byte[] tokenHash, UUID invitedBy,
                          Instant now, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO invitations (id, account_id, user_id, email, token_hash, invited_by, created_at, sent_at, expires_at)
                        VALUES (:id, :a, :u, :email, :hash, :by, :now, :now, :expires)""")
                .param("id", id).param("a", accountId).param("u", userId).param("email", email).param("hash", tokenHash)
                .param("by", invitedBy).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt)).update();
    }

    public Optional<Invitation> openInvitationOf(UUID userId) {
        return jdbc.sql("""
                        SELECT id, user_id, email, sent_at, expires_at, invited_by FROM invitations
                        WHERE user_id = :u AND accepted_at IS NULL AND revoked_at IS NULL""")
                .param("u", userId)
                .query(InvitationStore::invitation)
                .optional();
    }

    /** A new link for the invitation: the old hash is replaced, so the old link dies in the same statement. */
    void reissue(UUID invitationId, String email, byte[] tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE invitations SET token_hash = :hash, email = :email, sent_at = :now, expires_at = :expires WHERE id = :id")
                .param("hash", tokenHash).param("email", email).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt)).param("id", invitationId).update();
    }

    void revoke(UUID invitationId, Instant now) {
        jdbc.sql("UPDATE invitations SET revoked_at = :now WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", invitationId).update();
    }

    /** Uses the link once: the conditional update is the whole race, so concurrent clicks accept at most once. */
    Optional<Invitation> accept(byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                        UPDATE invitations SET accepted_at = :now
                        WHERE token_hash = :hash AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                        RETURNING id, user_id, email, sent_at, expires_at, invited_by""")
                .param("now", Timestamp.from(now)).param("hash", tokenHash)
                .query(InvitationStore::invitation)
                .optional();
    }

    Optional<Invitation> usable(byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                        SELECT id, user_id, email, sent_at, expires_at, invited_by FROM invitations
                        WHERE token_hash = :hash AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
                .param("now", Timestamp.from(now)).param("hash", tokenHash)
                .query(InvitationStore::invitation)
                .optional();
    }

    void recordSend(UUID accountId, UUID invitationId, UUID sentBy, boolean resend, Instant now) {
        jdbc.sql("""
                        INSERT INTO invitation_sends (account_id, invitation_id, sent_by, sent_at, resend)
                        VALUES (:a, :i, :by, :now, :resend)""")
                .param("a", accountId).param("i", invitationId).param("by", sentBy).param("now", Timestamp.from(now))
                .param("resend", resend).update();
    }

    int resendsSince(UUID invitationId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM invitation_sends WHERE invitation_id = :i AND resend AND sent_at > :since")
                .param("i", invitationId).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    /**
     * Holds the account's invitation sending until the transaction ends, so that two invitations sent at
     * once count each other instead of both reading the same count and passing the limit together.
     */
    void lockInvitationSendsOf(UUID accountId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('invitation_sends:' || :a, 0))")
                .param("a", accountId.toString()).query((rs, n) -> true).single();
    }

    /** When the account sent its {@code nth} latest invitation email, if that was after {@code since}. */
    Optional<Instant> nthLatestSendSince(UUID accountId, int nth, Instant since) {
        return jdbc.sql("""
                        SELECT sent_at FROM invitation_sends WHERE account_id = :a AND sent_at > :since
                        ORDER BY sent_at DESC OFFSET :skip LIMIT 1""")
                .param("a", accountId).param("since", Timestamp.from(since)).param("skip", nth - 1)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    int invitationsCreatedBySince(UUID inviter, Instant since) {
        return jdbc.sql("SELECT count(*) FROM invitations WHERE invited_by = :by AND created_at > :since")
                .param("by", inviter).param("since", Timestamp.from(since)).query(Integer.class).single();
    }
}
