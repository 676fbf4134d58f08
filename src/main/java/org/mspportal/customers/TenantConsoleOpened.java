package org.mspportal.customers;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/** An administrator was handed over to a customer's tenant console, with a token that expires at {@code expiresAt}. */
record TenantConsoleOpened(UUID customerId, UUID provider, String accountName, String tokenId, Instant expiresAt)
        implements Auditable {

    @Override
    public String action() {
        return "customer.console-opened";
    }

    @Override
    public String objectType() {
        return "customer";
    }

    @Override
    public String objectId() {
        return customerId.toString();
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.of(provider);
    }

    @Override
    public String summary() {
        return "Opened the tenant console of customer \"" + accountName + "\"";
    }

    /** The token's id lets the console's own log be matched to this entry; the token itself is never kept. */
    @Override
    public Map<String, Object> details() {
        return Map.of("tokenId", tokenId, "tokenExpiresAt", expiresAt.toString());
    }
}
