package org.mspportal.providers;

import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/** Something that happened to one MSP; the MSP is both the object and the owner of the audit entry. */
interface ProviderEvent extends Auditable {

    UUID provider();

    @Override
    default String objectType() {
        return "provider";
    }

    @Override
    default String objectId() {
        return provider().toString();
    }

    @Override
    default Optional<UUID> providerId() {
        return Optional.of(provider());
    }
}
