package org.mspportal.usage;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the daily and monthly roll-ups for reports; raw usage records are never read here. A
 * range is read as its whole calendar months from {@code usage_monthly} plus the days before the
 * first and after the last whole month from {@code usage_daily}. Up to a quarter's months are
 * summed; more are read as the difference of two running totals ({@link RunningTotals}), so a
 * year, or three, costs two values per customer and edition rather than one per month. A whole
 * MSP's credits over time come from its own daily roll-up.
 *
 * <p>{@code only}, when present, restricts every read to those customers: what a tenant
 * administrator reaches (a handful of customers, so an IN list).
 */
@Repository
class RollUpReads {

    /**
     * The quota windows of many customers at once: one array per column, unnested once into a
     * table the three parts join (on PostgreSQL, a CTE used more than once is computed once).
     */
    private static final String IN_WINDOWS = """
            WITH w AS (
                SELECT * FROM UNNEST(CAST(? AS UUID ARRAY), CAST(? AS DATE ARRAY), CAST(? AS DATE ARRAY),
                                     CAST(? AS DATE ARRAY), CAST(? AS DATE ARRAY))
                       AS w (customer_id, first_day, month_from, month_until, last_day))
            SELECT w.customer_id, SUM(m.credits) AS credits
              FROM usage_monthly m JOIN w
                ON m.customer_id = w.customer_id AND m.usage_month >= w.month_from AND m.usage_month < w.month_until
             WHERE m.provider_id = ?
             GROUP BY w.customer_id
            UNION ALL
            SELECT w.customer_id, SUM(d.credits)
              FROM usage_daily d JOIN w
                ON d.customer_id = w.customer_id AND d.usage_date >= w.first_day AND d.usage_date < w.month_from
             WHERE d.provider_id = ?
             GROUP BY w.customer_id
            UNION ALL
            SELECT w.customer_id, SUM(d.credits)
              FROM usage_daily d JOIN w
                ON d.customer_id = w.customer_id AND d.usage_date >= w.month_until AND d.usage_date <= w.last_day
             WHERE d.provider_id = ?
             GROUP BY w.customer_id""";

    /**
     * In a whole report, a quota window shared by this many customers or more (customers registered
     * together, or with the default window) is read as the whole MSP's credits in it.
     */
    static final int SHARED_BY = 50;

    /**
     * A range with more whole months than this reads them as two running totals per customer and
     * edition ({@link RunningTotals}); fewer are summed, which reads no more rows than that.
     */
    static final int MOST_MONTHS_SUMMED = 3;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RunningTotals runningTotals;
    private final Clock clock;
    private final boolean postgresql;

    RollUpReads(JdbcClient jdbc, JdbcTemplate template, RunningTotals runningTotals, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.runningTotals = runningTotals;
        this.clock = clock;
        this.postgresql = UsageRecords.postgresql(template);
    }

    /**
     * A range cut into whole calendar months [{@code monthFrom}, {@code monthUntil}) and the days
     * around them; without a whole month inside, both are the day after the range, so the
     * months are empty and the days before {@code monthFrom} are the whole range.
     */
    record Split(LocalDate from, LocalDate to, LocalDate monthFrom, LocalDate monthUntil) {

        /**
         * As {@link #of(LocalDate, LocalDate)}, knowing that no usage is later than {@code today}
         * (ingestion refuses future days): a range reaching today ends with this month, taken whole
         * from the monthly roll-up instead of summing its days, which for "the last twelve months"
         * would be most of the rows read; the months after it (a quota window running into next
         * year) are not read at all.
         */
        static Split of(LocalDate from, LocalDate to, LocalDate today) {
            return of(from, to.isBefore(today) ? to : today.withDayOfMonth(today.lengthOfMonth()));
        }

        static Split of(LocalDate from, LocalDate to) {
            LocalDate monthFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate after = to.plusDays(1);
            LocalDate monthUntil = after.withDayOfMonth(1);
            return monthFrom.isBefore(monthUntil) ? new Split(from, to, monthFrom, monthUntil)
                    : new Split(from, to, after, after);
        }

        long wholeMonths() {
            return ChronoUnit.MONTHS.between(monthFrom, monthUntil);
        }
    }

    /** Credits of a customer under one edition (a roll-up edition name, "NONE" for no plan). */
    record CustomerCredits(UUID customerId, String edition, RollUps.Amount amount) {
    }

    /** Credits of a day (or of a month, on its first day) under one edition. */
    record PeriodCredits(LocalDate period, String edition, BigDecimal credits) {
    }

    private record MonthOfEdition(LocalDate month, String edition) {
    }

    /** A customer's quota window, both days included. */
    record Window(UUID customerId, LocalDate first, LocalDate last) {
    }

