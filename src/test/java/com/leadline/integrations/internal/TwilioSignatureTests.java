package com.leadline.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTests {

    /** The example of the provider's security documentation: its URL, parameters, token and signature. */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "CallSid", List.of("CA1234567890ABCDE"), "Caller", List.of("+14158675309"), "Digits", List.of("1234"),
            "From", List.of("+14158675309"), "To", List.of("+18005551212"));

    @Test
    void signsAsTheProvidersDocumentedExampleDoes() {
        assertThat(TwilioSignature.sign("12345", URL, PARAMETERS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(TwilioSignature.valid("12345", URL, PARAMETERS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
    }

    @Test
    void anyOtherUrlTokenParameterOrSignatureIsNotValid() {
        assertThat(TwilioSignature.valid("12345", URL.replace("mycompany", "evil"), PARAMETERS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(TwilioSignature.valid("12346", URL, PARAMETERS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(TwilioSignature.valid("12345", URL, Map.of("Digits", List.of("1235")), "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(TwilioSignature.valid("12345", URL, PARAMETERS, "RSOYDt4T1cUTdK1PDd93/VVr8B8")).isFalse();
        assertThat(TwilioSignature.valid("12345", URL, PARAMETERS, null)).isFalse();
        assertThat(TwilioSignature.valid("12345", URL, PARAMETERS, "")).isFalse();
    }
}
