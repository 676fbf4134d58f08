package org.mspportal.customers;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Consumer;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mspportal.TestMsps;
import org.mspportal.DatabaseTest;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.StaleVersion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mspportal.customers.Refusals.refusalOf;

/** An MSP's customers through the façade, against the real database, one rule per test. */
@DatabaseTest
class CustomerManagementTests {

    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID provider;
    UUID gold;
    LocalDate today;

    @BeforeEach
    void anMspAdministratorWithAPlan() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        gold = plan("Gold");
        today = LocalDate.now(clock);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @ParameterizedTest
    @ValueSource(strings = {"株式会社サンプル", "شركة النخبة", "Rocket 🚀 Backups", "Cafe\u0301 Müller", "👩‍💻 Dev Ltd"})
    void aCustomerNameInAnyScriptIsStoredAsTypedAndFoundBySearch(String name) {
        Customer added = customers.register(command(name));

        String expected = Normalizer.normalize(name, Normalizer.Form.NFC);
        assertThat(customers.get(added.id()).accountName()).isEqualTo(expected);
        assertThat(search(CustomerQuery.everyone().withText(expected.substring(0, 3))).getContent())
                .extracting(Customer::accountName).containsExactly(expected);
    }

    @Test
    void aNameTypedWithACombiningAccentIsFoundByItsPrecomposedSpelling() {
        customers.register(command("Cafe\u0301 Müller"));

        assertThat(search(CustomerQuery.everyone().withText("CAFÉ")).getTotalElements()).isEqualTo(1);
    }

    @Test
    void aNewCustomerIsAnActive30DayEvaluationWithItsValues() {
        Customer added = customers.register(command("Acme"));

        assertThat(customers.get(added.id())).satisfies(customer -> {
            assertThat(customer.tenantType()).isEqualTo(TenantType.EVALUATION);
            assertThat(customer.evaluationStartsOn()).isEqualTo(today);
            assertThat(customer.evaluationEndsOn()).isEqualTo(today.plusDays(30));
            assertThat(customer.status()).isEqualTo(CustomerStatus.ACTIVE);
            assertThat(customer.creditQuota()).isEqualByComparingTo("12.5");
            assertThat(customer.storageRegion()).isEqualTo("eu-central-1");
            assertThat(customer.servicePlanId()).isEqualTo(gold);
            assertThat(customer.version()).isZero();
        });
    }

    @Test
    void aNameTheMspAlreadyUsesIsRefusedWhateverItsCaseOrSpacing() {
        customers.register(command("Acme Corp"));

        assertThat(refusalOf(() -> customers.register(command("  ACME   corp "))).field()).isEqualTo("accountName");
        assertThat(countStored()).isEqualTo(1);
    }

    @Test
    void anotherMspMayUseTheSameName() {
        customers.register(command("Acme"));
        TestMsps.actAs(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);

        Customer theirs = customers.register(commandOn(plan("Silver"), "Acme"));

        assertThat(customers.get(theirs.id()).accountName()).isEqualTo("Acme");
    }

    @Test
    void anArchivedPlanIsRefused() {
        plans.archive(gold);

        assertThat(refusalOf(() -> customers.register(command("Acme"))).field()).isEqualTo("servicePlanId");
        assertThat(countStored()).isZero();
    }

    @Test
    void anotherMspsPlanIsRefused() {
        TestMsps.actAs(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);

        assertThat(refusalOf(() -> customers.register(command("Acme"))).field()).isEqualTo("servicePlanId");
    }

