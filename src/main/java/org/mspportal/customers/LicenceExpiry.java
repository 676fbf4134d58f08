package org.mspportal.customers;

import java.time.LocalDate;

import org.mspportal.shared.RejectedInput;

/**
 * The day a customer's licence expires (required, SPEC §3). Like an evaluation, the licence no
 * longer runs from its expiry date on. "Expiring within N days" is what the Customers page
 * filter asks: not yet expired today, and expiring on or before today + N; in SQL
 * {@code license_expiry_date > :today AND license_expiry_date <= :today + N}.
 *
 * <p>A past date is accepted: administrators record licences that already lapsed.
 */
record LicenceExpiry(LocalDate date) {

    /** The JSON property and form field, in the API's American spelling. */
    static final String FIELD = "licenseExpiryDate";

    LicenceExpiry {
        if (date == null) {
            throw new RejectedInput(FIELD, "Enter the licence expiry date.");
        }
        CalendarDates.requireFourDigitYear(FIELD, date);
    }

    boolean expiredOn(LocalDate day) {
        return !day.isBefore(date);
    }

    /**
     * Still running on {@code today} but expired by {@code today + days}. Licences that already
     * expired are not "expiring": the page shows them with {@link #expiredOn} instead.
     */
    boolean expiresWithin(int days, LocalDate today) {
        if (days < 0) {
            throw new IllegalArgumentException("A number of days ahead cannot be negative: " + days);
        }
        return !expiredOn(today) && !date.isAfter(today.plusDays(days));
    }
}
