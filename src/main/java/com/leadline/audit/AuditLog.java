package com.leadline.audit;

/** The append-only audit log. Writes join the caller's transaction, so an entry stands or falls with its change. */
public interface AuditLog {

    void record(AuditEntry entry);
}
