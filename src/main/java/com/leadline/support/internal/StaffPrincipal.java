package com.leadline.support.internal;

import java.io.Serializable;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/** A signed-in member of Leadline's support staff (never a customer user). */
record StaffPrincipal(UUID staffId, String name, String email) implements AuthenticatedPrincipal, Serializable {

    static final String ROLE = "ROLE_SUPPORT";

    @Override
    public String getName() {
        return "staff:" + staffId;
    }
}
