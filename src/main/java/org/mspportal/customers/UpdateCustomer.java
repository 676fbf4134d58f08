package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's editable details, as read at {@code version}. The plan changes through
 * {@link CustomerManagement#changePlan} (which keeps history), and the status through suspend and
 * resume. The tenant type may stay, or go from evaluation to commercial.
 */
public record UpdateCustomer(String accountName, String organizationName, String address, String phoneNumber,
        TenantType tenantType, String storageRegion, BigDecimal creditQuota, LocalDate quotaEffectiveDate,
        LocalDate quotaEndDate, LocalDate licenseExpiryDate, int version) {
}
