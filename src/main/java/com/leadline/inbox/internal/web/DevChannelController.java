package com.leadline.inbox.internal.web;

import com.leadline.platform.NotFoundException;
import com.leadline.accounts.Profiles;
import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.internal.text.DevChannelTexts;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The local dev channel (local mode only, like the local mailbox): text a profile "from" a phone
 * number through the inbound door every channel uses, and read the text outbox, where replies wait
 * and are marked sent by the relay instead of leaving by SMS.
 */
@Controller
@ConditionalOnProperty(name = "leadline.embedded-database.active", havingValue = "true")
class DevChannelController {

    private final InboundTexts inbound;
    private final DevChannelTexts texts;
    private final Profiles profiles;

    DevChannelController(InboundTexts inbound, DevChannelTexts texts, Profiles profiles) {
        this.inbound = inbound;
        this.texts = texts;
        this.profiles = profiles;
    }

    @GetMapping("/dev/channel")
    String page(Actor actor, Model model) {
        model.addAttribute("profiles", profiles.all().stream().filter(p -> actor.canManageProfile(p.id())).toList());
        model.addAttribute("texts", texts.recent(actor));
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
            throw new NotFoundException();
        }
        if (!actor.canManageProfile(profileId)) {
            throw new NotFoundException();
        }
        inbound.receiveInbound(actor.accountId(), profileId, phone, body);
        return "redirect:/dev/channel?sent";
    }
}
