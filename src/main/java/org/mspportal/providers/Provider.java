package org.mspportal.providers;

import java.time.Instant;
import java.util.UUID;

/** An MSP as other modules see it. */
public record Provider(UUID id, String name, ProviderStatus status, boolean authenticatorRequired,
        Instant createdAt) {

    public boolean active() {
        return status == ProviderStatus.ACTIVE;
    }
}
