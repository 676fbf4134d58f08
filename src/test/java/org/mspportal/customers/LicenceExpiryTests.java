package org.mspportal.customers;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mspportal.customers.Refusals.refusalOf;

class LicenceExpiryTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void aLicenceExpiryDateIsRequired() {
        var refusal = refusalOf(() -> new LicenceExpiry(null));

        assertThat(refusal.field()).isEqualTo("licenseExpiryDate");
        assertThat(refusal).hasMessage("Enter the licence expiry date.");
    }

    @Test
    void aLicenceExpiryDateWithAFiveDigitYearIsRefused() {
        var refusal = refusalOf(() -> new LicenceExpiry(LocalDate.of(20271, 3, 1)));

        assertThat(refusal.field()).isEqualTo("licenseExpiryDate");
    }

    @Test
    void aLicenceThatAlreadyLapsedCanBeRecorded() {
        assertThat(new LicenceExpiry(TODAY.minusYears(1)).expiredOn(TODAY)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"2026-02-28, false", "2026-03-01, true", "2026-03-02, true"})
    void aLicenceHasExpiredFromItsExpiryDateOn(LocalDate day, boolean expired) {
        assertThat(new LicenceExpiry(TODAY).expiredOn(day)).isEqualTo(expired);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-03-02, true",
            "2026-03-31, true",
            "2026-04-01, false",
            "2026-03-01, false",
            "2026-02-01, false"})
    void aLicenceExpiresWithinThirtyDaysWhenItRunsTodayAndExpiresByTheThirtiethDayAhead(LocalDate expiry,
            boolean expiring) {
        assertThat(new LicenceExpiry(expiry).expiresWithin(30, TODAY)).isEqualTo(expiring);
    }

    @Test
    void withinZeroDaysNothingIsExpiring() {
        assertThat(new LicenceExpiry(TODAY.plusDays(1)).expiresWithin(0, TODAY)).isFalse();
    }

    @Test
    void aNegativeNumberOfDaysAheadIsAProgrammingError() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LicenceExpiry(TODAY).expiresWithin(-1, TODAY));
    }
}
