package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.PlanUsage;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.mspportal.providers.OnboardProvider;
import org.mspportal.providers.ProviderManagement;
import org.mspportal.shared.StoredTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mspportal.customers.Refusals.refusalOf;

/** The one sandbox customer every MSP gets when the platform operator onboards it (SPEC §3). */
@DatabaseTest
class SandboxCustomerTests {

    private static final SignedInAdministrator OPERATOR = new SignedInAdministrator(UUID.randomUUID(),
            "sandbox-operator@localhost", "Test operator", null, Role.OPERATOR);

    @Autowired ProviderManagement providers;
    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;
    @Autowired PlanUsage planUsage;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID provider;
    LocalDate onboardedOn;

    @BeforeEach
    void anMspJustOnboarded() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        TestMsps.actAs(OPERATOR);
        provider = providers.onboard(new OnboardProvider("Sandbox Test MSP " + unique,
                List.of("first-" + unique + "@msp.example"))).id();
        onboardedOn = LocalDate.now(clock);
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void onboardingGivesTheMspExactlyOneCustomerASandboxWithoutAPlan() {
        assertThat(allCustomers()).singleElement().satisfies(sandbox -> {
            assertThat(sandbox.accountName()).isEqualTo("Sandbox");
            assertThat(sandbox.tenantType()).isEqualTo(TenantType.SANDBOX);
            assertThat(sandbox.servicePlanId()).isNull();
            assertThat(sandbox.status()).isEqualTo(CustomerStatus.ACTIVE);
        });
    }

    @Test
    void theSandboxHasTheSmallConfiguredQuotaForAYearInTheFirstRegion() {
        assertThat(sandbox()).satisfies(sandbox -> {
            assertThat(sandbox.creditQuota()).isEqualByComparingTo("1");
            assertThat(sandbox.quotaEffectiveDate()).isEqualTo(onboardedOn);
            assertThat(sandbox.quotaEndDate()).isEqualTo(onboardedOn.plusYears(1));
            assertThat(sandbox.licenseExpiryDate()).isEqualTo(onboardedOn.plusYears(1));
            assertThat(sandbox.storageRegion()).isEqualTo("us-east-1");
        });
    }

    @Test
    void theSandboxIsAuditedAsRegisteredByTheOperatorWhoOnboardedTheMsp() {
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE action = 'customer.registered' AND object_id = :id")
                .param("id", sandbox().id().toString()).query(String.class).list())
                .containsExactly(OPERATOR.email());
    }

    @Test
    void theDatabaseRefusesASecondSandboxForTheSameMsp() {
        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> insertCustomer("Second sandbox", "SANDBOX", null, provider));
        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .as("a sandbox that does not say whose it is")
                .isThrownBy(() -> insertCustomer("Unmarked sandbox", "SANDBOX", null, null));
        assertThat(allCustomers()).hasSize(1);
    }

    @Test
    void theDatabaseRefusesACustomerWithoutAPlanUnlessItIsTheSandbox() {
        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> insertCustomer("No plan", "COMMERCIAL", null, null));
    }

    @Test
    void aSandboxCannotBeAddedByHand() {
        UUID gold = plan("Gold");
        RegisterCustomer another = new RegisterCustomer("Another sandbox", null, null, null, gold, TenantType.SANDBOX,
                "us-east-1", BigDecimal.ONE, onboardedOn, onboardedOn.plusYears(1), onboardedOn.plusYears(1));

        assertThat(refusalOf(() -> customers.register(another)).field()).isEqualTo("tenantType");
        assertThat(allCustomers()).hasSize(1);
    }

    @Test
    void theSandboxCreditQuotaCannotBeChanged() {
        Customer sandbox = sandbox();

        var refusal = refusalOf(() -> customers.update(sandbox.id(), edited(sandbox, sandbox.accountName(),
                new BigDecimal("50"))));

        assertThat(refusal.field()).isEqualTo("creditQuota");
        assertThat(refusal).hasMessageContaining("fixed at 1 credit and cannot be changed");
        assertThat(sandbox().creditQuota()).isEqualByComparingTo("1");
    }

    @Test
    void theSandboxMayBeRenamedAndKeepsItsTenantType() {
        Customer sandbox = sandbox();

        Customer renamed = customers.update(sandbox.id(), edited(sandbox, "テスト環境 🧪", sandbox.creditQuota()));

        assertThat(renamed.accountName()).isEqualTo("テスト環境 🧪");
        assertThat(renamed.tenantType()).isEqualTo(TenantType.SANDBOX);
        assertThat(refusalOf(() -> customers.convertToCommercial(sandbox.id())).field()).isEqualTo("tenantType");
    }

    @Test
    void theSandboxCanBeGivenAPlanAndItsHistoryShowsItCameFromNone() {
        Customer sandbox = sandbox();
        UUID gold = plan("Gold");

        customers.changePlan(sandbox.id(), gold, sandbox.version());

        assertThat(sandbox().servicePlanId()).isEqualTo(gold);
        assertThat(customers.planHistory(sandbox.id())).extracting(PlanChange::fromPlanId, PlanChange::toPlanId)
                .containsExactly(tuple(null, gold));
        assertThat(plans.get(gold).customerCount()).isEqualTo(1);
    }

    @Test
    void aSandboxWithoutAPlanIsCountedOnNoPlan() {
        assertThat(planUsage.customersPerPlan(provider)).isEmpty();
    }

    private Customer sandbox() {
        return allCustomers().stream().filter(customer -> customer.tenantType() == TenantType.SANDBOX)
                .findFirst().orElseThrow();
    }

    private List<Customer> allCustomers() {
        return customers.search(CustomerQuery.everyone(), PageRequest.of(0, 50)).getContent();
    }

    private UUID plan(String name) {
        return plans.create(new CreateServicePlan(name, Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.MICROSOFT_365))).id();
    }

    private static UpdateCustomer edited(Customer customer, String name, BigDecimal credits) {
        return new UpdateCustomer(name, customer.organizationName(), customer.address(), customer.phoneNumber(),
                customer.tenantType(), customer.storageRegion(), credits, customer.quotaEffectiveDate(),
                customer.quotaEndDate(), customer.licenseExpiryDate(), customer.version());
    }

    /** A customer written past the façade, to see what the database itself allows. */
    private void insertCustomer(String name, String tenantType, UUID plan, UUID sandboxOf) {
        jdbc.sql("""
                INSERT INTO customer (id, provider_id, account_name, name_key, service_plan_id, tenant_type,
                       storage_region, credit_quota, quota_effective_date, quota_end_date, licence_expiry_date, status,
                       created_at, sandbox_of)
                VALUES (:id, :provider, :name, :name, :plan, :type, 'us-east-1', 1, :today, :later, :later, 'ACTIVE',
                       :now, :sandboxOf)""")
                .param("id", UUID.randomUUID())
                .param("provider", provider)
                .param("name", name)
                .param("plan", plan)
                .param("type", tenantType)
                .param("today", onboardedOn)
                .param("later", onboardedOn.plusYears(1))
                .param("now", StoredTime.of(clock.instant()))
                .param("sandboxOf", sandboxOf)
                .update();
    }
}
