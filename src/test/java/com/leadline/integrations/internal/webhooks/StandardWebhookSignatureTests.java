package com.leadline.integrations.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks v1 signature against the specification's published vectors. */
class StandardWebhookSignatureTests {

    private static final String SECRET_1 = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID_1 = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TS_1 = 1614265330L;
    private static final String BODY_1 = "{\"test\": 2432232314}";

    @Test
    void signsTheSpecificationsFirstVector() {
        assertThat(StandardWebhookSignature.sign(SECRET_1, ID_1, TS_1, BODY_1))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsTheSpecificationsSecondVector() {
        assertThat(StandardWebhookSignature.sign("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
                1649367553L, "{\"email\":\"test@example.com\",\"username\":\"test_user\"}"))
                .isEqualTo("v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=");
    }

    @Test
    void aWrongSignatureDoesNotMatchTheFirstVector() {
        assertThat(StandardWebhookSignature.sign(SECRET_1, ID_1, TS_1, BODY_1))
                .isNotEqualTo("v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=");
        assertThat(StandardWebhookSignature.sign(SECRET_1, ID_1, TS_1 + 1, BODY_1))
                .isNotEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(StandardWebhookSignature.sign(SECRET_1, ID_1, TS_1, BODY_1 + " "))
                .isNotEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theHeaderCarriesOneSignaturePerSecretSpaceSeparated() {
        String other = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
        assertThat(StandardWebhookSignature.header(List.of(SECRET_1, other), ID_1, TS_1, BODY_1)).isEqualTo(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= " + StandardWebhookSignature.sign(other, ID_1, TS_1, BODY_1));
    }

    @Test
    void theTestsIndependentVerifierAcceptsTheSpecificationsVectorAndRefusesTheWrongSignature() throws Exception {
        IndependentWebhookVerifier verifier = new IndependentWebhookVerifier(SECRET_1);
        java.time.Instant receiverNow = java.time.Instant.ofEpochSecond(TS_1 + 10);
        verifier.verify(ID_1, Long.toString(TS_1), "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", BODY_1, receiverNow);
        verifier.verify(ID_1, Long.toString(TS_1), "v2,abc v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "
                + "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", BODY_1, receiverNow);
        assertThatThrownBy(() -> verifier.verify(ID_1, Long.toString(TS_1), "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
                BODY_1, receiverNow)).isInstanceOf(IndependentWebhookVerifier.Refused.class);
        assertThatThrownBy(() -> verifier.verify(ID_1, Long.toString(TS_1), "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                BODY_1, receiverNow.plusSeconds(600))).isInstanceOf(IndependentWebhookVerifier.Refused.class);
    }

    @Test
    void newSecretsAreWhsecAndTheBase64Of32RandomBytes() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String secret = StandardWebhookSignature.newSecret();
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(50);
    }

    @Test
    void aSecretWithoutThePrefixIsRefused() {
        assertThatThrownBy(() -> StandardWebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ID_1, TS_1, BODY_1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
