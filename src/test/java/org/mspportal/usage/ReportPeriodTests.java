package org.mspportal.usage;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.mspportal.plans.UsageReportFrequency;

import static org.assertj.core.api.Assertions.assertThat;

/** Which period of a plan's report frequency has last ended on a given day: calendar periods, UTC. */
class ReportPeriodTests {

    @Test
    void onTheFirstOfAMonthTheMonthBeforeHasEnded() {
        assertThat(ReportPeriod.lastEndedBefore(UsageReportFrequency.MONTHLY, LocalDate.of(2027, 3, 1)))
                .isEqualTo(period(UsageReportFrequency.MONTHLY, "2027-02-01", "2027-02-28"));
    }

    @Test
    void onTheLastDayOfAMonthThatMonthHasNotEnded() {
        assertThat(ReportPeriod.lastEndedBefore(UsageReportFrequency.MONTHLY, LocalDate.of(2027, 3, 31)).end())
                .isEqualTo("2027-02-28");
    }

    @Test
    void aQuarterHasNotEndedAtTheEndOfJanuaryButHasAtTheEndOfMarch() {
        assertThat(ReportPeriod.lastEndedBefore(UsageReportFrequency.QUARTERLY, LocalDate.of(2027, 2, 1)))
                .isEqualTo(period(UsageReportFrequency.QUARTERLY, "2026-10-01", "2026-12-31"));
        assertThat(ReportPeriod.lastEndedBefore(UsageReportFrequency.QUARTERLY, LocalDate.of(2027, 4, 1)))
                .isEqualTo(period(UsageReportFrequency.QUARTERLY, "2027-01-01", "2027-03-31"));
    }

    @Test
    void halfYearsRunJanuaryToJuneAndJulyToDecember() {
        assertThat(ReportPeriod.lastEndedBefore(UsageReportFrequency.HALF_YEARLY, LocalDate.of(2027, 6, 30)))
                .isEqualTo(period(UsageReportFrequency.HALF_YEARLY, "2026-07-01", "2026-12-31"));
        assertThat(ReportPeriod.lastEndedBefore(UsageReportFrequency.HALF_YEARLY, LocalDate.of(2027, 7, 1)))
                .isEqualTo(period(UsageReportFrequency.HALF_YEARLY, "2027-01-01", "2027-06-30"));
    }

    @Test
    void aYearEndsOnTheThirtyFirstOfDecember() {
        assertThat(ReportPeriod.lastEndedBefore(UsageReportFrequency.YEARLY, LocalDate.of(2027, 12, 31)))
                .isEqualTo(period(UsageReportFrequency.YEARLY, "2026-01-01", "2026-12-31"));
        assertThat(ReportPeriod.lastEndedBefore(UsageReportFrequency.YEARLY, LocalDate.of(2028, 1, 1)))
                .isEqualTo(period(UsageReportFrequency.YEARLY, "2027-01-01", "2027-12-31"));
    }

    @Test
    void eachPeriodIsNamedAsPeopleSayIt() {
        assertThat(period(UsageReportFrequency.MONTHLY, "2027-02-01", "2027-02-28").label()).isEqualTo("February 2027");
        assertThat(period(UsageReportFrequency.QUARTERLY, "2027-04-01", "2027-06-30").label()).isEqualTo("Q2 2027");
        assertThat(period(UsageReportFrequency.HALF_YEARLY, "2027-07-01", "2027-12-31").label()).isEqualTo("H2 2027");
        assertThat(period(UsageReportFrequency.YEARLY, "2027-01-01", "2027-12-31").label()).isEqualTo("2027");
    }

    private static ReportPeriod period(UsageReportFrequency frequency, String start, String end) {
        return new ReportPeriod(frequency, LocalDate.parse(start), LocalDate.parse(end));
    }
}
