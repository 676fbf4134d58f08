package org.mspportal.usage;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Running totals of the monthly roll-up, so a range of many whole months costs two values per
 * customer and edition instead of one per month: each {@code usage_monthly} row also holds the
 * credits of its customer and edition from their first month through its own ({@code *_to_date}),
 * and {@code usage_total} holds each customer and edition's credits of all time with their first
 * and last month. Credits of months [a, b) are then the credits to date at b's previous month (or
 * the total, when nothing is later) less those at a's previous month (or nothing, when nothing is
 * earlier). A month without usage has no row: its credits to date are those of the latest month
 * before it, looked up for those few customers alone.
 *
 * <p>Kept by ingestion in the transaction that stores the records: a batch first adds to the totals
 * of its customers and editions, which locks their rows until the commit, then changes the
 * months with their running totals (PostgreSQL: in the same write, then the later months it did
 * not change; H2: worked out again from the months as stored). Another batch of the same
 * customers waits for the first lock, so it works from committed months only.
 */
@Repository
class RunningTotals {

    /** Every customer and edition's running totals worked out again from the months; only changed rows written. */
    static final String TO_DATE_FROM_MONTHS = """
            MERGE INTO usage_monthly t
            USING (SELECT customer_id, usage_month, edition,
                          SUM(hybrid_credits) OVER (PARTITION BY customer_id, edition ORDER BY usage_month) AS hybrid,
                          SUM(saas_credits) OVER (PARTITION BY customer_id, edition ORDER BY usage_month) AS saas
                     FROM usage_monthly) s
               ON t.customer_id = s.customer_id AND t.usage_month = s.usage_month AND t.edition = s.edition
             WHEN MATCHED AND (t.hybrid_to_date <> s.hybrid OR t.saas_to_date <> s.saas)
             THEN UPDATE SET hybrid_to_date = s.hybrid, saas_to_date = s.saas""";
    /** Every customer and edition's total from the months, into an empty {@code usage_total}. */
    static final String TOTALS_FROM_MONTHS = """
            INSERT INTO usage_total (customer_id, edition, provider_id, first_month, last_month, hybrid_credits,
                                     saas_credits)
            SELECT customer_id, edition, provider_id, MIN(usage_month), MAX(usage_month), SUM(hybrid_credits),
                   SUM(saas_credits)
              FROM usage_monthly
             GROUP BY customer_id, edition, provider_id""";
    /** Running totals and totals worked out again from the months (a migration, a bulk load). */
    static final List<String> REBUILD = List.of(TO_DATE_FROM_MONTHS, "DELETE FROM usage_total", TOTALS_FROM_MONTHS);

    private static final String CARRY_FORWARD = """
            MERGE INTO usage_monthly t
            USING (SELECT m.customer_id, m.usage_month, m.edition,
                          SUM(m.hybrid_credits) OVER (PARTITION BY m.customer_id, m.edition ORDER BY m.usage_month)
                              AS hybrid,
                          SUM(m.saas_credits) OVER (PARTITION BY m.customer_id, m.edition ORDER BY m.usage_month)
                              AS saas
                     FROM usage_monthly m
                     JOIN UNNEST(CAST(? AS UUID ARRAY), CAST(? AS VARCHAR ARRAY)) AS k (customer_id, edition)
                       ON m.customer_id = k.customer_id AND m.edition = k.edition) s
               ON t.customer_id = s.customer_id AND t.usage_month = s.usage_month AND t.edition = s.edition
             WHEN MATCHED AND (t.hybrid_to_date <> s.hybrid OR t.saas_to_date <> s.saas)
             THEN UPDATE SET hybrid_to_date = s.hybrid, saas_to_date = s.saas""";

