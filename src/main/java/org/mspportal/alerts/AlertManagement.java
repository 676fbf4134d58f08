package org.mspportal.alerts;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's MSP's alerts and alert settings. MSP administrators and read-only administrators
 * see them; only MSP administrators change settings or mark alerts read (read state belongs to
 * the MSP, like a shared inbox). Another MSP's alert is a {@link NotFound}.
 */
@Service
public class AlertManagement {

    static final String READERS = "hasAnyRole('MSP_ADMINISTRATOR', 'READ_ONLY_ADMINISTRATOR')";
    static final String WRITERS = "hasRole('MSP_ADMINISTRATOR')";
    static final int LISTED = 200;

    private final AlertRecords records;
    private final AlertSettingsStore settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertManagement(AlertRecords records, AlertSettingsStore settings, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** The latest {@value #LISTED} alerts, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<Alert> recent() {
        return records.recent(ownProvider(), LISTED);
    }

    /** The unread alerts for the navigation badge: none for those who may not see alerts (operators, tenant administrators). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long unreadCount() {
        if (!mayRead()) {
            return 0;
        }
        return ProviderScope.current().providerId().map(records::unread).orElse(0L);
    }

    private static boolean mayRead() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role -> role.equals("ROLE_MSP_ADMINISTRATOR") || role.equals("ROLE_READ_ONLY_ADMINISTRATOR"));
    }

    @Transactional
    @PreAuthorize(WRITERS)
    public void markRead(UUID id) {
        if (!records.markRead(ownProvider(), id, clock.instant())) {
            throw new NotFound("alert");
        }
    }

    @Transactional
    @PreAuthorize(WRITERS)
    public int markAllRead() {
        return records.markAllRead(ownProvider(), clock.instant());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public AlertSettings settings() {
        return settings.of(ownProvider());
    }

    /**
     * Changes the thresholds; from the next batch or reminder run on, alerts use them.
     *
     * @throws org.mspportal.shared.RejectedInput naming the field at fault
     */
    @Transactional
    @PreAuthorize(WRITERS)
    public AlertSettings changeSettings(String warning, String critical, String exhausted, String reminderDays) {
        UUID provider = ownProvider();
        AlertSettings changed = AlertSettings.of(warning, critical, exhausted, reminderDays);
        AlertSettings before = settings.of(provider);
        settings.save(provider, changed, clock.instant());
        events.publishEvent(AlertSettingsChanged.of(provider, before, changed));
        return changed;
    }

    private static UUID ownProvider() {
        return ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
    }
}
