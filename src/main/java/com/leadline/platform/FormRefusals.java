package com.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.ui.Model;

/**
 * How a page's form answers a refusal it can show: the controller names, before calling the use case,
 * how to render the form again, and the pages' error handling does it when the use case refuses the
 * input (422, with its field errors) or hits a rate limit that speaks to people (429, with the error
 * under {@code limit}). Every other refusal gets the error page. No catch blocks in controllers.
 */
public final class FormRefusals {

    private static final String ATTRIBUTE = FormRefusals.class.getName();

    /** The request's model, and how to put the errors (field name to message) into it and name the view; run only on refusal. */
    public record Rerender(Model model, Function<Map<String, String>, String> view) {
    }

    private FormRefusals() {
    }

    public static void rerenderOnRefusal(HttpServletRequest request, Model model, Function<Map<String, String>, String> view) {
        request.setAttribute(ATTRIBUTE, new Rerender(model, view));
    }

    public static Optional<Rerender> registered(HttpServletRequest request) {
        return Optional.ofNullable((Rerender) request.getAttribute(ATTRIBUTE));
    }
}