    /**
     * PostgreSQL's monthly upsert, credits to date in the same write. A row's credits to date are
     * those of its customer and edition's latest month before it, as stored before this statement,
     * plus the batch's credits of its months up to this one ({@code *_cum}), plus what the row held
     * before (nothing, for a new row). UNNEST's order is kept, so rows are locked in key order.
     */
    private static final String MONTHS_ON_CONFLICT = """
            INSERT INTO usage_monthly (customer_id, usage_month, edition, provider_id, hybrid_credits, saas_credits,
                                       credits, hybrid_to_date, saas_to_date)
            SELECT r.customer_id, r.usage_month, r.edition, ?, r.hybrid_credits, r.saas_credits,
                   r.hybrid_credits + r.saas_credits,
                   COALESCE(p.hybrid_to_date, 0) + r.hybrid_cum, COALESCE(p.saas_to_date, 0) + r.saas_cum
              FROM UNNEST(CAST(? AS UUID ARRAY), CAST(? AS DATE ARRAY), CAST(? AS VARCHAR ARRAY),
                          CAST(? AS NUMERIC(20, 6) ARRAY), CAST(? AS NUMERIC(20, 6) ARRAY),
                          CAST(? AS NUMERIC(20, 6) ARRAY), CAST(? AS NUMERIC(20, 6) ARRAY))
                   AS r (customer_id, usage_month, edition, hybrid_credits, saas_credits, hybrid_cum, saas_cum)
              LEFT JOIN LATERAL (SELECT m.hybrid_to_date, m.saas_to_date FROM usage_monthly m
                                  WHERE m.customer_id = r.customer_id AND m.edition = r.edition
                                    AND m.usage_month < r.usage_month
                                  ORDER BY m.usage_month DESC LIMIT 1) p ON TRUE
                ON CONFLICT (customer_id, usage_month, edition) DO UPDATE SET
                   hybrid_credits = usage_monthly.hybrid_credits + EXCLUDED.hybrid_credits,
                   saas_credits = usage_monthly.saas_credits + EXCLUDED.saas_credits,
                   credits = usage_monthly.credits + EXCLUDED.credits,
                   hybrid_to_date = EXCLUDED.hybrid_to_date + usage_monthly.hybrid_credits,
                   saas_to_date = EXCLUDED.saas_to_date + usage_monthly.saas_credits""";

    /**
     * The stored months a batch did not change, after one it did: each moves by the batch's credits
     * up to the latest changed month before it (up to the next changed month, or for good).
     */
    private static final String LATER_MONTHS = """
            UPDATE usage_monthly t
               SET hybrid_to_date = t.hybrid_to_date + k.hybrid_cum, saas_to_date = t.saas_to_date + k.saas_cum
              FROM UNNEST(CAST(? AS UUID ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS DATE ARRAY),
                          CAST(? AS DATE ARRAY), CAST(? AS NUMERIC(20, 6) ARRAY), CAST(? AS NUMERIC(20, 6) ARRAY))
                   AS k (customer_id, edition, after_month, until_month, hybrid_cum, saas_cum)
             WHERE t.customer_id = k.customer_id AND t.edition = k.edition AND t.usage_month > k.after_month
               AND (k.until_month IS NULL OR t.usage_month < k.until_month)""";

    private static final String TOTAL_ON_CONFLICT = """
            INSERT INTO usage_total (customer_id, edition, provider_id, first_month, last_month, hybrid_credits,
                                     saas_credits)
            SELECT r.customer_id, r.edition, ?, r.first_month, r.last_month, r.hybrid_credits, r.saas_credits
              FROM UNNEST(CAST(? AS UUID ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS DATE ARRAY),
                          CAST(? AS DATE ARRAY), CAST(? AS NUMERIC(20, 6) ARRAY), CAST(? AS NUMERIC(20, 6) ARRAY))
                   AS r (customer_id, edition, first_month, last_month, hybrid_credits, saas_credits)
                ON CONFLICT (customer_id, edition) DO UPDATE SET
                   first_month = LEAST(usage_total.first_month, EXCLUDED.first_month),
                   last_month = GREATEST(usage_total.last_month, EXCLUDED.last_month),
                   hybrid_credits = usage_total.hybrid_credits + EXCLUDED.hybrid_credits,
                   saas_credits = usage_total.saas_credits + EXCLUDED.saas_credits
            RETURNING customer_id, edition, last_month""";

    private static final String TOTAL_MERGE = """
            MERGE INTO usage_total t
            USING (VALUES (CAST(? AS UUID), CAST(? AS VARCHAR(20)), CAST(? AS UUID), CAST(? AS DATE), CAST(? AS DATE),
                           CAST(? AS NUMERIC(20, 6)), CAST(? AS NUMERIC(20, 6))))
                  AS s (customer_id, edition, provider_id, first_month, last_month, hybrid_credits, saas_credits)
               ON t.customer_id = s.customer_id AND t.edition = s.edition
             WHEN MATCHED THEN UPDATE SET first_month = LEAST(t.first_month, s.first_month),
                  last_month = GREATEST(t.last_month, s.last_month),
                  hybrid_credits = t.hybrid_credits + s.hybrid_credits, saas_credits = t.saas_credits + s.saas_credits
             WHEN NOT MATCHED THEN INSERT (customer_id, edition, provider_id, first_month, last_month, hybrid_credits,
                                           saas_credits)
                  VALUES (s.customer_id, s.edition, s.provider_id, s.first_month, s.last_month, s.hybrid_credits,
                          s.saas_credits)""";

