package com.leadline.identity.internal;

import com.leadline.platform.ApiTokenAuthenticator;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.NotAllowedException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's API tokens as JSON under /api/v1/tokens. Only a session manages tokens: a
 * request made with a token is refused here (403), or a token that leaked could renew itself for ever.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "The signed-in person's personal API tokens; managed with a session only, never with a token.")
class ApiTokensApiController {

    static final String SESSION_ONLY = "API tokens are made, listed and revoked while signed in, not with a token.";

    record AccountJson(UUID id, String name) {
    }

    record TokenJson(UUID id, String name, String hint, AccountJson account, Instant createdAt, Instant expiresAt,
                     Instant lastUsedAt, Instant revokedAt, String state) {
    }

    record TokenList(List<TokenJson> tokens, List<AccountJson> accounts, List<Integer> lifetimesInDays) {
    }

    /** accountId: left out, the account the user works in now (a partner agency's user: a client account, never the agency). */
    record NewToken(String name, Integer expiresInDays, UUID accountId) {
    }

    record MadeToken(UUID id, String name, String token, Instant expiresAt, AccountJson account) {
    }

    private final ApiTokenService apiTokens;

    ApiTokensApiController(ApiTokenService apiTokens) {
        this.apiTokens = apiTokens;
    }

    @Operation(summary = "List your API tokens",
            description = "Your tokens (never their text: only the first characters), the accounts a new one may be for, and "
                    + "the lifetimes offered. A request made with a token is refused (403).")
    @GetMapping
    TokenList list(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request) {
        sessionOnly(request);
        return new TokenList(apiTokens.list(user).stream().map(token -> new TokenJson(token.id(), token.name(),
                        token.shownAs(), new AccountJson(token.accountId(), token.accountName()), token.createdAt(), token.expiresAt(),
                        token.lastUsedAt(), token.revokedAt(), token.state().name().toLowerCase(java.util.Locale.ROOT))).toList(),
                apiTokens.accountChoices(user).stream().map(choice -> new AccountJson(choice.id(), choice.name())).toList(),
                ApiTokenService.LIFETIMES_IN_DAYS);
    }

    @Operation(summary = "Make an API token",
            description = "A name (1 to 80 characters), a lifetime in days (one of those the list offers) and, for a partner "
                    + "user, the client account it is for. Answers 201 with the token's text, shown this once; only its hash "
                    + "is kept. A request made with a token is refused (403).")
    @ApiResponse(responseCode = "201", description = "Made; the body holds the token, shown only now.")
    @PostMapping
    ResponseEntity<MadeToken> create(@AuthenticationPrincipal AuthenticatedUser user, @RequestBody NewToken body,
                                     HttpServletRequest request) {
        sessionOnly(request);
        ApiTokenService.NewToken made = apiTokens.create(user, body.name(), body.expiresInDays(), body.accountId());
        return ResponseEntity.status(HttpStatus.CREATED).body(new MadeToken(made.id(), made.name(), made.token(), made.expiresAt(),
                        new AccountJson(made.account().id(), made.account().name())));
    }

    @Operation(summary = "Revoke an API token",
            description = "The token stops working at once, on every node. Another person's token is not found (404). "
                    + "A request made with a token is refused (403).")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id, HttpServletRequest request) {
        sessionOnly(request);
        apiTokens.revoke(user, id);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private static void sessionOnly(HttpServletRequest request) {
        if (ApiTokenAuthenticator.isTokenRequest(request)) {
            throw new NotAllowedException(SESSION_ONLY);
        }
    }
}
