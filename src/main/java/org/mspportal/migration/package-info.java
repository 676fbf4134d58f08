/**
 * Migrating customers managed elsewhere into an MSP (SPEC §5): the source accounts the platform
 * operator registers, and migration requests moving through their stages (action required, customer
 * approval, MSP verification, finalising, completed; or declined, cancelled), each announced by
 * email. On verification the customer is created through customers' façade, locked, with its past
 * usage carried over through usage's ingestion. {@link org.mspportal.migration.MigrationManagement}
 * and {@link org.mspportal.migration.SourceAccountManagement} are the façades;
 * {@link org.mspportal.migration.MigrationStageChanged} is published at every stage. No module
 * depends on this one.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "providers", "identity", "plans",
        "customers", "usage", "notifications"})
package org.mspportal.migration;
