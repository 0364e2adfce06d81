package com.leadline.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.leadline.platform.UploadRoute;
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
 * fields. Parameters Tomcat cannot read (not valid UTF-8, a malformed %-escape, too many of them, a
 * form past the cap, a body that broke off) are refused with 400 or 413 in words for that cause,
 * logged in one line. A multipart body (an upload) is refused with 415 unread, but on a route a module declared
 * as a multipart {@link UploadRoute} (the contacts import's page). JSON bodies are checked by their reader ({@link StorableTextJson}).
 */
@Configuration(proxyBeanMethods = false)
class TextInputFilter extends OncePerRequestFilter {

    static final String PATH_FIELD = "path";
    static final String MULTIPART_REFUSAL = "This address takes no uploads: send forms as application/x-www-form-urlencoded "
            + "and API requests as application/json.";
    private static final Logger log = LoggerFactory.getLogger(TextInputFilter.class);

    private final List<UploadRoute> uploads;

    TextInputFilter(List<UploadRoute> uploads) {
        this.uploads = List.copyOf(uploads);
    }

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
        if (request.getContentType() != null && request.getContentType().regionMatches(true, 0, "multipart/", 0, 10)
                && uploads.stream().noneMatch(upload -> upload.multipart() && upload.matches(request))) {
            log.warn("Refused {} {} with 415: a multipart body", request.getMethod(), request.getRequestURI());
            ErrorResponses.refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, MULTIPART_REFUSAL, Map.of());
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            Unreadable why = Unreadable.of(unreadable);
            log.warn("Refused {} {} with {}: its parameters could not be read, {}", request.getMethod(),
                    request.getRequestURI(), why.status.value(), why.logged(unreadable));
            ErrorResponses.refuse(request, response, why.status, why.detail, Map.of());
            return;
        }
        Map<String, String> unstorable = unstorableFields(request, parameters);
        if (!unstorable.isEmpty()) {
            log.warn("Refused {} {} with 400: text that cannot be stored in {}", request.getMethod(), request.getRequestURI(),
                    unstorable.keySet());
            ErrorResponses.refuse(request, response, HttpStatus.BAD_REQUEST, StorableText.SUMMARY, unstorable);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The fields (parameter names, or the path) whose text PostgreSQL could not store, named as shown back. */
    private static Map<String, String> unstorableFields(HttpServletRequest request, Map<String, String[]> parameters) {
        Map<String, String> unstorable = new TreeMap<>();
        parameters.forEach((name, values) -> {
            if (!StorableText.isStorable(name) || !Arrays.stream(values).allMatch(StorableText::isStorable)) {
                unstorable.put(StorableText.shown(name), StorableText.REFUSAL);
            }
        });
        if (!StorableText.isStorable(request.getServletPath() + Objects.toString(request.getPathInfo(), ""))) {
            unstorable.put(PATH_FIELD, StorableText.REFUSAL);
        }
        return unstorable;
    }

    /** Why Tomcat could not read the parameters, told by the exception it threw (its message depends on the server's locale). */
    private enum Unreadable {
        TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too large", RequestBodyLimitFilter.REFUSAL),
        NOT_UTF8(HttpStatus.BAD_REQUEST, "not valid UTF-8", "The request's parameters are not valid UTF-8."),
        BODY_UNREADABLE(HttpStatus.BAD_REQUEST, "the body stopped or broke off", "The request's body could not be read."),
        MALFORMED(HttpStatus.BAD_REQUEST, "too many or malformed",
                "The request's parameters could not be read: too many of them, or a malformed %-escape.");

        final HttpStatus status;
        final String detail;
        private final String logged;

        Unreadable(HttpStatus status, String logged, String detail) {
            this.status = status;
            this.logged = logged;
            this.detail = detail;
        }

        /** Only Tomcat's words tell a count from an escape; they quote the request, hence escaped and cut short. */
        String logged(IllegalStateException failure) {
            if (this != MALFORMED) {
                return logged;
            }
            String tomcat = StorableText.shown(String.valueOf(failure.getMessage()));
            return logged + " (" + (tomcat.length() > 200 ? tomcat.substring(0, 200) + "..." : tomcat) + ")";
        }

        static Unreadable of(IllegalStateException failure) {
            if (!(failure instanceof InvalidParameterException invalid)) {
                // Tomcat's multipart parser (should one ever be configured) says the fields passed maxPostSize this way.
                return TOO_LARGE;
            }
            if (invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                return TOO_LARGE;
            }
            Throwable cause = invalid.getCause();
            if (cause instanceof CharacterCodingException) {
                return NOT_UTF8;
            }
            if (cause instanceof IOException && !(cause instanceof CharConversionException)) {
                // The client went away or the chunked body broke off (a CharConversionException is Tomcat's
                // URL decoder on a %-escape that is not two hex digits).
                return BODY_UNREADABLE;
            }
            // A bad %-escape, too many parameters, or a chunk Tomcat could not split.
            return MALFORMED;
        }
    }
}
