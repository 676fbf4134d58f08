package org.mspportal.customers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mspportal.customers.CustomerStatus.ACTIVE;
import static org.mspportal.customers.CustomerStatus.MIGRATION_IN_PROGRESS;
import static org.mspportal.customers.CustomerStatus.SUSPENDED;
import static org.mspportal.customers.Refusals.refusalOf;

class CustomerStatusTests {

    @Test
    void anActiveCustomerCanBeSuspended() {
        assertThat(ACTIVE.suspended()).isEqualTo(SUSPENDED);
    }

    @Test
    void aSuspendedCustomerCanBeResumed() {
        assertThat(SUSPENDED.resumed()).isEqualTo(ACTIVE);
    }

    @Test
    void aSuspendedCustomerCannotBeSuspendedAgain() {
        var refusal = refusalOf(SUSPENDED::suspended);

        assertThat(refusal.field()).isEqualTo("status");
        assertThat(refusal).hasMessage("This customer is already suspended.");
    }

    @Test
    void anActiveCustomerCannotBeResumed() {
        var refusal = refusalOf(ACTIVE::resumed);

        assertThat(refusal.field()).isEqualTo("status");
        assertThat(refusal).hasMessage("This customer is already active.");
    }

    @Test
    void aCustomerBeingMigratedCannotBeSuspended() {
        var refusal = refusalOf(MIGRATION_IN_PROGRESS::suspended);

        assertThat(refusal).hasMessage("This customer is being migrated; you can suspend it once the migration completes.");
    }

    @Test
    void aCustomerBeingMigratedCannotBeResumed() {
        var refusal = refusalOf(MIGRATION_IN_PROGRESS::resumed);

        assertThat(refusal).hasMessageContaining("being migrated");
    }

    @Test
    void anActiveCustomerCanBeLockedForMigration() {
        assertThat(ACTIVE.lockedForMigration()).isEqualTo(MIGRATION_IN_PROGRESS);
    }

    @Test
    void aSuspendedCustomerCannotBeMigrated() {
        var refusal = refusalOf(SUSPENDED::lockedForMigration);

        assertThat(refusal.field()).isEqualTo("status");
        assertThat(refusal).hasMessage("A suspended customer cannot be migrated; resume it first.");
    }

    @Test
    void aCustomerCannotBeLockedForTwoMigrationsAtOnce() {
        var refusal = refusalOf(MIGRATION_IN_PROGRESS::lockedForMigration);

        assertThat(refusal).hasMessage("This customer is already being migrated.");
    }

    @Test
    void aCompletedMigrationLeavesTheCustomerActive() {
        assertThat(MIGRATION_IN_PROGRESS.unlockedAfterMigration()).isEqualTo(ACTIVE);
    }

    @ParameterizedTest
    @EnumSource(value = CustomerStatus.class, names = {"ACTIVE", "SUSPENDED"})
    void onlyACustomerBeingMigratedCanBeUnlocked(CustomerStatus status) {
        var refusal = refusalOf(status::unlockedAfterMigration);

        assertThat(refusal).hasMessage("This customer is not being migrated.");
    }

    @ParameterizedTest
    @EnumSource(value = CustomerStatus.class, names = {"ACTIVE", "SUSPENDED"})
    void activeAndSuspendedCustomersCanBeEdited(CustomerStatus status) {
        assertThat(status.allowsChanges()).isTrue();
        assertThatNoException().isThrownBy(status::requireChangesAllowed);
    }

    @Test
    void aCustomerBeingMigratedCannotBeEdited() {
        var refusal = refusalOf(MIGRATION_IN_PROGRESS::requireChangesAllowed);

        assertThat(MIGRATION_IN_PROGRESS.allowsChanges()).isFalse();
        assertThat(refusal.field()).isEqualTo("status");
        assertThat(refusal).hasMessageContaining("cannot be changed until the migration completes");
    }
}
