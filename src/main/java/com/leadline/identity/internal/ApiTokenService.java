package com.leadline.identity.internal;

import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.identity.AccountNames;
import com.leadline.platform.ApiTokenAuthenticator;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.ConflictException;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.SecureTokens;
import com.leadline.platform.ShellAccounts;
import com.leadline.platform.Tenancy;
import com.leadline.platform.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API tokens (PERMISSIONS.md row 32): every signed-in user makes, lists and revokes their own.
 * A token speaks for its user in one account, the user's own or, for a partner agency's user, one client
 * account chosen when it is made; it carries no rights of its own: each request through it is checked
 * as its user's would be at that moment. The text ({@value #PREFIX} and 43 base64url characters, 256
 * random bits) is shown once; only its SHA-256 is kept.
 */
@Service
class ApiTokenService implements ApiTokenAuthenticator {

    static final String PREFIX = "ll_pat_";
    /** How long a token may live; none lives forever. */
    static final List<Integer> LIFETIMES_IN_DAYS = List.of(7, 30, 90, 365);
    static final int MAX_NAME_LENGTH = 80;
    /** Tokens a user may have working at once. */
    static final int MAX_LIVE_TOKENS = 25;
    /** The list shows this many of the user's latest tokens (revoked and expired ones included). */
    static final int LISTED = 100;
    /** A token's last use is noted at most this often. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    enum State { ACTIVE, EXPIRED, REVOKED }

    /** An account a token can be made for. */
    record AccountChoice(UUID id, String name) {
    }

    /** A token just made: {@code token} is its text, which nobody will see again. */
    record NewToken(UUID id, String name, String token, Instant expiresAt, AccountChoice account) {
    }

    /** One of the user's tokens; {@code accountName} is null when the user no longer works in that account. */
    record TokenView(UUID id, String name, String hint, UUID accountId, String accountName, Instant createdAt,
                     Instant expiresAt, Instant lastUsedAt, Instant revokedAt, State state) {

        /** How the list names it: the prefix and its first characters. */
        public String shownAs() {
            return PREFIX + hint + "…";
        }
    }

    private final ApiTokenStore tokens;
    private final Optional<ShellAccounts> shellAccounts;
    private final AccountNames accountNames;
    private final AuditLog audit;
    private final Tenancy tenancy;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;

    ApiTokenService(ApiTokenStore tokens, Optional<ShellAccounts> shellAccounts, AccountNames accountNames, AuditLog audit,
                    Tenancy tenancy, Clock clock, PlatformTransactionManager transactionManager) {
        this.tokens = tokens;
        this.shellAccounts = shellAccounts;
        this.accountNames = accountNames;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = Transactions.readOnly(transactionManager);
    }

    /**
     * The accounts the user may make a token for: their own, or for a partner agency's user the client
     * accounts their agency works in now (none while it has no client).
     */
    List<AccountChoice> accountChoices(AuthenticatedUser user) {
        List<ShellAccounts.AccountChoice> elsewhere = shellAccounts.map(accounts -> accounts.choicesFor(user)).orElse(List.of());
        if (!elsewhere.isEmpty()) {
            return elsewhere.stream().filter(choice -> !choice.id().equals(user.homeAccountId()))
                    .map(choice -> new AccountChoice(choice.id(), choice.name())).toList();
        }
        UUID home = user.homeAccountId();
        return List.of(new AccountChoice(home, reads.execute(status -> tenancy.inAccount(home, () -> accountNames.nameOf(home)))));
    }

    /** Whether these choices are a partner agency's user's (their clients, never their own account): they must pick one. */
    static boolean mustChoose(AuthenticatedUser user, List<AccountChoice> choices) {
        return choices.stream().noneMatch(choice -> choice.id().equals(user.homeAccountId()));
    }

