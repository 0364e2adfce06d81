package com.leadline.team.internal;

import com.leadline.platform.NotFoundException;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SignedInUserCheck;
import com.leadline.team.Actor;
import com.leadline.team.PartnerAccess;
import com.leadline.team.Role;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves the {@link Actor} parameter of a handler from the session's user, reading role and memberships
 * now. It is also the last signed-in check: it never ends a session, but reads the actor inside the checks'
 * transaction and keeps it for the request's handler, which so needs no transaction of its own for it.
 */
@Component
@Order(3)
public class Actors implements HandlerMethodArgumentResolver, com.leadline.team.ActorLookup, SignedInUserCheck {

    private static final String READ_WITH_CHECKS = Actors.class.getName() + ".readWithChecks";

    /** The actor read for this user by the checks, earlier in the same request. */
    private record ReadWithChecks(AuthenticatedUser user, Optional<Actor> actor) {
    }

    private final MembershipStore memberships;
    private final PartnerAccess partners;
    private final TransactionTemplate transactions;

    Actors(MembershipStore memberships, PartnerAccess partners, TransactionTemplate transactions) {
        this.memberships = memberships;
        this.partners = partners;
        this.transactions = transactions;
    }

    Actor load(AuthenticatedUser user) {
        return find(user).orElseThrow(NotFoundException::new);
    }

    @Override
    public Optional<Actor> actorOf(AuthenticatedUser user) {
        return find(user);
    }

    @Override
    public Optional<AuthenticatedUser> current(AuthenticatedUser user) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(READ_WITH_CHECKS, new ReadWithChecks(user, find(user)), RequestAttributes.SCOPE_REQUEST);
        }
        return Optional.of(user);
    }

    /** The actor, or empty when the user has no role and no partner access in the account they work in. */
    Optional<Actor> find(AuthenticatedUser user) {
        return transactions.execute(status -> {
            MembershipStore.Standing standing = memberships.standingOf(user.userId());
            return standing.role()
                    .or(() -> partners.levelOf(user.userId(), user.accountId())
                            .map(level -> level == PartnerAccess.Level.ADMIN ? Role.PARTNER_ADMIN : Role.PARTNER_READ_ONLY))
                    .map(role -> {
                        boolean wholeAccount = role == Role.OWNER || role.isPartner() || !standing.hasProfilesInUse();
                        return new Actor(user.userId(), user.accountId(), user.displayName(), role,
                                wholeAccount ? memberships.allProfiles() : standing.memberProfiles(), wholeAccount);
                    });
        });
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser user)) {
            throw new NotFoundException();
        }
        // Before the handler runs, the checks' reading is as fresh as a new one (it is only used for the same user).
        if (request != null && request.getAttribute(READ_WITH_CHECKS, RequestAttributes.SCOPE_REQUEST) instanceof ReadWithChecks read
                && read.user().equals(user)) {
            return read.actor().orElseThrow(NotFoundException::new);
        }
        return load(user);
    }
}
