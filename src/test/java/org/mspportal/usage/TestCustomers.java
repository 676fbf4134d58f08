package org.mspportal.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers made directly in the database, in any status, so usage tests need not walk a
 * customer through the customers module's rules (a migration lock has no façade yet).
 */
final class TestCustomers {

    private final JdbcClient jdbc;
    private final Clock clock;

    TestCustomers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UUID onPlan(UUID provider, UUID plan) {
        return onPlan(provider, plan, "ACTIVE");
    }

    UUID onPlan(UUID provider, UUID plan, String status) {
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                INSERT INTO customer (id, provider_id, account_name, name_key, service_plan_id, tenant_type,
                       storage_region, credit_quota, quota_effective_date, quota_end_date, licence_expiry_date, status,
                       created_at)
                VALUES (:id, :provider, :name, :name, :plan, 'COMMERCIAL', 'us-east-1', 1000, :today, :yearOn, :yearOn,
                       :status, :now)""")
                .param("id", id)
                .param("provider", provider)
                .param("name", "株式会社 " + id)
                .param("plan", plan)
                .param("today", today)
                .param("yearOn", today.plusYears(1))
                .param("status", status)
                .param("now", StoredTime.of(clock.instant()))
                .update();
        return id;
    }
}
