package com.leadline.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A plain-text email. The body may carry one-time links: it is stored only sealed, and so are the
 * headers (an unsubscribe link is a capability too).
 *
 * @param headers extra header fields, by name (e.g. {@code List-Unsubscribe}); names of letters, digits and
 *                hyphens, values on one line. The relay's own fields (From, To, Subject, Date, Message-ID,
 *                MIME ones) cannot be set here.
 */
public record OutgoingMail(String to, String subject, String body, Map<String, String> headers) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("from", "to", "cc", "bcc", "subject", "date",
            "message-id", "mime-version", "content-type", "content-transfer-encoding", "sender", "reply-to");

    public OutgoingMail {
        Map<String, String> copy = new LinkedHashMap<>();
        (headers == null ? Map.<String, String>of() : headers).forEach((name, value) -> {
            if (!NAME.matcher(name).matches() || RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))
                    || value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Not a header field an email may add: " + name);
            }
            copy.put(name, value);
        });
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** An email with no extra header fields (every transactional email before notifications). */
    public OutgoingMail(String to, String subject, String body) {
        this(to, subject, body, Map.of());
    }
}
