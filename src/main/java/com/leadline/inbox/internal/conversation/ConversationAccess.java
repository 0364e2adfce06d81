package com.leadline.inbox.internal.conversation;

import com.leadline.inbox.internal.Visibility;
import com.leadline.inbox.internal.conversation.ConversationStore.Conversation;
import com.leadline.platform.InvalidInputException;
import com.leadline.platform.NotFoundException;
import com.leadline.platform.TypedText;
import com.leadline.team.Actor;
import com.leadline.team.Permission;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What every use case on one conversation checks first: the actor sees it (404 otherwise, whatever the
 * path), then may work on it (403); and what a message may hold.
 */
@Component
public class ConversationAccess {

    /** The longest message (and shortcut text): ten SMS segments. */
    public static final int MAX_BODY = 1600;

    private final ConversationStore conversations;

    ConversationAccess(ConversationStore conversations) {
        this.conversations = conversations;
    }

    Conversation visible(Actor actor, UUID conversationId) {
        Visibility visibility = Visibility.of(actor);
        return conversations.find(conversationId)
                .filter(conversation -> visibility.allows(conversation.profileId(), conversation.assigneeId()))
                .orElseThrow(NotFoundException::new);
    }

    /** Seen first (404 otherwise), then allowed to work on it (403). */
    Conversation workable(Actor actor, UUID conversationId) {
        Conversation conversation = visible(actor, conversationId);
        actor.require(Permission.WORK_CONVERSATIONS);
        return conversation;
    }

    /**
     * The message as it will be stored and texted, or a refusal. A form sends each line break as CR LF
     * while the text box (its maxlength, the SMS counter) counts it as one character: it becomes LF
     * before the length is checked, so the cap counts what the box counts (UTF-16 code units on both sides).
     */
    static String validBody(String body) {
        String text = TypedText.of(body);
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw new InvalidInputException(Map.of("body", "Write a message of up to " + MAX_BODY + " characters."));
        }
        return text;
    }
}
