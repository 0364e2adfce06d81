package com.leadline.inbox.internal.web;

import com.leadline.inbox.internal.shortcut.ShortcutService;
import com.leadline.team.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
@Tag(name = "Shortcuts", description = "Saved replies: personal ones, and those shared in a profile.")
@RestController
@RequestMapping("/api/v1/shortcuts")
class ShortcutsApiController {

    record ShortcutJson(UUID id, String name, String body, UUID profileId, boolean personal) {
    }

    record Created(UUID id) {
    }

    /** profileId null: personal. */
    record NewShortcut(String name, String body, UUID profileId) {
    }

    private final ShortcutService shortcuts;

    ShortcutsApiController(ShortcutService shortcuts) {
        this.shortcuts = shortcuts;
    }

    @Operation(summary = "List shortcuts",
            description = "The caller's own and the shared ones of their profiles.")
    @Parameter(name = "profile", in = ParameterIn.QUERY, description = "A profile id: only its shared ones besides your own.")
    @GetMapping
    List<ShortcutJson> list(Actor actor, @RequestParam(required = false) UUID profile) {
        return shortcuts.usable(actor, profile).stream()
                .map(s -> new ShortcutJson(s.id(), s.name(), s.body(), s.profileId(), s.personal())).toList();
    }

    @Operation(summary = "Add a shortcut",
            description = "Without profileId a personal one; with it, shared in that profile (its admins and partner admins; "
                    + "403 otherwise). 422 for a bad or taken name.")
    @ApiResponse(responseCode = "201", description = "Added: the shortcut's id.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Created.class)))
    @PostMapping
    ResponseEntity<Created> create(Actor actor, @RequestBody NewShortcut body) {
        UUID id = shortcuts.create(actor, body.profileId(), body.name(), body.body());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(id));
    }

    @Operation(summary = "Delete a shortcut",
            description = "Your own, or a shared one of a profile you administer.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
        shortcuts.delete(actor, id);
        return ResponseEntity.noContent().build();
    }
}
