package com.leadline.inbox;

import java.time.Instant;
import java.util.UUID;

/** A person saved a contact's name, phone, email or notes (the contact form or the API); published inside that transaction. */
public record ContactUpdated(UUID accountId, ContactFacts contact, UUID updatedBy, Instant at) {
}
