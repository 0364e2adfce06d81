package com.leadline.integrations.internal.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verification of Standard Webhooks signatures, written from the specification for the
 * tests and sharing no code with Leadline's signer: the three headers read as a receiver reads them,
 * the timestamp within a tolerance of the receiver's clock, the signed content rebuilt, and each
 * {@code v1,} signature of the header compared in constant time.
 */
final class IndependentWebhookVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** Why a message was refused. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why);
        }
    }

    private final byte[] key;

    IndependentWebhookVerifier(String secret) {
        String encoded = secret.startsWith("whsec_") ? secret.substring(6) : secret;
        this.key = Base64.getDecoder().decode(encoded);
    }

    /** Accepts the message (returns normally) if one of the header's v1 signatures is this secret's and the time is fresh. */
    void verify(String id, String timestampHeader, String signatureHeader, String body, Instant receiverNow) throws Refused {
        if (id == null || id.isBlank() || timestampHeader == null || signatureHeader == null) {
            throw new Refused("missing webhook-id, webhook-timestamp or webhook-signature");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw new Refused("webhook-timestamp is not a number");
        }
        Instant sent = Instant.ofEpochSecond(timestamp);
        if (sent.isBefore(receiverNow.minus(TOLERANCE)) || sent.isAfter(receiverNow.plus(TOLERANCE))) {
            throw new Refused("timestamp " + sent + " too far from " + receiverNow);
        }
        byte[] expected = hmac((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String signature : signaturesIn(signatureHeader)) {
            byte[] given;
            try {
                given = Base64.getDecoder().decode(signature);
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new Refused("no signature matches");
    }

    /** Which of the header's signatures (by position) this secret made. */
    List<Integer> matchingPositions(String id, String timestampHeader, String signatureHeader, String body) {
        byte[] expected = hmac((id + "." + Long.parseLong(timestampHeader.trim()) + "." + body).getBytes(StandardCharsets.UTF_8));
        List<String> signatures = signaturesIn(signatureHeader);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(signatures.get(i)))) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** The base64 parts of every {@code v1,} entry of the space-delimited header; other versions are skipped. */
    static List<String> signaturesIn(String header) {
        List<String> signatures = new ArrayList<>();
        for (String entry : header.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1")) {
                signatures.add(entry.substring(comma + 1));
            }
        }
        return signatures;
    }

    private byte[] hmac(byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
