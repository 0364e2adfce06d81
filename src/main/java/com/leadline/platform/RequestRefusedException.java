package com.leadline.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request refused with a status and words for the person who made it: 404 for what the caller may
 * not know exists, 403 for a visible thing they may not change, 409 for a state that forbids the
 * change, 422 for input with field errors. Pages and the JSON API both render it.
 */
public class RequestRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, String> fieldErrors;

    private RequestRefusedException(HttpStatus status, String message, Map<String, String> fieldErrors) {
        super(message);
        this.status = status;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static RequestRefusedException notFound() {
        return new RequestRefusedException(HttpStatus.NOT_FOUND, "There is nothing here, or you can't see it.", Map.of());
    }

    public static RequestRefusedException forbidden(String message) {
        return new RequestRefusedException(HttpStatus.FORBIDDEN, message, Map.of());
    }

    public static RequestRefusedException conflict(String message) {
        return new RequestRefusedException(HttpStatus.CONFLICT, message, Map.of());
    }

    public static RequestRefusedException invalid(Map<String, String> fieldErrors) {
        return new RequestRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "Please correct the highlighted fields.", fieldErrors);
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /**
     * For a form that shows its own field errors: answers with this refusal's status and returns the
     * errors to show. A refusal without field errors (404, 403, 409) is thrown on, to the error page.
     */
    public Map<String, String> fieldErrorsFor(jakarta.servlet.http.HttpServletResponse response) {
        if (fieldErrors.isEmpty()) {
            throw this;
        }
        response.setStatus(status.value());
        return fieldErrors;
    }
}
