/**
 * Telling people what needs them (issue 19, docs/notifications.md): the assignment email, the new-lead email
 * (one per lead, or a digest every {@code leadline.notifications.digest-interval}), RFC 8058 one-click
 * unsubscribe, browser notifications while Leadline is open, and the person's choices in their own settings.
 * It listens to the inbox's public events and asks the inbox (ConversationGlances) whether a person may see
 * a conversation before telling them of it. Nothing in it is public: other modules need nothing from it.
 */
package com.leadline.notifications;
