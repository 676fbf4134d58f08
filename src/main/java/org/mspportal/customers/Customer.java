package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer as administrators see it. {@code version} goes with every change, so a change made
 * from an out-of-date copy is refused instead of overwriting someone else's.
 */
public record Customer(UUID id, String accountName, String organizationName, String address, String phoneNumber,
        UUID servicePlanId, TenantType tenantType, LocalDate evaluationStartsOn, LocalDate evaluationEndsOn,
        String storageRegion, BigDecimal creditQuota, LocalDate quotaEffectiveDate, LocalDate quotaEndDate,
        LocalDate licenseExpiryDate, CustomerStatus status, Instant createdAt, int version) {
}
