package com.leadline.team.internal.web;

import com.leadline.team.Actor;
import com.leadline.team.internal.TeamList;
import com.leadline.team.internal.invitation.InvitationService;
import com.leadline.team.internal.invitation.InvitationStore;
import com.leadline.team.internal.member.DeactivationService;
import com.leadline.team.internal.member.MemberService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Team", description = "The account's team: members, invitations and deactivation (the Team page's operations).")
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

    record Invite(String name, String email,
                  @Schema(allowableValues = {"admin", "member"}) String role,
                  @Schema(description = "A profile's id, or all: every profile the inviter manages.") String profile) {
    }

    record Edit(String name, String email, @Schema(allowableValues = {"admin", "member"}) String role,
                @Schema(description = "The profiles the member works in (ids).") List<String> profileIds) {
    }

    record Candidate(UUID id, String name) {
    }

    record DeactivationPreview(int openConversations, List<Candidate> handoverCandidates) {
    }

    /** {@code handover}: "keep" (the default), "unassigned" or "member" with {@code transferTo}, the member's id. */
    record Deactivation(@Schema(allowableValues = {"keep", "unassigned", "member"}, defaultValue = "keep") String handover,
                        @Schema(description = "With handover member: the id of one of the preview's handoverCandidates.") String transferTo) {
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

    @Operation(summary = "List team members",
            description = "Keyset-paged, 50 rows by name: the members the caller sees, with the partner users who work in the "
                    + "account. Pass next.afterName and next.afterId to get the following page; next is null on the last "
                    + "one.")
    @Parameter(name = "profile", in = ParameterIn.QUERY, description = "A profile id: only its members. Absent: every profile the caller sees.", schema = @Schema(type = "string", format = "uuid"))
    @Parameter(name = "state", in = ParameterIn.QUERY, description = "current (the default: active and invited), active, invited, expired, deactivated or all.", schema = @Schema(type = "string"))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Part of a name or an email address.", schema = @Schema(type = "string"))
    @Parameter(name = "afterName", in = ParameterIn.QUERY, description = "The cursor: the previous page's next.afterName.", schema = @Schema(type = "string"))
    @Parameter(name = "afterId", in = ParameterIn.QUERY, description = "The cursor: the previous page's next.afterId.", schema = @Schema(type = "string", format = "uuid"))
    @GetMapping("/members")
    MemberPage list(Actor actor, @Parameter(hidden = true) @RequestParam Map<String, String> query) {
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

    @Operation(summary = "Invite a member",
            description = "Sends an invitation (valid 72 hours) to a new admin or member of one profile, or of all the profiles "
                    + "the inviter manages (profile \"all\"). Owner and admins, within their own profiles; partner admins.")
    @ApiResponse(responseCode = "201", description = "Invited: the new member, whose address is in Location.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Member.class)))
    @PostMapping("/members")
    ResponseEntity<Member> invite(Actor actor, @RequestBody Invite body) {
        UUID id = invitations.invite(actor, new InvitationService.InviteCommand(body.name(), body.email(), body.role(),
                body.profile()));
        return ResponseEntity.created(URI.create("/api/v1/team/members/" + id)).body(member(actor, id));
    }

    @Operation(summary = "Read a member",
            description = "A member's role, state, profiles and open invitation, and whether the caller may deactivate them; "
                    + "404 for someone the caller does not see.")
    @GetMapping("/members/{id}")
    Member get(Actor actor, @PathVariable UUID id) {
        return member(actor, id);
    }

    /** 204: the edit may take the member out of every profile the actor manages, and so out of the actor's sight. */
    @Operation(summary = "Edit a member",
            description = "Changes name, email, role and profiles. Answers no body: the edit may move the member out of the "
                    + "caller's sight.")
    @ApiResponse(responseCode = "204", description = "Saved.")
    @PutMapping("/members/{id}")
    ResponseEntity<Void> edit(Actor actor, @PathVariable UUID id, @RequestBody Edit body) {
        members.edit(actor, id, new MemberService.EditCommand(body.name(), body.email(), body.role(),
                body.profileIds() == null ? List.of() : body.profileIds()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Resend an invitation",
            description = "Sends the invitation again and restarts its 72 hours; the link sent before stops working.")
    @ApiResponse(responseCode = "204", description = "Sent again.")
    @PostMapping("/members/{id}/invitation/resend")
    ResponseEntity<Void> resend(Actor actor, @PathVariable UUID id) {
        invitations.resend(actor, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Cancel an invitation",
            description = "The invitation stops working and the invitee is removed from the team.")
    @ApiResponse(responseCode = "204", description = "Cancelled.")
    @DeleteMapping("/members/{id}/invitation")
    ResponseEntity<Void> cancel(Actor actor, @PathVariable UUID id) {
        invitations.cancel(actor, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Preview a deactivation",
            description = "How many open conversations the member holds, and who could take them over (active, seen by the "
                    + "caller, working in every profile of those conversations).")
    @GetMapping("/members/{id}/deactivation")
    DeactivationPreview previewDeactivation(Actor actor, @PathVariable UUID id) {
        DeactivationService.DeactivationPreview preview = deactivations.previewDeactivation(actor, id);
        return new DeactivationPreview(preview.openConversations(), preview.handoverCandidates().stream()
                .map(user -> new Candidate(user.id(), user.name())).toList());
    }

    @Operation(summary = "Deactivate a member",
            description = "Ends every session of the member and decides their open conversations: keep (the default, also "
                    + "without a body) leaves them assigned for a later transfer, unassigned moves them to Unassigned, "
                    + "member hands them to transferTo, one of the preview's candidates.")
    @ApiResponse(responseCode = "204", description = "Deactivated.")
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
