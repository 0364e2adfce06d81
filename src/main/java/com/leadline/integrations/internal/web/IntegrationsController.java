package com.leadline.integrations.internal.web;

import com.leadline.integrations.internal.endpoints.WebhookDeliveryService;
import com.leadline.integrations.internal.endpoints.WebhookEndpointService;
import com.leadline.integrations.internal.endpoints.WebhookForm;
import com.leadline.platform.FormRefusals;
import com.leadline.platform.ShellProfiles;
import com.leadline.team.Actor;
import com.leadline.team.ViewerTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Integrations page (account menu, PERMISSIONS.md row 20): the webhook endpoints, the form that adds or
 * changes one, and an endpoint's page with its actions and delivery log. A new secret is shown on the page that
 * answers the POST that made it, never through a redirect or a link (docs/integrations.md).
 */
@Controller
class IntegrationsController {

    static final String PATH = "/settings/integrations";
    private static final String ENDPOINT = PATH + "/webhooks/{id}";
    private static final String FORM = "integrations/form";
    private static final String ENDPOINT_PAGE = "integrations/endpoint";
    /** The secret of an endpoint just added or rotated, shown once on its page. */
    private static final String NEW_SECRET = "newSecret";

    private final WebhookEndpointService endpoints;
    private final WebhookDeliveryService deliveries;
    private final ViewerTimeZone zones;

    IntegrationsController(WebhookEndpointService endpoints, WebhookDeliveryService deliveries, ViewerTimeZone zones) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.zones = zones;
    }

    @GetMapping(PATH)
    String list(Actor actor, @SessionAttribute(name = ShellProfiles.CURRENT_PROFILE, required = false) UUID currentProfile, Model model) {
        model.addAttribute("rows", endpoints.list(actor));
        model.addAttribute("zone", zones.of(actor, currentProfile));
        return "integrations/list";
    }

    @GetMapping(PATH + "/webhooks/new")
    String newForm(Actor actor, Model model) {
        return form(actor, model, null, WebhookForm.blank());
    }

    /**
     * Adds the endpoint and answers with a redirect to its page, which shows the secret this once (a flash
     * attribute, kept in the session only until that page is read), so that reloading the page adds nothing.
     */
    @PostMapping(PATH + "/webhooks")
    String create(Actor actor, @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String description,
                  @RequestParam(required = false) String allProfiles, @RequestParam(required = false) List<String> profileIds,
                  @RequestParam(required = false) List<String> events, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        WebhookForm typed = new WebhookForm(url, description, allProfiles != null, profileIds, events);
        registerRerender(actor, null, typed, request, model);
        WebhookEndpointService.WithSecret made = endpoints.create(actor, typed);
        redirect.addFlashAttribute(NEW_SECRET, made.secret());
        redirect.addFlashAttribute("created", true);
        return "redirect:" + PATH + "/webhooks/" + made.endpoint().id();
    }

    @GetMapping(ENDPOINT)
    String endpoint(Actor actor, @PathVariable UUID id, @RequestParam(required = false) Long before,
                    @SessionAttribute(name = ShellProfiles.CURRENT_PROFILE, required = false) UUID currentProfile, Model model) {
        return endpointPage(actor, id, before, currentProfile, model);
    }

    /** The sync's progress, which the endpoint's page asks for again every few seconds while it runs. */
    @GetMapping(ENDPOINT + "/sync")
    String syncStatus(Actor actor, @PathVariable UUID id,
                      @SessionAttribute(name = ShellProfiles.CURRENT_PROFILE, required = false) UUID currentProfile, Model model) {
        model.addAttribute("endpointId", id);
        model.addAttribute("sync", deliveries.latestSync(actor, id).orElse(null));
        model.addAttribute("zone", zones.of(actor, currentProfile));
        return ENDPOINT_PAGE + " :: sync";
    }

    @GetMapping(ENDPOINT + "/edit")
    String editForm(Actor actor, @PathVariable UUID id, Model model) {
        WebhookEndpointService.View view = endpoints.get(actor, id);
        return form(actor, model, id, new WebhookForm(view.url(), view.description(), view.allProfiles(),
                view.profiles().stream().map(profile -> profile.id().toString()).toList(), view.events()));
    }

    @PostMapping(ENDPOINT)
    String edit(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String url,
                @RequestParam(defaultValue = "") String description, @RequestParam(required = false) String allProfiles,
                @RequestParam(required = false) List<String> profileIds, @RequestParam(required = false) List<String> events,
                HttpServletRequest request, Model model) {
        WebhookForm typed = new WebhookForm(url, description, allProfiles != null, profileIds, events);
        registerRerender(actor, id, typed, request, model);
        endpoints.edit(actor, id, typed);
        return "redirect:" + PATH + "/webhooks/" + id + "?saved";
    }

    @PostMapping(ENDPOINT + "/enable")
    String enable(Actor actor, @PathVariable UUID id) {
        endpoints.setEnabled(actor, id, true);
        return "redirect:" + PATH + "/webhooks/" + id + "?enabled";
    }

    @PostMapping(ENDPOINT + "/disable")
    String disable(Actor actor, @PathVariable UUID id) {
        endpoints.setEnabled(actor, id, false);
        return "redirect:" + PATH + "/webhooks/" + id + "?disabled";
    }

    @PostMapping(ENDPOINT + "/rotate-secret")
    String rotateSecret(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(NEW_SECRET, endpoints.rotateSecret(actor, id).secret());
        return "redirect:" + PATH + "/webhooks/" + id;
    }

    @PostMapping(ENDPOINT + "/test")
    String test(Actor actor, @PathVariable UUID id) {
        deliveries.sendTest(actor, id);
        return "redirect:" + PATH + "/webhooks/" + id + "?testSent";
    }

    @PostMapping(ENDPOINT + "/sync")
    String sync(Actor actor, @PathVariable UUID id) {
        deliveries.startSync(actor, id);
        return "redirect:" + PATH + "/webhooks/" + id + "?syncStarted";
    }

    @PostMapping(ENDPOINT + "/deliveries/{deliveryId}/resend")
    String resend(Actor actor, @PathVariable UUID id, @PathVariable long deliveryId) {
        deliveries.resend(actor, id, deliveryId);
        return "redirect:" + PATH + "/webhooks/" + id + "?resent";
    }

    private String endpointPage(Actor actor, UUID id, Long before, UUID currentProfile, Model model) {
        model.addAttribute("endpoint", endpoints.get(actor, id));
        model.addAttribute("log", deliveries.deliveries(actor, id, before, null));
        model.addAttribute("firstPage", before == null);
        model.addAttribute("endpointId", id);
        model.addAttribute("sync", deliveries.latestSync(actor, id).orElse(null));
        model.addAttribute("zone", zones.of(actor, currentProfile));
        return ENDPOINT_PAGE;
    }

    private String form(Actor actor, Model model, UUID id, WebhookForm typed) {
        model.addAttribute("choices", endpoints.choices(actor));
        model.addAttribute("form", typed);
        model.addAttribute("endpointId", id);
        return FORM;
    }

    private void registerRerender(Actor actor, UUID id, WebhookForm typed, HttpServletRequest request, Model model) {
        form(actor, model, id, typed);
        FormRefusals.rerenderOnRefusal(request, model, errors -> {
            model.addAttribute("errors", errors);
            return FORM;
        });
    }
}
