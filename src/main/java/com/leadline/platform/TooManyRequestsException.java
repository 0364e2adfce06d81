package com.leadline.platform;

import java.time.Duration;

/** Answered with 429 and a Retry-After header by the platform's error handling. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;
    private final String forPeople;

    public TooManyRequestsException(Duration retryAfter) {
        this(retryAfter, null);
    }

    /** @param forPeople what a form shows about the limit; "Try again in ..." is added to it */
    public TooManyRequestsException(Duration retryAfter, String forPeople) {
        super("Too many attempts");
        this.retryAfter = retryAfter;
        this.forPeople = forPeople;
    }

    public java.util.Optional<String> forPeople() {
        return java.util.Optional.ofNullable(forPeople).map(words -> words + " Try again in " + retryAfterInWords() + ".");
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    /** A wait as a Retry-After header gives it: whole seconds, rounded up, at least one. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** When to try again, as a person would say it: "45 seconds", "1 minute", "50 minutes". */
    public String retryAfterInWords() {
        long seconds = retryAfterSeconds();
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
