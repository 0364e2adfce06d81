package com.leadline.identity.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.FormRefusals;
import com.leadline.platform.OwnSettingsSection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's own settings page, "Your settings" (PERMISSIONS.md row 13): their name, the sections other modules give
 * (OwnSettingsSection), their password, their signed-in sessions and their API tokens.
 */
@Controller
class SettingsController {

    static final String PATH = "/settings/me";
    private static final String PAGE = "identity/settings";

    private final PasswordChangeService passwordChange;
    private final ApiTokenService apiTokens;
    private final OwnNameService names;
    private final OwnSessionsService ownSessions;
    private final ObjectProvider<OwnSettingsSection> sections;

    SettingsController(PasswordChangeService passwordChange, ApiTokenService apiTokens, OwnNameService names,
                       OwnSessionsService ownSessions, ObjectProvider<OwnSettingsSection> sections) {
        this.passwordChange = passwordChange;
        this.apiTokens = apiTokens;
        this.names = names;
        this.ownSessions = ownSessions;
        this.sections = sections;
    }

    @GetMapping(PATH)
    String settings(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request, Model model) {
        pageModel(user, request, model);
        return PAGE;
    }

    @PostMapping(PATH + "/name")
    String rename(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(defaultValue = "") String name,
                  HttpServletRequest request, Model model) {
        pageModel(user, request, model);
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("nameValue", name);
            model.addAttribute("nameError", errors.get(OwnNameService.FIELD));
            return PAGE;
        });
        names.rename(user, name);
        return "redirect:" + PATH + "?nameSaved#you-heading";
    }

    @PostMapping(PATH + "/password")
    String changePassword(@AuthenticationPrincipal AuthenticatedUser user,
                          @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          HttpServletRequest request, Model model) {
        pageModel(user, request, model);
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("passwordError", errors.get(PasswordPolicy.FIELD));
            return PAGE;
        });
        passwordChange.change(user, currentPassword, newPassword, request.getSession().getId());
        return "redirect:" + PATH + "?passwordChanged#password-heading";
    }

    @PostMapping(PATH + "/sessions/{handle}/sign-out")
    String signOutSession(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String handle, HttpServletRequest request) {
        ownSessions.signOut(user, handle, request.getSession().getId());
        return "redirect:" + PATH + "?sessionSignedOut#sessions-heading";
    }

    @PostMapping(PATH + "/sessions/sign-out-others")
    String signOutOtherSessions(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request) {
        ownSessions.signOutOthers(user, request.getSession().getId());
        return "redirect:" + PATH + "?othersSignedOut#sessions-heading";
    }

    /**
     * Makes a token and shows its text on the page this once (answered here, never through a redirect, a
     * flash attribute or a link, which would keep it in the session or the browser's history).
     */
    @PostMapping(PATH + "/tokens")
    String createToken(@AuthenticationPrincipal AuthenticatedUser user,
                       @RequestParam(defaultValue = "") String name,
                       @RequestParam(required = false) String expiresInDays,
                       @RequestParam(required = false) String accountId,
                       HttpServletRequest request, Model model) {
        pageModel(user, request, model);
        model.addAttribute("tokenName", name);
        model.addAttribute("tokenExpiresInDays", expiresInDays);
        model.addAttribute("tokenAccountId", accountId);
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("tokenErrors", errors);
            return PAGE;
        });
        ApiTokenService.NewToken made = apiTokens.create(user, name, number(expiresInDays), id(accountId));
        model.addAttribute("newToken", made);
        model.addAttribute("tokenName", "");
        pageModel(user, request, model);
        return PAGE;
    }

    @PostMapping(PATH + "/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
        apiTokens.revoke(user, id);
        return "redirect:" + PATH + "?tokenRevoked#api-tokens-heading";
    }

    /** What the whole page shows (the name as saved, each section, the sessions, the tokens). */
    private void pageModel(AuthenticatedUser user, HttpServletRequest request, Model model) {
        model.addAttribute("nameValue", user.displayName());
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        model.addAttribute("sessions", ownSessions.list(user, session == null ? null : session.getId()));
        List<OwnSettingsSection> ordered = sections.orderedStream().toList();
        ordered.forEach(section -> section.addTo(model.asMap(), user));
        model.addAttribute("ownSettingsSections", ordered.stream().map(OwnSettingsSection::fragment).toList());
        List<ApiTokenService.AccountChoice> choices = apiTokens.accountChoices(user);
        model.addAttribute("tokens", apiTokens.list(user));
        model.addAttribute("tokenAccounts", choices);
        model.addAttribute("tokenAccountChoice", ApiTokenService.mustChoose(user, choices));
        model.addAttribute("tokenLifetimes", ApiTokenService.LIFETIMES_IN_DAYS);
        // Times on this page are UTC, said so next to each: a person's own settings belong to no profile and its timezone.
        model.addAttribute("utc", java.time.ZoneOffset.UTC);
    }

    /** Typed garbage is no choice: the use case names the field. */
    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static UUID id(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            // Not one of the choices: refused under accountId (a null would mean "my own account").
            return new UUID(0, 0);
        }
    }
}
