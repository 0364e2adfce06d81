package com.leadline.platform.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The shell's own pages, and placeholders for areas whose modules have not landed yet. */
@Controller
class ShellController {

    @GetMapping("/")
    String home() {
        return "platform/home";
    }

    /** Where sign-up lands, whether it created an account or sent an explanation by email. */
    @GetMapping("/welcome")
    String welcome() {
        return "platform/welcome";
    }

    @GetMapping("/profiles")
    String profiles(Model model) {
        return placeholder(model, "Profiles", "Managing your locations and departments is coming soon.");
    }

    private static String placeholder(Model model, String title, String message) {
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "platform/placeholder";
    }
}
