package com.leadline.notifications.internal;

import com.leadline.inbox.ConversationGlances.Glance;
import com.leadline.mail.OutgoingMail;
import com.leadline.platform.Links;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The words of the notification emails, plain text, with absolute links from {@code leadline.base-url}
 * ({@link Links}), and each with its one-click unsubscribe header fields (RFC 2369 List-Unsubscribe, RFC 8058
 * List-Unsubscribe-Post) naming a new token for that person and that kind. Called in the transaction that
 * queues the email (the token is written with it).
 */
@Component
class NotificationMails {

    static final int PREVIEW = 100;
    /** A bulk assignment lists this many conversations by name and counts the rest. */
    static final int LISTED = 10;

    private final Links links;
    private final UnsubscribeTokens tokens;
    private final Clock clock;

    NotificationMails(Links links, UnsubscribeTokens tokens, Clock clock) {
        this.links = links;
        this.tokens = tokens;
        this.clock = clock;
    }

    OutgoingMail assignment(Recipients.Recipient to, String assignedBy, List<Glance> conversations) {
        StringBuilder body = new StringBuilder("Hello ").append(to.name()).append(",\n\n");
        String subject;
        if (conversations.size() == 1) {
            Glance conversation = conversations.get(0);
            subject = "Assigned to you: " + conversation.contactLabel();
            body.append(assignedBy).append(" gave you the conversation with ").append(conversation.contactLabel())
                    .append(" in Leadline. It is yours to answer now.\n\n");
            appendPreview(body, conversation);
            body.append("Open the conversation: ").append(linkTo(conversation)).append("\n");
        } else {
            subject = conversations.size() + " conversations assigned to you";
            body.append(assignedBy).append(" gave you ").append(conversations.size())
                    .append(" conversations in Leadline. They are yours to answer now.\n\n");
            appendList(body, conversations);
        }
        return withFooter(to, NotificationKind.ASSIGNMENT, subject, body,
                "You get this email because a conversation was assigned to you.");
    }

    OutgoingMail newLead(Recipients.Recipient to, Glance lead) {
        StringBuilder body = new StringBuilder("Hello ").append(to.name()).append(",\n\n")
                .append("A new lead is waiting in your Leadline inbox: ").append(lead.contactLabel())
                .append(". Nobody has taken it yet.\n\n");
        appendPreview(body, lead);
        body.append("Open the conversation: ").append(linkTo(lead)).append("\n");
        return withFooter(to, NotificationKind.NEW_LEAD, "New lead: " + lead.contactLabel(), body,
                "You get this email for every new lead in your profiles.");
    }

    OutgoingMail digest(Recipients.Recipient to, List<Glance> leads, java.time.Duration interval) {
        StringBuilder body = new StringBuilder("Hello ").append(to.name()).append(",\n\n")
                .append(leads.size() == 1 ? "A new lead arrived" : leads.size() + " new leads arrived")
                .append(" in your Leadline inbox since your last summary:\n\n");
        for (Glance lead : leads) {
            body.append("- ").append(lead.contactLabel());
            String preview = preview(lead);
            if (!preview.isEmpty()) {
                body.append(": \"").append(preview).append('"');
            }
            body.append("\n  ").append(linkTo(lead)).append("\n");
        }
        body.append('\n');
        return withFooter(to, NotificationKind.NEW_LEAD,
                leads.size() == 1 ? "1 new lead in Leadline" : leads.size() + " new leads in Leadline", body,
                "You get this summary of new leads in your profiles at most every " + minutes(interval) + ".");
    }

    static String minutes(java.time.Duration interval) {
        long minutes = Math.max(1, interval.toMinutes());
        if (minutes % 60 == 0) {
            return minutes == 60 ? "hour" : minutes / 60 + " hours";
        }
        return minutes == 1 ? "minute" : minutes + " minutes";
    }

    private void appendList(StringBuilder body, List<Glance> conversations) {
        conversations.stream().limit(LISTED).forEach(conversation ->
                body.append("- ").append(conversation.contactLabel()).append(": ").append(linkTo(conversation)).append("\n"));
        if (conversations.size() > LISTED) {
            body.append("- and ").append(conversations.size() - LISTED).append(" more: ").append(links.to("/inbox?tab=mine")).append("\n");
        }
        body.append('\n');
    }

    private static void appendPreview(StringBuilder body, Glance conversation) {
        String preview = preview(conversation);
        if (!preview.isEmpty()) {
            body.append("Latest message: \"").append(preview).append("\"\n\n");
        }
    }

    /** The start of the latest message, on one line: no more of the conversation than the Inbox's list shows. */
    static String preview(Glance conversation) {
        String text = conversation.preview() == null ? "" : conversation.preview().replaceAll("\\s+", " ").strip();
        return text.length() <= PREVIEW ? text : text.substring(0, text.offsetByCodePoints(0, text.codePointCount(0, PREVIEW - 1))) + "…";
    }

    private String linkTo(Glance conversation) {
        return links.to("/inbox", "c", conversation.id().toString());
    }

    private OutgoingMail withFooter(Recipients.Recipient to, NotificationKind kind, String subject, StringBuilder body, String why) {
        String token = tokens.issue(to.actor().accountId(), to.userId(), kind, clock.instant());
        String unsubscribe = links.to("/notifications/unsubscribe", "token", token);
        body.append("\n--\n").append(why).append('\n')
                .append("Turn these emails off: ").append(links.to("/settings/me")).append("#notifications-heading\n")
                .append("Or stop them with one click: ").append(unsubscribe).append('\n');
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new OutgoingMail(to.email(), subject, body.toString(), headers);
    }
}
