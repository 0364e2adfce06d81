package com.leadline.leadbox.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Cross-origin access to the widget's routes (/widget/v1/{key}/...): granted to exactly the allowed
 * websites of the key's Leadbox, without credentials. Spring's CorsFilter answers preflights and
 * refuses (403, nothing done) a cross-origin request from any other website; the routes themselves
 * refuse requests that name no origin. The widget found is kept on the request for the controller.
 */
@Configuration(proxyBeanMethods = false)
class WidgetCors implements CorsConfigurationSource {

    static final String PATH_PREFIX = "/widget/v1/";
    private static final String WIDGET = Widget.class.getName();
    private static final Duration PREFLIGHT_CACHE = Duration.ofMinutes(10);

    private final WidgetDirectory directory;

    WidgetCors(WidgetDirectory directory) {
        this.directory = directory;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> widgetCorsFilter() {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(this));
        registration.addUrlPatterns(PATH_PREFIX + "*");
        // After the body cap and the caller context (platform's CallerRequestFilter, + 2), before Spring Security.
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 3);
        return registration;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        return widget(request).map(found -> {
            CorsConfiguration grant = new CorsConfiguration();
            grant.setAllowedOrigins(found.leadbox().allowedOrigins());
            grant.setAllowedMethods(List.of("GET", "POST"));
            grant.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE));
            // The panel tells the visitor when to try again after a 429: the page may read Retry-After.
            grant.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
            grant.setAllowCredentials(false);
            grant.setMaxAge(PREFLIGHT_CACHE);
            return grant;
        }).orElse(null);
    }

    /** The widget the request's key names, looked up once per request. */
    Optional<Widget> widget(HttpServletRequest request) {
        Object known = request.getAttribute(WIDGET);
        if (known != null) {
            return ((Optional<?>) known).map(Widget.class::cast);
        }
        Optional<Widget> found = directory.find(keyOf(request.getRequestURI()));
        request.setAttribute(WIDGET, found);
        return found;
    }

    private static String keyOf(String path) {
        int start = path.indexOf(PATH_PREFIX);
        if (start < 0) {
            return null;
        }
        String rest = path.substring(start + PATH_PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
