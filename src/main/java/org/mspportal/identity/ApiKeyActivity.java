package org.mspportal.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/**
 * Something that happened to an API key, for the audit log. It names the key by its name and
 * visible prefix; the key itself is never part of it.
 */
record ApiKeyActivity(String action, UUID keyId, UUID provider, String summary, Map<String, Object> details)
        implements Auditable {

    static ApiKeyActivity created(ApiKey key) {
        List<String> scopes = key.scopes().stream().map(ApiKeyScope::value).toList();
        return new ApiKeyActivity("api-key.created", key.id(), key.providerId(),
                "Created API key \"" + key.name() + "\" (" + key.prefix() + "…) with scopes " + String.join(", ", scopes),
                Map.of("name", key.name(), "prefix", key.prefix(), "scopes", scopes));
    }

    static ApiKeyActivity revoked(ApiKey key) {
        return new ApiKeyActivity("api-key.revoked", key.id(), key.providerId(),
                "Revoked API key \"" + key.name() + "\" (" + key.prefix() + "…)",
                Map.of("name", key.name(), "prefix", key.prefix()));
    }

    @Override
    public String objectType() {
        return "api-key";
    }

    @Override
    public String objectId() {
        return keyId.toString();
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.of(provider);
    }
}
