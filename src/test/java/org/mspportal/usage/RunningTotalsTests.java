package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlan;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UpdateServicePlan;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Credits of many whole months read as the difference of two running totals are the credits of
 * those months as recorded, whatever order usage arrived in: earlier months sent after later ones,
 * records replaced, a plan's edition changed, months without usage.
 */
@DatabaseTest
class RunningTotalsTests {

    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate jdbcTemplate;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired UsageIngestion ingestion;
    @Autowired RunningTotals runningTotals;
    @Autowired RollUpReads rollUpReads;

    UUID provider;
    UUID plan;
    LocalDate thisMonth;

    @BeforeEach
    void anMspWithAPlan() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        plan = plans.create(new CreateServicePlan("Plan " + UUID.randomUUID(), Edition.BUSINESS,
                UsageReportFrequency.MONTHLY, EnumSet.allOf(Workload.class))).id();
        thisMonth = LocalDate.now(clock).withDayOfMonth(1);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void everyRangeOfWholeMonthsHasTheCreditsRecordedInIt() {
        usageInAnyOrderOverFourteenMonths();

        for (int from = 0; from < 16; from++) {
            for (int until = from + 1; until <= 16; until++) {
                LocalDate monthFrom = thisMonth.minusMonths(15 - from);
                LocalDate monthUntil = thisMonth.minusMonths(15 - until).plusMonths(1);
                assertThat(runningTotals.inMonths(provider, Optional.empty(), monthFrom, monthUntil))
                        .as("months %s to %s", monthFrom, monthUntil)
                        .isEqualTo(recorded(monthFrom, monthUntil));
            }
        }
    }

    @Test
    void aRangeWithPartMonthsAtEitherEndHasTheCreditsRecordedInItHoweverManyMonthsItSpans() {
        usageInAnyOrderOverFourteenMonths();
        Random random = new Random(5);

        for (int range = 0; range < 60; range++) {
            LocalDate from = thisMonth.minusMonths(15).plusDays(random.nextInt(460));
            LocalDate to = from.plusDays(random.nextInt(460));
            Map<RunningTotals.Filed, RollUps.Amount> read = new HashMap<>();
            rollUpReads.perCustomer(provider, Optional.empty(), from, to).forEach(credits -> read.put(
                    new RunningTotals.Filed(credits.customerId(), credits.edition()), credits.amount()));
            assertThat(read).as("%s to %s", from, to).isEqualTo(recorded(from, to.plusDays(1)));
        }
    }

    /** Three customers' usage in batches touching months in any order, days sent again, an edition change. */
    private void usageInAnyOrderOverFourteenMonths() {
        Random random = new Random(11);
        List<UUID> customers = List.of(customer(), customer(), customer());
        for (int batch = 0; batch < 12; batch++) {
            if (batch == 6) {
                changeEdition(Edition.ELITE);
            }
            List<SubmittedUsage> records = new ArrayList<>();
            for (UUID customer : customers) {
                for (int i = 0; i < 4; i++) {
                    int monthsAgo = random.nextInt(14);
                    LocalDate day = monthsAgo == 0 ? thisMonth : thisMonth.minusMonths(monthsAgo)
                            .plusDays(random.nextInt(3));
                    String credits = BigDecimal.valueOf(random.nextInt(10_000), 3).toPlainString();
                    records.add(usage(customer, random.nextBoolean() ? Workload.VMWARE : Workload.ENDPOINTS, day,
                            credits));
                }
            }
            ingestion.ingest(distinctKeys(records));
        }
    }

