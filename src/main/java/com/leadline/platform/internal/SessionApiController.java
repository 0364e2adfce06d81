package com.leadline.platform.internal;

import com.leadline.platform.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Session", description = "Who is signed in, and the CSRF token that state-changing calls carry.")
@RestController
class SessionApiController {

    record SessionInfo(UUID userId, UUID accountId, String name, String email, String csrfHeader, String csrfToken) {
    }

    @Operation(summary = "Who is signed in",
            description = "The signed-in user and their current account, with the CSRF header name and token that every POST, "
                    + "PUT and DELETE must send.")
    @GetMapping("/api/v1/session")
    SessionInfo session(@AuthenticationPrincipal AuthenticatedUser user, CsrfToken csrf) {
        return new SessionInfo(user.userId(), user.accountId(), user.displayName(), user.email(),
                csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken());
    }
}
