package com.leadline.billing.internal;

import com.leadline.platform.FormRefusals;
import com.leadline.team.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The billing page (the owner's, PERMISSIONS.md row 16) and its billing account form. Translates; the rules live in BillingService. */
@Controller
class BillingController {

    static final String PATH = "/settings/billing";

    /** A choice of the country list: its ISO 3166 alpha-2 code and English name. */
    record Country(String code, String name) {
    }

    private static final List<Country> COUNTRIES = BillingService.COUNTRIES.stream()
            .map(code -> new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Country::name, Collator.getInstance(Locale.ENGLISH))).toList();

    private final BillingService billing;

    BillingController(BillingService billing) {
        this.billing = billing;
    }

    @GetMapping(PATH)
    String page(Actor actor, @RequestParam(required = false) String saved, @RequestParam(required = false) String planChanged,
                Model model) {
        BillingService.Page page = billing.page(actor);
        model.addAttribute("planChanged", planChanged != null);
        return render(page, page.account(), Map.of(), saved != null, model);
    }

    /** Fields: companyName, billingEmail, addressLine1, addressLine2, city, postalCode, country, taxId. */
    @PostMapping(PATH + "/account")
    String account(Actor actor, @RequestParam Map<String, String> fields, HttpServletRequest request, Model model) {
        BillingService.AccountForm form = new BillingService.AccountForm(fields.get("companyName"), fields.get("billingEmail"),
                fields.get("addressLine1"), fields.get("addressLine2"), fields.get("city"), fields.get("postalCode"),
                fields.get("country"), fields.get("taxId"));
        FormRefusals.rerenderOnRefusal(request, model, errors -> render(billing.page(actor), form, errors, false, model));
        billing.saveAccount(actor, form);
        return "redirect:" + PATH + "?saved";
    }

    private static String render(BillingService.Page page, BillingService.AccountForm form, Map<String, String> errors,
                                 boolean saved, Model model) {
        model.addAttribute("billing", page);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.isEmpty() ? null : errors);
        model.addAttribute("saved", saved);
        model.addAttribute("countries", COUNTRIES);
        return "billing/billing";
    }
}
