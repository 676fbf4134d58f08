package org.mspportal.audit;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.mspportal.shared.Auditable;
import org.mspportal.shared.PortalPrincipal;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns {@link Auditable} events into audit entries. It listens synchronously, inside the
 * publisher's transaction: the entry commits with the change or not at all, and it is written
 * while the request (and so the actor and their address) is still at hand.
 */
@Component
class AuditRecorder {

    static final String SYSTEM_ACTOR = "system";

    private final AuditEntries entries;
    private final JsonMapper json;
    private final Clock clock;

    AuditRecorder(AuditEntries entries, JsonMapper json, Clock clock) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(Auditable event) {
        entries.append(new NewAuditEntry(
                clock.instant(),
                event.providerId(),
                event.actor().orElseGet(AuditRecorder::currentActor),
                currentAddress(),
                event.action(),
                event.objectType(),
                event.objectId(),
                event.summary(),
                json.writeValueAsString(event.details())));
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return SYSTEM_ACTOR;
        }
        return authentication.getPrincipal() instanceof PortalPrincipal principal
                ? principal.email()
                : authentication.getName();
    }

    /** The client's address; behind a proxy, set {@code server.forward-headers-strategy} to trust it. */
    private static Optional<String> currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()).map(HttpServletRequest::getRemoteAddr)
                : Optional.empty();
    }
}
