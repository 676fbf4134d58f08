package org.mspportal.audit;

import java.util.function.Consumer;

import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit log, always within the caller's MSP. Writing happens only through
 * {@link org.mspportal.shared.Auditable} events; nothing here or anywhere can change an entry.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    private final AuditEntries entries;
    private final ApplicationEventPublisher events;

    AuditLog(AuditEntries entries, ApplicationEventPublisher events) {
        this.entries = entries;
        this.events = events;
    }

    public Page<AuditEntry> search(AuditQuery query, Pageable page) {
        return entries.search(ProviderScope.current(), query, page);
    }

    /** One entry of the caller's MSP. */
    public AuditEntry get(long id) {
        return entries.find(ProviderScope.current(), id).orElseThrow(() -> new NotFound("audit entry"));
    }

    /**
     * Hands every matching entry, newest first, to {@code consumer} without holding them all in
     * memory. The export is itself audited: audit logs leave the portal this way.
     */
    @Transactional
    public void export(AuditQuery query, Consumer<AuditEntry> consumer) {
        ProviderScope scope = ProviderScope.current();
        events.publishEvent(new AuditLogExported(scope.providerId(), query));
        entries.forEachMatching(scope, query, consumer);
    }
}