    /**
     * Each customer and edition with its credits to date at the months a range needs, if stored: the
     * month before the range, and the range's last month unless the range reaches past this month.
     * A month's rows are found through the roll-up's (MSP, month) index, not by scanning every month.
     */
    private static final String AT_ENDS = """
            SELECT t.customer_id, t.edition, t.first_month, t.last_month, t.hybrid_credits, t.saas_credits,
                   b.hybrid_to_date AS hybrid_before, b.saas_to_date AS saas_before,
                   %s
              FROM usage_total t
              LEFT JOIN usage_monthly b
                ON b.customer_id = t.customer_id AND b.edition = t.edition AND b.usage_month = :before
               AND b.provider_id = :provider
              %s
             WHERE t.provider_id = :provider AND t.first_month < :monthUntil AND t.last_month >= :monthFrom""";
    private static final String THROUGH_COLUMNS = "e.hybrid_to_date AS hybrid_through, e.saas_to_date AS saas_through";
    private static final String THROUGH_JOIN = """
            LEFT JOIN usage_monthly e
                ON e.customer_id = t.customer_id AND e.edition = t.edition AND e.usage_month = :last
               AND e.provider_id = :provider""";

    /** The credits to date of the latest month before each given one, for months without a row. */
    private static final String LATEST_BEFORE = """
            SELECT m.customer_id, m.edition, k.wanted_month, m.hybrid_to_date, m.saas_to_date
              FROM UNNEST(CAST(? AS UUID ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS DATE ARRAY))
                   AS k (customer_id, edition, wanted_month)
              JOIN usage_monthly m
                ON m.customer_id = k.customer_id AND m.edition = k.edition
               AND m.usage_month = (SELECT MAX(p.usage_month) FROM usage_monthly p
                                     WHERE p.customer_id = k.customer_id AND p.edition = k.edition
                                       AND p.usage_month < k.wanted_month)""";

    /** A customer's usage under one edition (a roll-up edition name). */
    record Filed(UUID customerId, String edition) {

        static final Comparator<Filed> ORDER = Comparator.comparing(Filed::customerId).thenComparing(Filed::edition);
    }

    /** What a batch adds to one customer and edition's total: its months' span and credits. */
    private record Addition(LocalDate firstMonth, LocalDate lastMonth, RollUps.Amount amount) {

        Addition with(LocalDate month, RollUps.Amount more) {
            return new Addition(month.isBefore(firstMonth) ? month : firstMonth,
                    month.isAfter(lastMonth) ? month : lastMonth, amount.plus(more));
        }
    }

    /** A month's credits to date wanted and not stored: looked up as the latest month's before it. */
    private record Gap(Filed filed, LocalDate month) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final Clock clock;
    private final boolean postgresql;
    private final ArrayColumns columns;

    RunningTotals(JdbcTemplate jdbc, JdbcClient client, Clock clock) {
        this.jdbc = jdbc;
        this.client = client;
        this.clock = clock;
        this.postgresql = UsageRecords.postgresql(jdbc);
        this.columns = new ArrayColumns(postgresql);
    }

    /**
     * Each customer and edition's latest stored month after a batch was added to their totals, where
     * known (PostgreSQL): the months a batch changes are mostly their latest, and then no stored
     * month after them needs its running totals moved.
     */
    record LatestMonths(Optional<Map<Filed, LocalDate>> known) {

        static final LatestMonths UNKNOWN = new LatestMonths(Optional.empty());

        /** Whether a month of the customer and edition may be stored after this one. */
        boolean mayFollow(Filed filed, LocalDate month) {
            return known.map(latest -> !latest.containsKey(filed) || latest.get(filed).isAfter(month)).orElse(true);
        }
    }

