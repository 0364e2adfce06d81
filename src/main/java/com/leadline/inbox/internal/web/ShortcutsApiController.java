package com.leadline.inbox.internal.web;

import com.leadline.inbox.internal.shortcut.ShortcutService;
import com.leadline.team.Actor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shortcuts as JSON under /api/v1/shortcuts: the actor's personal ones and the shared ones of their profiles. */
@RestController
@RequestMapping("/api/v1/shortcuts")
class ShortcutsApiController {

    record ShortcutJson(UUID id, String name, String body, UUID profileId, boolean personal) {
    }

    /** profileId null: personal. */
    record NewShortcut(String name, String body, UUID profileId) {
    }

    private final ShortcutService shortcuts;

    ShortcutsApiController(ShortcutService shortcuts) {
        this.shortcuts = shortcuts;
    }

    @GetMapping
    List<ShortcutJson> list(Actor actor, @RequestParam(required = false) UUID profile) {
        return shortcuts.usable(actor, profile).stream()
                .map(s -> new ShortcutJson(s.id(), s.name(), s.body(), s.profileId(), s.personal())).toList();
    }

    @PostMapping
    ResponseEntity<Map<String, UUID>> create(Actor actor, @RequestBody NewShortcut body) {
        UUID id = shortcuts.create(actor, body.profileId(), body.name(), body.body());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
        shortcuts.delete(actor, id);
        return ResponseEntity.noContent().build();
    }
}
