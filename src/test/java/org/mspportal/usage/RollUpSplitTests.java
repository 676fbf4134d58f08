package org.mspportal.usage;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a report's range is cut into the days and whole months the roll-ups are read by. */
class RollUpSplitTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void aRangeInThePastIsItsWholeMonthsWithTheDaysEitherSide() {
        RollUpReads.Split split = RollUpReads.Split.of(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 9, 10), TODAY);

        assertThat(split).isEqualTo(new RollUpReads.Split(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 9, 10),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 9, 1)));
        assertThat(split.wholeMonths()).isEqualTo(5);
    }

    @Test
    void aRangeReachingTodayEndsWithThisMonthTakenWhole() {
        RollUpReads.Split split = RollUpReads.Split.of(LocalDate.of(2026, 1, 1), TODAY, TODAY);

        assertThat(split.monthFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(split.monthUntil()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(split.wholeMonths()).isEqualTo(12);
    }

    @Test
    void monthsAfterThisOneAreNotReadEvenWhenTheRangeRunsIntoThem() {
        RollUpReads.Split split = RollUpReads.Split.of(TODAY, TODAY.plusYears(1), TODAY);

        assertThat(split.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(split.wholeMonths()).isZero();
    }

    @Test
    void aRangeStartingAfterTodayHasNoDayNorMonthToRead() {
        RollUpReads.Split split = RollUpReads.Split.of(TODAY.plusMonths(2), TODAY.plusMonths(5), TODAY);

        assertThat(split.wholeMonths()).isZero();
        assertThat(split.monthFrom()).isBeforeOrEqualTo(split.from());
        assertThat(split.monthUntil()).isAfter(split.to());
    }
}
