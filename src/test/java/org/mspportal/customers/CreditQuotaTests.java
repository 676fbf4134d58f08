package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mspportal.customers.Refusals.refusalOf;

class CreditQuotaTests {

    private static final LocalDate EFFECTIVE = LocalDate.of(2026, 3, 1);
    private static final LocalDate END = LocalDate.of(2027, 2, 28);

    @ParameterizedTest
    @CsvSource({
            "12.5, 12.50",
            "'  12.5  ', 12.50",
            "7, 7.00",
            "0.01, 0.01",
            ".5, 0.50",
            "1500.25, 1500.25",
            "3.100, 3.10",
            "1000000000000, 1000000000000.00"})
    void aTypedQuotaIsReadAsAPlainDecimalWithADot(String typed, BigDecimal expected) {
        assertThat(CreditQuota.parseCredits(typed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aQuotaMustBeEntered(String typed) {
        var refusal = refusalOf(() -> CreditQuota.parseCredits(typed));

        assertThat(refusal.field()).isEqualTo("creditQuota");
        assertThat(refusal).hasMessageContaining("Enter a credit quota");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-5", "-0.01"})
    void aQuotaMustBeMoreThanZero(String typed) {
        var refusal = refusalOf(() -> CreditQuota.parseCredits(typed));

        assertThat(refusal.field()).isEqualTo("creditQuota");
        assertThat(refusal).hasMessage("The credit quota must be more than 0.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,500", "1,500.25", "1 500", "1'500", "1_500", "1.500,25", "1.500.000", "12,5", "1\u00a0500"})
    void thousandsSeparatorsAndDecimalCommasAreRefusedRatherThanGuessed(String typed) {
        var refusal = refusalOf(() -> CreditQuota.parseCredits(typed));

        assertThat(refusal.field()).isEqualTo("creditQuota");
        assertThat(refusal).hasMessageContaining("a dot for decimals").hasMessageContaining("thousands separators");
    }

    @ParameterizedTest
    @ValueSource(strings = {"twelve", "1e3", "+5", "12.5 credits", "0x10", "NaN", "Infinity", "١٢", "5-3"})
    void anythingButAPlainNumberIsRefused(String typed) {
        var refusal = refusalOf(() -> CreditQuota.parseCredits(typed));

        assertThat(refusal.field()).isEqualTo("creditQuota");
        assertThat(refusal).hasMessageContaining("must be a number");
    }

    @Test
    void aQuotaHasAtMostTwoDecimals() {
        var refusal = refusalOf(() -> CreditQuota.parseCredits("1.005"));

        assertThat(refusal.field()).isEqualTo("creditQuota");
        assertThat(refusal).hasMessage("Use at most 2 decimals in the credit quota.");
    }

    @Test
    void aQuotaAboveATrillionCreditsIsRefused() {
        var refusal = refusalOf(() -> CreditQuota.parseCredits("1000000000000.01"));

        assertThat(refusal.field()).isEqualTo("creditQuota");
        assertThat(refusal).hasMessageContaining("at most 1000000000000 credits");
    }

    @Test
    void anAmountFromTheApiFollowsTheSameRules() {
        var refusal = refusalOf(() -> new CreditQuota(new BigDecimal("-1"), EFFECTIVE, END));

        assertThat(refusal.field()).isEqualTo("creditQuota");
    }

    @Test
    void aMissingAmountFromTheApiIsRefused() {
        var refusal = refusalOf(() -> new CreditQuota(null, EFFECTIVE, END));

        assertThat(refusal.field()).isEqualTo("creditQuota");
        assertThat(refusal).hasMessageContaining("Enter a credit quota");
    }

    @Test
    void theSameAmountWrittenWithMoreOrFewerZerosIsTheSameQuota() {
        assertThat(new CreditQuota(new BigDecimal("5"), EFFECTIVE, END))
                .isEqualTo(new CreditQuota(new BigDecimal("5.000"), EFFECTIVE, END))
                .isEqualTo(CreditQuota.of("5.0", EFFECTIVE, END));
    }

    @Test
    void aQuotaNeedsAnEffectiveDate() {
        var refusal = refusalOf(() -> CreditQuota.of("10", null, END));

        assertThat(refusal.field()).isEqualTo("quotaEffectiveDate");
        assertThat(refusal).hasMessage("Enter the date the quota takes effect.");
    }

    @Test
    void aQuotaNeedsAnEndDate() {
        var refusal = refusalOf(() -> CreditQuota.of("10", EFFECTIVE, null));

        assertThat(refusal.field()).isEqualTo("quotaEndDate");
        assertThat(refusal).hasMessage("Enter the date the quota ends.");
    }

    @Test
    void aQuotaCannotEndOnTheDayItTakesEffect() {
        var refusal = refusalOf(() -> CreditQuota.of("10", EFFECTIVE, EFFECTIVE));

        assertThat(refusal.field()).isEqualTo("quotaEndDate");
        assertThat(refusal).hasMessage("The quota must end after it takes effect (2026-03-01).");
    }

    @Test
    void aQuotaCannotEndBeforeItTakesEffect() {
        var refusal = refusalOf(() -> CreditQuota.of("10", EFFECTIVE, EFFECTIVE.minusDays(1)));

        assertThat(refusal.field()).isEqualTo("quotaEndDate");
    }

    @Test
    void aQuotaMayEndTheDayAfterItTakesEffect() {
        assertThat(CreditQuota.of("10", EFFECTIVE, EFFECTIVE.plusDays(1)).endsOn()).isEqualTo(EFFECTIVE.plusDays(1));
    }

    @Test
    void aDateWithAFiveDigitYearIsRefused() {
        var refusal = refusalOf(() -> CreditQuota.of("10", EFFECTIVE, LocalDate.of(20266, 1, 1)));

        assertThat(refusal.field()).isEqualTo("quotaEndDate");
        assertThat(refusal).hasMessage("Enter a date with a four-digit year.");
    }

    @Test
    void theAmountIsCheckedBeforeTheDatesLikeTheFormReadsTopToBottom() {
        var refusal = refusalOf(() -> CreditQuota.of("", null, null));

        assertThat(refusal.field()).isEqualTo("creditQuota");
    }

    @ParameterizedTest
    @CsvSource({
            "2026-02-28, false",
            "2026-03-01, true",
            "2026-09-15, true",
            "2027-02-28, true",
            "2027-03-01, false"})
    void aQuotaAppliesFromItsEffectiveDateUpToAndIncludingItsEndDate(LocalDate day, boolean inEffect) {
        assertThat(CreditQuota.of("10", EFFECTIVE, END).inEffectOn(day)).isEqualTo(inEffect);
    }

    @Test
    void changingTheAmountKeepsTheDates() {
        CreditQuota changed = CreditQuota.of("10", EFFECTIVE, END).withCredits(new BigDecimal("25.5"));

        assertThat(changed).isEqualTo(CreditQuota.of("25.50", EFFECTIVE, END));
    }
}
