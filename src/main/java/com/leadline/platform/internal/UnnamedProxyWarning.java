package com.leadline.platform.internal;

import com.leadline.platform.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While no proxy is named, a deployment behind a load balancer sees every client as the load balancer:
 * one shared bucket for every per-client limit and no Secure cookie. Its first request that arrives with
 * X-Forwarded-For says so in the log, once, so that an operator who upgraded past the days when every
 * private address was trusted learns why.
 */
@Configuration(proxyBeanMethods = false)
class UnnamedProxyWarning extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnnamedProxyWarning.class);

    private final AtomicBoolean warned;

    UnnamedProxyWarning(@Value("${server.tomcat.remoteip.internal-proxies:}") String namedProxies) {
        this.warned = new AtomicBoolean(!namedProxies.isBlank());
    }

    @Bean
    FilterRegistrationBean<UnnamedProxyWarning> unnamedProxyWarningFilter() {
        FilterRegistrationBean<UnnamedProxyWarning> registration = new FilterRegistrationBean<>(this);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("X-Forwarded-For") != null && !warned.getAndSet(true)) {
            log.warn("A request from {} carried X-Forwarded-For, which Leadline ignores: no proxy is named in "
                    + "server.tomcat.remoteip.internal-proxies. Behind a load balancer, name it "
                    + "(SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES, see docs/operations.md), or every client counts as its "
                    + "address. This is said once.", ClientAddress.of(request));
        }
        chain.doFilter(request, response);
    }
}
