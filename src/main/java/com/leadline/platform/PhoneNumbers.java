package com.leadline.platform;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every phone number Leadline reads (a contact's, a lead's, a texting number, a provider's webhook)
 * goes through here and is stored in E.164 form. A number is accepted when libphonenumber finds it
 * possible for its country (the right length, and for the country's numbering plan), not only when
 * its metadata lists the number's range as assigned: ranges are assigned faster than the metadata
 * follows, and a lead refused for that is lost; a number no carrier serves is refused by the
 * provider, which the thread then shows.
 */
public final class PhoneNumbers {

    /** The refusal every form uses for a number it cannot read. */
    public static final String UNREADABLE = "Enter a phone number we can text, like +1 415 555 0123, or the number as dialled in the profile's country.";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_TYPED = 40;

    private PhoneNumbers() {
    }

    /**
     * The number in E.164 form (+15551234567), read as written (spaces, dots, dashes, brackets; with
     * + and a country code, with the international prefix dialled from {@code defaultRegion} (011 in
     * the US, 00 in most of Europe), or national as dialled there); empty when it is not a possible number.
     *
     * @param defaultRegion ISO 3166 alpha-2 country for numbers written without a country code
     */
    public static Optional<String> e164(String typed, String defaultRegion) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_TYPED) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(typed.strip(), defaultRegion == null ? null : defaultRegion.toUpperCase(Locale.ROOT));
            if (number.hasExtension() || UTIL.isPossibleNumberWithReason(number) != ValidationResult.IS_POSSIBLE) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException unreadable) {
            return Optional.empty();
        }
    }

    /** {@link #e164}, or the refusal of {@code field} with {@link #UNREADABLE}. */
    public static String e164OrRefuse(String typed, String defaultRegion, String field) {
        return e164(typed, defaultRegion).orElseThrow(() -> InvalidInputException.of(field, UNREADABLE));
    }

    /** Whether libphonenumber knows the country (ISO 3166 alpha-2, upper case) as a region with phone numbers. */
    public static boolean knownCountry(String country) {
        return country != null && UTIL.getSupportedRegions().contains(country);
    }

    /** Every country {@link #knownCountry} accepts (ISO 3166 alpha-2, upper case), in no particular order. */
    public static Set<String> knownCountries() {
        return UTIL.getSupportedRegions();
    }

    /** The country calling code of a known country (1 for US, 44 for GB), 0 for one it does not know. */
    public static int callingCode(String country) {
        return UTIL.getCountryCodeForRegion(country);
    }

    /**
     * An E.164 number as people read it, in international format (+1 415-555-0100, +44 20 7946 0018);
     * a number it cannot read comes back as it was.
     */
    public static String international(String e164) {
        if (e164 == null) {
            return null;
        }
        try {
            return UTIL.format(UTIL.parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException unreadable) {
            return e164;
        }
    }

    /**
     * A mobile number of the country as its people write it (libphonenumber's example: (201) 555-0123
     * in the US, 07400 123456 in GB), to show what to type; the US example for a country it does not know.
     */
    public static String exampleMobile(String country) {
        PhoneNumber example = UTIL.getExampleNumberForType(country, PhoneNumberUtil.PhoneNumberType.MOBILE);
        if (example == null) {
            example = UTIL.getExampleNumberForType("US", PhoneNumberUtil.PhoneNumberType.MOBILE);
        }
        return UTIL.format(example, PhoneNumberFormat.NATIONAL);
    }
}
