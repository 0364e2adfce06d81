package com.leadline.platform.internal;

import com.leadline.platform.AuthenticatedUser;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the session belongs to, and the CSRF header and token its state-changing API calls must carry.
 * Asked with an API token: whom the token speaks for and in which account, with no CSRF header or token
 * (null), since a token's requests need none.
 */
@RestController
class SessionApiController {

    record SessionInfo(UUID userId, UUID accountId, String name, String email, String csrfHeader, String csrfToken) {
    }

    @GetMapping("/api/v1/session")
    SessionInfo session(@AuthenticationPrincipal AuthenticatedUser user, CsrfToken csrf) {
        return new SessionInfo(user.userId(), user.accountId(), user.displayName(), user.email(),
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }
}
