package com.leadline.platform.internal;

import com.leadline.platform.ConflictException;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotAllowedException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.Refusal;
import org.springframework.http.HttpStatus;

/** The one mapping from a use case's refusal to an HTTP status, for pages and the API alike. */
final class RefusalStatus {

    private RefusalStatus() {
    }

    static HttpStatus of(Refusal refusal) {
        if (refusal instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof NotAllowedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (refusal instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (refusal instanceof InvalidInputException) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        throw new IllegalArgumentException("No status for " + refusal.getClass());
    }
}
