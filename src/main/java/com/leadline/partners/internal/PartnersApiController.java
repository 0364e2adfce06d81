package com.leadline.partners.internal;

import com.leadline.team.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Partner access as JSON under /api/v1/partners: an agency's clients, a client's agencies and their level. */
@Tag(name = "Partners", description = "Partner agencies and the client accounts they work in.")
@RestController
@RequestMapping("/api/v1/partners")
class PartnersApiController {

    record ClientJson(UUID accountId, String name, String level, Instant grantedAt) {
    }

    record AgencyJson(UUID agencyId, String name, String level, Instant grantedAt) {
    }

    record Console(String referralLink, List<ClientJson> clients) {
    }

    record LevelChange(@Schema(allowableValues = {"admin", "read_only"}) String level) {
    }

    record NewGrant(@Schema(description = "The agency's code, which it reads in its partner console.") String code,
                    @Schema(allowableValues = {"admin", "read_only"}) String level) {
    }

    private final PartnerService partners;

    PartnersApiController(PartnerService partners) {
        this.partners = partners;
    }

    @Operation(summary = "An agency's clients",
            description = "For an agency's users: the referral link and the client accounts the agency works in, with its "
                    + "access level; 404 in a business account.")
    @GetMapping("/clients")
    Console clients(Actor actor) {
        PartnerService.Console console = partners.console(actor, actor.name());
        return new Console(console.referralLink(), console.clients().stream()
                .map(grant -> new ClientJson(grant.clientId(), grant.clientName(), grant.level().code(), grant.grantedAt()))
                .toList());
    }

    @Operation(summary = "The account's agencies",
            description = "The partner agencies with access to this account, with their level.")
    @GetMapping("/agencies")
    List<AgencyJson> agencies(Actor actor) {
        return partners.agencies(actor).stream()
                .map(grant -> new AgencyJson(grant.agencyId(), grant.agencyName(), grant.level().code(), grant.grantedAt()))
                .toList();
    }

    @Operation(summary = "Give an agency access",
            description = "The owner gives the agency whose code this is access at a level (admin or read_only); 422 for an "
                    + "unknown code, 409 when it already has access.")
    @ApiResponse(responseCode = "201", description = "Access given.")
    @PostMapping("/agencies")
    ResponseEntity<Void> grant(Actor actor, @RequestBody NewGrant body) {
        partners.grant(actor, body.code(), body.level());
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).build();
    }

    @Operation(summary = "Change an agency's level",
            description = "admin or read_only, for every user of the agency at once; owner and admins.")
    @ApiResponse(responseCode = "204", description = "Changed.")
    @PutMapping("/agencies/{agencyId}/level")
    ResponseEntity<Void> level(Actor actor, @PathVariable UUID agencyId, @RequestBody LevelChange body) {
        partners.switchLevel(actor, agencyId, body.level());
        return ResponseEntity.noContent().build();
    }
}
