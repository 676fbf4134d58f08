package org.mspportal.customers;

import java.time.LocalDate;

import org.mspportal.shared.RejectedInput;

/**
 * A customer's dates are typed by people and sent by API clients, and {@link LocalDate} accepts
 * years like 20266 (one key too many) that no page can show and ISO text writes as "+20266-…".
 * Four-digit years keep every date printable, sortable and storable in any database.
 */
final class CalendarDates {

    private CalendarDates() {
    }

    static void requireFourDigitYear(String field, LocalDate date) {
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            throw new RejectedInput(field, "Enter a date with a four-digit year.");
        }
    }
}
