package com.leadline.platform.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The shell's own pages. */
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
}
