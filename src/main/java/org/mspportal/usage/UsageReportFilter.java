package org.mspportal.usage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import org.mspportal.plans.Edition;
import org.mspportal.shared.RejectedInput;

/**
 * Which usage a report covers: the days {@code from} to {@code to}, both included, and one edition
 * or all ({@code edition} empty). Ranges are limited to three years, more than the two years
 * of usage ingestion accepts, so a mistyped year cannot ask for a century of roll-ups.
 */
record UsageReportFilter(LocalDate from, LocalDate to, Optional<Edition> edition) {

    static final int LONGEST_RANGE_YEARS = 3;

    UsageReportFilter {
        if (to.isBefore(from)) {
            throw new RejectedInput("to", "The end date must not be before the start date (" + from + ").");
        }
        if (to.isAfter(from.plusYears(LONGEST_RANGE_YEARS))) {
            throw new RejectedInput("to", "A report covers at most " + LONGEST_RANGE_YEARS + " years.");
        }
    }

    /**
     * The filter from request parameters, each optional: without dates, the current month up to
     * today; an edition of "" or "ALL" means every edition.
     *
     * @throws RejectedInput naming the parameter that is not a date or not an edition
     */
    static UsageReportFilter of(String from, String to, String edition, LocalDate today) {
        LocalDate start = date("from", from).orElse(today.withDayOfMonth(1));
        LocalDate end = date("to", to).orElse(today);
        return new UsageReportFilter(start, end, edition(edition));
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    boolean counts(Edition filedUnder) {
        return edition.map(wanted -> wanted == filedUnder).orElse(true);
    }

    /** The edition parameter as links and the CSV name carry it: "ALL" for every edition. */
    public String editionParameter() {
        return edition.map(Edition::name).orElse("ALL");
    }

    private static Optional<LocalDate> date(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 1000 || date.getYear() > 9999) {
                throw new RejectedInput(field, "Enter a date with a four-digit year, as YYYY-MM-DD.");
            }
            return Optional.of(date);
        } catch (DateTimeParseException notADate) {
            throw new RejectedInput(field, "Enter a date as YYYY-MM-DD, for example 2026-01-31.");
        }
    }

    private static Optional<Edition> edition(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("ALL")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Edition.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            throw new RejectedInput("edition", "The edition must be ALL, BUSINESS, ENTERPRISE or ELITE.");
        }
    }
}
