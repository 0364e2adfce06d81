package com.leadline.inbox;

import com.leadline.team.Actor;
import java.util.UUID;

/**
 * Working a conversation as a person does in the Inbox, through the same use cases and rules, for work
 * no person started (the demo seeder). Each call is one transaction in the actor's account.
 */
public interface ConversationWork {

    /** Opening it, as a click in the list does: it is read for the actor. */
    void open(Actor actor, UUID conversationId);

    /** A text to the contact, sent after commit; a new conversation becomes open. */
    void reply(Actor actor, UUID conversationId, String body);

    /** @param assigneeId someone who works in the conversation's profile, or null for Unassigned */
    void assign(Actor actor, UUID conversationId, UUID assigneeId);

    /** @param outcome won, lost or other */
    void close(Actor actor, UUID conversationId, String outcome);

    /** The name and email of the conversation's contact, as its contact page edits them (phone and notes stay). */
    void describeContact(Actor actor, UUID conversationId, String name, String email);
}
