package com.leadline.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the servlet container sends to {@code /error} (a refusal from a filter before Spring MVC,
 * Spring Security's 403, Spring MVC's own 404, 405, 406 and 415, an unexpected 500): under
 * {@code /api/} (and {@code /v3/}, the API's description; ApiPaths) it answers RFC 9457 problem details like {@link ApiErrors}, whatever the Accept header;
 * pages keep Spring Boot's error page, with the refusal's words when a filter gave some.
 */
@Controller
class ErrorResponses extends BasicErrorController {

    private static final String DETAIL = ErrorResponses.class.getName() + ".detail";
    private static final String FIELD_ERRORS = ErrorResponses.class.getName() + ".fieldErrors";
    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };

    private final JsonMapper json;

    ErrorResponses(ErrorAttributes errorAttributes, WebProperties web, List<ErrorViewResolver> errorViewResolvers, JsonMapper json) {
        super(errorAttributes, web.getError(), errorViewResolvers);
        this.json = json;
    }

    /** Refuses a request from a filter (before Spring MVC): the status, words for the caller and the fields at fault. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
                       Map<String, String> fieldErrors) throws IOException {
        request.setAttribute(DETAIL, detail);
        if (!fieldErrors.isEmpty()) {
            request.setAttribute(FIELD_ERRORS, fieldErrors);
        }
        response.sendError(status.value());
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (isApi(request)) {
            response.setStatus(getStatus(request).value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            try {
                json.writeValue(response.getOutputStream(), problem(request));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }
        ModelAndView page = super.errorHtml(request, response);
        if (request.getAttribute(DETAIL) != null) {
            page.addObject("message", request.getAttribute(DETAIL));
            page.addObject("fieldErrors", request.getAttribute(FIELD_ERRORS));
        }
        return page;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!isApi(request)) {
            return super.error(request);
        }
        return ResponseEntity.status(getStatus(request)).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.convertValue(problem(request), AS_MAP));
    }

    private ProblemDetail problem(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(request.getAttribute(DETAIL) instanceof String detail ? detail : defaultDetail(status));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            problem.setInstance(URI.create(path));
        }
        if (request.getAttribute(FIELD_ERRORS) != null) {
            problem.setProperty("errors", request.getAttribute(FIELD_ERRORS));
        }
        return problem;
    }

    private static String defaultDetail(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "Sign in first.";
            case FORBIDDEN -> "You can't do that here, or the request's CSRF token is missing or no longer valid "
                    + "(read a fresh one from /api/v1/session).";
            case NOT_FOUND -> "There is nothing here, or you can't see it.";
            case METHOD_NOT_ALLOWED -> "This address does not take that method.";
            case NOT_ACCEPTABLE -> "The API answers application/json only.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            default -> status.is5xxServerError() ? "We could not finish your request. Please try again." : status.getReasonPhrase() + ".";
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path && ApiPaths.isApi(path);
    }
}
