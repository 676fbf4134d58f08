package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.mspportal.plans.Workload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads behind one customer's usage page. */
@Repository
class CustomerUsageReads {

    private final JdbcClient jdbc;

    CustomerUsageReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer's credits on one day under one workload. */
    record WorkloadDay(LocalDate day, Workload workload, BigDecimal credits) {
    }

    /**
     * The customer's usage per day and workload. The roll-ups keep no workloads (only hybrid and
     * SaaS apart), so this is the one read of raw {@code usage_record} rows: for ONE customer and a
     * range bounded by {@link CustomerUsageRange} (a year, or the customer's quota window), served
     * by the unique index {@code usage_record_one_per_day (customer_id, usage_date, workload)} of V12,
     * at most one row per workload and day.
     */
    List<WorkloadDay> perWorkloadAndDay(UUID provider, UUID customer, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT usage_date, workload, credits FROM usage_record
                 WHERE customer_id = :customer AND usage_date >= :from AND usage_date <= :to
                   AND provider_id = :provider""")
                .param("customer", customer).param("from", from).param("to", to).param("provider", provider)
                .query((rs, row) -> new WorkloadDay(rs.getObject("usage_date", LocalDate.class),
                        Workload.valueOf(rs.getString("workload")), rs.getBigDecimal("credits")))
                .list();
    }

    /** The customer's credits per day, every edition together, from the daily roll-up. */
    SortedMap<LocalDate, BigDecimal> perDay(UUID provider, UUID customer, LocalDate from, LocalDate to) {
        SortedMap<LocalDate, BigDecimal> days = new TreeMap<>();
        jdbc.sql("""
                SELECT usage_date, SUM(credits) AS credits FROM usage_daily
                 WHERE customer_id = :customer AND usage_date >= :from AND usage_date <= :to
                   AND provider_id = :provider
                 GROUP BY usage_date""")
                .param("customer", customer).param("from", from).param("to", to).param("provider", provider)
                .query((rs, row) -> days.put(rs.getObject("usage_date", LocalDate.class), rs.getBigDecimal("credits")))
                .list();
        return days;
    }
}
