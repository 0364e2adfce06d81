package com.leadline.integrations.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's webhook signature (X-Twilio-Signature): base64 of the HMAC-SHA1, keyed with the
 * account's auth token, of the full URL the provider was given followed by every POST parameter's
 * name and value, the names in sorted order.
 */
final class TwilioSignature {

    private TwilioSignature() {
    }

    static String sign(String authToken, String url, Map<String, List<String>> parameters) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, values) -> values.stream().sorted()
                .forEach(value -> signed.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every Java runtime", e);
        }
    }

    /** Compared in constant time; a missing signature is never valid. */
    static boolean valid(String authToken, String url, Map<String, List<String>> parameters, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        byte[] expected = sign(authToken, url, parameters).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
}
