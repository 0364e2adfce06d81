package com.leadline.identity.internal;

import com.leadline.identity.PasswordRejectedException;
import com.leadline.platform.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
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
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            passwordChange.change(user, currentPassword, newPassword, request.getSession().getId());
            return "redirect:/settings?passwordChanged";
        } catch (PasswordRejectedException rejected) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("passwordError", rejected.getMessage());
            return "identity/settings";
        }
    }
}
