package org.mspportal.providers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/**
 * An MSP was created. Its first administrators are invited by whoever manages administrators,
 * in the same transaction: if an invitation is refused, the MSP is not created either.
 */
public record ProviderOnboarded(UUID provider, String name, List<String> administratorEmails) implements Auditable {

    @Override
    public String action() {
        return "provider.onboarded";
    }

    @Override
    public String objectType() {
        return "provider";
    }

    @Override
    public String objectId() {
        return provider.toString();
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.of(provider);
    }

    @Override
    public String summary() {
        return "Onboarded MSP " + name;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("administrators", administratorEmails);
    }
}
