package org.mspportal.webhooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.customers.CustomerManagement;
import org.mspportal.identity.Role;
import org.mspportal.migration.MigrationStageChanged;
import org.mspportal.migration.Stage;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.mspportal.shared.StoredTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real customer change, made through the customers façade, queues its delivery with the change, or not at all;
 * a migration's stages are queued once each.
 */
@DatabaseTest
class WebhookEventSourceTests {

    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired WebhookManagement webhooks;
    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JsonMapper json;

    WebhookFixtures msp;
    UUID endpoint;
    UUID customer;

    @BeforeEach
    void anMspWithAnEndpointAndACustomer() {
        msp = new WebhookFixtures(jdbc, clock, webhooks, events, transactions);
        endpoint = msp.endpoint("http://127.0.0.1:9/hooks", EnumSet.of(WebhookEventType.CUSTOMER_CHANGED), true)
                .endpoint().id();
        TestMsps.actAs(msp.provider, Role.MSP_ADMINISTRATOR);
        UUID plan = plans.create(new CreateServicePlan("Business", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.allOf(Workload.class))).id();
        customer = customer(plan);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void suspendingACustomerQueuesACustomerChangedDelivery() {
        customers.suspend(customer);

        List<String> payloads = payloads();
        assertThat(payloads).hasSize(1);
        JsonNode body = json.readTree(payloads.get(0));
        assertThat(body.get("type").asString()).isEqualTo("customer.changed");
        assertThat(body.get("data").get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(body.get("data").get("change").asString()).isEqualTo("customer.suspended");
        assertThat(body.get("data").get("before").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(body.get("data").get("after").get("status").asString()).isEqualTo("SUSPENDED");
    }

    @Test
    void aChangeThatRollsBackQueuesNothing() {
        transactions.executeWithoutResult(status -> {
            customers.suspend(customer);
            status.setRollbackOnly();
        });

        assertThat(payloads()).isEmpty();
    }

    @Test
    void aMigrationReachingAStageQueuesOneMigrationStageChangedDeliveryEvenWhenHandledTwice() {
        UUID subscribed = msp.endpoint("http://127.0.0.1:9/migrations",
                EnumSet.of(WebhookEventType.MIGRATION_STAGE_CHANGED), true).endpoint().id();
        MigrationStageChanged approved = new MigrationStageChanged(UUID.randomUUID(), "MIG-7", msp.provider,
                UUID.randomUUID(), "Ωμέγα Λογιστική 🦉", Stage.CUSTOMER_APPROVAL, Stage.MSP_VERIFICATION,
                "cloud-admin@example.com", true, clock.instant(), null);

        transactions.executeWithoutResult(status -> events.publishEvent(approved));
        transactions.executeWithoutResult(status -> events.publishEvent(approved));

        List<String> payloads = jdbc.sql("SELECT payload FROM webhook_delivery WHERE endpoint_id = :endpoint")
                .param("endpoint", subscribed).query(String.class).list();
        assertThat(payloads).hasSize(1);
        JsonNode body = json.readTree(payloads.get(0));
        assertThat(body.get("type").asString()).isEqualTo("migration.stage-changed");
        assertThat(body.get("data").get("reference").asString()).isEqualTo("MIG-7");
        assertThat(body.get("data").get("accountName").asString()).isEqualTo("Ωμέγα Λογιστική 🦉");
        assertThat(body.get("data").get("from").asString()).isEqualTo("CUSTOMER_APPROVAL");
        assertThat(body.get("data").get("to").asString()).isEqualTo("MSP_VERIFICATION");
        assertThat(payloads()).as("the customer-only endpoint").isEmpty();
    }

    private List<String> payloads() {
        return jdbc.sql("SELECT payload FROM webhook_delivery WHERE endpoint_id = :endpoint")
                .param("endpoint", endpoint).query(String.class).list();
    }

    private UUID customer(UUID plan) {
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                INSERT INTO customer (id, provider_id, account_name, name_key, service_plan_id, tenant_type,
                       storage_region, credit_quota, quota_effective_date, quota_end_date, licence_expiry_date, status,
                       created_at)
                VALUES (:id, :provider, 'Contoso', :key, :plan, 'COMMERCIAL', 'us-east-1', :quota, :effective, :ends,
                       :licence, 'ACTIVE', :now)""")
                .param("id", id)
                .param("provider", msp.provider)
                .param("key", "contoso" + id)
                .param("plan", plan)
                .param("quota", new BigDecimal("100"))
                .param("effective", today)
                .param("ends", today.plusYears(1))
                .param("licence", today.plusYears(1))
                .param("now", StoredTime.of(clock.instant()))
                .update();
        return id;
    }
}
