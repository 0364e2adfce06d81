package com.leadline.partners.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.HomeRoute;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A partner agency's users start at their partner console. */
@Component
@org.springframework.core.annotation.Order(1)
class AgencyHome implements HomeRoute {

    private final PartnerService partners;

    AgencyHome(PartnerService partners) {
        this.partners = partners;
    }

    @Override
    public Optional<String> homeFor(AuthenticatedUser user) {
        return user != null && partners.isAgency(user.accountId()) ? Optional.of("/partners") : Optional.empty();
    }

    /** A new agency has no inbox to go to: the console, with its referral link, is where it starts. */
    @Override
    public boolean skipsWelcome() {
        return true;
    }
}
