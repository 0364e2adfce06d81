package com.leadline.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads the session or the database, a request whose query parameters, form
 * fields or decoded path hold text PostgreSQL cannot store ({@link StorableText}): 400 naming the
 * fields. A query or form that is not valid UTF-8 (Tomcat cannot decode its parameters) is refused
 * with 400 as well, logged in one line. JSON bodies are checked by their reader ({@link StorableTextJson}).
 */
@Configuration(proxyBeanMethods = false)
class TextInputFilter extends OncePerRequestFilter {

    static final String PATH_FIELD = "path";
    private static final Logger log = LoggerFactory.getLogger(TextInputFilter.class);

    @Bean
    FilterRegistrationBean<TextInputFilter> textInput() {
        FilterRegistrationBean<TextInputFilter> registration = new FilterRegistrationBean<>(this);
        // Right after the body cap, so that a form is parsed only once it is known to be small enough.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (InvalidParameterException undecodable) {
            HttpStatus status = undecodable.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                    ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
            log.warn("Refused {} {} with {}: its parameters could not be read ({})", request.getMethod(),
                    request.getRequestURI(), status.value(), status == HttpStatus.BAD_REQUEST ? "not valid UTF-8" : "too large");
            ErrorResponses.refuse(request, response, status, status == HttpStatus.BAD_REQUEST
                    ? "The request's parameters are not valid UTF-8." : RequestBodyLimitFilter.REFUSAL, Map.of());
            return;
        }
        Map<String, String> unstorable = new TreeMap<>();
        parameters.forEach((name, values) -> {
            if (!StorableText.isStorable(name) || !Arrays.stream(values).allMatch(StorableText::isStorable)) {
                unstorable.put(StorableText.shown(name), StorableText.REFUSAL);
            }
        });
        if (!StorableText.isStorable(request.getServletPath() + Objects.toString(request.getPathInfo(), ""))) {
            unstorable.put(PATH_FIELD, StorableText.REFUSAL);
        }
        if (!unstorable.isEmpty()) {
            log.warn("Refused {} {} with 400: text that cannot be stored in {}", request.getMethod(), request.getRequestURI(),
                    unstorable.keySet());
            ErrorResponses.refuse(request, response, HttpStatus.BAD_REQUEST, "Some of what was sent cannot be stored.", unstorable);
            return;
        }
        chain.doFilter(request, response);
    }
}
