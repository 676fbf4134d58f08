package org.mspportal.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A day as sentences on pages and in mails write it, "12 Dec 2026": read the same way in every
 * country, unlike 12/12/2026, and easier on the eye than 2026-12-12. Form fields, links and the
 * API keep ISO dates.
 */
public final class WrittenDate {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private WrittenDate() {
    }

    public static String of(LocalDate day) {
        return DAY.format(day);
    }
}
