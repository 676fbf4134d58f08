package org.mspportal.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mspportal.customers.CustomerPlanTimeline.History;
import org.mspportal.customers.CustomerPlanTimeline.Move;

import static org.assertj.core.api.Assertions.assertThat;

/** Which plan a customer's usage of a day counts under, from its current plan and its moves. */
class PlanOnADayTests {

    private static final UUID BRONZE = UUID.randomUUID();
    private static final UUID SILVER = UUID.randomUUID();
    private static final UUID GOLD = UUID.randomUUID();
    private static final LocalDate JUNE_10 = LocalDate.of(2025, 6, 10);

    @Test
    void aCustomerThatNeverMovedIsOnItsPlanEveryDay() {
        History history = new History(UUID.randomUUID(), GOLD, List.of());

        assertThat(history.planOn(JUNE_10.minusYears(1))).contains(GOLD);
    }

    @Test
    void theDayOfAMoveCountsUnderTheNewPlanAndTheDayBeforeUnderTheOld() {
        History history = new History(UUID.randomUUID(), GOLD, List.of(new Move(SILVER, GOLD, JUNE_10)));

        assertThat(history.planOn(JUNE_10.minusDays(1))).contains(SILVER);
        assertThat(history.planOn(JUNE_10)).contains(GOLD);
    }

    @Test
    void eachDayBetweenMovesCountsUnderThePlanOfThatStretch() {
        History history = new History(UUID.randomUUID(), GOLD, List.of(
                new Move(BRONZE, SILVER, JUNE_10), new Move(SILVER, GOLD, JUNE_10.plusDays(5))));

        assertThat(history.planOn(JUNE_10.minusDays(30))).contains(BRONZE);
        assertThat(history.planOn(JUNE_10.plusDays(4))).contains(SILVER);
        assertThat(history.planOn(JUNE_10.plusDays(5))).contains(GOLD);
    }

    @Test
    void onADayWithTwoMovesTheLastOneCounts() {
        History history = new History(UUID.randomUUID(), GOLD, List.of(
                new Move(BRONZE, SILVER, JUNE_10), new Move(SILVER, GOLD, JUNE_10)));

        assertThat(history.planOn(JUNE_10)).contains(GOLD);
        assertThat(history.planOn(JUNE_10.minusDays(1))).contains(BRONZE);
    }

    @Test
    void daysBeforeASandboxGotItsFirstPlanHaveNoPlan() {
        History history = new History(UUID.randomUUID(), GOLD, List.of(new Move(null, GOLD, JUNE_10)));

        assertThat(history.planOn(JUNE_10.minusDays(1))).isEmpty();
        assertThat(history.planOn(JUNE_10)).contains(GOLD);
    }
}
