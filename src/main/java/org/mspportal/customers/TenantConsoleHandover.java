package org.mspportal.customers;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import org.mspportal.shared.NotFound;
import org.mspportal.shared.PortalPrincipal;
import org.mspportal.shared.ProviderScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Access tenant console": a signed, short-lived token naming the customer and the administrator,
 * added to the console's address. Whoever may see the customer may open its console; the token
 * carries their role so the console can limit a read-only administrator. Every handover is audited.
 */
@Service
class TenantConsoleHandover {

    private static final String ROLE_PREFIX = "ROLE_";

    private final CustomerManagement customers;
    private final TenantConsoleTokens tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final URI console;
    private final String issuer;

    TenantConsoleHandover(CustomerManagement customers, TenantConsoleTokens tokens, TenantConsoleSettings settings,
            ApplicationEventPublisher events, Clock clock, @Value("${portal.base-url}") String baseUrl) {
        this.customers = customers;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
        this.issuer = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        // The stand-in is this portal itself, at whatever address the browser reached it by.
        this.console = settings.usesDevStandIn() ? URI.create(DevTenantConsolePages.PATH) : settings.url();
    }

    /** The console's address with a fresh token for the caller and this customer. */
    @Transactional
    @PreAuthorize("hasAnyRole('MSP_ADMINISTRATOR', 'READ_ONLY_ADMINISTRATOR', 'TENANT_ADMINISTRATOR')")
    public URI handOver(UUID customerId) {
        Customer customer = customers.get(customerId);
        UUID provider = ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        PortalPrincipal administrator = (PortalPrincipal) caller.getPrincipal();
        Jwt token = tokens.mint(new TenantConsoleTokens.Handover(issuer, customer.id(), customer.accountName(),
                provider, administrator.email(), roleOf(caller)), clock.instant());
        events.publishEvent(new TenantConsoleOpened(customer.id(), provider, customer.accountName(), token.getId(),
                token.getExpiresAt()));
        return UriComponentsBuilder.fromUri(console).queryParam("token", token.getTokenValue()).build(true).toUri();
    }

    private static String roleOf(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .findFirst().orElseThrow();
    }
}
