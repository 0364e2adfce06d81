package com.leadline.platform.internal;

import com.leadline.platform.RequestRefusedException;
import com.leadline.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Refusals on pages: the friendly error page with the refusal's own words, and the 429 page. */
@ControllerAdvice
class PageErrors {

    private final ShellModel shell;

    PageErrors(ShellModel shell) {
        this.shell = shell;
    }

    /** (The JSON API renders ProblemDetail instead, see {@link ApiErrors}.) */
    @ExceptionHandler(RequestRefusedException.class)
    String refused(RequestRefusedException exception, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(exception.status().value());
        shell.addShellTo(model.asMap(), request);
        model.addAttribute("status", exception.status().value());
        model.addAttribute("message", exception.getMessage());
        return "error";
    }

    /** A malformed id in a path is as unknown as a missing one. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String malformed(HttpServletRequest request, HttpServletResponse response, Model model) {
        return refused(RequestRefusedException.notFound(), request, response, model);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    String tooManyRequests(TooManyRequestsException exception, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()));
        model.addAttribute("retryAfter", exception.retryAfterInWords());
        return "platform/too-many-requests";
    }
}