    List<CustomerCredits> perCustomer(UUID provider, Optional<Collection<UUID>> only, LocalDate from, LocalDate to) {
        if (postgresql) {
            // Days of a month either side of the whole months, or a quarter's months, of 10 000
            // customers are too many rows to group in the default 4 MB without spilling to disk.
            // For this (read-only) transaction only.
            template.execute("SET LOCAL work_mem = '64MB'");
        }
        Split split = Split.of(from, to, LocalDate.now(clock));
        boolean fromRunningTotals = split.wholeMonths() > MOST_MONTHS_SUMMED;
        Map<RunningTotals.Filed, RollUps.Amount> credits = new HashMap<>(fromRunningTotals
                ? runningTotals.inMonths(provider, only, split.monthFrom(), split.monthUntil()) : Map.of());
        String restriction = only.isPresent() ? " AND customer_id IN (:only)" : "";
        JdbcClient.StatementSpec query = jdbc.sql("""
                SELECT customer_id, edition, SUM(hybrid_credits) AS hybrid, SUM(saas_credits) AS saas FROM (
                    SELECT customer_id, edition, hybrid_credits, saas_credits FROM usage_monthly
                     WHERE provider_id = :provider AND usage_month >= :monthFrom AND usage_month < :summedUntil%1$s
                    UNION ALL
                    SELECT customer_id, edition, hybrid_credits, saas_credits FROM usage_daily
                     WHERE provider_id = :provider AND usage_date >= :from AND usage_date < :monthFrom%1$s
                    UNION ALL
                    SELECT customer_id, edition, hybrid_credits, saas_credits FROM usage_daily
                     WHERE provider_id = :provider AND usage_date >= :monthUntil AND usage_date <= :to%1$s
                ) u
                 GROUP BY customer_id, edition""".formatted(restriction));
        bind(query, provider, only, split);
        query.param("summedUntil", fromRunningTotals ? split.monthFrom() : split.monthUntil());
        query.query(rs -> {
            credits.merge(new RunningTotals.Filed(rs.getObject("customer_id", UUID.class), rs.getString("edition")),
                    new RollUps.Amount(rs.getBigDecimal("hybrid"), rs.getBigDecimal("saas")), RollUps.Amount::plus);
        });
        List<CustomerCredits> perCustomer = new ArrayList<>(credits.size());
        credits.forEach((filed, amount) -> {
            if (!amount.isZero()) {
                perCustomer.add(new CustomerCredits(filed.customerId(), filed.edition(), amount));
            }
        });
        return perCustomer;
    }

    /**
     * Credits per day and edition: for short ranges. A whole MSP's come from its own daily
     * roll-up (a row per day and edition), some customers' from theirs.
     */
    List<PeriodCredits> perDay(UUID provider, Optional<Collection<UUID>> only, LocalDate from, LocalDate to) {
        if (only.isEmpty()) {
            return jdbc.sql("""
                    SELECT usage_date AS period, edition, credits FROM usage_provider_daily
                     WHERE provider_id = :provider AND usage_date >= :from AND usage_date <= :to""")
                    .param("provider", provider).param("from", from).param("to", to)
                    .query(RollUpReads::periodCredits).list();
        }
        return jdbc.sql("""
                SELECT usage_date AS period, edition, SUM(credits) AS credits FROM usage_daily
                 WHERE provider_id = :provider AND usage_date >= :from AND usage_date <= :to
                   AND customer_id IN (:only)
                 GROUP BY usage_date, edition""")
                .param("provider", provider).param("from", from).param("to", to).param("only", only.get())
                .query(RollUpReads::periodCredits).list();
    }

    /**
     * Credits per month and edition, each on its month's first day: a whole MSP's summed from its
     * days; some customers' from their monthly roll-up for whole months and from their days for
     * the partial months at either end.
     */
    List<PeriodCredits> perMonth(UUID provider, Optional<Collection<UUID>> only, LocalDate from, LocalDate to) {
        List<PeriodCredits> rows = only.isEmpty() ? perDay(provider, only, from, to)
                : customersPerMonth(provider, only, from, to);
        Map<MonthOfEdition, BigDecimal> months = new HashMap<>();
        for (PeriodCredits credits : rows) {
            months.merge(new MonthOfEdition(credits.period().withDayOfMonth(1), credits.edition()), credits.credits(),
                    BigDecimal::add);
        }
        List<PeriodCredits> perMonth = new ArrayList<>();
        months.forEach((key, credits) -> perMonth.add(new PeriodCredits(key.month(), key.edition(), credits)));
        return perMonth;
    }

    private List<PeriodCredits> customersPerMonth(UUID provider, Optional<Collection<UUID>> only, LocalDate from,
            LocalDate to) {
        Split split = Split.of(from, to, LocalDate.now(clock));
        JdbcClient.StatementSpec query = jdbc.sql("""
                SELECT usage_month AS period, edition, SUM(credits) AS credits FROM usage_monthly
                 WHERE provider_id = :provider AND usage_month >= :monthFrom AND usage_month < :monthUntil
                   AND customer_id IN (:only)
                 GROUP BY usage_month, edition
                UNION ALL
                SELECT usage_date, edition, SUM(credits) FROM usage_daily
                 WHERE provider_id = :provider AND ((usage_date >= :from AND usage_date < :monthFrom)
                       OR (usage_date >= :monthUntil AND usage_date <= :to)) AND customer_id IN (:only)
                 GROUP BY usage_date, edition""");
        bind(query, provider, only, split);
        return query.query(RollUpReads::periodCredits).list();
    }

