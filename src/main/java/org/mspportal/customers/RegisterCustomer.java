package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A new customer. The tenant type may be left out (a 30-day evaluation) or be COMMERCIAL; the
 * quota is a decimal number of credits. Field names are the form fields and JSON properties.
 */
public record RegisterCustomer(String accountName, String organizationName, String address, String phoneNumber,
        UUID servicePlanId, TenantType tenantType, String storageRegion, BigDecimal creditQuota,
        LocalDate quotaEffectiveDate, LocalDate quotaEndDate, LocalDate licenseExpiryDate) {
}
