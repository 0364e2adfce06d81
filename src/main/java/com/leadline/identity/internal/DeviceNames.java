package com.leadline.identity.internal;

import java.util.List;
import java.util.Map;

/**
 * A short description of the device a session signed in from, read from its User-Agent header: "Chrome on Windows", "Safari
 * on iPhone". Only to help a person recognise their own sessions: the header is whatever the client sent, so nothing is
 * decided on it. What can't be read is "Unknown browser" or "Unknown device".
 */
final class DeviceNames {

    static final String UNKNOWN = "Unknown device";

    /** Tried in this order: Edge, Opera and Samsung Internet also say "Chrome/", and Chrome also says "Safari/". */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg", "Edge"),
            Map.entry("OPR/", "Opera"),
            Map.entry("Opera", "Opera"),
            Map.entry("SamsungBrowser/", "Samsung Internet"),
            Map.entry("Firefox/", "Firefox"),
            Map.entry("FxiOS/", "Firefox"),
            Map.entry("CriOS/", "Chrome"),
            Map.entry("Chrome/", "Chrome"),
            Map.entry("Chromium/", "Chrome"),
            Map.entry("Safari/", "Safari"));

    /** iPhones and iPads also say "like Mac OS X", and Android also says "Linux": the more particular come first. */
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("iPhone", "iPhone"),
            Map.entry("iPad", "iPad"),
            Map.entry("Android", "Android"),
            Map.entry("Windows", "Windows"),
            Map.entry("CrOS", "ChromeOS"),
            Map.entry("Macintosh", "Mac"),
            Map.entry("Mac OS X", "Mac"),
            Map.entry("Linux", "Linux"));

    private DeviceNames() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String browser = first(BROWSERS, userAgent);
        String system = first(SYSTEMS, userAgent);
        if (browser == null && system == null) {
            return UNKNOWN;
        }
        if (system == null) {
            return browser;
        }
        return (browser == null ? "Unknown browser" : browser) + " on " + system;
    }

    private static String first(List<Map.Entry<String, String>> known, String userAgent) {
        return known.stream().filter(entry -> userAgent.contains(entry.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
