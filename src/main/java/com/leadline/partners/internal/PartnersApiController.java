package com.leadline.partners.internal;

import com.leadline.team.Actor;
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
@RestController
@RequestMapping("/api/v1/partners")
class PartnersApiController {

    record ClientJson(UUID accountId, String name, String level, Instant grantedAt) {
    }

    record AgencyJson(UUID agencyId, String name, String level, Instant grantedAt) {
    }

    record Console(String referralLink, List<ClientJson> clients) {
    }

    record LevelChange(String level) {
    }

    record NewGrant(String code, String level) {
    }

    private final PartnerService partners;

    PartnersApiController(PartnerService partners) {
        this.partners = partners;
    }

    @GetMapping("/clients")
    Console clients(Actor actor) {
        PartnerService.Console console = partners.console(actor, actor.name());
        return new Console(console.referralLink(), console.clients().stream()
                .map(grant -> new ClientJson(grant.clientId(), grant.clientName(), grant.level().code(), grant.grantedAt()))
                .toList());
    }

    @GetMapping("/agencies")
    List<AgencyJson> agencies(Actor actor) {
        return partners.agencies(actor).stream()
                .map(grant -> new AgencyJson(grant.agencyId(), grant.agencyName(), grant.level().code(), grant.grantedAt()))
                .toList();
    }

    @PostMapping("/agencies")
    ResponseEntity<Void> grant(Actor actor, @RequestBody NewGrant body) {
        partners.grant(actor, body.code(), body.level());
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).build();
    }

    @PutMapping("/agencies/{agencyId}/level")
    ResponseEntity<Void> level(Actor actor, @PathVariable UUID agencyId, @RequestBody LevelChange body) {
        partners.switchLevel(actor, agencyId, body.level());
        return ResponseEntity.noContent().build();
    }
}
