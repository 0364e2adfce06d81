package com.leadline.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.unit.DataSize;

/**
 * A route that takes a body larger than the request body cap ({@code leadline.request.max-body-size}), declared
 * as a bean by the module that owns it: the body cap lets this one route take up to {@code maxBody}, and only a
 * route declared {@code multipart} takes a multipart form (a page's file upload). Every other route keeps the cap
 * and the refusal of multipart bodies.
 *
 * @param path the exact path (no pattern), without the context path
 */
public record UploadRoute(String method, String path, DataSize maxBody, boolean multipart) {

    public boolean matches(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return method.equalsIgnoreCase(request.getMethod()) && this.path.equals(path);
    }
}
