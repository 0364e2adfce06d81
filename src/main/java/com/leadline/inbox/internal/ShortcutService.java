package com.leadline.inbox.internal;

import com.leadline.platform.NotFoundException;
import com.leadline.platform.InvalidInputException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shortcuts: personal ones are their owner's alone (everyone else gets 404); shared ones belong to a
 * profile, used by the people who work in it and edited by its admins (PERMISSIONS.md rows 22-24).
 */
@Service
class ShortcutService {

    record Shortcut(UUID id, String name, String body, UUID profileId, boolean personal) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ShortcutService(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The actor's personal shortcuts and the shared ones of their profiles (of one profile, when given). */
    List<Shortcut> usable(Actor actor, UUID onlyProfile) {
        actor.require(Permission.VIEW_TEAM);
        return transactions.execute(status -> jdbc.sql("""
                        SELECT id, name, body, profile_id, owner_user_id IS NOT NULL FROM shortcuts
                        WHERE owner_user_id = :me
                           OR (profile_id = ANY (:profiles) AND (CAST(:only AS uuid) IS NULL OR profile_id = :only))
                        ORDER BY owner_user_id IS NULL, name, id""")
                .param("me", actor.userId()).param("profiles", actor.profileIds().toArray(UUID[]::new)).param("only", onlyProfile)
                .query((rs, n) -> new Shortcut(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getBoolean(5)))
                .list());
    }

    /** {@code profileId} null: a personal shortcut. */
    UUID create(Actor actor, UUID profileId, String rawName, String rawBody) {
        if (profileId == null) {
            actor.require(Permission.USE_SHORTCUTS);
        } else {
            if (!actor.canManageProfile(profileId)) {
                throw new NotFoundException();
            }
            actor.require(Permission.EDIT_SHARED_SHORTCUTS);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = rawName == null ? "" : rawName.strip().toLowerCase(Locale.ROOT).replaceFirst("^/", "");
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            errors.put("name", "Use up to 40 letters, digits, - or _, like 'hours'. You type it after a / in a reply.");
        }
        String body = rawBody == null ? "" : rawBody.strip();
        if (body.isEmpty() || body.length() > InboxService.MAX_BODY) {
            errors.put("body", "Write the text (up to " + InboxService.MAX_BODY + " characters).");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = UUID.randomUUID();
        try {
            transactions.executeWithoutResult(status -> jdbc.sql("""
                            INSERT INTO shortcuts (id, account_id, owner_user_id, profile_id, name, body, created_at)
                            VALUES (:id, :a, :owner, :profile, :name, :body, :now)""")
                    .param("id", id).param("a", actor.accountId()).param("owner", profileId == null ? actor.userId() : null,
                            java.sql.Types.OTHER)
                    .param("profile", profileId, java.sql.Types.OTHER).param("name", name).param("body", body)
                    .param("now", Timestamp.from(clock.instant())).update());
        } catch (DuplicateKeyException taken) {
            throw new InvalidInputException(Map.of("name", "There is already a shortcut with that name here."));
        }
        return id;
    }

    void delete(Actor actor, UUID shortcutId) {
        transactions.executeWithoutResult(status -> {
            Shortcut shortcut = find(shortcutId).filter(found -> visible(actor, found)).orElseThrow(NotFoundException::new);
            actor.require(shortcut.personal() ? Permission.USE_SHORTCUTS : Permission.EDIT_SHARED_SHORTCUTS);
            jdbc.sql("DELETE FROM shortcuts WHERE id = :id").param("id", shortcutId).update();
        });
    }

    private boolean visible(Actor actor, Shortcut shortcut) {
        return shortcut.personal() ? ownedBy(shortcut.id(), actor.userId()) : actor.canManageProfile(shortcut.profileId());
    }

    private boolean ownedBy(UUID shortcutId, UUID userId) {
        return jdbc.sql("SELECT count(*) FROM shortcuts WHERE id = :id AND owner_user_id = :u").param("id", shortcutId)
                .param("u", userId).query(Integer.class).single() == 1;
    }

    private Optional<Shortcut> find(UUID id) {
        return jdbc.sql("SELECT id, name, body, profile_id, owner_user_id IS NOT NULL FROM shortcuts WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Shortcut(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getBoolean(5)))
                .optional();
    }
}
