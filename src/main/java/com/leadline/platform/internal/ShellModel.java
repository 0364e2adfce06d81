package com.leadline.platform.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.ShellAccounts;
import com.leadline.platform.ShellInbox;
import com.leadline.platform.ShellMenu;
import com.leadline.platform.ShellProfiles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every page's shell needs: the signed-in user for the account menu, the account and profile
 * switchers and the inbox badge. Added after the handler and only when it renders a view, so JSON
 * handlers, redirects and streams pay nothing for the shell (they used to read the database for it).
 */
@Configuration(proxyBeanMethods = false)
class ShellModel implements WebMvcConfigurer, HandlerInterceptor {

    private final Optional<ShellProfiles> shellProfiles;
    private final Optional<ShellAccounts> shellAccounts;
    private final Optional<ShellInbox> shellInbox;
    private final org.springframework.beans.factory.ObjectProvider<ShellMenu> shellMenus;

    ShellModel(Optional<ShellProfiles> shellProfiles, Optional<ShellAccounts> shellAccounts, Optional<ShellInbox> shellInbox,
               org.springframework.beans.factory.ObjectProvider<ShellMenu> shellMenus) {
        this.shellProfiles = shellProfiles;
        this.shellAccounts = shellAccounts;
        this.shellInbox = shellInbox;
        this.shellMenus = shellMenus;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || isRedirect(page)) {
            return;
        }
        addShellTo(page.getModel(), request);
    }

    /**
     * Also called by the page error handlers: a handler that throws skips {@link #postHandle}, and a
     * signed-in person refused with 404 must still see their own shell, not one that looks signed out.
     */
    void addShellTo(Map<String, Object> model, HttpServletRequest request) {
        AuthenticatedUser user = currentUser();
        model.putIfAbsent("currentUser", user);
        // Support staff are signed in without being a customer user: no "Sign in" and "Sign up" for them.
        model.putIfAbsent("signedIn", isSignedIn());
        model.putIfAbsent("requestPath", request.getRequestURI());
        HttpSession session = request.getSession(false);
        model.putIfAbsent("currentProfile", session == null ? null : session.getAttribute(ShellProfiles.CURRENT_PROFILE));
        // An htmx fragment swaps part of a page that already has its shell.
        boolean wholePage = user != null && request.getHeader("HX-Request") == null;
        model.putIfAbsent("shellAccounts", wholePage && shellAccounts.isPresent() ? shellAccounts.get().choicesFor(user) : List.of());
        // The profile switcher's choices (none for visitors and staff), read per page like everything about access.
        model.putIfAbsent("shellProfiles", wholePage && shellProfiles.isPresent() ? shellProfiles.get().visibleTo(user) : List.of());
        // The account menu's items some people get (the audit log), read per page like everything about access.
        model.putIfAbsent("shellMenuItems", wholePage
                ? shellMenus.orderedStream().flatMap(menu -> menu.itemsFor(user).stream()).toList() : List.of());
        model.putIfAbsent("shellMenuClosingItems", wholePage
                ? shellMenus.orderedStream().flatMap(menu -> menu.closingItemsFor(user).stream()).toList() : List.of());
        // The navigation's unread badge; null hides the navigation (visitors, staff, an agency's own account).
        OptionalInt unread = wholePage && shellInbox.isPresent() ? shellInbox.get().unreadFor(user) : OptionalInt.empty();
        model.putIfAbsent("inboxUnread", unread.isPresent() ? unread.getAsInt() : null);
        // Fragments too: a row refreshed by htmx shows its controls disabled with the same reason.
        model.putIfAbsent("readOnlyReason", user != null && shellAccounts.isPresent()
                ? shellAccounts.get().readOnlyReasonFor(user).orElse(null) : null);
    }

    private static boolean isRedirect(ModelAndView page) {
        String name = page.getViewName();
        return page.getView() instanceof RedirectView || name != null && (name.startsWith("redirect:") || name.startsWith("forward:"));
    }

    private static boolean isSignedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static AuthenticatedUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user ? user : null;
    }
}
