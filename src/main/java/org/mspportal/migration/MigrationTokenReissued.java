package org.mspportal.migration;

import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/** The operator issued a new verification token; the earlier one no longer works. For the audit log. */
public record MigrationTokenReissued(UUID migrationId, String reference, UUID provider, String accountName)
        implements Auditable {

    @Override
    public String action() {
        return "migration.token-reissued";
    }

    @Override
    public String objectType() {
        return "migration";
    }

    @Override
    public String objectId() {
        return migrationId.toString();
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.of(provider);
    }

    @Override
    public String summary() {
        return "Re-issued the verification token of migration " + reference + " of \"" + accountName + "\"";
    }
}
