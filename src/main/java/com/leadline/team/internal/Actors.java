package com.leadline.team.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.RequestRefusedException;
import com.leadline.team.Actor;
import com.leadline.team.PartnerAccess;
import com.leadline.team.Role;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves the {@link Actor} parameter of a handler from the session's user, reading role and memberships now. */
@Component
class Actors implements HandlerMethodArgumentResolver, com.leadline.team.ActorLookup {

    private final TeamStore team;
    private final PartnerAccess partners;
    private final TransactionTemplate transactions;

    Actors(TeamStore team, PartnerAccess partners, TransactionTemplate transactions) {
        this.team = team;
        this.partners = partners;
        this.transactions = transactions;
    }

    Actor load(AuthenticatedUser user) {
        return find(user).orElseThrow(RequestRefusedException::notFound);
    }

    @Override
    public Optional<Actor> actorOf(AuthenticatedUser user) {
        return find(user);
    }

    /** The actor, or empty when the user has no role and no partner access in the account they work in. */
    Optional<Actor> find(AuthenticatedUser user) {
        return transactions.execute(status -> {
            TeamStore.Standing standing = team.standingOf(user.userId());
            return standing.role()
                    .or(() -> partners.levelOf(user.userId(), user.accountId())
                            .map(level -> level == PartnerAccess.Level.ADMIN ? Role.PARTNER_ADMIN : Role.PARTNER_READ_ONLY))
                    .map(role -> {
                        boolean wholeAccount = role == Role.OWNER || role.isPartner() || !standing.hasProfilesInUse();
                        return new Actor(user.userId(), user.accountId(), user.displayName(), role,
                                wholeAccount ? team.allProfiles() : standing.memberProfiles(), wholeAccount);
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
            throw RequestRefusedException.notFound();
        }
        return load(user);
    }
}
