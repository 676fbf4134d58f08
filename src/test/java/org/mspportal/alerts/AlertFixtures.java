package org.mspportal.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An MSP for alert tests: a plan, an active MSP administrator (who receives alert mail), an
 * invited one and a read-only one (who do not), and an API key to send usage with. Customers are
 * made directly in the database with the quota and dates a test needs.
 */
final class AlertFixtures {

    final UUID provider;
    final UUID plan;
    final String activeAdministrator;
    final String invitedAdministrator;
    final String readOnlyAdministrator;
    final String ingestKey;
    private final JdbcClient jdbc;
    private final Clock clock;

    AlertFixtures(JdbcClient jdbc, Clock clock, ServicePlanManagement plans, ApiKeyManagement keys) {
        this.jdbc = jdbc;
        this.clock = clock;
        TestMsps msps = new TestMsps(jdbc, clock);
        provider = msps.provider();
        SignedInAdministrator admin = msps.stored(provider, Role.MSP_ADMINISTRATOR);
        jdbc.sql("UPDATE account SET status = 'ACTIVE' WHERE id = :id").param("id", admin.accountId()).update();
        activeAdministrator = admin.email();
        invitedAdministrator = msps.stored(provider, Role.MSP_ADMINISTRATOR).email();
        SignedInAdministrator readOnly = msps.stored(provider, Role.READ_ONLY_ADMINISTRATOR);
        jdbc.sql("UPDATE account SET status = 'ACTIVE' WHERE id = :id").param("id", readOnly.accountId()).update();
        readOnlyAdministrator = readOnly.email();
        TestMsps.actAs(admin);
        try {
            plan = plans.create(new CreateServicePlan("Business", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                    EnumSet.allOf(Workload.class))).id();
            ingestKey = keys.create("Metering", EnumSet.of(ApiKeyScope.USAGE_INGEST)).secret();
        } finally {
            TestMsps.actAsNobody();
        }
    }

    /** A customer with a quota of {@code credits} from {@code effectiveOn} for a year, licence a year on. */
    UUID customer(String name, String credits, LocalDate effectiveOn) {
        return customer(name, credits, effectiveOn, LocalDate.now(clock).plusYears(1));
    }

    UUID customer(String name, String credits, LocalDate effectiveOn, LocalDate licenceExpiry) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO customer (id, provider_id, account_name, name_key, service_plan_id, tenant_type,
                       storage_region, credit_quota, quota_effective_date, quota_end_date, licence_expiry_date, status,
                       created_at)
                VALUES (:id, :provider, :name, :key, :plan, 'COMMERCIAL', 'us-east-1', :quota, :effective, :ends,
                       :licence, 'ACTIVE', :now)""")
                .param("id", id)
                .param("provider", provider)
                .param("name", name)
                .param("key", name + id)
                .param("plan", plan)
                .param("quota", new BigDecimal(credits))
                .param("effective", effectiveOn)
                .param("ends", effectiveOn.plusYears(1))
                .param("licence", licenceExpiry)
                .param("now", StoredTime.of(clock.instant()))
                .update();
        return id;
    }

    record Raised(String kind, int threshold, boolean announced) {
    }

    List<Raised> alertsOf(UUID customer) {
        return jdbc.sql("SELECT kind, threshold, announced FROM alert WHERE customer_id = :customer ORDER BY threshold, kind")
                .param("customer", customer)
                .query((rs, row) -> new Raised(rs.getString("kind"), rs.getInt("threshold"), rs.getBoolean("announced")))
                .list();
    }

    static String credits(UUID customer, String workload, LocalDate day, String credits) {
        return "{\"customerId\": \"" + customer + "\", \"workload\": \"" + workload + "\", \"date\": \"" + day
                + "\", \"credits\": " + credits + "}";
    }

    static String batch(String... records) {
        return "{\"records\": [" + String.join(",", records) + "]}";
    }
}
