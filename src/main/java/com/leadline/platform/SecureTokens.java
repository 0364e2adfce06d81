package com.leadline.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One-time secrets (password reset and invitation links, session ids): 256 random bits, written as
 * 43 base64url characters. Only {@link #hash} of a token is ever stored.
 */
public final class SecureTokens {

    public static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureTokens() {
    }

    public static String newToken() {
        return newToken(TOKEN_BYTES);
    }

    /** A URL-safe random text of {@code bytes} random bytes, e.g. a public id that must not be guessed. */
    public static String newToken(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** SHA-256 of the token text; a 256-bit random token needs no salt or slow hash. */
    public static byte[] hash(String token) {
        return sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text has the shape of a token this class makes; anything else is refused unread. */
    public static boolean looksLikeToken(String candidate) {
        return candidate != null && candidate.length() == 43 && candidate.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
