package com.leadline.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import com.leadline.platform.FormRefusals;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PasswordResetController {

    private final PasswordResetService resets;

    PasswordResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "identity/forgot";
    }

    @PostMapping("/password/forgot")
    String requestLink(@RequestParam(defaultValue = "") String email) {
        resets.requestReset(email);
        return "redirect:/password/forgot/sent";
    }

    @GetMapping("/password/forgot/sent")
    String linkSent() {
        return "identity/forgot-sent";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (resets.validLink(token).isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "identity/reset-invalid";
        }
        model.addAttribute("token", token);
        return "identity/reset";
    }

    @PostMapping("/password/reset")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("token", token);
            model.addAttribute("passwordError", errors.get(PasswordPolicy.FIELD));
            return "identity/reset";
        });
        if (resets.reset(token, password) == PasswordResetService.ResetResult.DONE) {
            return "redirect:/signin?passwordReset";
        }
        response.setStatus(HttpStatus.GONE.value());
        return "identity/reset-invalid";
    }
}
