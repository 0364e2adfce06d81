package com.leadline.identity.internal;

import com.leadline.platform.FormRefusals;
import com.leadline.platform.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SettingsController {

    private final PasswordChangeService passwordChange;

    SettingsController(PasswordChangeService passwordChange) {
        this.passwordChange = passwordChange;
    }

    @GetMapping("/settings")
    String settings() {
        return "identity/settings";
    }

    @PostMapping("/settings/password")
    String changePassword(@AuthenticationPrincipal AuthenticatedUser user,
                          @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          HttpServletRequest request, Model model) {
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("passwordError", errors.get(PasswordPolicy.FIELD));
            return "identity/settings";
        });
        passwordChange.change(user, currentPassword, newPassword, request.getSession().getId());
        return "redirect:/settings?passwordChanged";
    }
}
