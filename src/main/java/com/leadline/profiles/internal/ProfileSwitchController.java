package com.leadline.profiles.internal;

import com.leadline.platform.NotFoundException;
import com.leadline.platform.ShellProfiles;
import com.leadline.team.Actor;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The shell's profile switcher: remembers the chosen profile (or All Profiles) in the session and goes back. */
@Controller
class ProfileSwitchController {

    @PostMapping("/profiles/current")
    String switchTo(Actor actor, @RequestParam(defaultValue = "all") String profile, @RequestParam(defaultValue = "/") String back,
                    HttpSession session) {
        if (profile.equals("all")) {
            session.removeAttribute(ShellProfiles.CURRENT_PROFILE);
        } else {
            UUID id;
            try {
                id = UUID.fromString(profile);
            } catch (IllegalArgumentException malformed) {
                throw new NotFoundException();
            }
            if (!actor.canManageProfile(id)) {
                throw new NotFoundException();
            }
            session.setAttribute(ShellProfiles.CURRENT_PROFILE, id);
        }
        return "redirect:" + sameSitePath(back);
    }

    /** Only a path of this site: never another host (//evil.example) or a scheme. */
    private static String sameSitePath(String back) {
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && !back.contains("\r")
                && !back.contains("\n");
        return local ? back : "/";
    }
}
