package com.leadline.platform;

import java.util.Map;

/** Input a person can correct: one message per field, keyed by the field's name in the form and the API. */
public final class InvalidInputException extends Refusal {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super("Please correct the highlighted fields.");
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("Invalid input names at least one field");
        }
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
