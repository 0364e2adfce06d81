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

/** The person's own settings page: their password and their API tokens. */
@Controller
class SettingsController {

    private static final String PAGE = "identity/settings";

    private final PasswordChangeService passwordChange;
    private final ApiTokenService apiTokens;
    private final ObjectProvider<OwnSettingsSection> sections;

    SettingsController(PasswordChangeService passwordChange, ApiTokenService apiTokens, ObjectProvider<OwnSettingsSection> sections) {
        this.passwordChange = passwordChange;
        this.apiTokens = apiTokens;
        this.sections = sections;
    }

    @GetMapping({"/settings", "/settings/me"})
    String settings(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
        withTokens(user, model);
        return PAGE;
    }

    @PostMapping("/settings/password")
    String changePassword(@AuthenticationPrincipal AuthenticatedUser user,
                          @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          HttpServletRequest request, Model model) {
        withTokens(user, model);
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("passwordError", errors.get(PasswordPolicy.FIELD));
            return PAGE;
        });
        passwordChange.change(user, currentPassword, newPassword, request.getSession().getId());
        return "redirect:/settings?passwordChanged";
    }

    /**
     * Makes a token and shows its text on the page this once (answered here, never through a redirect, a
     * flash attribute or a link, which would keep it in the session or the browser's history).
     */
    @PostMapping("/settings/tokens")
    String createToken(@AuthenticationPrincipal AuthenticatedUser user,
                       @RequestParam(defaultValue = "") String name,
                       @RequestParam(required = false) String expiresInDays,
                       @RequestParam(required = false) String accountId,
                       HttpServletRequest request, Model model) {
        withTokens(user, model);
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
        withTokens(user, model);
        return PAGE;
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
        apiTokens.revoke(user, id);
        return "redirect:/settings?tokenRevoked#api-tokens-heading";
    }

    private void withTokens(AuthenticatedUser user, Model model) {
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
