package com.leadline.platform.internal;

import com.leadline.platform.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The local-mode tools under {@code /dev/} (the local mailbox with its reset and invitation links, the
 * dev channel) answer only clients on this machine; anyone else gets the 404 of an unknown page,
 * before the session, security or any controller is involved. The client is {@link ClientAddress}: the
 * socket's address, or the one a proxy named in {@code server.tomcat.remoteip.internal-proxies}
 * passed on. Forwarding headers are never read here.
 */
@Configuration(proxyBeanMethods = false)
class LocalToolsLoopbackFilter extends OncePerRequestFilter {

    /** IP literals only: a host name here must not be resolved (to loopback or anything else). */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    @Bean
    FilterRegistrationBean<LocalToolsLoopbackFilter> localToolsLoopbackOnly() {
        FilterRegistrationBean<LocalToolsLoopbackFilter> registration = new FilterRegistrationBean<>(this);
        registration.addUrlPatterns("/dev/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLoopback(ClientAddress.of(request))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isLoopback(String remoteAddress) {
        if (remoteAddress == null || !IP_LITERAL.matcher(remoteAddress).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException malformed) {
            return false;
        }
    }
}
