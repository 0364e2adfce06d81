package com.leadline.mail.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An email's extra header fields at rest: one "Name: value" line each, sealed like the body (an
 * unsubscribe link is a capability); null when there are none.
 */
final class MailHeaders {

    private MailHeaders() {
    }

    static byte[] seal(Seal seal, Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
        return seal.seal(lines.toString());
    }

    static Map<String, String> open(Seal seal, byte[] sealed) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (sealed == null || sealed.length == 0) {
            return headers;
        }
        for (String line : seal.open(sealed).split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
    }
}
