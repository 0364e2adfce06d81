package com.leadline.platform.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.HomeRoute;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The shell's own pages. */
@Controller
class ShellController {

    private final List<HomeRoute> homeRoutes;

    ShellController(List<HomeRoute> homeRoutes) {
        this.homeRoutes = homeRoutes;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal AuthenticatedUser user) {
        return homeRoutes.stream().map(route -> route.homeFor(user)).flatMap(Optional::stream).findFirst()
                .map(path -> "redirect:" + path).orElse("platform/home");
    }

    /** Where sign-up lands, whether it created an account or sent an explanation by email. */
    @GetMapping("/welcome")
    String welcome(@AuthenticationPrincipal AuthenticatedUser user) {
        for (HomeRoute route : homeRoutes) {
            Optional<String> home = route.homeFor(user);
            if (home.isPresent()) {
                return route.skipsWelcome() ? "redirect:" + home.get() : "platform/welcome";
            }
        }
        return "platform/welcome";
    }
}
