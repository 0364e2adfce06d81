package com.leadline.inbox;

import java.util.UUID;

/**
 * A contact as a change left it: its name ({@code ""} when nobody gave one), phone in E.164 (null only
 * for a contact that never had one), email (null for none) and notes.
 */
public record ContactFacts(UUID id, UUID profileId, String name, String phone, String email, String notes) {
}
