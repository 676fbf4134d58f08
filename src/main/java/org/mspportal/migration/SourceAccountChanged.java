package org.mspportal.migration;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/** A source account registered, suspended or reactivated by the platform operator, for the audit log. */
public record SourceAccountChanged(String action, UUID sourceAccountId, String summary, Map<String, Object> details)
        implements Auditable {

    static SourceAccountChanged registered(SourceAccount account) {
        return added("source-account.registered", "Registered", account);
    }

    /** Registered from a CSV file, with the status the file gave it. */
    static SourceAccountChanged imported(SourceAccount account) {
        return added("source-account.imported", "Imported", account);
    }

    private static SourceAccountChanged added(String action, String verb, SourceAccount account) {
        return new SourceAccountChanged(action, account.id(), verb + " source account \"" + account.name() + "\"",
                Map.of("status", account.status().name(), "name", account.name(),
                        "cloudAdministratorEmail", account.cloudAdministratorEmail(), "workloads", account.licence().workloads().toString(),
                        "pastUsageDays", account.pastUsageDays()));
    }

    static SourceAccountChanged status(SourceAccount account, SourceAccountStatus status) {
        return new SourceAccountChanged(status == SourceAccountStatus.SUSPENDED ? "source-account.suspended"
                : "source-account.reactivated", account.id(),
                (status == SourceAccountStatus.SUSPENDED ? "Suspended" : "Reactivated") + " source account \""
                        + account.name() + "\"", Map.of("status", status.name()));
    }

    @Override
    public String objectType() {
        return "source-account";
    }

    @Override
    public String objectId() {
        return sourceAccountId.toString();
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.empty();
    }
}
