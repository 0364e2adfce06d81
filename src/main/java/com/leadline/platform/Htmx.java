package com.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

/** How a page's change answers: htmx gets 204 and the events to fire (close the modal, reload a list); a plain form post a redirect. */
public final class Htmx {

    private Htmx() {
    }

    /** @return the view name for the controller to return: null (answered) for htmx, else the redirect */
    public static String done(HttpServletRequest request, HttpServletResponse response, String events, String page) {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Trigger", events);
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        return "redirect:" + page;
    }
}
