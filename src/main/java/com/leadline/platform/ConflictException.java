package com.leadline.platform;

/** The thing's current state forbids the change (already accepted, already deactivated, ...). */
public final class ConflictException extends Refusal {

    public ConflictException(String message) {
        super(message);
    }
}
