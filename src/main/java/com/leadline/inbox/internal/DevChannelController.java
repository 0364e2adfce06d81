package com.leadline.inbox.internal;

import com.leadline.accounts.Profiles;
import com.leadline.platform.RequestRefusedException;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The local dev channel (local mode only, like the local mailbox): text a profile "from" a phone
 * number, and read the replies that would have gone out by SMS.
 */
@Controller
@ConditionalOnProperty(name = "leadline.embedded-database.active", havingValue = "true")
class DevChannelController {

    private final InboxService inbox;
    private final Profiles profiles;

    DevChannelController(InboxService inbox, Profiles profiles) {
        this.inbox = inbox;
        this.profiles = profiles;
    }

    @GetMapping("/dev/channel")
    String page(Actor actor, Model model) {
        model.addAttribute("profiles", profiles.all().stream().filter(p -> actor.canManageProfile(p.id())).toList());
        model.addAttribute("replies", inbox.recentReplies(actor));
        return "inbox/dev-channel";
    }

    @PostMapping("/dev/channel")
    String send(Actor actor, @RequestParam(defaultValue = "") String profile, @RequestParam(defaultValue = "") String phone,
                @RequestParam(defaultValue = "") String body) {
        actor.require(Permission.VIEW_TEAM);
        UUID profileId;
        try {
            profileId = UUID.fromString(profile);
        } catch (IllegalArgumentException malformed) {
            throw RequestRefusedException.notFound();
        }
        if (!actor.canManageProfile(profileId)) {
            throw RequestRefusedException.notFound();
        }
        String number = phone.replaceAll("[\\s()-]", "");
        if (!number.matches("\\+[1-9][0-9]{6,14}")) {
            throw RequestRefusedException.invalid(Map.of("phone", "Give the number in international form, like +15551234567."));
        }
        inbox.receiveInbound(actor.accountId(), profileId, number, body);
        return "redirect:/dev/channel?sent";
    }
}
