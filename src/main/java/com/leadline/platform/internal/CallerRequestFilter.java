package com.leadline.platform.internal;

import com.leadline.platform.ApiTokenAuthenticator;
import com.leadline.platform.CallerContext;
import com.leadline.platform.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every web request's caller (its client address and session) the {@link CallerContext} of its
 * thread. A request authenticated by an API token has no session of its own: the token stands in for it
 * (a cookie that came along is not the caller's session in that request).
 */
@Configuration(proxyBeanMethods = false)
class CallerRequestFilter extends OncePerRequestFilter {

    @Bean
    FilterRegistrationBean<CallerRequestFilter> callerOfRequest() {
        FilterRegistrationBean<CallerRequestFilter> registration = new FilterRegistrationBean<>(this);
        // Inside Spring Session's filter, so that the session asked for is the one the request signs in to.
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 2);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (CallerContext.Scope ignored = CallerContext.enterRequest(ClientAddress.of(request), () -> sessionIdOf(request))) {
            chain.doFilter(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static String sessionIdOf(HttpServletRequest request) {
        Object token = request.getAttribute(ApiTokenAuthenticator.TOKEN_ATTRIBUTE);
        if (token != null) {
            return "api-token:" + token;
        }
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
