package org.mspportal.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Credits as the product counts them: 1 credit is 1 TB (10<sup>12</sup> bytes) stored for a
 * month, metered daily, so a day of storage costs TB ÷ 30.42. Amounts keep six decimals, the
 * columns' scale: a gigabyte-day is about 0.000033 credits.
 */
final class Credits {

    static final int SCALE = 6;
    static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.42");
    private static final BigDecimal BYTES_PER_TB = BigDecimal.TEN.pow(12);
    private static final BigDecimal BYTES_PER_CREDIT_DAY = BYTES_PER_TB.multiply(DAYS_PER_MONTH);

    private Credits() {
    }

    /** The credits of one day of {@code storedBytes}. */
    static BigDecimal perDay(long storedBytes) {
        return BigDecimal.valueOf(storedBytes).divide(BYTES_PER_CREDIT_DAY, SCALE, RoundingMode.HALF_UP);
    }

    /** An amount sent by a client, rounded to the six decimals that are stored. */
    static BigDecimal rounded(BigDecimal credits) {
        // 1e-999999999 is a short JSON number, but setScale would build 10^999999993 to round it.
        if (credits.precision() - credits.scale() < -SCALE) {
            return zero();
        }
        return credits.setScale(SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }
}
