package com.leadline.team.internal;

import com.leadline.platform.NotFoundException;
import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities;
import com.leadline.identity.Identities.UserStatus;
import com.leadline.identity.Identities.UserView;
import com.leadline.platform.NotAllowedException;
import com.leadline.team.Actor;
import com.leadline.team.PartnerAccess;
import com.leadline.team.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The rules invitations and member changes share: who the actor may see, and what a valid name, address,
 * role and profile choice are. Validation collects its messages in the given map, one per form field.
 */
@Component
public class TeamRules {

    static final int MAX_NAME = 200;
    public static final String ALL_PROFILES = "all";

    private final MembershipStore memberships;
    private final PartnerAccess partners;
    private final Identities identities;

    TeamRules(MembershipStore memberships, PartnerAccess partners, Identities identities) {
        this.memberships = memberships;
        this.partners = partners;
        this.identities = identities;
    }

    /** A user of the actor's account the actor may see: the owner sees everyone, others those who share a profile. */
    public UserView visibleUser(Actor actor, UUID userId) {
        Optional<UserView> found = identities.user(userId);
        if (found.isEmpty() && partners.partnerMembers().stream().anyMatch(partner -> partner.userId().equals(userId))) {
            throw new NotAllowedException("Partner users are managed by their agency: they can't be edited, "
                    + "removed or deactivated here. Change the agency's access level instead.");
        }
        UserView user = found.orElseThrow(NotFoundException::new);
        boolean visible = actor.seesEveryProfile() || user.id().equals(actor.userId()) || memberships.sharesAProfile(userId, actor.profileIds());
        if (!visible) {
            throw new NotFoundException();
        }
        return user;
    }

    public static String validName(String raw, Map<String, String> errors) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.put("name", "Enter a name (up to " + MAX_NAME + " characters).");
        }
        return name;
    }

    /** A normalised address no other user holds (the current holder may keep it). */
    public String freeEmail(String raw, UserView current, Map<String, String> errors) {
        String email = EmailAddresses.normalize(raw);
        if (!EmailAddresses.isPlausible(email)) {
            errors.put("email", "Enter an email address like name@example.com.");
            return email;
        }
        if (current != null && current.email().equals(email)) {
            return email;
        }
        identities.statusOfEmail(email).ifPresent(holder -> errors.put("email", holder == UserStatus.DEACTIVATED
                ? "This address belongs to a deactivated user. Contact support to reactivate them."
                : "This address already belongs to a Leadline user."));
        return email;
    }

    public static Role grantableBy(Actor actor, String code, Map<String, String> errors) {
        Optional<Role> role = Role.grantable(code);
        if (role.isEmpty()) {
            errors.put("role", "Choose Admin or Team member.");
            return Role.MEMBER;
        }
        if (!role.get().isAtMost(actor.role())) {
            errors.put("role", "You can't give a role above your own.");
        }
        return role.get();
    }

    public static Set<UUID> profileIds(Actor actor, List<String> choices, Map<String, String> errors) {
        Set<UUID> ids = new HashSet<>();
        for (String choice : choices == null ? List.<String>of() : choices) {
            try {
                UUID id = UUID.fromString(choice.strip());
                if (!actor.canManageProfile(id)) {
                    errors.put("profile", "Choose among the profiles you manage.");
                }
                ids.add(id);
            } catch (IllegalArgumentException malformed) {
                errors.put("profile", "Choose among the profiles you manage.");
            }
        }
        return ids;
    }
}
