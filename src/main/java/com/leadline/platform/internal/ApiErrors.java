package com.leadline.platform.internal;

import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.Refusal;
import com.leadline.platform.TooManyRequestsException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The JSON API's refusals as RFC 9457 problem details: the same statuses and words as the pages,
 * field errors under {@code errors}. Ordered before {@link PageErrors}, which renders pages.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(RefusalStatus.of(refusal), refusal.getMessage());
        if (refusal instanceof InvalidInputException invalid) {
            problem.setProperty("errors", invalid.fieldErrors());
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail malformedId() {
        return refused(new NotFoundException());
    }

    /** A chunked body over the cap (413), text that cannot be stored (400 naming the field), or anything else unreadable. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException exception) {
        if (RequestBodyLimitFilter.exceeded(exception)) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, RequestBodyLimitFilter.REFUSAL);
        }
        return StorableTextJson.unstorableField(exception)
                .map(field -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, StorableText.SUMMARY);
                    problem.setProperty("errors", Map.of(field, StorableText.REFUSAL));
                    return problem;
                })
                .orElseGet(() -> ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "The request body is not valid JSON of the expected shape."));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException exception) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many requests. Try again later."));
    }
}