    /** Adds a batch's monthly changes to its customers' totals, locking their rows, in key order. */
    LatestMonths addToTotals(UUID provider, Map<RollUps.Period, RollUps.Amount> monthly) {
        Map<Filed, Addition> additions = new TreeMap<>(Filed.ORDER);
        monthly.forEach((period, amount) -> additions.merge(new Filed(period.customerId(), period.edition()),
                new Addition(period.start(), period.start(), amount),
                (before, more) -> before.with(period.start(), amount)));
        if (additions.isEmpty()) {
            return LatestMonths.UNKNOWN;
        }
        List<Map.Entry<Filed, Addition>> rows = new ArrayList<>(additions.entrySet());
        if (postgresql) {
            Map<Filed, LocalDate> latest = new HashMap<>(rows.size() * 4 / 3 + 1);
            jdbc.query(connection -> {
                PreparedStatement ps = connection.prepareStatement(TOTAL_ON_CONFLICT);
                ps.setObject(1, provider);
                columns.bind(ps, 2, "uuid", rows, row -> row.getKey().customerId());
                columns.bind(ps, 3, "varchar", rows, row -> row.getKey().edition());
                columns.bind(ps, 4, "date", rows, row -> row.getValue().firstMonth());
                columns.bind(ps, 5, "date", rows, row -> row.getValue().lastMonth());
                columns.bind(ps, 6, "numeric", rows, row -> row.getValue().amount().hybrid());
                columns.bind(ps, 7, "numeric", rows, row -> row.getValue().amount().saas());
                return ps;
            }, rs -> {
                latest.put(new Filed(rs.getObject(1, UUID.class), rs.getString(2)), rs.getObject(3, LocalDate.class));
            });
            return new LatestMonths(Optional.of(latest));
        }
        jdbc.batchUpdate(TOTAL_MERGE, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Filed filed = rows.get(i).getKey();
                Addition addition = rows.get(i).getValue();
                ps.setObject(1, filed.customerId());
                ps.setString(2, filed.edition());
                ps.setObject(3, provider);
                ps.setObject(4, addition.firstMonth());
                ps.setObject(5, addition.lastMonth());
                ps.setBigDecimal(6, addition.amount().hybrid());
                ps.setBigDecimal(7, addition.amount().saas());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        return LatestMonths.UNKNOWN;
    }

    /** A changed month with the batch's credits of its customer and edition up to it, and the next changed month. */
    private record ChangedMonth(RollUps.Period period, RollUps.Amount amount, RollUps.Amount cumulated,
            LocalDate nextChanged) {
    }

    /**
     * Adds a batch's monthly changes (in key order) with their running totals, on PostgreSQL: each
     * month row is written once, and the months stored after them move by what the batch added
     * before them: none, for a customer and edition whose latest month is the batch's last (the
     * metering feed's daily batches), so then no later month is looked for. The customers' totals
     * must be locked first ({@link #addToTotals}), which tells their latest months.
     */
    void upsertMonthsPostgresql(UUID provider, Map<RollUps.Period, RollUps.Amount> monthly, LatestMonths latest) {
        List<ChangedMonth> months = changedMonths(monthly);
        if (months.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(MONTHS_ON_CONFLICT);
            ps.setObject(1, provider);
            columns.bind(ps, 2, "uuid", months, month -> month.period().customerId());
            columns.bind(ps, 3, "date", months, month -> month.period().start());
            columns.bind(ps, 4, "varchar", months, month -> month.period().edition());
            columns.bind(ps, 5, "numeric", months, month -> month.amount().hybrid());
            columns.bind(ps, 6, "numeric", months, month -> month.amount().saas());
            columns.bind(ps, 7, "numeric", months, month -> month.cumulated().hybrid());
            columns.bind(ps, 8, "numeric", months, month -> month.cumulated().saas());
            return ps;
        });
        List<ChangedMonth> followed = months.stream().filter(month -> month.nextChanged() != null
                || latest.mayFollow(new Filed(month.period().customerId(), month.period().edition()),
                        month.period().start())).toList();
        if (followed.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(LATER_MONTHS);
            columns.bind(ps, 1, "uuid", followed, month -> month.period().customerId());
            columns.bind(ps, 2, "varchar", followed, month -> month.period().edition());
            columns.bind(ps, 3, "date", followed, month -> month.period().start());
            columns.bind(ps, 4, "date", followed, ChangedMonth::nextChanged);
            columns.bind(ps, 5, "numeric", followed, month -> month.cumulated().hybrid());
            columns.bind(ps, 6, "numeric", followed, month -> month.cumulated().saas());
            return ps;
        });
    }

    /** The changes in key order, each with its customer and edition's changes up to it and its next changed month. */
    private static List<ChangedMonth> changedMonths(Map<RollUps.Period, RollUps.Amount> monthly) {
        Map<Filed, RollUps.Amount> cumulated = new HashMap<>();
        Map<Filed, Integer> latest = new HashMap<>();
        List<ChangedMonth> months = new ArrayList<>(monthly.size());
        monthly.forEach((period, amount) -> {
            Filed filed = new Filed(period.customerId(), period.edition());
            Integer before = latest.put(filed, months.size());
            if (before != null) {
                ChangedMonth earlier = months.get(before);
                months.set(before, new ChangedMonth(earlier.period(), earlier.amount(), earlier.cumulated(),
                        period.start()));
            }
            months.add(new ChangedMonth(period, amount, cumulated.merge(filed, amount, RollUps.Amount::plus), null));
        });
        return months;
    }

    /**
     * Works out again the running totals of the customers and editions of these changed months,
     * from their months as stored now; only rows whose figures move are written.
     */
    void carryForward(Set<RollUps.Period> changed) {
        List<Filed> filed = changed.stream().map(period -> new Filed(period.customerId(), period.edition()))
                .distinct().sorted(Filed.ORDER).toList();
        if (filed.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(CARRY_FORWARD);
            columns.bind(ps, 1, "uuid", filed, Filed::customerId);
            columns.bind(ps, 2, "varchar", filed, Filed::edition);
            return ps;
        });
    }

    /**
     * Each customer and edition's credits in the whole months [{@code monthFrom}, {@code
     * monthUntil}), for the customers reached ({@code only}, or all the MSP's); absent when none.
     */
    Map<Filed, RollUps.Amount> inMonths(UUID provider, Optional<Collection<UUID>> only, LocalDate monthFrom,
            LocalDate monthUntil) {
        LocalDate before = monthFrom.minusMonths(1);
        LocalDate last = monthUntil.minusMonths(1);
        // Usage is never later than today, so a range past this month ends at each total.
        boolean reachesTotals = monthUntil.isAfter(LocalDate.now(clock));
        String sql = AT_ENDS.formatted(reachesTotals ? "NULL AS hybrid_through, NULL AS saas_through" : THROUGH_COLUMNS,
                reachesTotals ? "" : THROUGH_JOIN) + (only.isPresent() ? " AND t.customer_id IN (:only)" : "");
        JdbcClient.StatementSpec query = client.sql(sql).param("provider", provider).param("monthFrom", monthFrom)
                .param("monthUntil", monthUntil).param("before", before);
        if (!reachesTotals) {
            query.param("last", last);
        }
        only.ifPresent(ids -> query.param("only", ids));
        Map<Filed, RollUps.Amount> through = new HashMap<>();
        Map<Filed, RollUps.Amount> earlier = new HashMap<>();
        List<Gap> gaps = new ArrayList<>();
        query.query(rs -> {
            Filed filed = new Filed(rs.getObject("customer_id", UUID.class), rs.getString("edition"));
            if (rs.getObject("last_month", LocalDate.class).isBefore(monthUntil)) {
                through.put(filed, amount(rs.getBigDecimal("hybrid_credits"), rs.getBigDecimal("saas_credits")));
            } else if (rs.getBigDecimal("hybrid_through") != null) {
                through.put(filed, amount(rs.getBigDecimal("hybrid_through"), rs.getBigDecimal("saas_through")));
            } else {
                gaps.add(new Gap(filed, last));
            }
            if (rs.getObject("first_month", LocalDate.class).isBefore(monthFrom)) {
                if (rs.getBigDecimal("hybrid_before") != null) {
                    earlier.put(filed, amount(rs.getBigDecimal("hybrid_before"), rs.getBigDecimal("saas_before")));
                } else {
                    gaps.add(new Gap(filed, before));
                }
            }
        });
        latestBefore(gaps).forEach((gap, toDate) -> (gap.month().equals(last) ? through : earlier)
                .put(gap.filed(), toDate));
        Map<Filed, RollUps.Amount> inRange = new HashMap<>();
        through.forEach((filed, toDate) -> {
            RollUps.Amount credits = toDate.minus(earlier.getOrDefault(filed, RollUps.Amount.ZERO));
            if (!credits.isZero()) {
                inRange.put(filed, credits);
            }
        });
        return inRange;
    }

    /** The credits to date of the latest month before each gap's: one statement for all gaps. */
    private Map<Gap, RollUps.Amount> latestBefore(List<Gap> gaps) {
        Map<Gap, RollUps.Amount> found = new HashMap<>();
        if (gaps.isEmpty()) {
            return found;
        }
        jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement(LATEST_BEFORE);
            columns.bind(ps, 1, "uuid", gaps, gap -> gap.filed().customerId());
            columns.bind(ps, 2, "varchar", gaps, gap -> gap.filed().edition());
            columns.bind(ps, 3, "date", gaps, Gap::month);
            return ps;
        }, rs -> {
            Filed filed = new Filed(rs.getObject(1, UUID.class), rs.getString(2));
            found.put(new Gap(filed, rs.getObject(3, LocalDate.class)), amount(rs.getBigDecimal(4), rs.getBigDecimal(5)));
        });
        return found;
    }

    private static RollUps.Amount amount(BigDecimal hybrid, BigDecimal saas) {
        return new RollUps.Amount(hybrid, saas);
    }
}
