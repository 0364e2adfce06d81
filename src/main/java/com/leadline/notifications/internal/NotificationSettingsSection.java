package com.leadline.notifications.internal;

import com.leadline.platform.AuthenticatedUser;
import com.leadline.platform.OwnSettingsSection;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The "Notifications" section of a person's own settings page. */
@Component
@Order(20)
class NotificationSettingsSection implements OwnSettingsSection {

    private final NotificationSettings settings;
    private final Digests digests;

    NotificationSettingsSection(NotificationSettings settings, Digests digests) {
        this.settings = settings;
        this.digests = digests;
    }

    @Override
    public String fragment() {
        return "notifications/own-settings :: section";
    }

    @Override
    public void addTo(Map<String, Object> model, AuthenticatedUser user) {
        NotificationSettings.View view = settings.view(user);
        model.put("notificationsAssignmentEmail", view.assignmentEmail());
        model.put("notificationsNewLead", view.newLead().code());
        model.put("notificationsNewLeadDefault", view.newLeadDefault().code());
        model.put("notificationsDigestEvery", NotificationMails.minutes(digests.interval()));
        model.put("notificationsSaved", RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getParameter("notificationsSaved") != null);
    }
}
