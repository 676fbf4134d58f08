package org.mspportal.migration;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.mspportal.plans.Workload;

/**
 * A day of a source account's usage of one workload, carried into the migrated customer's usage.
 * As in ingestion, credits win over stored bytes when both are given.
 */
public record PastUsage(Workload workload, LocalDate date, BigDecimal credits, Long storedBytes) {
}
