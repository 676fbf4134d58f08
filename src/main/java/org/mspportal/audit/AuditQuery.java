package org.mspportal.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Filters of the audit page and export; blank filters match everything.
 *
 * @param actor part of the actor's email
 * @param action an action prefix, e.g. {@code customer.} or {@code customer.suspended}
 * @param objectId the exact object id
 */
public record AuditQuery(
        String actor,
        String action,
        String objectType,
        String objectId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