    @Test
    void invalidValuesAreRefusedNamingTheirFieldAndNothingIsStored() {
        expectRefused("creditQuota", with(c -> c.credits = BigDecimal.ZERO));
        expectRefused("creditQuota", with(c -> c.credits = new BigDecimal("-5")));
        expectRefused("creditQuota", with(c -> c.credits = new BigDecimal("1.005")));
        expectRefused("quotaEndDate", with(c -> c.quotaEnd = c.quotaEffective));
        expectRefused("quotaEffectiveDate", with(c -> c.quotaEffective = null));
        expectRefused("licenseExpiryDate", with(c -> c.licenceExpiry = null));
        expectRefused("licenseExpiryDate", with(c -> c.licenceExpiry = LocalDate.of(20266, 1, 1)));
        expectRefused("storageRegion", with(c -> c.region = "mars-north-1"));
        expectRefused("tenantType", with(c -> c.tenantType = TenantType.SANDBOX));
        expectRefused("accountName", with(c -> c.name = "   "));
        expectRefused("phoneNumber", with(c -> c.phone = "call me maybe"));

        assertThat(countStored()).isZero();
    }

    @Test
    void aChangeFromAnOutOfDateCopyIsRefusedAndChangesNothing() {
        Customer added = customers.register(command("Acme"));
        customers.update(added.id(), edit(added, "Acme Renamed", added.version()));

        assertThatExceptionOfType(StaleVersion.class)
                .isThrownBy(() -> customers.update(added.id(), edit(added, "Acme Overwritten", added.version())));
        assertThatExceptionOfType(StaleVersion.class)
                .isThrownBy(() -> customers.changePlan(added.id(), plan("Silver"), added.version()));

        Customer stored = customers.get(added.id());
        assertThat(stored.accountName()).isEqualTo("Acme Renamed");
        assertThat(stored.servicePlanId()).isEqualTo(gold);
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void anUpdateChangesTheDetailsAndMayNotTakeAnotherCustomersName() {
        customers.register(command("Beta"));
        Customer added = customers.register(command("Acme"));

        Customer changed = customers.update(added.id(), edit(added, "Acme Holdings", 0));
        assertThat(changed.accountName()).isEqualTo("Acme Holdings");
        assertThat(changed.version()).isEqualTo(1);
        assertThat(refusalOf(() -> customers.update(added.id(), edit(changed, "beta", 1))).field())
                .isEqualTo("accountName");
    }

    @Test
    void anotherMspsCustomerIsNotFoundForEveryOperation() {
        Customer theirs = customers.register(command("Acme"));
        UUID silver = plan("Silver");
        TestMsps.actAs(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);
        UUID id = theirs.id();

        for (ThrowingCallable operation : new ThrowingCallable[] {
                () -> customers.get(id),
                () -> customers.update(id, edit(theirs, "Mine now", 0)),
                () -> customers.suspend(id),
                () -> customers.resume(id),
                () -> customers.changePlan(id, silver, 0),
                () -> customers.extendEvaluation(id),
                () -> customers.convertToCommercial(id),
                () -> customers.planHistory(id)}) {
            assertThatExceptionOfType(NotFound.class).isThrownBy(operation);
        }
        assertThat(search(CustomerQuery.everyone()).getTotalElements()).isZero();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        assertThat(customers.get(id)).isEqualTo(theirs);
    }

    @Test
    void aReadOnlyAdministratorReadsButIsRefusedEveryChange() {
        Customer added = customers.register(command("Acme"));
        UUID silver = plan("Silver");
        TestMsps.actAs(provider, Role.READ_ONLY_ADMINISTRATOR);
        UUID id = added.id();

        assertThat(customers.get(id).accountName()).isEqualTo("Acme");
        assertThat(search(CustomerQuery.everyone()).getTotalElements()).isEqualTo(1);
        for (ThrowingCallable operation : new ThrowingCallable[] {
                () -> customers.register(command("Other")),
                () -> customers.update(id, edit(added, "Changed", 0)),
                () -> customers.suspend(id),
                () -> customers.resume(id),
                () -> customers.changePlan(id, silver, 0),
                () -> customers.extendEvaluation(id),
                () -> customers.convertToCommercial(id)}) {
            assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(operation);
        }
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        assertThat(customers.get(id)).isEqualTo(added);
    }

    @Test
    void aSuspendedCustomerCanBeResumedAndEachMoveIsAudited() {
        Customer added = customers.register(command("Acme"));

        assertThat(customers.suspend(added.id()).status()).isEqualTo(CustomerStatus.SUSPENDED);
        assertThat(refusalOf(() -> customers.suspend(added.id())).field()).isEqualTo("status");
        assertThat(customers.resume(added.id()).status()).isEqualTo(CustomerStatus.ACTIVE);

        assertThat(auditedActions(added.id()))
                .containsExactly("customer.registered", "customer.suspended", "customer.resumed");
        assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE object_id = :id AND action = 'customer.suspended'")
                .param("id", added.id().toString()).query(String.class).single())
                .contains("\"before\"").contains("ACTIVE").contains("\"after\"").contains("SUSPENDED");
    }