    /**
     * Each customer's credits inside its own quota window, whatever the edition; customers
     * without usage there are absent. The windows travel as arrays in one statement, so thousands
     * of customers cost no more round trips than one, and each reaches only its customer's rows.
     */
    Map<UUID, BigDecimal> inWindows(UUID provider, List<Window> windows) {
        Map<UUID, BigDecimal> consumed = new HashMap<>();
        probeWindows(provider, windows, consumed);
        return consumed;
    }

    /**
     * As {@link #inWindows}, for every customer of the MSP at once (a whole report): windows shared
     * by {@value #SHARED_BY} customers or more are read once for the whole MSP by the roll-ups' MSP
     * index, a scan of rows that are mostly wanted instead of thousands of index lookups. Only
     * worth it when most of the MSP's customers are asked for: a batch's few customers are probed.
     */
    Map<UUID, BigDecimal> inWindowsOfEveryCustomer(UUID provider, List<Window> windows) {
        Map<UUID, BigDecimal> consumed = new HashMap<>();
        Map<List<LocalDate>, List<UUID>> shared = new HashMap<>();
        windows.forEach(window -> shared.computeIfAbsent(List.of(window.first(), window.last()),
                dates -> new ArrayList<>()).add(window.customerId()));
        List<Window> probed = new ArrayList<>();
        shared.forEach((dates, customers) -> {
            if (customers.size() < SHARED_BY) {
                customers.forEach(customer -> probed.add(new Window(customer, dates.get(0), dates.get(1))));
                return;
            }
            Set<UUID> members = new HashSet<>(customers);
            perCustomer(provider, Optional.empty(), dates.get(0), dates.get(1)).stream()
                    .filter(credits -> members.contains(credits.customerId()))
                    .forEach(credits -> consumed.merge(credits.customerId(), credits.amount().total(),
                            BigDecimal::add));
        });
        probeWindows(provider, probed, consumed);
        return consumed;
    }

    /** The windows one by one, their customers' roll-ups reached through their keys. */
    private void probeWindows(UUID provider, List<Window> windows, Map<UUID, BigDecimal> consumed) {
        if (windows.isEmpty()) {
            return;
        }
        if (postgresql) {
            // Thousands of windows make PostgreSQL's estimate large enough for its JIT, which then
            // takes longer to compile the plan than the plan takes to run; for this transaction only.
            template.execute("SET LOCAL jit = off");
        }
        LocalDate today = LocalDate.now(clock);
        List<Split> splits = windows.stream().map(window -> Split.of(window.first(), window.last(), today)).toList();
        PreparedStatementCreator statement = connection -> {
            PreparedStatement ps = connection.prepareStatement(IN_WINDOWS);
            Object[] ids = windows.stream().map(Window::customerId).toArray();
            Object[] firsts = splits.stream().map(split -> Date.valueOf(split.from())).toArray();
            Object[] monthFroms = splits.stream().map(split -> Date.valueOf(split.monthFrom())).toArray();
            Object[] monthUntils = splits.stream().map(split -> Date.valueOf(split.monthUntil())).toArray();
            Object[] lasts = splits.stream().map(split -> Date.valueOf(split.to())).toArray();
            ps.setArray(1, connection.createArrayOf("uuid", ids));
            ps.setArray(2, connection.createArrayOf("date", firsts));
            ps.setArray(3, connection.createArrayOf("date", monthFroms));
            ps.setArray(4, connection.createArrayOf("date", monthUntils));
            ps.setArray(5, connection.createArrayOf("date", lasts));
            for (int part = 0; part < 3; part++) {
                ps.setObject(6 + part, provider);
            }
            return ps;
        };
        template.query(statement, rs -> {
            consumed.merge(rs.getObject(1, UUID.class), rs.getBigDecimal(2), BigDecimal::add);
        });
    }

    private static void bind(JdbcClient.StatementSpec query, UUID provider, Optional<Collection<UUID>> only,
            Split split) {
        query.param("provider", provider).param("from", split.from()).param("to", split.to())
                .param("monthFrom", split.monthFrom()).param("monthUntil", split.monthUntil());
        only.ifPresent(ids -> query.param("only", ids));
    }

    private static PeriodCredits periodCredits(ResultSet rs, int row) throws SQLException {
        return new PeriodCredits(rs.getObject("period", LocalDate.class), rs.getString("edition"),
                rs.getBigDecimal("credits"));
    }
}
