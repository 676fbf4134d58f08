package org.mspportal.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An MSP's API key as pages and the API show it: never the key itself, only its visible prefix.
 *
 * @param prefix the key's first characters, e.g. {@code msp_AbCd}, to recognise it by
 * @param createdByEmail the email of the administrator who created it
 */
public record ApiKey(UUID id, UUID providerId, String name, String prefix, Set<ApiKeyScope> scopes,
        UUID createdBy, String createdByEmail, Instant createdAt, Optional<Instant> lastUsedAt,
        Optional<Instant> revokedAt) {

    public boolean active() {
        return revokedAt.isEmpty();
    }

    public boolean has(ApiKeyScope scope) {
        return scopes.contains(scope);
    }
}
