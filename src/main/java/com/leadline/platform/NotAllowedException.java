package com.leadline.platform;

/** The caller can see the thing but may not make this change to it; the message says why. */
public final class NotAllowedException extends Refusal {

    public NotAllowedException(String message) {
        super(message);
    }
}
