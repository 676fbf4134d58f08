package org.mspportal.customers;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An MSP with two plans of each edition and thousands of customers spread over them, inserted in
 * batches (the façade would take minutes), for the benchmarks: Unicode names, a quarter on
 * evaluation, a tenth suspended, licences expiring over two years.
 */
public final class ManyCustomers {

    /** Words the names are made of; a benchmark searches for them. */
    public static final List<String> WORDS = List.of("Acme", "株式会社", "شركة", "Globex", "Café", "Initech", "Umbrella",
            "Backup 🚀", "Nordic", "Müller", "Stark", "Wayne", "Tyrell", "Oceanic", "Soylent");

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;
    private final ServicePlanManagement plans;
    private final CustomerManagement customers;
    private final Random random = new Random(42);

    public ManyCustomers(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock, ServicePlanManagement plans,
            CustomerManagement customers) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
        this.plans = plans;
        this.customers = customers;
    }

    /** A new MSP with {@code count} customers; its id. */
    public UUID msp(int count) {
        UUID provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        List<UUID> planIds = new ArrayList<>();
        for (Edition edition : Edition.values()) {
            for (int n = 1; n <= 2; n++) {
                planIds.add(plans.create(new CreateServicePlan(edition.label() + " " + n, edition,
                        UsageReportFrequency.MONTHLY, EnumSet.of(Workload.VMWARE, Workload.MICROSOFT_365))).id());
            }
        }
        List<String> regions = customers.storageRegions().stream().map(StorageRegion::id).toList();
        TestMsps.actAsNobody();
        LocalDate today = LocalDate.now(clock);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = word() + " " + word() + " " + String.format(Locale.ROOT, "%05d", i);
            boolean evaluation = i % 4 == 0;
            rows.add(new Object[] {UUID.randomUUID(), provider, name, new AccountName(name).key(),
                word() + " Holdings", planIds.get(i % planIds.size()),
                evaluation ? "EVALUATION" : "COMMERCIAL", evaluation ? Date.valueOf(today) : null,
                evaluation ? Date.valueOf(today.plusDays(30)) : null, regions.get(i % regions.size()),
                new BigDecimal(10 + i % 500), Date.valueOf(today), Date.valueOf(today.plusYears(1)),
                Date.valueOf(today.plusDays(random.nextInt(700) - 100)), i % 10 == 0 ? "SUSPENDED" : "ACTIVE",
                Timestamp.from(clock.instant())});
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO customer (id, provider_id, account_name, name_key, organization_name, service_plan_id,
                       tenant_type, evaluation_starts_on, evaluation_ends_on, storage_region, credit_quota,
                       quota_effective_date, quota_end_date, licence_expiry_date, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("ANALYZE customer").update();
        return provider;
    }

    private String word() {
        return WORDS.get(random.nextInt(WORDS.size()));
    }
}
