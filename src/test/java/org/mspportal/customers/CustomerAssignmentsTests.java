package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.AdministratorManagement;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.StoredTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mspportal.customers.Refusals.refusalOf;

/** Tenant administrators: assigned to customers by MSP administrators, and reaching only those. */
@DatabaseTest
class CustomerAssignmentsTests {

    @Autowired CustomerAssignments assignments;
    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;
    @Autowired AdministratorManagement administrators;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    TestMsps msps;
    TestCustomers testCustomers;
    UUID provider;
    SignedInAdministrator mspAdministrator;
    SignedInAdministrator tenantAdministrator;
    Customer assigned;
    Customer unassigned;

    @BeforeEach
    void anMspWithATenantAdministratorAssignedToOneOfTwoCustomers() {
        msps = new TestMsps(jdbc, clock);
        provider = msps.provider();
        mspAdministrator = msps.stored(provider, Role.MSP_ADMINISTRATOR);
        tenantAdministrator = msps.stored(provider, Role.TENANT_ADMINISTRATOR);
        TestMsps.actAs(mspAdministrator);
        testCustomers = new TestCustomers(plans, customers, clock);
        assigned = testCustomers.registered("株式会社アサイン");
        unassigned = testCustomers.registered("Unassigned Ltd");
        assignments.assign(assigned.id(), tenantAdministrator.accountId());
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void noTenantAdministratorIsAssignedToACustomerWhileAMigrationMovesItAndTheRefusalNamesTheMigration() {
        Customer migrating = migrating("MIG-ADD00001");
        SignedInAdministrator another = msps.stored(provider, Role.TENANT_ADMINISTRATOR);

        var refusal = refusalOf(() -> assignments.assign(migrating.id(), another.accountId()));

        assertThat(refusal.field()).isEqualTo(CustomerStatus.FIELD);
        assertThat(refusal.getMessage()).contains("being migrated by migration MIG-ADD00001")
                .contains("assigned or removed once the migration completes");
        assertThat(assignments.administratorsOf(migrating.id())).isEmpty();
    }

    @Test
    void noTenantAdministratorIsRemovedFromACustomerWhileAMigrationMovesIt() {
        Customer migrating = migrating("MIG-REM00001");
        jdbc.sql("INSERT INTO customer_administrator (customer_id, account_id, assigned_at, assigned_by) "
                        + "VALUES (:customer, :account, :now, 'test')")
                .param("customer", migrating.id()).param("account", tenantAdministrator.accountId())
                .param("now", StoredTime.of(clock.instant())).update();

        var refusal = refusalOf(() -> assignments.unassign(migrating.id(), tenantAdministrator.accountId()));

        assertThat(refusal.getMessage()).contains("MIG-REM00001");
        assertThat(assignments.administratorsOf(migrating.id())).hasSize(1);
    }

    @Test
    void aTenantAdministratorFindsAndCountsOnlyTheirAssignedCustomers() {
        testCustomers.registered("Another Unassigned");
        TestMsps.actAs(tenantAdministrator);

        Page<Customer> found = customers.search(CustomerQuery.everyone(), PageRequest.of(0, 50));

        assertThat(found.getContent()).extracting(Customer::id).containsExactly(assigned.id());
        assertThat(found.getTotalElements()).isEqualTo(1);
        assertThat(customers.search(CustomerQuery.everyone().withText("unassigned"), PageRequest.of(0, 50))
                .getTotalElements()).isZero();
    }

    @Test
    void aCustomerNotAssignedToATenantAdministratorIsNotFoundForThem() {
        UUID id = unassigned.id();
        TestMsps.actAs(tenantAdministrator);

        for (ThrowingCallable operation : new ThrowingCallable[] {
                () -> customers.get(id),
                () -> customers.planHistory(id),
                () -> customers.update(id, renamed(unassigned, "Mine now")),
                () -> customers.suspend(id),
                () -> customers.resume(id),
                () -> assignments.administratorsOf(id)}) {
            assertThatExceptionOfType(NotFound.class).isThrownBy(operation);
        }
        TestMsps.actAs(mspAdministrator);
        assertThat(customers.get(id)).isEqualTo(unassigned);
    }

    @Test
    void aTenantAdministratorMayEditTheDetailsOfAnAssignedCustomer() {
        TestMsps.actAs(tenantAdministrator);

        Customer changed = customers.update(assigned.id(), renamed(assigned, "アサイン Holdings"));

        assertThat(changed.accountName()).isEqualTo("アサイン Holdings");
        assertThat(customers.get(assigned.id()).version()).isEqualTo(1);
    }

    @Test
    void aTenantAdministratorMaySuspendAndResumeAnAssignedCustomer() {
        TestMsps.actAs(tenantAdministrator);

        assertThat(customers.suspend(assigned.id()).status()).isEqualTo(CustomerStatus.SUSPENDED);
        assertThat(customers.resume(assigned.id()).status()).isEqualTo(CustomerStatus.ACTIVE);
    }

    @Test
    void aTenantAdministratorMayNotAddCustomersNorChangeTheirPlanOrTenancy() {
        UUID silver = testCustomers.plan();
        UUID id = assigned.id();
        TestMsps.actAs(tenantAdministrator);

        for (ThrowingCallable operation : new ThrowingCallable[] {
                () -> customers.register(testCustomers.draft("Theirs", silver)),
                () -> customers.changePlan(id, silver, 0),
                () -> customers.extendEvaluation(id),
                () -> customers.convertToCommercial(id),
                () -> customers.update(id, converted(assigned))}) {
            assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(operation);
        }
        assertThat(customers.get(id)).isEqualTo(assigned);
    }

    @Test
    void aReadOnlyAdministratorStillSeesEveryCustomerAndChangesNone() {
        TestMsps.actAs(msps.stored(provider, Role.READ_ONLY_ADMINISTRATOR));

        assertThat(customers.search(CustomerQuery.everyone(), PageRequest.of(0, 50)).getTotalElements()).isEqualTo(2);
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> customers.suspend(assigned.id()));
    }

