package com.leadline.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadline.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private final PasswordPolicy policy = PasswordPolicy.withShippedBlocklist();

    private void accepted(String password) {
        assertThatCode(() -> policy.check(password, "dana@example.com", "Riverside Clinic")).doesNotThrowAnyException();
    }

    private void refused(String password, String reason) {
        assertThatThrownBy(() -> policy.check(password, "dana@example.com", "Riverside Clinic"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.fieldErrors().get("password")).contains(reason));
    }

    @Test
    void lengthBoundaries() {
        refused("", "Enter a password");
        refused(null, "Enter a password");
        refused("kettle drum", "at least 12");                 // 11
        accepted("kettle drums");                               // 12
        accepted("w".repeat(60) + "ordy" + "x".repeat(0));     // 64 accepted
        accepted(randomish(256));
        refused(randomish(257), "at most 256");
    }

    @Test
    void lengthCountsCharactersNotBytesAndNormalisesFirst() {
        accepted("ñandú pájaro");                               // 12 characters, more bytes
        refused("ñandú pájar", "at least 12");                 // 11 characters, 15 bytes in UTF-8
        accepted("🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧");                          // 12 code points, 24 UTF-16 units
        refused("🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔", "at least 12");
        String decomposed = "n\u0303andu\u0301 pa\u0301jar";   // 11 letters once composed by NFKC
        refused(decomposed, "at least 12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "Password123!", "qwertyuiop123", "iloveyou1234",
            "123456789012", "aaaaaaaaaaaa", "abcabcabcabc", "abcdefghijklm", "zyxwvutsrqpo", "1q2w3e4r5t6y"})
    void commonRepetitiveAndSequentialPasswordsAreRefused(String password) {
        refused(password, "too common");
    }

    @Test
    void theUsersEmailAndBusinessNameAreRefused() {
        refused("dana@example.com", "email address or business name");
        refused("my name is DANA and I like tea", "email address or business name");
        refused("riverside clinic rocks", "email address or business name");
        refused("RiversideClinic2026", "email address or business name");
        accepted("river sideways glue");
    }

    @Test
    void noCompositionRules() {
        accepted("all lower case words");
        accepted("                  x");
    }

    private static String randomish(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < length; i++) {
            text.append((char) ('a' + (i * 7 + i / 26) % 26));
        }
        return text.substring(0, length);
    }
}
