package org.mspportal.migration;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The handler's verification: the emailed token, the plan for the customer (one compatible with the
 * licence), and the storage region and credit quota the customer starts with.
 */
public record Verification(String token, UUID servicePlanId, String storageRegion, BigDecimal creditQuota) {
}
