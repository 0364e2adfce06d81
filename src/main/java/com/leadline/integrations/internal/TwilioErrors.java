package com.leadline.integrations.internal;

import java.util.Map;

/**
 * What the provider's commonest error codes mean, in words a person in the inbox can act on; the
 * thread shows them beside a text that failed, with the code. Unknown codes keep the provider's own
 * words (from the API) or a pointer to its error list (from a status report, which carries none).
 */
final class TwilioErrors {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("21211", "This is not a valid phone number."),
            Map.entry("21408", "Texting this country is not enabled on the SMS provider account."),
            Map.entry("21610", "The lead replied STOP to this number at their carrier: the provider sends them nothing until they reply START."),
            Map.entry("21612", "The provider cannot reach this number from the profile's number."),
            Map.entry("21614", "This number cannot receive texts."),
            Map.entry("30003", "The lead's phone is unreachable (switched off or out of coverage)."),
            Map.entry("30004", "The lead or their carrier blocked the text."),
            Map.entry("30005", "The number is unknown or no longer in service."),
            Map.entry("30006", "The number is a landline or cannot receive texts."),
            Map.entry("30007", "The carrier filtered the text as spam."),
            Map.entry("30008", "The carrier refused the text without saying why."),
            Map.entry("30032", "The profile's toll-free number is not verified with the carriers yet."),
            Map.entry("30034", "The profile's number is not registered for texting US phones (10DLC): register the business and its "
                    + "campaign with the SMS provider, then retry."));

    private TwilioErrors() {
    }

    /** Words for {@code code}; {@code fallback} (or a pointer to the provider's error list) for codes not listed here. */
    static String describe(String code, String fallback) {
        if (code != null && WORDS.containsKey(code)) {
            return WORDS.get(code);
        }
        if (fallback != null && !fallback.isBlank()) {
            return fallback;
        }
        return code == null ? null : "The SMS provider reported error " + code + " (see its error list).";
    }
}
