package com.leadline.platform.internal;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which addresses are machine-readable: the JSON API under {@code /api/} and its OpenAPI description under
 * {@code /v3/} (the document, its YAML form and Swagger UI's configuration). Their refusals are problem
 * details and a signed-out caller gets 401, where a page would redirect to sign-in.
 */
final class ApiPaths {

    private static final String[] PREFIXES = {"/api/", "/v3/"};

    static final RequestMatcher MATCHER = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/v3/**"));

    private ApiPaths() {
    }

    /** {@code path} without the context path. */
    static boolean isApi(String path) {
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
