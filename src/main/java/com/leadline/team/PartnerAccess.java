package com.leadline.team;

import com.leadline.platform.NotAllowedException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Partner agencies' access to the current account, as the team needs it: at which level a partner
 * user acts here (the level lives on the agency's grant, so it is the same for all its users), and
 * who the partner users are. Implemented by the partners module.
 */
public interface PartnerAccess {

    enum Level { ADMIN, READ_ONLY }

    /**
     * Why a read-only partner changes nothing: the client lowered the agency's level, so no role of
     * theirs is at fault. The one wording for pages, htmx fragments, problem details and tooltips.
     */
    String READ_ONLY_REASON = "Your agency has read-only access to this account, set by the client.";

    static NotAllowedException readOnlyRefusal() {
        return new NotAllowedException(READ_ONLY_REASON);
    }

    record AgencyAccess(UUID agencyId, String agencyName, Level level) {
    }

    record PartnerMember(UUID userId, String name, String email, UUID agencyId, String agencyName, Level level) {
    }

    /** The level at which the user acts in the account through their agency's grant; empty if they may not. */
    Optional<Level> levelOf(UUID userId, UUID accountId);

    /** The active partner users of every agency with access to the current account. */
    List<PartnerMember> partnerMembers();

    /** The agencies with access to the current account, with their level, in the order they got it. */
    List<AgencyAccess> agencies();
}
