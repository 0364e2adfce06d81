package com.leadline.inbox.internal.web;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.HomeRoute;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A business's people start at the inbox (after the partner console's claim on agencies' users). */
@Component
@Order(10)
class InboxHome implements HomeRoute {

    @Override
    public Optional<String> homeFor(AuthenticatedUser user) {
        return user == null ? Optional.empty() : Optional.of("/inbox");
    }
}
