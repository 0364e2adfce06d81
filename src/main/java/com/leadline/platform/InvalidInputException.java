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

    /**
     * For a JSON body's true/false fields ({@code Boolean}, null when left out): refuses the body,
     * naming every missing one, unless all are given. A left-out switch must not read as false: a
     * client that sent only a text would otherwise turn a feature off without meaning to.
     *
     * @param switches field name to value, in the order the errors should list them
     */
    public static void requireSwitches(Map<String, Boolean> switches) {
        Map<String, String> missing = new java.util.LinkedHashMap<>();
        switches.forEach((field, given) -> {
            if (given == null) {
                missing.put(field, "Give " + field + ": true or false.");
            }
        });
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
