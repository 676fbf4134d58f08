package org.mspportal.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mspportal.shared.PortalPrincipal;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The caller behind an API request made with a key. It acts for the key's MSP; the account is the
 * key's creator, and the "email" names the key, which is what the audit log shows as the actor.
 */
record ApiKeyPrincipal(UUID keyId, UUID provider, UUID accountId, String prefix, Set<ApiKeyScope> scopes)
        implements PortalPrincipal, AuthenticatedPrincipal {

    static ApiKeyPrincipal of(ApiKey key) {
        return new ApiKeyPrincipal(key.id(), key.providerId(), key.createdBy(), key.prefix(), key.scopes());
    }

    @Override
    public String email() {
        return "api-key:" + prefix;
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.of(provider);
    }

    @Override
    public String getName() {
        return email();
    }
}
