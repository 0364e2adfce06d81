package com.leadline.inbox.internal.shortcut;

import com.leadline.inbox.internal.conversation.ConversationAccess;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shortcuts: personal ones are their owner's alone (everyone else gets 404); shared ones belong to a
 * profile, used by the people who work in it and edited by its admins (PERMISSIONS.md rows 22-24).
 */
@Service
public class ShortcutService {

    public record Shortcut(UUID id, String name, String body, UUID profileId, boolean personal) {
    }

    private final ShortcutStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ShortcutService(ShortcutStore store, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The actor's personal shortcuts and the shared ones of their profiles (of one profile, when given). */
    public List<Shortcut> usable(Actor actor, UUID onlyProfile) {
        actor.require(Permission.VIEW_TEAM);
        return transactions.execute(status -> store.usable(actor.userId(), actor.profileIds(), onlyProfile));
    }

    /** {@code profileId} null: a personal shortcut. */
    public UUID create(Actor actor, UUID profileId, String rawName, String rawBody) {
        requireMayCreate(actor, profileId);
        String name = rawName == null ? "" : rawName.strip().toLowerCase(Locale.ROOT).replaceFirst("^/", "");
        String body = rawBody == null ? "" : rawBody.strip();
        requireValid(name, body);
        UUID id = UUID.randomUUID();
        try {
            transactions.executeWithoutResult(status -> store.insert(id, actor.accountId(), profileId == null ? actor.userId() : null,
                    profileId, name, body, clock.instant()));
        } catch (DuplicateKeyException taken) {
            throw new InvalidInputException(Map.of("name", "There is already a shortcut with that name here."));
        }
        return id;
    }

    public void delete(Actor actor, UUID shortcutId) {
        transactions.executeWithoutResult(status -> {
            Shortcut shortcut = store.find(shortcutId).filter(found -> visible(actor, found)).orElseThrow(NotFoundException::new);
            actor.require(shortcut.personal() ? Permission.USE_SHORTCUTS : Permission.EDIT_SHARED_SHORTCUTS);
            store.delete(shortcutId);
        });
    }

    /** A personal one needs the permission to use shortcuts; a shared one, a profile the actor manages (404) and the right to edit. */
    private static void requireMayCreate(Actor actor, UUID profileId) {
        if (profileId == null) {
            actor.require(Permission.USE_SHORTCUTS);
            return;
        }
        if (!actor.canManageProfile(profileId)) {
            throw new NotFoundException();
        }
        actor.require(Permission.EDIT_SHARED_SHORTCUTS);
    }

    private static void requireValid(String name, String body) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            errors.put("name", "Use up to 40 letters, digits, - or _, like 'hours'. You type it after a / in a reply.");
        }
        if (body.isEmpty() || body.length() > ConversationAccess.MAX_BODY) {
            errors.put("body", "Write the text (up to " + ConversationAccess.MAX_BODY + " characters).");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private boolean visible(Actor actor, Shortcut shortcut) {
        return shortcut.personal() ? store.ownedBy(shortcut.id(), actor.userId()) : actor.canManageProfile(shortcut.profileId());
    }
}
