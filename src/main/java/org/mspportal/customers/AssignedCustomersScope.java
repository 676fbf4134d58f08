package org.mspportal.customers;

import java.util.Optional;
import java.util.UUID;

import org.mspportal.identity.Role;
import org.mspportal.shared.PortalPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which of the MSP's customers the caller reaches, on top of {@link org.mspportal.shared.ProviderScope}:
 * a tenant administrator only those assigned to their account, everyone else all of them. Derived
 * from the security context in this one place, as the MSP scope is.
 *
 * @param accountId the tenant administrator's account, or empty when the caller reaches every customer
 */
record AssignedCustomersScope(Optional<UUID> accountId) {

    static AssignedCustomersScope current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean tenantAdministrator = authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(Role.TENANT_ADMINISTRATOR.authority()::equals);
        if (!tenantAdministrator) {
            return new AssignedCustomersScope(Optional.empty());
        }
        if (authentication.getPrincipal() instanceof PortalPrincipal principal) {
            return new AssignedCustomersScope(Optional.of(principal.accountId()));
        }
        // A tenant administrator without an account would see everything; refuse rather than guess.
        throw new IllegalStateException("A tenant administrator without a portal principal");
    }

    boolean restricted() {
        return accountId.isPresent();
    }
}
