package org.mspportal.providers;

import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/** An MSP was suspended or reinstated; on suspension its administrators' sessions end. */
public record ProviderStatusChanged(UUID provider, String name, ProviderStatus status) implements Auditable {

    @Override
    public String action() {
        return status == ProviderStatus.SUSPENDED ? "provider.suspended" : "provider.reinstated";
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
        return (status == ProviderStatus.SUSPENDED ? "Suspended MSP " : "Reinstated MSP ") + name;
    }
}