    /**
     * Makes a token and gives its text, this once.
     *
     * @param accountId the account it works in; left out, the account the user works in now
     * @throws InvalidInputException under "name", "expiresInDays" or "accountId"
     * @throws ConflictException when the user already has {@value #MAX_LIVE_TOKENS} tokens working
     */
    NewToken create(AuthenticatedUser user, String name, Integer expiresInDays, UUID accountId) {
        String trimmed = name == null ? "" : name.strip();
        List<AccountChoice> choices = accountChoices(user);
        Map<String, String> errors = new LinkedHashMap<>();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH || trimmed.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "Give the token a name of up to " + MAX_NAME_LENGTH + " characters on one line, "
                    + "such as the tool that will use it.");
        }
        if (expiresInDays == null || !LIFETIMES_IN_DAYS.contains(expiresInDays)) {
            errors.put("expiresInDays", "Choose how long the token works: 7, 30, 90 or 365 days.");
        }
        // Left out: the account the user works in now, when a token may be made for it (not a partner agency's own).
        UUID wanted = accountId != null ? accountId : user.accountId();
        Optional<AccountChoice> account = choices.stream().filter(choice -> choice.id().equals(wanted)).findFirst();
        if (account.isEmpty()) {
            errors.put("accountId", choices.isEmpty()
                    ? "Your agency works in no client account yet, and a partner's token works in one."
                    : "Choose one of the accounts you work in.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String text = PREFIX + SecureTokens.newToken();
        String hint = text.substring(PREFIX.length(), PREFIX.length() + 4);
        UUID home = user.homeAccountId();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofDays(expiresInDays));
        transactions.executeWithoutResult(status -> tenancy.inAccount(home, () -> {
            if (tokens.countLive(user.userId(), now) >= MAX_LIVE_TOKENS) {
                throw new ConflictException("You have " + MAX_LIVE_TOKENS + " API tokens in use already. Revoke one you no longer need first.");
            }
            tokens.insert(id, home, user.userId(), account.get().id(), trimmed, SecureTokens.hash(text), hint, now, expiresAt);
            audit.record(AuditEntry.of("api_token.created", Outcome.SUCCESS).inAccount(home).by(user.userId())
                    .on("api_token", id).with(Map.of("name", trimmed, "hint", PREFIX + hint,
                            "account", account.get().id().toString(), "expiresAt", expiresAt.toString())));
        }));
        return new NewToken(id, trimmed, text, expiresAt, account.get());
    }

    /** The user's latest tokens, newest first, whatever account the user works in now. */
    List<TokenView> list(AuthenticatedUser user) {
        Map<UUID, String> names = new LinkedHashMap<>();
        accountChoices(user).forEach(choice -> names.put(choice.id(), choice.name()));
        Instant now = clock.instant();
        return reads.execute(status -> tenancy.inAccount(user.homeAccountId(), () -> tokens.ofUser(user.userId(), LISTED)))
                .stream()
                .map(token -> new TokenView(token.id(), token.name(), token.hint(), token.workAccountId(),
                        names.get(token.workAccountId()), token.createdAt(), token.expiresAt(), token.lastUsedAt(), token.revokedAt(),
                        token.revokedAt() != null ? State.REVOKED : now.isBefore(token.expiresAt()) ? State.ACTIVE : State.EXPIRED))
                .toList();
    }

    /**
     * Revokes one of the user's own tokens: from the next request on it is refused. Revoking a revoked
     * token changes nothing.
     *
     * @throws NotFoundException for a token that is not the user's
     */
    void revoke(AuthenticatedUser user, UUID tokenId) {
        UUID home = user.homeAccountId();
        transactions.executeWithoutResult(status -> tenancy.inAccount(home, () -> {
            ApiTokenStore.Stored token = tokens.ofUser(user.userId(), tokenId).orElseThrow(NotFoundException::new);
            if (tokens.revoke(user.userId(), tokenId, clock.instant())) {
                audit.record(AuditEntry.of("api_token.revoked", Outcome.SUCCESS).inAccount(home).by(user.userId())
                        .on("api_token", tokenId).with(Map.of("name", token.name(), "hint", PREFIX + token.hint())));
            }
        }));
    }

    @Override
    public Optional<TokenHolder> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || !SecureTokens.looksLikeToken(token.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        byte[] hash = SecureTokens.hash(token);
        Instant now = clock.instant();
        return transactions.execute(status -> tokens.accountOfHash(hash).flatMap(home -> tenancy.inAccount(home, () -> tokens.byHash(hash)
                .filter(found -> found.revokedAt() == null && now.isBefore(found.expiresAt()))
                .map(found -> {
                    tokens.touch(found.id(), now, now.minus(LAST_USED_GRANULARITY));
                    return new TokenHolder(found.id(), new AuthenticatedUser(found.userId(), home, found.workAccountId(),
                            found.userName(), found.email()));
                }))));
    }
}
