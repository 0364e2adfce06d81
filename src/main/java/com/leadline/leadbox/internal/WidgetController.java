package com.leadline.leadbox.internal;

import com.leadline.leadbox.internal.LeadIntake.LeadForm;
import com.leadline.platform.NotAllowedException;
import com.leadline.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget's routes on businesses' websites, anonymous and without cookies: the Leadbox's look, a
 * form token when the panel opens, and the form itself. A request must come from a page of one of
 * the Leadbox's allowed websites (its Origin header; WidgetCors grants those and refuses the rest).
 */
@RestController
class WidgetController {

    private static final CacheControl CONFIG_CACHE = CacheControl.maxAge(Duration.ofMinutes(1));

    /** What the widget shows. {@code profiles}: the multi-profile Leadbox's choices, empty for a profile's own. */
    record WidgetJson(String buttonText, String colour, String greeting, String consent, boolean offersText,
                      boolean offersCall, String callNumber, List<ProfileChoiceJson> profiles) {
    }

    record ProfileChoiceJson(UUID id, String name, String callNumber) {
    }

    private final WidgetCors cors;
    private final LeadIntake intake;

    WidgetController(WidgetCors cors, LeadIntake intake) {
        this.cors = cors;
        this.intake = intake;
    }

    @GetMapping(WidgetCors.PATH_PREFIX + "{key}")
    ResponseEntity<WidgetJson> widget(HttpServletRequest request) {
        Widget widget = allowed(request);
        Leadbox leadbox = widget.leadbox();
        Leadbox.Appearance look = leadbox.appearance();
        List<ProfileChoiceJson> choices = leadbox.multiProfile()
                ? widget.choices().stream().map(choice -> new ProfileChoiceJson(choice.profile().id(), choice.name(),
                        choice.callNumber(leadbox))).toList()
                : List.of();
        String callNumber = leadbox.multiProfile() ? null : widget.choices().get(0).callNumber(leadbox);
        // A call button needs a number to call: without one, the Leadbox offers calls to nobody.
        boolean callable = callNumber != null || choices.stream().anyMatch(choice -> choice.callNumber() != null);
        return ResponseEntity.ok().cacheControl(CONFIG_CACHE).body(new WidgetJson(look.buttonText(), look.colour(),
                look.greeting(), look.consent(), look.offersText(), callable, callNumber, choices));
    }

    @GetMapping(WidgetCors.PATH_PREFIX + "{key}/form-token")
    ResponseEntity<Map<String, String>> formToken(HttpServletRequest request) {
        Widget widget = allowed(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("formToken", intake.newFormToken(widget)));
    }

    @PostMapping(WidgetCors.PATH_PREFIX + "{key}/leads")
    ResponseEntity<Map<String, String>> lead(HttpServletRequest request, @RequestBody LeadForm form) {
        intake.submit(allowed(request), form);
        // A bot's form gets the same answer as a person's: nothing tells it that it was dropped.
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(Map.of("status", "received"));
    }

    /** The key's widget, for a page of one of its allowed websites; a request naming no website is refused too. */
    private Widget allowed(HttpServletRequest request) {
        Widget widget = cors.widget(request).orElseThrow(() -> new NotFoundException("No Leadbox has this key, or it is turned off."));
        if (!widget.leadbox().allows(request.getHeader(HttpHeaders.ORIGIN))) {
            throw new NotAllowedException("This website may not use this Leadbox: add it to the Leadbox's allowed websites.");
        }
        return widget;
    }
}
