package com.leadline.team.internal.web;

import com.leadline.team.Actor;
import com.leadline.team.internal.TeamList;
import com.leadline.team.internal.invitation.InvitationService;
import com.leadline.team.internal.invitation.InvitationStore;
import com.leadline.team.internal.member.DeactivationService;
import com.leadline.team.internal.member.MemberService;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Team page's operations as JSON under /api/v1/team (session-authenticated; state-changing calls
 * carry the CSRF token in the X-CSRF-TOKEN header). Same use cases, same authorization, ProblemDetail errors.
 */
@RestController
@RequestMapping("/api/v1/team")
class TeamApiController {

    record MemberRow(UUID id, String name, String email, String role, String state, Instant invitationExpiresAt,
                     List<String> profiles) {
    }

    record Cursor(String afterName, UUID afterId) {
    }

    record PartnerRow(UUID id, String name, String email, UUID agencyId, String agency, String level) {
    }

    record MemberPage(List<MemberRow> members, Cursor next, List<PartnerRow> partners) {
    }

    record Member(UUID id, String name, String email, String role, String status, List<UUID> profileIds,
                  Instant invitationExpiresAt, boolean deactivatable) {
    }

    record Invite(String name, String email, String role, String profile) {
    }

    record Edit(String name, String email, String role, List<String> profileIds) {
    }

    record Candidate(UUID id, String name) {
    }

    record DeactivationPreview(int openConversations, List<Candidate> handoverCandidates) {
    }

    /** {@code handover}: "keep" (the default), "unassigned" or "member" with {@code transferTo}, the member's id. */
    record Deactivation(String handover, String transferTo) {
    }

    private final InvitationService invitations;
    private final MemberService members;
    private final DeactivationService deactivations;
    private final TeamList teamList;

    TeamApiController(InvitationService invitations, MemberService members, DeactivationService deactivations,
                      TeamList teamList) {
        this.invitations = invitations;
        this.members = members;
        this.deactivations = deactivations;
        this.teamList = teamList;
    }

    @GetMapping("/members")
    MemberPage list(Actor actor, @RequestParam Map<String, String> query) {
        TeamList.Page page = teamList.page(actor, TeamList.Filter.from(query));
        List<MemberRow> rows = page.rows().stream().map(row -> new MemberRow(row.id(), row.name(), row.email(),
                row.role().code(), row.state().name().toLowerCase(java.util.Locale.ROOT), row.invitationExpiresAt(),
                row.profiles())).toList();
        Cursor next = page.more() ? new Cursor(page.last().name().toLowerCase(java.util.Locale.ROOT), page.last().id()) : null;
        List<PartnerRow> partners = teamList.partners(actor, TeamList.Filter.from(query)).stream()
                .map(partner -> new PartnerRow(partner.userId(), partner.name(), partner.email(), partner.agencyId(),
                        partner.agencyName(), partner.level().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        return new MemberPage(rows, next, partners);
    }

    @PostMapping("/members")
    ResponseEntity<Member> invite(Actor actor, @RequestBody Invite body) {
        UUID id = invitations.invite(actor, new InvitationService.InviteCommand(body.name(), body.email(), body.role(),
                body.profile()));
        return ResponseEntity.created(URI.create("/api/v1/team/members/" + id)).body(member(actor, id));
    }

    @GetMapping("/members/{id}")
    Member get(Actor actor, @PathVariable UUID id) {
        return member(actor, id);
    }

    /** 204: the edit may take the member out of every profile the actor manages, and so out of the actor's sight. */
    @PutMapping("/members/{id}")
    ResponseEntity<Void> edit(Actor actor, @PathVariable UUID id, @RequestBody Edit body) {
        members.edit(actor, id, new MemberService.EditCommand(body.name(), body.email(), body.role(),
                body.profileIds() == null ? List.of() : body.profileIds()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/members/{id}/invitation/resend")
    ResponseEntity<Void> resend(Actor actor, @PathVariable UUID id) {
        invitations.resend(actor, id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/members/{id}/invitation")
    ResponseEntity<Void> cancel(Actor actor, @PathVariable UUID id) {
        invitations.cancel(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/members/{id}/deactivation")
    DeactivationPreview previewDeactivation(Actor actor, @PathVariable UUID id) {
        DeactivationService.DeactivationPreview preview = deactivations.previewDeactivation(actor, id);
        return new DeactivationPreview(preview.openConversations(), preview.handoverCandidates().stream()
                .map(user -> new Candidate(user.id(), user.name())).toList());
    }

    @PostMapping("/members/{id}/deactivation")
    ResponseEntity<Void> deactivate(Actor actor, @PathVariable UUID id, @RequestBody(required = false) Deactivation body) {
        deactivations.deactivate(actor, id, body == null ? null : body.handover(), body == null ? null : body.transferTo());
        return ResponseEntity.noContent().build();
    }

    private Member member(Actor actor, UUID id) {
        MemberService.MemberDetails details = members.details(actor, id);
        return new Member(id, details.user().name(), details.user().email(), details.role().code(),
                details.user().status().name().toLowerCase(java.util.Locale.ROOT),
                details.profileIds().stream().sorted().toList(),
                details.openInvitation().map(InvitationStore.Invitation::expiresAt).orElse(null),
                details.deactivatable());
    }
}
