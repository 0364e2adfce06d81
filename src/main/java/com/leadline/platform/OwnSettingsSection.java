package com.leadline.platform;

import java.util.Map;

/**
 * A part of a person's own settings page ({@code /settings/me}) given by the module that keeps those
 * settings (notifications, keyboard shortcuts), so the page's owner need not know them. The section's
 * form posts to its own module's controller, which answers with a redirect back to the page. Sections
 * are shown in their {@link org.springframework.core.annotation.Order}.
 */
public interface OwnSettingsSection {

    /** The Thymeleaf fragment that draws the section, e.g. {@code "notifications/own-settings :: section"}. */
    String fragment();

    /** Puts what the fragment reads into the page's model (names prefixed by the module, to stay apart). */
    void addTo(Map<String, Object> model, AuthenticatedUser user);
}
