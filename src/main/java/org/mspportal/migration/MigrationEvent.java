package org.mspportal.migration;

import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/** Something that happened to a migration of an MSP, for the audit log. */
public interface MigrationEvent extends Auditable {

    UUID migrationId();

    /** The MSP the migration goes to. */
    UUID provider();

    @Override
    default String objectType() {
        return "migration";
    }

    @Override
    default String objectId() {
        return migrationId().toString();
    }

    @Override
    default Optional<UUID> providerId() {
        return Optional.of(provider());
    }
}
