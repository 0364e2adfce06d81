package com.leadline.inbox;

/**
 * The text's profile has no sending number yet, so a provider cannot send it: it waits, and goes
 * out once an admin gives the profile its number (the relay keeps trying with back-off).
 *
 * @see TextChannel#send
 */
public class NoSendingNumberException extends Exception {

    public NoSendingNumberException() {
        super("The profile has no texting number yet: an admin sets it in the profile's Texting section.");
    }
}
