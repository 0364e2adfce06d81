package com.leadline.platform.internal;

import com.leadline.platform.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The local-mode tools under {@code /dev/} (the local mailbox with its reset and invitation links, the
 * dev channel) answer only a browser on this machine; anything else gets the 404 of an unknown page,
 * before the session, security or any controller is involved. Three things must hold:
 * <ul>
 * <li>The client ({@link ClientAddress}: the socket's address, or the one a proxy named in
 * {@code server.tomcat.remoteip.internal-proxies} passed on) is a loopback IP literal.</li>
 * <li>The Host names this machine or the host of {@code leadline.base-url}. Under DNS rebinding the
 * attacker's page reaches us from loopback, but its Host is still the attacker's name.</li>
 * <li>No forwarding header: a tunnel or proxy on this machine (ngrok, port forwarding, a local nginx)
 * makes every remote visitor a loopback client, and a browser never sends these itself.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class LocalToolsLoopbackFilter extends OncePerRequestFilter {

    /** IP literals only: a host name here must not be resolved (to loopback or anything else). */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP");

    private final String baseUrlHost;

    LocalToolsLoopbackFilter(@Value("${leadline.base-url}") String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        this.baseUrlHost = host == null ? null : host.toLowerCase(Locale.ROOT);
    }

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
        if (!isLoopback(ClientAddress.of(request)) || !namesThisMachine(request) || isForwarded(request)) {
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

    /**
     * The server name is the Host header's host part as the container parsed it (without the port, an
     * IPv6 literal in brackets); it is compared whole, so {@code localhost.evil.example} is not localhost.
     */
    private boolean namesThisMachine(HttpServletRequest request) {
        String serverName = request.getServerName();
        if (serverName == null) {
            return false;
        }
        String host = serverName.toLowerCase(Locale.ROOT);
        return THIS_MACHINE.contains(host) || host.equals(baseUrlHost);
    }

    private static boolean isForwarded(HttpServletRequest request) {
        return FORWARDING_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null);
    }
}
