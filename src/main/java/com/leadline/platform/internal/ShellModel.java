package com.leadline.platform.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.RequestRefusedException;
import com.leadline.platform.ShellProfiles;
import com.leadline.platform.TooManyRequestsException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's shell needs (the signed-in user for the account menu), and the 429 page. */
@ControllerAdvice
class ShellModel {

    private final java.util.Optional<ShellProfiles> shellProfiles;
    private final java.util.Optional<com.leadline.platform.ShellAccounts> shellAccounts;

    private final java.util.Optional<com.leadline.platform.ShellInbox> shellInbox;

    ShellModel(java.util.Optional<ShellProfiles> shellProfiles, java.util.Optional<com.leadline.platform.ShellAccounts> shellAccounts,
               java.util.Optional<com.leadline.platform.ShellInbox> shellInbox) {
        this.shellProfiles = shellProfiles;
        this.shellInbox = shellInbox;
        this.shellAccounts = shellAccounts;
    }

    /** The account switcher's choices: empty unless the user works in several accounts. */
    @ModelAttribute("shellAccounts")
    java.util.List<com.leadline.platform.ShellAccounts.AccountChoice> shellAccounts(jakarta.servlet.http.HttpServletRequest request) {
        AuthenticatedUser user = currentUser();
        if (user == null || shellAccounts.isEmpty() || request.getHeader("HX-Request") != null || !rendersPage(request)) {
            return java.util.List.of();
        }
        return shellAccounts.get().choicesFor(user);
    }

    @ModelAttribute("currentUser")
    AuthenticatedUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user ? user : null;
    }

    /** The profile switcher's choices (none for visitors and staff), read per page like everything about access. */
    @ModelAttribute("shellProfiles")
    java.util.List<ShellProfiles.ShellProfile> shellProfiles(jakarta.servlet.http.HttpServletRequest request) {
        AuthenticatedUser user = currentUser();
        if (user == null || shellProfiles.isEmpty() || request.getHeader("HX-Request") != null || !rendersPage(request)) {
            return java.util.List.of();
        }
        return shellProfiles.get().visibleTo(user);
    }

    /** The navigation's unread badge; null hides the navigation (visitors, staff, an agency's own account). */
    @ModelAttribute("inboxUnread")
    Integer inboxUnread(jakarta.servlet.http.HttpServletRequest request) {
        AuthenticatedUser user = currentUser();
        if (user == null || shellInbox.isEmpty() || request.getHeader("HX-Request") != null || !rendersPage(request)) {
            return null;
        }
        java.util.OptionalInt unread = shellInbox.get().unreadFor(user);
        return unread.isPresent() ? unread.getAsInt() : null;
    }

    /**
     * Whether the handler renders a page: JSON handlers ({@code @ResponseBody}, every {@code @RestController})
     * have no shell, so the switchers' database reads are skipped for them (they ran on every API request).
     */
    private static boolean rendersPage(jakarta.servlet.http.HttpServletRequest request) {
        return !(request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                instanceof org.springframework.web.method.HandlerMethod handler)
                || !(handler.hasMethodAnnotation(org.springframework.web.bind.annotation.ResponseBody.class)
                     || org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(handler.getBeanType(),
                            org.springframework.web.bind.annotation.ResponseBody.class));
    }

    /** Where the switcher comes back to: this page's path (never a full URL from the request). */
    @ModelAttribute("requestPath")
    String requestPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("currentProfile")
    Object currentProfile(jakarta.servlet.http.HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        return session == null ? null : session.getAttribute(ShellProfiles.CURRENT_PROFILE);
    }

    /** Pages: the friendly error page, with the refusal's own words. (The JSON API renders ProblemDetail instead.) */
    @ExceptionHandler(RequestRefusedException.class)
    String refused(RequestRefusedException exception, HttpServletResponse response, Model model) {
        response.setStatus(exception.status().value());
        model.addAttribute("status", exception.status().value());
        model.addAttribute("message", exception.getMessage());
        return "error";
    }

    /** A malformed id in a path is as unknown as a missing one. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    String malformed(HttpServletResponse response, Model model) {
        return refused(RequestRefusedException.notFound(), response, model);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    String tooManyRequests(TooManyRequestsException exception, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()));
        model.addAttribute("retryAfterSeconds", exception.retryAfterSeconds());
        return "platform/too-many-requests";
    }
}
