package com.leadline.leadbox.internal;

import com.leadline.accounts.Profiles.Profile;
import com.leadline.audit.AuditEntry;
import com.leadline.audit.AuditEntry.Outcome;
import com.leadline.audit.AuditLog;
import com.leadline.inbox.InboundTexts;
import com.leadline.inbox.InboundTexts.InboundText;
import com.leadline.inbox.InboundTexts.LeadboxForm;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotAllowedException;
import com.leadline.platform.PhoneNumbers;
import com.leadline.platform.RateLimiter;
import com.leadline.platform.Tenancy;
import com.leadline.platform.TypedText;
import com.leadline.platform.WebLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A visitor's Leadbox form becoming a lead: counted against the limits per client and per key,
 * checked, and filed through the inbox's door (contact by phone, New and Unassigned conversation or
 * the open one, unread, live, auto reply). A form sent twice with one idempotency key is filed once.
 * A bot's form (honeypot filled in, or sent faster than the minimum fill time) is answered like any
 * other and only leaves an audit entry.
 */
@Service
class LeadIntake {

    static final int MAX_NAME = 200;
    static final int MAX_MESSAGE = 1600;
    private static final String LIMIT = "leadbox-intake";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,56}");

    /** The widget's form, as sent. {@code website} is the honeypot: people never see it. */
    record LeadForm(UUID profileId, String name, String phone, String message, String pageUrl, String formToken,
                    String website, String idempotencyKey) {
    }

    /** What became of a form: filed (or filed before, under its idempotency key), or dropped as a bot's. */
    enum Result { FILED, DROPPED }

    private final InboundTexts inbound;
    private final RateLimiter limits;
    private final AuditLog audit;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int perClientLimit;
    private final int perKeyLimit;
    private final Duration limitWindow;
    private final Duration minimumFillTime;
    private final Duration formLifetime;

    LeadIntake(InboundTexts inbound, RateLimiter limits, AuditLog audit, Tenancy tenancy, TransactionTemplate transactions,
               Clock clock,
               @Value("${leadline.leadbox.limit.per-client}") int perClientLimit,
               @Value("${leadline.leadbox.limit.per-key}") int perKeyLimit,
               @Value("${leadline.leadbox.limit.window}") Duration limitWindow,
               @Value("${leadline.leadbox.minimum-fill-time}") Duration minimumFillTime,
               @Value("${leadline.leadbox.form-lifetime}") Duration formLifetime) {
        this.inbound = inbound;
        this.limits = limits;
        this.audit = audit;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.clock = clock;
        this.perClientLimit = perClientLimit;
        this.perKeyLimit = perKeyLimit;
        this.limitWindow = limitWindow;
        this.minimumFillTime = minimumFillTime;
        this.formLifetime = formLifetime;
    }

    String newFormToken(Widget widget) {
        return FormTokens.issue(widget.leadbox(), clock.instant());
    }

    Result submit(Widget widget, LeadForm form) {
        Leadbox leadbox = widget.leadbox();
        limits.hitClientAndShared(LIMIT, perClientLimit, leadbox.widgetKey(), perKeyLimit, limitWindow);
        if (!leadbox.appearance().offersText()) {
            throw new NotAllowedException("This Leadbox takes no messages: call instead.");
        }
        Instant now = clock.instant();
        FormTokens.Check token = FormTokens.check(leadbox, form.formToken(), now, minimumFillTime, formLifetime);
        if (token == FormTokens.Check.INVALID) {
            throw InvalidInputException.of("formToken", "This form has expired. Close it, open it again and send your message.");
        }
        boolean honeypot = form.website() != null && !form.website().isEmpty();
        if (honeypot || token == FormTokens.Check.TOO_FAST) {
            drop(leadbox, honeypot ? "honeypot" : "sent too fast");
            return Result.DROPPED;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Profile profile = widget.profileFor(form.profileId()).orElse(null);
        if (profile == null) {
            errors.put("profileId", "Choose who you'd like to hear from.");
        }
        String name = TypedText.of(form.name());
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.put("name", name.isEmpty() ? "Enter your name." : "Keep your name to " + MAX_NAME + " characters.");
        }
        String message = TypedText.of(form.message());
        if (message.isEmpty() || message.length() > MAX_MESSAGE) {
            errors.put("message", message.isEmpty() ? "Write your message." : "Keep your message to " + MAX_MESSAGE + " characters.");
        }
        String phone = profile == null ? null
                : PhoneNumbers.e164(form.phone(), profile.texting().country()).orElse(null);
        if (profile != null && phone == null) {
            errors.put("phone", "Enter a mobile number we can text, like " + PhoneNumbers.exampleMobile(profile.texting().country())
                    + ", or with + and the country code.");
        }
        if (form.idempotencyKey() == null || !IDEMPOTENCY_KEY.matcher(form.idempotencyKey()).matches()) {
            errors.put("idempotencyKey", "Send the form's idempotency key: 8 to 56 letters, digits, - or _.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // The profile the widget read for this request (in the Leadbox's account): the inbox need not read it again.
        inbound.receive(InboundText.fromLeadbox(leadbox.accountId(), profile.id(), phone, message, form.idempotencyKey(),
                new LeadboxForm(name, webPage(form.pageUrl()))), profile);
        return Result.FILED;
    }

    private void drop(Leadbox leadbox, String reason) {
        transactions.executeWithoutResult(status -> tenancy.inAccount(leadbox.accountId(), () ->
                audit.record(AuditEntry.of("leadbox.form_dropped", Outcome.REFUSED).inAccount(leadbox.accountId())
                        .on("leadbox", leadbox.id()).aboutProfile(leadbox.profileId()).with(Map.of("reason", reason)))));
    }

    /** The page the form was sent from, when it is a web page's address; anything else is not kept. */
    private static String webPage(String pageUrl) {
        String page = pageUrl == null || pageUrl.length() > WebLinks.MAX_LENGTH ? null : pageUrl.strip();
        return WebLinks.isWebLink(page) ? page : null;
    }
}
