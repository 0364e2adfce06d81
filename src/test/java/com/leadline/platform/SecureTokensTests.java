package com.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureTokensTests {

    @Test
    void tokensAre256RandomBitsInUrlSafeText() {
        Set<String> seen = new HashSet<>();
        long ones = 0;
        int count = 10_000;
        for (int i = 0; i < count; i++) {
            String token = SecureTokens.newToken();
            assertThat(SecureTokens.looksLikeToken(token)).isTrue();
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            assertThat(bytes).hasSize(32);
            for (byte b : bytes) {
                ones += Integer.bitCount(b & 0xff);
            }
            seen.add(token);
        }
        assertThat(seen).hasSize(count);
        double share = ones / (count * 256.0);
        assertThat(share).as("share of one bits").isBetween(0.49, 0.51);
    }

    @Test
    void onlyTheShapeOfAGeneratedTokenIsAccepted() {
        assertThat(SecureTokens.looksLikeToken(null)).isFalse();
        assertThat(SecureTokens.looksLikeToken("")).isFalse();
        assertThat(SecureTokens.looksLikeToken("a".repeat(42))).isFalse();
        assertThat(SecureTokens.looksLikeToken("a".repeat(44))).isFalse();
        assertThat(SecureTokens.looksLikeToken("a".repeat(42) + "=")).isFalse();
        assertThat(SecureTokens.looksLikeToken("a".repeat(42) + "/")).isFalse();
    }

    @Test
    void hashesAreSha256OfTheTokenText() {
        assertThat(SecureTokens.hash("abc")).hasSize(32);
        assertThat(SecureTokens.hash("abc")).isEqualTo(SecureTokens.hash("abc")).isNotEqualTo(SecureTokens.hash("abd"));
    }
}
