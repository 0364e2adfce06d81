package com.leadline.identity;

/** A password the rules refuse; the message says why, in words for the person choosing it. */
public class PasswordRejectedException extends RuntimeException {

    public PasswordRejectedException(String reason) {
        super(reason);
    }
}
