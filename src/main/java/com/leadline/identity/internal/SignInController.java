package com.leadline.identity.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SessionSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

    static final String GENERIC_FAILURE = "That email and password don't match an active account, "
            + "or there were too many attempts. Check them and try again in a moment.";

    private final SignInService signIn;
    private final SessionSignIn sessions;

    SignInController(SignInService signIn, SessionSignIn sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @GetMapping("/signin")
    String form() {
        return "identity/signin";
    }

    @PostMapping("/signin")
    String submit(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<AuthenticatedUser> user = signIn.signIn(email, password);
        if (user.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("email", email);
            model.addAttribute("failure", GENERIC_FAILURE);
            return "identity/signin";
        }
        sessions.signIn(request, response, user.get());
        return "redirect:/";
    }
}