    @Test
    void aMonthWithoutUsageCarriesTheCreditsToDateOfTheMonthBeforeIt() {
        UUID customer = customer();
        ingestion.ingest(List.of(usage(customer, Workload.VMWARE, thisMonth.minusMonths(5), "4"),
                usage(customer, Workload.VMWARE, thisMonth, "1")));

        // Neither end of these ranges is a month with usage: months 5 and 0 ago are.
        assertThat(credits(thisMonth.minusMonths(3), thisMonth.minusMonths(1))).isEmpty();
        assertThat(credits(thisMonth.minusMonths(4), thisMonth)).isEmpty();
        assertThat(credits(thisMonth.minusMonths(5), thisMonth.minusMonths(2)))
                .containsEntry(new RunningTotals.Filed(customer, "BUSINESS"), hybrid("4"));
        assertThat(credits(thisMonth.minusMonths(4), thisMonth.plusMonths(1)))
                .containsEntry(new RunningTotals.Filed(customer, "BUSINESS"), hybrid("1"));
    }

    @Test
    void usageOfAnEarlierMonthSentLaterMovesTheCreditsToDateOfEveryMonthAfterIt() {
        UUID customer = customer();
        ingestion.ingest(List.of(usage(customer, Workload.VMWARE, thisMonth.minusMonths(2), "1"),
                usage(customer, Workload.VMWARE, thisMonth, "1")));

        ingestion.ingest(List.of(usage(customer, Workload.VMWARE, thisMonth.minusMonths(6), "10")));

        assertThat(toDate(customer)).containsExactly(new BigDecimal("10.000000"), new BigDecimal("11.000000"),
                new BigDecimal("12.000000"));
    }

    @Test
    void eachCustomerAndEditionsTotalHoldsItsFirstAndLastMonth() {
        UUID customer = customer();
        ingestion.ingest(List.of(usage(customer, Workload.VMWARE, thisMonth.minusMonths(3).plusDays(2), "2"),
                usage(customer, Workload.ENDPOINTS, thisMonth.minusMonths(1), "3")));
        ingestion.ingest(List.of(usage(customer, Workload.VMWARE, thisMonth.minusMonths(7), "5")));

        Map<String, Object> total = jdbc.sql("""
                SELECT first_month, last_month, hybrid_credits, saas_credits FROM usage_total
                 WHERE customer_id = :customer AND edition = 'BUSINESS'""").param("customer", customer)
                .query().singleRow();
        assertThat(total.get("first_month").toString()).isEqualTo(thisMonth.minusMonths(7).toString());
        assertThat(total.get("last_month").toString()).isEqualTo(thisMonth.minusMonths(1).toString());
        assertThat((BigDecimal) total.get("hybrid_credits")).isEqualByComparingTo("7");
        assertThat((BigDecimal) total.get("saas_credits")).isEqualByComparingTo("3");
    }

    @Test
    void workingTheRunningTotalsOutFromTheMonthsAgainChangesNothingIngestionKept() {
        UUID customer = customer();
        ingestion.ingest(List.of(usage(customer, Workload.VMWARE, thisMonth.minusMonths(4), "2"),
                usage(customer, Workload.MICROSOFT_365, thisMonth, "3")));
        changeEdition(Edition.ENTERPRISE);
        ingestion.ingest(List.of(usage(customer, Workload.VMWARE, thisMonth.minusMonths(4), "1.5"),
                usage(customer, Workload.VMWARE, thisMonth.minusMonths(9), "6")));
        List<Map<String, Object>> kept = runningTotalsAndTotals(customer);

        RunningTotals.REBUILD.forEach(sql -> jdbc.sql(sql).update());

        assertThat(runningTotalsAndTotals(customer)).isEqualTo(kept).hasSize(4 + 2);
    }

