package org.mspportal.providers;

import java.util.UUID;

/** An MSP was suspended or reinstated; on suspension its administrators' sessions end. */
public record ProviderStatusChanged(UUID provider, String name, ProviderStatus status) implements ProviderEvent {

    @Override
    public String action() {
        return status == ProviderStatus.SUSPENDED ? "provider.suspended" : "provider.reinstated";
    }

    @Override
    public String summary() {
        return (status == ProviderStatus.SUSPENDED ? "Suspended MSP " : "Reinstated MSP ") + name;
    }
}
