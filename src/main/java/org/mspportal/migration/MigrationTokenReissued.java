package org.mspportal.migration;

import java.util.UUID;

/** The operator issued a new verification token; the earlier one no longer works. For the audit log. */
public record MigrationTokenReissued(UUID migrationId, String reference, UUID provider, String accountName)
        implements MigrationEvent {

    @Override
    public String action() {
        return "migration.token-reissued";
    }

    @Override
    public String summary() {
        return "Re-issued the verification token of migration " + reference + " of \"" + accountName + "\"";
    }
}
