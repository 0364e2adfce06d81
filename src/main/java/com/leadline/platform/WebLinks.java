package com.leadline.platform;

import java.net.URI;

/** Addresses from outside that Leadline shows as links (a text's media, the page a lead wrote from): web links only. */
public final class WebLinks {

    public static final int MAX_LENGTH = 2000;

    private WebLinks() {
    }

    /** Whether {@code link} is an http or https address with a host, of up to {@link #MAX_LENGTH} characters. */
    public static boolean isWebLink(String link) {
        if (link == null || link.isEmpty() || link.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = URI.create(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
