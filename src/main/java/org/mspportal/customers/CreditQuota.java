package org.mspportal.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.mspportal.shared.RejectedInput;

/**
 * The credits a customer may use between two dates (SPEC §3; 1 credit is 1 TB-month of stored
 * data, so fractions matter and the amount is a decimal, never a double). The quota applies from
 * its effective date up to and including its end date, which must come after the effective date.
 *
 * <p>Amounts keep two decimals, always stored with scale 2 so that "5" and "5.00" are the same
 * quota (BigDecimal's equals would otherwise tell them apart). The ceiling of a trillion credits
 * is far beyond any real customer and keeps the value inside a NUMERIC(15, 2) column.
 */
record CreditQuota(BigDecimal credits, LocalDate effectiveOn, LocalDate endsOn) {

    static final String CREDITS_FIELD = "creditQuota";
    static final String EFFECTIVE_FIELD = "quotaEffectiveDate";
    static final String END_FIELD = "quotaEndDate";
    static final int DECIMALS = 2;
    static final BigDecimal MOST_CREDITS = new BigDecimal("1000000000000");

    /** Plain digits with an optional dot and decimals: what a person writes and every client sends. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?|\\.[0-9]+");
    /** Digits grouped by commas, apostrophes, underscores or inner spaces: someone's thousands separators. */
    private static final Pattern GROUPED_DIGITS = Pattern.compile("[0-9.,'_\\s\\u00a0\\u202f]+");

    CreditQuota {
        credits = checkedCredits(credits);
        if (effectiveOn == null) {
            throw new RejectedInput(EFFECTIVE_FIELD, "Enter the date the quota takes effect.");
        }
        CalendarDates.requireFourDigitYear(EFFECTIVE_FIELD, effectiveOn);
        if (endsOn == null) {
            throw new RejectedInput(END_FIELD, "Enter the date the quota ends.");
        }
        CalendarDates.requireFourDigitYear(END_FIELD, endsOn);
        if (!endsOn.isAfter(effectiveOn)) {
            throw new RejectedInput(END_FIELD, "The quota must end after it takes effect (" + effectiveOn + ").");
        }
    }

    /** A quota from a form, where the amount is the text the administrator typed. */
    static CreditQuota of(String typedCredits, LocalDate effectiveOn, LocalDate endsOn) {
        return new CreditQuota(parseCredits(typedCredits), effectiveOn, endsOn);
    }

    /**
     * The amount an administrator typed. Surrounding spaces are ignored; a dot is the only decimal
     * mark. Commas and other separators are refused rather than guessed at, because "1,500" is
     * fifteen hundred in one country and one and a half in another, and a quota is money.
     */
    static BigDecimal parseCredits(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new RejectedInput(CREDITS_FIELD, "Enter a credit quota, for example 12.5.");
        }
        if (text.startsWith("-")) {
            throw mustBePositive();
        }
        if (PLAIN_DECIMAL.matcher(text).matches()) {
            return checkedCredits(new BigDecimal(text));
        }
        if (GROUPED_DIGITS.matcher(text).matches()) {
            throw new RejectedInput(CREDITS_FIELD, "Write the quota with digits only and a dot for decimals, "
                    + "without thousands separators: for example 1500.25.");
        }
        throw new RejectedInput(CREDITS_FIELD, "The credit quota must be a number, for example 12.5.");
    }

    /** Whether the quota applies on {@code day}: from the effective date up to and including the end date. */
    boolean inEffectOn(LocalDate day) {
        return !day.isBefore(effectiveOn) && !day.isAfter(endsOn);
    }

    /** The same range with another amount: what "edit the quota" usually changes. */
    CreditQuota withCredits(BigDecimal newCredits) {
        return new CreditQuota(newCredits, effectiveOn, endsOn);
    }

    private static BigDecimal checkedCredits(BigDecimal credits) {
        if (credits == null) {
            throw new RejectedInput(CREDITS_FIELD, "Enter a credit quota, for example 12.5.");
        }
        if (credits.signum() <= 0) {
            throw mustBePositive();
        }
        if (credits.stripTrailingZeros().scale() > DECIMALS) {
            throw new RejectedInput(CREDITS_FIELD, "Use at most " + DECIMALS + " decimals in the credit quota.");
        }
        if (credits.compareTo(MOST_CREDITS) > 0) {
            throw new RejectedInput(CREDITS_FIELD, "The credit quota can be at most "
                    + MOST_CREDITS.toPlainString() + " credits.");
        }
        // Exact: the scale was checked above, so no rounding ever happens here.
        return credits.setScale(DECIMALS, RoundingMode.UNNECESSARY);
    }

    private static RejectedInput mustBePositive() {
        return new RejectedInput(CREDITS_FIELD, "The credit quota must be more than 0.");
    }
}