    @Test
    void anMspAdministratorIsNotAssigned() {
        SignedInAdministrator colleague = msps.stored(provider, Role.MSP_ADMINISTRATOR);

        assertThat(refusalOf(() -> assignments.assign(unassigned.id(), colleague.accountId())).getMessage())
                .contains("already sees every customer");
        assertThat(assignedEmails(unassigned.id())).isEmpty();
    }

    @Test
    void aReadOnlyAdministratorIsNotAssigned() {
        SignedInAdministrator reader = msps.stored(provider, Role.READ_ONLY_ADMINISTRATOR);

        assertThat(refusalOf(() -> assignments.assign(unassigned.id(), reader.accountId())).field())
                .isEqualTo("accountId");
        assertThat(assignedEmails(unassigned.id())).isEmpty();
    }

    @Test
    void anotherMspsTenantAdministratorIsNotAssigned() {
        SignedInAdministrator theirs = msps.stored(msps.provider(), Role.TENANT_ADMINISTRATOR);

        assertThat(refusalOf(() -> assignments.assign(unassigned.id(), theirs.accountId())).field())
                .isEqualTo("accountId");
        assertThat(assignedEmails(unassigned.id())).isEmpty();
    }

    @Test
    void aDeactivatedTenantAdministratorIsNotAssigned() {
        SignedInAdministrator former = msps.stored(provider, Role.TENANT_ADMINISTRATOR);
        administrators.deactivate(former.accountId());

        assertThat(refusalOf(() -> assignments.assign(unassigned.id(), former.accountId())).getMessage())
                .contains("deactivated");
    }

    @Test
    void deactivatingATenantAdministratorKeepsTheirAssignments() {
        administrators.deactivate(tenantAdministrator.accountId());

        assertThat(assignedEmails(assigned.id())).containsExactly(tenantAdministrator.email());
    }

    @Test
    void onlyMspAdministratorsAssignAndRemove() {
        SignedInAdministrator another = msps.stored(provider, Role.TENANT_ADMINISTRATOR);
        UUID id = assigned.id();

        for (SignedInAdministrator caller : List.of(msps.stored(provider, Role.READ_ONLY_ADMINISTRATOR),
                tenantAdministrator)) {
            TestMsps.actAs(caller);
            assertThatExceptionOfType(AccessDeniedException.class)
                    .isThrownBy(() -> assignments.assign(id, another.accountId()));
            assertThatExceptionOfType(AccessDeniedException.class)
                    .isThrownBy(() -> assignments.unassign(id, tenantAdministrator.accountId()));
        }
        TestMsps.actAs(mspAdministrator);
        assertThat(assignedEmails(id)).containsExactly(tenantAdministrator.email());
    }

