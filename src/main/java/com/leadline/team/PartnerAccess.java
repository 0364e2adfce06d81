package com.leadline.team;

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

    record PartnerMember(UUID userId, String name, String email, UUID agencyId, String agencyName, Level level) {
    }

    /** The level at which the user acts in the account through their agency's grant; empty if they may not. */
    Optional<Level> levelOf(UUID userId, UUID accountId);

    /** The active partner users of every agency with access to the current account. */
    List<PartnerMember> partnerMembers();
}
