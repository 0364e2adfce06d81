package com.leadline.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Contacts written in bulk from another module (the contacts import): one set-based upsert per batch, in the
 * caller's transaction and account. A contact is one per phone number in its profile: a row whose number the
 * profile already has updates that contact (its conversations show the new name and email), any other makes one.
 */
public interface ContactImports {

    /** The longest name and notes a contact takes (characters). */
    int MAX_NAME = 200;
    int MAX_NOTES = 5000;

    /**
     * One contact to write: {@code phone} in E.164 form, unique within the batch; an empty name or notes and a
     * null email mean the row gives none, so an existing contact keeps its own.
     */
    record ImportedContact(String phone, String name, String email, String notes) {
    }

    /** How the batch's rows were written: new contacts, existing ones changed, existing ones already so. */
    record Written(int created, int updated, int unchanged) {
    }

    Written upsert(UUID accountId, UUID profileId, List<ImportedContact> contacts, Instant now);
}