    @Test
    void anUpdateIsAuditedWithTheValuesBeforeAndAfter() {
        Customer added = customers.register(command("Acme"));
        customers.update(added.id(), edit(added, "株式会社アクメ", 0));

        String details = jdbc.sql("SELECT details FROM audit_entry WHERE object_id = :id AND action = 'customer.updated'")
                .param("id", added.id().toString()).query(String.class).single();
        assertThat(details).contains("\"before\":{\"accountName\":\"Acme\"")
                .contains("\"after\":{\"accountName\":\"株式会社アクメ\"");
    }

    @Test
    void aCustomerBeingMigratedCannotBeChanged() {
        Customer added = customers.register(command("Acme"));
        jdbc.sql("UPDATE customer SET status = 'MIGRATION_IN_PROGRESS' WHERE id = :id").param("id", added.id()).update();

        assertThat(refusalOf(() -> customers.update(added.id(), edit(added, "Acme 2", 0))).field()).isEqualTo("status");
        assertThat(refusalOf(() -> customers.suspend(added.id())).field()).isEqualTo("status");
        assertThat(refusalOf(() -> customers.changePlan(added.id(), plan("Silver"), 0)).field()).isEqualTo("status");
        assertThat(customers.get(added.id()).accountName()).isEqualTo("Acme");
    }

    @Test
    void aPlanChangeMovesTheCustomerAndKeepsItsHistory() {
        Customer added = customers.register(command("Acme"));
        UUID silver = plan("Silver");
        UUID bronze = plan("Bronze");

        Customer onSilver = customers.changePlan(added.id(), silver, 0);
        customers.changePlan(added.id(), bronze, onSilver.version());

        assertThat(customers.get(added.id()).servicePlanId()).isEqualTo(bronze);
        assertThat(customers.planHistory(added.id()))
                .extracting(PlanChange::fromPlanId, PlanChange::toPlanId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(gold, silver),
                        org.assertj.core.groups.Tuple.tuple(silver, bronze));
        assertThat(customers.planHistory(added.id())).allSatisfy(change ->
                assertThat(change.changedBy()).startsWith("admin-"));
    }

    @Test
    void aPlanChangeToAnArchivedPlanIsRefused() {
        Customer added = customers.register(command("Acme"));
        UUID silver = plan("Silver");
        plans.archive(silver);

        assertThat(refusalOf(() -> customers.changePlan(added.id(), silver, 0)).field()).isEqualTo("servicePlanId");
        assertThat(customers.planHistory(added.id())).isEmpty();
    }

    @Test
    void anEvaluationIsExtendedOnceTo60DaysThenOnlyConvertedToCommercial() {
        Customer added = customers.register(command("Acme"));

        assertThat(customers.extendEvaluation(added.id()).evaluationEndsOn()).isEqualTo(today.plusDays(60));
        assertThat(refusalOf(() -> customers.extendEvaluation(added.id())).field()).isEqualTo("tenantType");
        Customer commercial = customers.convertToCommercial(added.id());
        assertThat(commercial.tenantType()).isEqualTo(TenantType.COMMERCIAL);
        assertThat(commercial.evaluationEndsOn()).isNull();
        assertThat(refusalOf(() -> customers.extendEvaluation(added.id())).field()).isEqualTo("tenantType");
        assertThat(refusalOf(() -> customers.update(added.id(), editTo(commercial, TenantType.EVALUATION))).field())
                .isEqualTo("tenantType");
        assertThat(customers.get(added.id()).tenantType()).isEqualTo(TenantType.COMMERCIAL);
    }

