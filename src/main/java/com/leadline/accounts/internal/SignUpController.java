package com.leadline.accounts.internal;

import com.leadline.platform.FormRefusals;
import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.SessionSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignUpController {

    private final SignUpService signUps;
    private final SessionSignIn sessions;

    SignUpController(SignUpService signUps, SessionSignIn sessions) {
        this.signUps = signUps;
        this.sessions = sessions;
    }

    @GetMapping("/signup")
    String form(@RequestParam(defaultValue = "") String partner, Authentication signedIn, Model model) {
        if (signedIn != null) {
            return alreadySignedIn(signedIn);
        }
        model.addAttribute("form", new SignUpService.SignUpForm("", "", "", "", "", partner));
        return page(SignUpService.Kind.BUSINESS, model);
    }

    @GetMapping("/partners/signup")
    String agencyForm(Authentication signedIn, Model model) {
        if (signedIn != null) {
            return alreadySignedIn(signedIn);
        }
        model.addAttribute("form", new SignUpService.SignUpForm("", "", "", "", "", ""));
        return page(SignUpService.Kind.AGENCY, model);
    }

    /** New address or known address: the same redirect, with a fresh session id either way. */
    @PostMapping("/signup")
    String submit(@ModelAttribute SignUpService.SignUpForm form, Authentication signedIn, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        return submit(SignUpService.Kind.BUSINESS, form, signedIn, request, response, model);
    }

    @PostMapping("/partners/signup")
    String submitAgency(@ModelAttribute SignUpService.SignUpForm form, Authentication signedIn, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        return submit(SignUpService.Kind.AGENCY, form, signedIn, request, response, model);
    }

    /**
     * Signing up is for visitors (PERMISSIONS.md row 1): someone signed in, customer or staff, would silently
     * become the new account's owner in the same browser. They go back to their own work; nothing is created.
     */
    private static String alreadySignedIn(Authentication signedIn) {
        return signedIn.getPrincipal() instanceof AuthenticatedUser ? "redirect:/" : "redirect:/support";
    }

    private String submit(SignUpService.Kind kind, SignUpService.SignUpForm form, Authentication signedIn,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        if (signedIn != null) {
            return alreadySignedIn(signedIn);
        }
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            // What was typed comes back, except the password.
            model.addAttribute("form", new SignUpService.SignUpForm(form.businessName(), form.yourName(), form.email(), "",
                    form.timezone(), form.partner()));
            model.addAttribute("errors", errors);
            return page(kind, model);
        });
        Optional<AuthenticatedUser> owner = signUps.signUp(kind, form);
        if (owner.isPresent()) {
            sessions.signIn(request, response, owner.get());
        } else {
            sessions.rotateId(request);
        }
        return "redirect:/welcome";
    }

    private static String page(SignUpService.Kind kind, Model model) {
        model.addAttribute("agency", kind == SignUpService.Kind.AGENCY);
        return "accounts/signup";
    }
}
