package com.leadline.identity.internal;

import com.leadline.platform.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;

/**
 * Password rules after NIST SP 800-63B: length counted in Unicode code points after NFKC, at least
 * 12 and at most 256, no composition rules, refused when common (the list shipped in the jar),
 * repetitive or sequential, or built from the user's email address or business name.
 */
final class PasswordPolicy {

    /** The field every password refusal is reported under. */
    static final String FIELD = "password";

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;
    /** Shorter context words would refuse too many innocent passwords ("another" holds "other"). */
    private static final int EMAIL_WORD_MIN = 4;
    private static final int BUSINESS_WORD_MIN = 5;
    private static final String[] SEQUENCES = {
            "0123456789012345678901234567890", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
            "qwertyuiopasdfghjklzxcvbnmqwertyuiop", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
            "1q2w3e4r5t6y7u8i9o0p", "zaq12wsxcde34rfvbgt56yhnmju78ik,.lo90p"};

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    static PasswordPolicy withShippedBlocklist() {
        ClassPathResource list = new ClassPathResource("identity/common-passwords.txt");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
            return new PasswordPolicy(reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(PasswordPolicy::fold)
                    .collect(Collectors.toUnmodifiableSet()));
        } catch (IOException e) {
            throw new UncheckedIOException("The common-password list is missing from the jar", e);
        }
    }

    /** The form a password is hashed and compared in. */
    static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** @throws InvalidInputException under {@value #FIELD}, in words for the person choosing the password */
    void check(String password, String normalizedEmail, String businessName) {
        if (password == null || password.isEmpty()) {
            throw refused("Enter a password.");
        }
        String normalized = normalize(password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH) {
            throw refused("Use at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            throw refused("Use at most " + MAX_LENGTH + " characters.");
        }
        String folded = fold(normalized);
        if (common.contains(folded) || isRepetitive(folded) || isSequential(folded)) {
            throw refused("This password is too common or too easy to guess. Try a few unrelated words.");
        }
        if (containsContextWord(folded, normalizedEmail, businessName)) {
            throw refused("Don't use your email address or business name in your password.");
        }
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The same short unit over and over ("aaaaaaaaaaaa", "abcabcabcabc"). */
    private static boolean isRepetitive(String password) {
        for (int unit = 1; unit <= 4 && unit < password.length(); unit++) {
            String repeated = password.substring(0, unit).repeat(password.length() / unit + 1);
            if (repeated.startsWith(password)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSequential(String password) {
        String reversed = new StringBuilder(password).reverse().toString();
        for (String sequence : SEQUENCES) {
            if (sequence.contains(password) || sequence.contains(reversed)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsContextWord(String password, String normalizedEmail, String businessName) {
        if (normalizedEmail != null && !normalizedEmail.isBlank()) {
            String localPart = normalizedEmail.contains("@")
                    ? normalizedEmail.substring(0, normalizedEmail.indexOf('@')) : normalizedEmail;
            if (password.contains(normalizedEmail) || (localPart.length() >= EMAIL_WORD_MIN && password.contains(localPart))) {
                return true;
            }
        }
        if (businessName != null) {
            String business = fold(businessName).replaceAll("\\s+", "");
            String compact = password.replaceAll("\\s+", "");
            return business.length() >= BUSINESS_WORD_MIN && compact.contains(business);
        }
        return false;
    }

    private static InvalidInputException refused(String reason) {
        return InvalidInputException.of(FIELD, reason);
    }
}