    @Test
    void aCustomerMayStartCommercial() {
        Customer added = customers.register(with(c -> c.tenantType = TenantType.COMMERCIAL).build(provider, gold));

        assertThat(added.tenantType()).isEqualTo(TenantType.COMMERCIAL);
        assertThat(refusalOf(() -> customers.extendEvaluation(added.id())).field()).isEqualTo("tenantType");
    }

    @Test
    void searchFiltersCombineAndPagesCountEveryMatch() {
        UUID silver = plan("Silver");
        for (int i = 1; i <= 7; i++) {
            customers.register(commandOn(i % 2 == 0 ? silver : gold, "Customer " + i));
        }
        Customer expiring = customers.register(with(c -> {
            c.name = "Soon Expiring";
            c.licenceExpiry = today.plusDays(10);
            c.region = "us-east-1";
            c.tenantType = TenantType.COMMERCIAL;
            c.organization = "Globex Industries";
        }).build(provider, silver));
        customers.register(with(c -> {
            c.name = "Already Lapsed";
            c.licenceExpiry = today.minusDays(1);
        }).build(provider, gold));
        customers.suspend(expiring.id());

        Page<Customer> first = customers.search(CustomerQuery.everyone(), PageRequest.of(0, 4));
        Page<Customer> last = customers.search(CustomerQuery.everyone(), PageRequest.of(2, 4));
        assertThat(first.getTotalElements()).isEqualTo(9);
        assertThat(first.getTotalPages()).isEqualTo(3);
        assertThat(first.getContent()).extracting(Customer::accountName)
                .containsExactly("Already Lapsed", "Customer 1", "Customer 2", "Customer 3");
        assertThat(last.getContent()).extracting(Customer::accountName).containsExactly("Soon Expiring");

        assertThat(names(new CustomerQuery(null, silver, null, null, null, null, null, null))).hasSize(4);
        assertThat(names(new CustomerQuery(null, null, null, TenantType.COMMERCIAL, null, null, null, null)))
                .containsExactly("Soon Expiring");
        assertThat(names(new CustomerQuery(null, null, null, null, "US-EAST-1", null, null, null)))
                .containsExactly("Soon Expiring");
        assertThat(names(new CustomerQuery(null, null, null, null, null, CustomerStatus.SUSPENDED, null, null)))
                .containsExactly("Soon Expiring");
        assertThat(names(new CustomerQuery(null, null, null, null, null, null, 30, null))).containsExactly("Soon Expiring");
        assertThat(names(new CustomerQuery(null, null, null, null, null, null, 5, null))).isEmpty();
        assertThat(names(CustomerQuery.everyone().withText("globex"))).containsExactly("Soon Expiring");
        assertThat(names(new CustomerQuery("customer", gold, null, null, null, CustomerStatus.ACTIVE, null,
                CustomerQuery.Sort.NAME_DESCENDING))).containsExactly("Customer 7", "Customer 5", "Customer 3",
                "Customer 1");
    }

    @Test
    void searchByEditionFindsCustomersOnAnyPlanOfThatEdition() {
        UUID elite = plans.create(new CreateServicePlan("Elite Plan", Edition.ELITE, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.VMWARE))).id();
        customers.register(commandOn(elite, "On Elite"));
        customers.register(command("On Business"));

