package com.leadline.platform.internal;

import com.leadline.platform.FormRefusals;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.Refusal;
import com.leadline.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals on pages: a form that registered how to render itself again ({@link FormRefusals}) shows
 * its field errors or the rate limit's words; anything else gets the friendly error page with the
 * refusal's own words, or the 429 page. (The JSON API renders problem details, see {@link ApiErrors}.)
 */
@ControllerAdvice
class PageErrors {

    private final ShellModel shell;

    PageErrors(ShellModel shell) {
        this.shell = shell;
    }

    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal refusal, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = RefusalStatus.of(refusal);
        response.setStatus(status.value());
        if (refusal instanceof InvalidInputException invalid) {
            Optional<ModelAndView> form = formAgain(request, invalid.fieldErrors());
            if (form.isPresent()) {
                return form.get();
            }
        }
        ModelAndView page = new ModelAndView("error");
        shell.addShellTo(page.getModel(), request);
        page.addObject("status", status.value());
        page.addObject("message", refusal.getMessage());
        return page;
    }

    /** A malformed id in a path is as unknown as a missing one. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformed(HttpServletRequest request, HttpServletResponse response) {
        return refused(new NotFoundException(), request, response);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooManyRequests(TooManyRequestsException exception, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()));
        return exception.forPeople()
                .flatMap(words -> formAgain(request, Map.of("limit", words)))
                .orElseGet(() -> new ModelAndView("platform/too-many-requests", Map.of("retryAfter", exception.retryAfterInWords())));
    }

    /** The form again, on its page's shell when it is a whole page (a handler that throws skips the shell's postHandle). */
    private Optional<ModelAndView> formAgain(HttpServletRequest request, Map<String, String> errors) {
        return FormRefusals.registered(request).map(rerender -> {
            String view = rerender.view().apply(errors);
            ModelAndView form = new ModelAndView(view, rerender.model().asMap());
            shell.addShellTo(form.getModel(), request);
            return form;
        });
    }
}
