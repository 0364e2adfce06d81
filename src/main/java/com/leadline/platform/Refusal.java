package com.leadline.platform;

/**
 * A use case declining a request, in the domain's words: what was asked for is not there for this
 * caller, is not theirs to do, clashes with the current state, or has invalid input. The use cases do
 * not know about HTTP; the pages' and the API's error handling choose the status and the rendering.
 */
public abstract sealed class Refusal extends RuntimeException
        permits NotFoundException, NotAllowedException, ConflictException, InvalidInputException {

    protected Refusal(String message) {
        super(message);
    }
}
