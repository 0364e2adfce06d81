package com.leadline.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a typical response (a page, a page of conversations as JSON) until the request is done.
 * A response that outgrows Tomcat's 8 KB buffer is committed while it is still being written, and
 * Spring Session saves the session at that moment; at the end of the request it then reads the
 * session row a second time to save it again. Streams (server-sent events, exports) flush as before.
 */
@Configuration(proxyBeanMethods = false)
class ResponseBufferFilter extends OncePerRequestFilter {

    static final int BUFFER_BYTES = 64 * 1024;

    @Bean
    FilterRegistrationBean<ResponseBufferFilter> responseBuffer() {
        FilterRegistrationBean<ResponseBufferFilter> registration = new FilterRegistrationBean<>(this);
        // Right inside Spring Session's filter, whose response wrapper is the one that must know the size.
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setBufferSize(BUFFER_BYTES);
        chain.doFilter(request, response);
    }
}
