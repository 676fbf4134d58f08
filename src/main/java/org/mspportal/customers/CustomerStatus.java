package org.mspportal.customers;

import java.util.Optional;
import java.util.function.Supplier;

import org.mspportal.shared.RejectedInput;

/**
 * Where a customer stands, and the only ways it moves (SPEC §3, §5):
 * <pre>
 *   ACTIVE ──suspend──▶ SUSPENDED ──resume──▶ ACTIVE
 *   ACTIVE ──lock for migration──▶ MIGRATION_IN_PROGRESS ──unlock──▶ ACTIVE
 * </pre>
 * A suspended customer cannot be migrated (the migration checks this before it starts), and a
 * customer being migrated cannot be suspended or edited until the migration unlocks it.
 *
 * <p>A move from the wrong status is refused with {@link RejectedInput} on the {@code status}
 * field rather than {@link IllegalStateException}: it is what a person meets after acting on a
 * stale page or a colleague's simultaneous click, so it deserves a message they can read (a page
 * shows it, the API answers 422 problem+json), where an IllegalStateException would surface as an
 * unexplained 500.
 */
public enum CustomerStatus {
    ACTIVE,
    /** Reversibly switched off by the MSP. */
    SUSPENDED,
    /** Being moved by a migration; updates are refused, usage ingestion never is. */
    MIGRATION_IN_PROGRESS;

    static final String FIELD = "status";

    CustomerStatus suspended() {
        refuseDuringMigration("suspend");
        refuseUnless(ACTIVE, "This customer is already suspended.");
        return SUSPENDED;
    }

    CustomerStatus resumed() {
        refuseDuringMigration("resume");
        refuseUnless(SUSPENDED, "This customer is already active.");
        return ACTIVE;
    }

    /** The migration checks this before it starts, so a suspended customer is never migrated. */
    CustomerStatus lockedForMigration() {
        refuseUnless(ACTIVE, this == SUSPENDED
                ? "A suspended customer cannot be migrated; resume it first."
                : "This customer is already being migrated.");
        return MIGRATION_IN_PROGRESS;
    }

    CustomerStatus unlockedAfterMigration() {
        refuseUnless(MIGRATION_IN_PROGRESS, "This customer is not being migrated.");
        return ACTIVE;
    }

    /** Whether administrators may edit the customer: not while a migration is moving it. */
    boolean allowsChanges() {
        return this != MIGRATION_IN_PROGRESS;
    }

    /** Refuses an edit while a migration is in progress, with the message SPEC §5 asks for. */
    void requireChangesAllowed() {
        if (!allowsChanges()) {
            throw new RejectedInput(FIELD, "This customer is being migrated; it cannot be changed until "
                    + "the migration completes.");
        }
    }

    /**
     * Refuses an update while a migration moves the customer, naming the migration when it is known.
     *
     * @param migration the migration's reference, looked up only when the update is refused
     * @param until what the person can do once the migration completes, e.g. "it can be changed then"
     */
    void requireChangesAllowed(Supplier<Optional<String>> migration, String until) {
        if (!allowsChanges()) {
            throw new RejectedInput(FIELD, "This customer is being migrated"
                    + migration.get().map(reference -> " by migration " + reference).orElse("") + "; " + until);
        }
    }

    private void refuseDuringMigration(String action) {
        if (this == MIGRATION_IN_PROGRESS) {
            throw new RejectedInput(FIELD, "This customer is being migrated; you can " + action
                    + " it once the migration completes.");
        }
    }

    private void refuseUnless(CustomerStatus required, String message) {
        if (this != required) {
            throw new RejectedInput(FIELD, message);
        }
    }
}