    @Test
    void batchesOfTheSameCustomersAtOnceKeepTheRunningTotalsTheirMonthsMakeUp() throws Exception {
        // Concurrent ingestion is PostgreSQL's part (several instances); the embedded H2 is one user's.
        assumeTrue(UsageRecords.postgresql(jdbcTemplate), "batches at once are a PostgreSQL matter");
        List<UUID> customers = List.of(customer(), customer());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int batch = 0; batch < 16; batch++) {
                // Each batch its own day (no record sent twice): an earlier month each, or last month.
                LocalDate day = batch % 2 == 0 ? thisMonth.minusMonths(2 + batch / 2)
                        : thisMonth.minusMonths(1).plusDays(10 + batch);
                String credits = "1." + batch;
                List<SubmittedUsage> records = customers.stream()
                        .map(customer -> usage(customer, Workload.VMWARE, day, credits)).toList();
                batches.add(clients.submit(() -> {
                    TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
                    return ingestion.ingest(records);
                }));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            clients.shutdown();
        }
        List<Map<String, Object>> kept = runningTotalsAndTotals(customers.get(0));

        RunningTotals.REBUILD.forEach(sql -> jdbc.sql(sql).update());

        assertThat(runningTotalsAndTotals(customers.get(0))).isEqualTo(kept);
    }

    private Map<RunningTotals.Filed, RollUps.Amount> credits(LocalDate monthFrom, LocalDate monthUntil) {
        return runningTotals.inMonths(provider, Optional.empty(), monthFrom, monthUntil);
    }

    /** Each customer and edition's credits in [from, until) as the records say: what the roll-ups must agree with. */
    private Map<RunningTotals.Filed, RollUps.Amount> recorded(LocalDate from, LocalDate until) {
        Map<RunningTotals.Filed, RollUps.Amount> recorded = new HashMap<>();
        jdbc.sql("""
                SELECT customer_id, COALESCE(edition, 'NONE') AS edition, workload, credits FROM usage_record
                 WHERE provider_id = :provider AND usage_date >= :from AND usage_date < :until""")
                .param("provider", provider).param("from", from).param("until", until)
                .query(rs -> {
                    recorded.merge(new RunningTotals.Filed(rs.getObject(1, UUID.class), rs.getString(2)),
                            RollUps.Amount.of(Workload.valueOf(rs.getString(3)), rs.getBigDecimal(4)),
                            RollUps.Amount::plus);
                });
        recorded.values().removeIf(RollUps.Amount::isZero);
        return recorded;
    }

    private List<BigDecimal> toDate(UUID customer) {
        return jdbc.sql("SELECT hybrid_to_date FROM usage_monthly WHERE customer_id = :customer ORDER BY usage_month")
                .param("customer", customer).query(BigDecimal.class).list();
    }

    private List<Map<String, Object>> runningTotalsAndTotals(UUID customer) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.sql("""
                SELECT usage_month, edition, hybrid_to_date, saas_to_date FROM usage_monthly
                 WHERE customer_id = :customer ORDER BY edition, usage_month""")
                .param("customer", customer).query().listOfRows());
        rows.addAll(jdbc.sql("""
                SELECT edition, first_month, last_month, hybrid_credits, saas_credits FROM usage_total
                 WHERE customer_id = :customer ORDER BY edition""").param("customer", customer).query().listOfRows());
        return rows;
    }

    private static List<SubmittedUsage> distinctKeys(List<SubmittedUsage> records) {
        Map<String, SubmittedUsage> byKey = new HashMap<>();
        records.forEach(record -> byKey.put(record.customerId() + record.workload() + record.date(), record));
        return List.copyOf(byKey.values());
    }

    private void changeEdition(Edition edition) {
        ServicePlan current = plans.get(plan);
        plans.update(plan, new UpdateServicePlan(current.name(), edition, current.usageReportFrequency(),
                current.workloads(), current.version()));
    }

    private UUID customer() {
        return new TestCustomers(jdbc, clock).onPlan(provider, plan);
    }

    private static SubmittedUsage usage(UUID customer, Workload workload, LocalDate day, String credits) {
        return new SubmittedUsage(customer.toString(), workload.name(), day.toString(), null, new BigDecimal(credits));
    }

    private static RollUps.Amount hybrid(String credits) {
        return new RollUps.Amount(new BigDecimal(credits).setScale(Credits.SCALE), Credits.zero());
    }
}
