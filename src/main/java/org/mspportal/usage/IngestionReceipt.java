package org.mspportal.usage;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The answer to a stored batch.
 *
 * @param accepted records stored, every record of the batch
 * @param replaced how many of them replaced a record stored earlier for the same customer, workload and day
 * @param credits the credits of the batch's records
 */
public record IngestionReceipt(int accepted, int replaced, BigDecimal credits) implements Serializable {
}
