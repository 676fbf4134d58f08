package org.mspportal.usage;

import java.math.BigDecimal;

/**
 * One usage record as a client sent it, before any check: ids, names and dates stay text so a bad
 * one is reported at its record's index instead of failing the whole request as unreadable.
 *
 * @param workload a {@link org.mspportal.plans.Workload} name, such as {@code MICROSOFT_365}
 * @param date the day of the usage, {@code YYYY-MM-DD} (UTC)
 * @param storedBytes bytes stored that day; turned into credits when {@code credits} is absent
 * @param credits credits consumed that day; wins over {@code storedBytes} when both are sent
 */
public record SubmittedUsage(String customerId, String workload, String date, BigDecimal storedBytes, BigDecimal credits) {
}
