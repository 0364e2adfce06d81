package com.leadline.platform;

/** What the caller asked for does not exist, or they may not know that it does: both read the same. */
public final class NotFoundException extends Refusal {

    public NotFoundException() {
        super("There is nothing here, or you can't see it.");
    }

    /** For callers that are no person (a provider's webhook): says what was not found. */
    public NotFoundException(String message) {
        super(message);
    }
}