        assertThat(names(new CustomerQuery(null, null, Edition.ELITE, null, null, null, null, null)))
                .containsExactly("On Elite");
        assertThat(names(new CustomerQuery(null, null, Edition.ENTERPRISE, null, null, null, null, null))).isEmpty();
    }

    @Test
    void searchTextIsMatchedLiterallyNotAsAPattern() {
        customers.register(command("100% Backup"));
        customers.register(command("1000 Backup"));

        assertThat(names(CustomerQuery.everyone().withText("100%"))).containsExactly("100% Backup");
        assertThat(names(CustomerQuery.everyone().withText("_"))).isEmpty();
    }

    @Test
    void customerCountsFeedThePlansAndBlockDeletingAPlanInUse() {
        UUID silver = plan("Silver");
        customers.register(command("Acme"));
        customers.register(command("Beta"));
        customers.register(commandOn(silver, "Gamma"));
        UUID unused = plan("Unused");

        assertThat(plans.get(gold).customerCount()).isEqualTo(2);
        assertThat(plans.get(silver).customerCount()).isEqualTo(1);
        assertThat(refusalOf(() -> plans.delete(gold)).field()).isEqualTo("servicePlan");
        plans.delete(unused);
        assertThat(plans.list(true)).extracting(plan -> plan.name()).containsExactly("Gold", "Silver");
    }

    @Test
    void theDefaultDeploymentOffersItsSixStorageRegions(@Autowired StorageRegions regions) {
        assertThat(regions.all()).extracting(StorageRegion::id).containsExactly("us-east-1", "us-west-2", "eu-west-1",
                "eu-central-1", "ap-southeast-2", "ap-northeast-1");
        assertThat(regions.require("eu-west-1").displayName()).isEqualTo("Europe (Ireland)");
    }

    // --- helpers -------------------------------------------------------------------------------

    private UUID plan(String name) {
        return plans.create(new CreateServicePlan(name, Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.MICROSOFT_365))).id();
    }

    private RegisterCustomer command(String name) {
        return commandOn(gold, name);
    }

    private RegisterCustomer commandOn(UUID plan, String name) {
        return with(c -> c.name = name).build(provider, plan);
    }

    /** A valid command, changed by {@code change}. */
    private Draft with(Consumer<Draft> change) {
        Draft draft = new Draft(LocalDate.now(clock));
        change.accept(draft);
        return draft;
    }

    private void expectRefused(String field, Draft draft) {
        RejectedInput refusal = refusalOf(() -> customers.register(draft.build(provider, gold)));
        assertThat(refusal.field()).as(refusal.getMessage()).isEqualTo(field);
    }

    private static UpdateCustomer edit(Customer customer, String newName, int version) {
        return new UpdateCustomer(newName, customer.organizationName(), customer.address(), customer.phoneNumber(),
                customer.tenantType(), customer.storageRegion(), customer.creditQuota(), customer.quotaEffectiveDate(),
                customer.quotaEndDate(), customer.licenseExpiryDate(), version);
    }

    private static UpdateCustomer editTo(Customer customer, TenantType type) {
        return new UpdateCustomer(customer.accountName(), customer.organizationName(), customer.address(),
                customer.phoneNumber(), type, customer.storageRegion(), customer.creditQuota(),
                customer.quotaEffectiveDate(), customer.quotaEndDate(), customer.licenseExpiryDate(),
                customer.version());
    }

    private Page<Customer> search(CustomerQuery query) {
        return customers.search(query, PageRequest.of(0, 50));
    }

    private java.util.List<String> names(CustomerQuery query) {
        return search(query).getContent().stream().map(Customer::accountName).toList();
    }

    private long countStored() {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE provider_id = :provider").param("provider", provider)
                .query(Long.class).single();
    }

    private java.util.List<String> auditedActions(UUID customer) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE object_id = :id ORDER BY id")
                .param("id", customer.toString()).query(String.class).list();
    }

    /** The fields of a RegisterCustomer, valid unless a test changes one. */
    static final class Draft {
        String name = "Acme";
        String organization = "Acme Incorporated";
        String address = "1 Main Street";
        String phone = "+44 20 7946 0000";
        TenantType tenantType;
        String region = "eu-central-1";
        BigDecimal credits = new BigDecimal("12.5");
        LocalDate quotaEffective;
        LocalDate quotaEnd;
        LocalDate licenceExpiry;

        Draft(LocalDate today) {
            quotaEffective = today;
            quotaEnd = today.plusYears(1);
            licenceExpiry = today.plusYears(1);
        }

        RegisterCustomer build(UUID provider, UUID plan) {
            return new RegisterCustomer(name, organization, address, phone, plan, tenantType, region, credits,
                    quotaEffective, quotaEnd, licenceExpiry);
        }
    }
}
