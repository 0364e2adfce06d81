package com.leadline.inbox;

/**
 * The provider refused a text for good (an invalid or unreachable number, an unregistered sender, a
 * recipient who opted out at the carrier): sending it again would be refused again.
 *
 * @see TextChannel#send
 */
public class TextRefusedException extends Exception {

    private final String code;

    /**
     * @param code    the provider's error code, such as 21211 (may be null)
     * @param message the provider's words
     */
    public TextRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