    @Test
    void anotherMspsCustomerIsNotFoundWhenAssigning() {
        TestMsps.actAs(msps.stored(msps.provider(), Role.MSP_ADMINISTRATOR));

        assertThatExceptionOfType(NotFound.class)
                .isThrownBy(() -> assignments.assign(assigned.id(), tenantAdministrator.accountId()));
        assertThatExceptionOfType(NotFound.class)
                .isThrownBy(() -> assignments.unassign(assigned.id(), tenantAdministrator.accountId()));
        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> assignments.administratorsOf(assigned.id()));
    }

    @Test
    void removingTheAssignmentEndsTheTenantAdministratorsAccess() {
        assignments.unassign(assigned.id(), tenantAdministrator.accountId());
        TestMsps.actAs(tenantAdministrator);

        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> customers.get(assigned.id()));
        assertThat(customers.search(CustomerQuery.everyone(), PageRequest.of(0, 50)).getTotalElements()).isZero();
    }

    @Test
    void assigningTwiceChangesNothing() {
        assignments.assign(assigned.id(), tenantAdministrator.accountId());

        assertThat(assignedEmails(assigned.id())).containsExactly(tenantAdministrator.email());
        assertThat(audited(assigned.id())).containsExactly("customer.registered", "customer.administrator-assigned");
    }

    @Test
    void assigningAndRemovingAreAuditedOnTheCustomer() {
        assignments.unassign(assigned.id(), tenantAdministrator.accountId());

        assertThat(audited(assigned.id())).containsExactly("customer.registered", "customer.administrator-assigned",
                "customer.administrator-removed");
        assertThat(jdbc.sql("""
                        SELECT actor || ' ' || summary FROM audit_entry
                         WHERE object_id = :id AND action = 'customer.administrator-assigned'""")
                .param("id", assigned.id().toString()).query(String.class).single())
                .contains(mspAdministrator.email()).contains(tenantAdministrator.email()).contains("株式会社アサイン");
    }

    @Test
    void theAssignableAreTheMspsInvitedOrActiveTenantAdministratorsNotYetAssigned() {
        SignedInAdministrator invited = msps.stored(provider, Role.TENANT_ADMINISTRATOR);
        SignedInAdministrator deactivated = msps.stored(provider, Role.TENANT_ADMINISTRATOR);
        administrators.deactivate(deactivated.accountId());
        msps.stored(provider, Role.READ_ONLY_ADMINISTRATOR);
        msps.stored(msps.provider(), Role.TENANT_ADMINISTRATOR);

        assertThat(assignments.assignableTo(assigned.id())).extracting(admin -> admin.id())
                .containsExactly(invited.accountId());
        assertThat(assignments.assignableTo(unassigned.id())).extracting(admin -> admin.id())
                .containsExactlyInAnyOrder(invited.accountId(), tenantAdministrator.accountId());
    }

    @Test
    void aTenantAdministratorCannotChangeTheQuotaLicenceOrRegionTheMspSells() {
        UUID id = assigned.id();
        TestMsps.actAs(tenantAdministrator);
        UpdateCustomer moreCredits = new UpdateCustomer(assigned.accountName(), assigned.organizationName(),
                assigned.address(), assigned.phoneNumber(), assigned.tenantType(), assigned.storageRegion(),
                assigned.creditQuota().add(BigDecimal.TEN), assigned.quotaEffectiveDate(),
                assigned.quotaEndDate(), assigned.licenseExpiryDate(), assigned.version());
        UpdateCustomer longerLicence = new UpdateCustomer(assigned.accountName(), assigned.organizationName(),
                assigned.address(), assigned.phoneNumber(), assigned.tenantType(), assigned.storageRegion(),
                assigned.creditQuota(), assigned.quotaEffectiveDate(), assigned.quotaEndDate(),
                assigned.licenseExpiryDate().plusYears(1), assigned.version());

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> customers.update(id, moreCredits));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> customers.update(id, longerLicence));
        assertThat(customers.get(id)).isEqualTo(assigned);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A customer a migration brought in and still locks, as the migration module registers it. */
    private Customer migrating(String reference) {
        LocalDate today = LocalDate.now(clock);
        return customers.registerMigrated(new RegisterMigratedCustomer("Migrating " + UUID.randomUUID(),
                testCustomers.plan(), "us-east-1", BigDecimal.TEN, today, today.plusYears(1),
                today.plusYears(1), reference));
    }

    private static UpdateCustomer renamed(Customer customer, String name) {
        return new UpdateCustomer(name, customer.organizationName(), customer.address(), customer.phoneNumber(),
                customer.tenantType(), customer.storageRegion(), customer.creditQuota(), customer.quotaEffectiveDate(),
                customer.quotaEndDate(), customer.licenseExpiryDate(), customer.version());
    }

    private static UpdateCustomer converted(Customer customer) {
        return new UpdateCustomer(customer.accountName(), customer.organizationName(), customer.address(),
                customer.phoneNumber(), TenantType.COMMERCIAL, customer.storageRegion(), customer.creditQuota(),
                customer.quotaEffectiveDate(), customer.quotaEndDate(), customer.licenseExpiryDate(),
                customer.version());
    }

    private List<String> assignedEmails(UUID customer) {
        return assignments.administratorsOf(customer).stream().map(entry -> entry.administrator().email()).toList();
    }

    private List<String> audited(UUID customer) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE object_id = :id ORDER BY id")
                .param("id", customer.toString()).query(String.class).list();
    }
}
