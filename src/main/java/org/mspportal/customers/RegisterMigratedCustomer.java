package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer a migration brings in from elsewhere (SPEC §5). It is commercial (it was already a
 * paying customer) and starts locked; {@code migrationReference} names the migration in refusals.
 */
public record RegisterMigratedCustomer(String accountName, UUID servicePlanId, String storageRegion,
        BigDecimal creditQuota, LocalDate quotaEffectiveDate, LocalDate quotaEndDate, LocalDate licenseExpiryDate,
        String migrationReference) {
}
