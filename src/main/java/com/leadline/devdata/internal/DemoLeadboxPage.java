package com.leadline.devdata.internal;

import com.leadline.identity.EmailAddresses;
import com.leadline.identity.Identities;
import com.leadline.leadbox.LocalLeadboxes;
import com.leadline.leadbox.LocalLeadboxes.Embed;
import com.leadline.platform.SecureTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Leadbox as a business's website shows it (local mode only, and like every {@code /dev/} tool only
 * for a browser on this machine): a plain page on another origin than Leadline's, which embeds the widget
 * with the one-line embed code. Leadline is at {@code leadline.base-url} (http://localhost:8080), the page
 * is meant to be opened at http://127.0.0.1:8080/dev/leadbox. With {@code ?key=} it embeds that Leadbox;
 * without, it lists the demo practice's Leadboxes (which allow that website, {@link DemoLoader}).
 */
@Controller
@ConditionalOnProperty(name = "leadline.embedded-database.active", havingValue = "true")
class DemoLeadboxPage {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "[::1]");

    private final LocalLeadboxes leadboxes;
    private final Identities identities;
    private final URI baseUrl;

    DemoLeadboxPage(LocalLeadboxes leadboxes, Identities identities, @Value("${leadline.base-url}") String baseUrl) {
        this.leadboxes = leadboxes;
        this.identities = identities;
        this.baseUrl = URI.create(baseUrl);
    }

    @GetMapping("/dev/leadbox")
    String page(@RequestParam(defaultValue = "") String key, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        String leadline = leadlineOrigin(baseUrl, request.getLocalPort());
        String pageOrigin = request.getScheme() + "://" + hostAndPort(request);
        String nonce = SecureTokens.newToken(16);
        // This page's own policy (the application's allows only 'self'): the widget's two scripts and its
        // requests to Leadline, as a business with a strict policy would write it. Spring Security writes its
        // header only when the response has none.
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src " + leadline + "/leadbox.js "
                + leadline + "/widget/panel.js; connect-src " + leadline + "; style-src 'nonce-" + nonce
                + "'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("nonce", nonce);
        model.addAttribute("leadline", leadline);
        model.addAttribute("pageOrigin", pageOrigin);
        model.addAttribute("sameOrigin", pageOrigin.equalsIgnoreCase(leadline));
        model.addAttribute("otherOriginPage", otherOriginPage(leadline, request));
        if (KEY.matcher(key).matches()) {
            model.addAttribute("key", key);
            model.addAttribute("embedCode", "<script src=\"" + leadline + "/leadbox.js\" data-leadbox=\"" + key + "\" async></script>");
        } else {
            model.addAttribute("badKey", !key.isEmpty());
            model.addAttribute("embeds", demoEmbeds());
        }
        return "devdata/leadbox";
    }

    /**
     * Leadline's origin, from which the page loads the widget: {@code leadline.base-url} when it names this
     * machine (the default, http://localhost:8080); otherwise (a public address, or the tests'
     * http://leadline.test) http://localhost on the port this request came in on, since this page is only
     * ever opened on this machine.
     */
    static String leadlineOrigin(URI baseUrl, int localPort) {
        String host = baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(Locale.ROOT);
        if (THIS_MACHINE.contains(host)) {
            return baseUrl.getScheme() + "://" + host + (baseUrl.getPort() == -1 ? "" : ":" + baseUrl.getPort());
        }
        return "http://localhost:" + localPort;
    }

    /** The address to open this page at so that it is on another origin than Leadline's. */
    private static String otherOriginPage(String leadline, HttpServletRequest request) {
        URI uri = URI.create(leadline);
        String other = uri.getHost().equals("127.0.0.1") ? "localhost" : "127.0.0.1";
        return uri.getScheme() + "://" + other + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/dev/leadbox"
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    private static String hostAndPort(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean standard = (request.getScheme().equals("http") && port == 80) || (request.getScheme().equals("https") && port == 443);
        return request.getServerName().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
    }

    private List<Embed> demoEmbeds() {
        return identities.locate(EmailAddresses.normalize(DemoTeam.OWNER_EMAIL))
                .map(owner -> leadboxes.embeds(owner.accountId()))
                .orElse(List.of());
    }
}
