package org.mspportal.migration;

import java.time.Instant;
import java.util.UUID;

/**
 * An account managed outside the portal, registered by the platform operator so it can be migrated
 * into an MSP. Platform-wide: no MSP sees it until a migration names it.
 *
 * @param pastUsageDays how many usage records will be carried over
 */
public record SourceAccount(UUID id, String name, String cloudAdministratorEmail, SourceAccountStatus status,
        Licence licence, long pastUsageDays, Instant createdAt, int version) {
}
