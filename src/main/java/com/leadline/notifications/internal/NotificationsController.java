package com.leadline.notifications.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import com.leadline.team.Actor;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The notification routes: saving one's own choices (signed in, PERMISSIONS.md row 13), the one-click
 * unsubscribe (anonymous, no session and no CSRF token: it comes from the mail provider, RFC 8058; the token
 * is the credential) and the browser-notification stream (signed in).
 */
@Controller
class NotificationsController {

    static final String UNSUBSCRIBE = "/notifications/unsubscribe";
    /** RFC 8058: the body of the one-click POST. */
    static final String ONE_CLICK = "One-Click";

    private final NotificationSettings settings;
    private final BrowserNotifications browsers;

    NotificationsController(NotificationSettings settings, BrowserNotifications browsers) {
        this.settings = settings;
        this.browsers = browsers;
    }

    @PostMapping("/settings/me/notifications")
    String save(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(required = false) String assignmentEmail,
                @RequestParam(required = false) String newLead) {
        settings.save(user, assignmentEmail, newLead);
        return "redirect:/settings/me?notificationsSaved#notifications-heading";
    }

    /** A link followed (by a person, or a mail scanner): the page with the button, and no change. */
    @GetMapping(UNSUBSCRIBE)
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        java.util.Optional<NotificationKind> found = settings.kindOf(token);
        if (found.isEmpty()) {
            return notValid(response);
        }
        NotificationKind kind = found.get();
        model.addAttribute("token", token);
        model.addAttribute("kind", kind.code);
        return "notifications/unsubscribe";
    }

    /** The one-click POST (RFC 8058) from the mail provider, or the page's button: that kind of email stops. */
    @PostMapping(UNSUBSCRIBE)
    String unsubscribe(@RequestParam(required = false) String token,
                       @RequestParam(name = "List-Unsubscribe", required = false) String listUnsubscribe, Model model,
                       HttpServletResponse response) {
        if (!ONE_CLICK.equals(listUnsubscribe)) {
            throw InvalidInputException.of("List-Unsubscribe", "An unsubscribe request says List-Unsubscribe=One-Click.");
        }
        java.util.Optional<NotificationKind> kind = settings.unsubscribe(token);
        if (kind.isEmpty()) {
            return notValid(response);
        }
        model.addAttribute("kind", kind.get().code);
        return "notifications/unsubscribed";
    }

    /** 404 with its reason: a token we never made (changed, cut short or made up) names nobody. */
    private static String notValid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "notifications/unsubscribe-invalid";
    }

    /** Server-sent "notify" events for this person's browser notifications (see BrowserNotifications). */
    @GetMapping(path = "/notifications/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(Actor actor) {
        return browsers.subscribe(actor);
    }
}
