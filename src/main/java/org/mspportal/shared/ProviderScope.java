package org.mspportal.shared;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which MSP's data the current caller may see. It is derived from the security context in this
 * one place and never from a request parameter, so every query filters the same way.
 *
 * @param providerId the caller's MSP, or empty for a platform operator, who sees every MSP
 */
public record ProviderScope(Optional<UUID> providerId) {

    public static ProviderScope allProviders() {
        return new ProviderScope(Optional.empty());
    }

    public static ProviderScope of(UUID providerId) {
        return new ProviderScope(Optional.of(providerId));
    }

    /**
     * The scope of the signed-in caller.
     *
     * @throws IllegalStateException when nobody portal-authenticated is signed in: callers of a
     *     scoped query are always behind authentication, so reaching here otherwise is a bug
     */
    public static ProviderScope current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal) {
            return new ProviderScope(principal.providerId());
        }
        throw new IllegalStateException("No portal principal in the security context");
    }

    public boolean includes(UUID candidate) {
        return providerId.map(own -> own.equals(candidate)).orElse(true);
    }
}
