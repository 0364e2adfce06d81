package com.leadline.leadbox.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token a Leadbox panel gets when it opens: the time it was issued, signed with the Leadbox's
 * own secret (HMAC-SHA256), so that the intake can tell how long the visitor took to fill the form
 * in without remembering anything. Any node can check it: the secret is in the Leadbox's row.
 */
final class FormTokens {

    /** What a token says of the form sent with it. */
    enum Check {
        /** Issued by us for this Leadbox, old enough and not expired. */
        FILLED_BY_A_PERSON,
        /** Genuine, but the form came back faster than a person types: a bot. */
        TOO_FAST,
        /** Not ours, not for this Leadbox, altered, or expired. */
        INVALID
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_LENGTH = 80;

    private FormTokens() {
    }

    static String issue(Leadbox leadbox, Instant now) {
        String issuedAt = Long.toString(now.toEpochMilli());
        return issuedAt + "." + signature(leadbox, issuedAt);
    }

    static Check check(Leadbox leadbox, String token, Instant now, Duration minimumFillTime, Duration lifetime) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Check.INVALID;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Check.INVALID;
        }
        String issuedAt = token.substring(0, dot);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, signature(leadbox, issuedAt).getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        Instant issued;
        try {
            issued = Instant.ofEpochMilli(Long.parseLong(issuedAt));
        } catch (NumberFormatException notOurs) {
            return Check.INVALID;
        }
        if (issued.plus(lifetime).isBefore(now)) {
            return Check.INVALID;
        }
        return issued.plus(minimumFillTime).isAfter(now) ? Check.TOO_FAST : Check.FILLED_BY_A_PERSON;
    }

    /** Over the key as well as the time: a token of one Leadbox is worth nothing at another. */
    private static String signature(Leadbox leadbox, String issuedAt) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(leadbox.formSecret(), ALGORITHM));
            byte[] signed = mac.doFinal((leadbox.widgetKey() + "." + issuedAt).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }
}
