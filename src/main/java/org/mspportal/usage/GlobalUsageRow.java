package org.mspportal.usage;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.mspportal.shared.WrittenDate;

/**
 * A line of the Global Usage page's customer table as it is printed, its figures formatted here
 * once: every value a template reads is an expression evaluated per row, and a formatting utility
 * called from a template builds its number format anew each time (bench/load.sh).
 *
 * @param licenceExpiry the licence expiry date as sentences write it ({@link WrittenDate})
 * @param licence "expired", "soon" (within 30 days) or "" for a licence that runs on
 */
record GlobalUsageRow(String accountName, List<EditionBadge> editions, String credits, String creditQuota,
        String quotaTitle, BigDecimal quotaBar, String quotaLevel, String quotaUtilization, LocalDate licenseExpiryDate,
        String licenceExpiry, String licence) {

    /** Licences expiring within this many days are marked "Soon". */
    static final int LICENCE_WARNING_DAYS = 30;

    private static final DecimalFormat TWO_DECIMALS = format("#,##0.00");
    private static final DecimalFormat ONE_DECIMAL = format("#,##0.0");

    /** An edition as a badge: its style and its name. */
    record EditionBadge(String style, String label) {
    }

    static GlobalUsageRow of(GlobalUsage.CustomerUsage line, LocalDate today) {
        List<EditionBadge> editions = line.editions().stream()
                .map(edition -> new EditionBadge("edition-" + edition.toLowerCase(Locale.ROOT),
                        GlobalUsagePages.editionLabel(edition)))
                .toList();
        String licence = !line.licenseExpiryDate().isAfter(today) ? "expired"
                : line.licenseExpiryDate().isAfter(today.plusDays(LICENCE_WARNING_DAYS)) ? "" : "soon";
        return new GlobalUsageRow(line.accountName(), editions, amount(line.credits()), amount(line.creditQuota()),
                amount(line.quotaConsumed()) + " credits used from " + WrittenDate.of(line.quotaEffectiveDate())
                        + " to " + WrittenDate.of(line.quotaEndDate()),
                line.quotaBar(), line.quotaLevel(), copy(ONE_DECIMAL).format(line.quotaUtilization()) + " %",
                line.licenseExpiryDate(), WrittenDate.of(line.licenseExpiryDate()), licence);
    }

    /** "1,234.50", as the page's totals print amounts. */
    static String amount(BigDecimal credits) {
        return copy(TWO_DECIMALS).format(credits);
    }

    /** A DecimalFormat is not thread-safe; a copy of a parsed one costs less than parsing its pattern again. */
    private static DecimalFormat copy(DecimalFormat format) {
        return (DecimalFormat) format.clone();
    }

    private static DecimalFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    }
}
