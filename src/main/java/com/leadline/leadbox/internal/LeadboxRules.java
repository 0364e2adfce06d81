package com.leadline.leadbox.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** What a Leadbox's settings may hold (V45 checks the same bounds) and how a website's origin is written. */
final class LeadboxRules {

    static final int MAX_BUTTON_TEXT = 40;
    static final int MAX_GREETING = 300;
    static final int MAX_CONSENT = 500;
    static final int MAX_ORIGINS = 20;

    private LeadboxRules() {
    }

    /**
     * The origin of a website as browsers send it in the Origin header: lower-case scheme (http or https)
     * and host, and the port only when it is not the scheme's default. Typed text may be a whole address
     * ("https://Example.com/contact"): only its origin is kept. Empty when it names no http(s) site.
     */
    static Optional<String> origin(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 2000) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(typed.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }
}
