package org.mspportal.plans;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mspportal.TestMsps;
import org.mspportal.DatabaseTest;
import org.mspportal.identity.Role;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.StaleVersion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** An MSP's service plans through the façade, one rule per test. */
@DatabaseTest
@Import(CountedCustomers.class)
class ServicePlanManagementTests {

    @Autowired ServicePlanManagement plans;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired CountedCustomers customers;

    UUID provider;

    @BeforeEach
    void anMspAdministrator() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ゴールド・プラン", "الخطة الذهبية", "Gold 🥇 plan", "Cafe\u0301 Premium", "Ünïcödé Überplan"})
    void aPlanNameMayBeAnyUnicodeAndIsKeptAsTyped(String name) {
        ServicePlan created = plans.create(command(name));

        assertThat(plans.get(created.id()).name()).isEqualTo(java.text.Normalizer.normalize(name,
                java.text.Normalizer.Form.NFC));
        assertThat(plans.list(false)).extracting(ServicePlan::name).containsExactly(created.name());
    }

    @Test
    void aNewPlanHasItsFieldsNoCustomersAndIsNotArchived() {
        ServicePlan created = plans.create(new CreateServicePlan("Gold", Edition.ELITE, UsageReportFrequency.QUARTERLY,
                EnumSet.of(Workload.VMWARE, Workload.MICROSOFT_365)));

        assertThat(plans.get(created.id())).satisfies(plan -> {
            assertThat(plan.edition()).isEqualTo(Edition.ELITE);
            assertThat(plan.usageReportFrequency()).isEqualTo(UsageReportFrequency.QUARTERLY);
            assertThat(plan.workloads()).containsExactlyInAnyOrder(Workload.VMWARE, Workload.MICROSOFT_365);
            assertThat(plan.archived()).isFalse();
            assertThat(plan.customerCount()).isZero();
        });
    }

    @Test
    void editionsCoverArchivedPlansButNoOtherMspsPlans() {
        ServicePlan gold = plans.create(new CreateServicePlan("Gold", Edition.ELITE, UsageReportFrequency.QUARTERLY,
                EnumSet.of(Workload.VMWARE)));
        ServicePlan old = plans.create(command("Old"));
        plans.archive(old.id());
        TestMsps.actAs(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);
        plans.create(command("Theirs"));
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);

        assertThat(plans.editions()).containsOnly(entry(gold.id(), Edition.ELITE), entry(old.id(), old.edition()));
    }

    @Test
    void aNameTheMspAlreadyUsesIsRefusedWhateverItsCase() {
        plans.create(command("Gold"));

        assertThatExceptionOfType(RejectedInput.class).isThrownBy(() -> plans.create(command("  gOLD ")))
                .satisfies(rejected -> assertThat(rejected.field()).isEqualTo("name"))
                .withMessageContaining("already have a plan called");
        assertThat(plansStored()).isEqualTo(1);
    }

    @Test
    void aNameWithACombiningAccentIsTheSameNameAsItsPrecomposedForm() {
        plans.create(command("Caf\u00e9"));

        assertThatExceptionOfType(RejectedInput.class).isThrownBy(() -> plans.create(command("Cafe\u0301")));
    }

    @Test
    void anotherMspMayUseTheSameName() {
        plans.create(command("Gold"));
        TestMsps.actAs(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);

        assertThat(plans.create(command("Gold")).name()).isEqualTo("Gold");
    }

    @Test
    void everyMissingFieldIsNamedAtOnceAndNothingIsStored() {
        assertThatExceptionOfType(ConstraintViolationException.class)
                .isThrownBy(() -> plans.create(new CreateServicePlan(" ", null, null, Set.of())))
                .satisfies(invalid -> assertThat(invalid.getConstraintViolations())
                        .extracting(violation -> violation.getPropertyPath().toString())
                        .containsExactlyInAnyOrder("name", "edition", "usageReportFrequency", "workloads"));
        assertThat(plansStored()).isZero();
    }

    @Test
    void aPlanNeedsAtLeastOneWorkload() {
        assertThatExceptionOfType(ConstraintViolationException.class)
                .isThrownBy(() -> plans.create(new CreateServicePlan("Gold", Edition.BUSINESS,
                        UsageReportFrequency.MONTHLY, Set.of())))
                .satisfies(invalid -> assertThat(invalid.getConstraintViolations())
                        .extracting(ConstraintViolation::getMessage).containsExactly("Choose at least one workload."));
    }

    @Test
    void anUpdateChangesEverythingButTheNameAndMovesTheVersionOn() {
        ServicePlan gold = plans.create(command("Gold"));

        ServicePlan changed = plans.update(gold.id(), new UpdateServicePlan(null, Edition.ENTERPRISE,
                UsageReportFrequency.YEARLY, EnumSet.of(Workload.ENDPOINTS), gold.version()));

        assertThat(changed.name()).isEqualTo("Gold");
        assertThat(changed.edition()).isEqualTo(Edition.ENTERPRISE);
        assertThat(changed.usageReportFrequency()).isEqualTo(UsageReportFrequency.YEARLY);
        assertThat(changed.workloads()).containsExactly(Workload.ENDPOINTS);
        assertThat(changed.version()).isGreaterThan(gold.version());
    }

    @Test
    void theNameCannotBeChanged() {
        ServicePlan gold = plans.create(command("Gold"));

        assertThatExceptionOfType(RejectedInput.class)
                .isThrownBy(() -> plans.update(gold.id(), new UpdateServicePlan("Platinum", Edition.ELITE,
                        UsageReportFrequency.MONTHLY, EnumSet.of(Workload.NAS), gold.version())))
                .withMessageContaining("name cannot be changed")
                .satisfies(rejected -> assertThat(rejected.field()).isEqualTo("name"));
        assertThat(plans.get(gold.id()).edition()).isEqualTo(Edition.BUSINESS);
    }

    @Test
    void anUpdateBasedOnAStaleVersionIsRefusedAndChangesNothing() {
        ServicePlan gold = plans.create(command("Gold"));
        plans.update(gold.id(), new UpdateServicePlan("Gold", Edition.ELITE, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.NAS), gold.version()));

        assertThatExceptionOfType(StaleVersion.class)
                .isThrownBy(() -> plans.update(gold.id(), new UpdateServicePlan("Gold", Edition.ENTERPRISE,
                        UsageReportFrequency.MONTHLY, EnumSet.of(Workload.NAS), gold.version())));
        assertThat(plans.get(gold.id()).edition()).isEqualTo(Edition.ELITE);
    }

    @Test
    void anotherMspsPlanIsNotFoundForEveryOperation() {
        UUID theirs = plans.create(command("Theirs")).id();
        TestMsps.actAs(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);

        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> plans.get(theirs));
        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> plans.update(theirs, new UpdateServicePlan(null,
                Edition.ELITE, UsageReportFrequency.MONTHLY, EnumSet.of(Workload.NAS), 0)));
        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> plans.archive(theirs));
        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> plans.unarchive(theirs));
        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> plans.delete(theirs));
        assertThat(plans.list(true)).isEmpty();
    }

    @Test
    void aReadOnlyAdministratorReadsPlansButIsRefusedEveryChange() {
        UUID gold = plans.create(command("Gold")).id();
        TestMsps.actAs(provider, Role.READ_ONLY_ADMINISTRATOR);

        assertThat(plans.list(false)).hasSize(1);
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> plans.create(command("Silver")));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> plans.update(gold,
                new UpdateServicePlan(null, Edition.ELITE, UsageReportFrequency.MONTHLY, EnumSet.of(Workload.NAS), 0)));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> plans.archive(gold));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> plans.unarchive(gold));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> plans.delete(gold));
        assertThat(plansStored()).isEqualTo(1);
    }

    @Test
    void anArchivedPlanIsHiddenFromTheDefaultListAndCannotBeAssigned() {
        ServicePlan gold = plans.create(command("Gold"));
        plans.archive(gold.id());

        assertThat(plans.list(false)).isEmpty();
        assertThat(plans.list(true)).extracting(ServicePlan::archived).containsExactly(true);
        assertThatExceptionOfType(RejectedInput.class).isThrownBy(() -> plans.requireAssignable(gold.id()))
                .satisfies(rejected -> assertThat(rejected.field()).isEqualTo("servicePlanId"))
                .withMessageContaining("archived");
    }

    @Test
    void aRestoredPlanCanBeAssignedAgain() {
        ServicePlan gold = plans.create(command("Gold"));
        plans.archive(gold.id());

        plans.unarchive(gold.id());

        assertThat(plans.requireAssignable(gold.id()).id()).isEqualTo(gold.id());
    }

    @Test
    void anotherMspsPlanCannotBeAssigned() {
        UUID theirs = plans.create(command("Theirs")).id();
        TestMsps.actAs(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);

        assertThatExceptionOfType(RejectedInput.class).isThrownBy(() -> plans.requireAssignable(theirs))
                .satisfies(rejected -> assertThat(rejected.field()).isEqualTo("servicePlanId"));
    }

    @Test
    void anUnusedPlanCanBeDeleted() {
        ServicePlan gold = plans.create(command("Gold"));

        plans.delete(gold.id());

        assertThat(plansStored()).isZero();
        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> plans.get(gold.id()));
    }

    @Test
    void aPlanInUseCannotBeDeletedButCanBeArchived() {
        ServicePlan gold = plans.create(command("Gold"));
        customers.onPlan(gold.id(), 3);

        assertThatExceptionOfType(RejectedInput.class).isThrownBy(() -> plans.delete(gold.id()))
                .withMessage("This plan has 3 customers; archive it instead.");
        assertThat(plans.get(gold.id()).customerCount()).isEqualTo(3);
        assertThat(plans.archive(gold.id()).archived()).isTrue();
        assertThat(plansStored()).isEqualTo(1);
    }

    @Test
    void everyChangeIsAuditedWithItsValuesBeforeAndAfter() {
        ServicePlan gold = plans.create(command("Gold"));
        plans.update(gold.id(), new UpdateServicePlan(null, Edition.ELITE, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.NAS), gold.version()));
        plans.archive(gold.id());

        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE object_id = :id ORDER BY id")
                .param("id", gold.id().toString()).query(String.class).list())
                .containsExactly("service-plan.created", "service-plan.updated", "service-plan.archived");
        String details = jdbc.sql("SELECT details FROM audit_entry WHERE object_id = :id AND action = :action")
                .param("id", gold.id().toString()).param("action", "service-plan.updated")
                .query(String.class).single();
        assertThat(details).contains("\"before\"", "\"BUSINESS\"", "\"after\"", "\"ELITE\"");
    }

    private long plansStored() {
        return jdbc.sql("SELECT COUNT(*) FROM service_plan WHERE provider_id = :provider").param("provider", provider)
                .query(Long.class).single();
    }

    static CreateServicePlan command(String name) {
        return new CreateServicePlan(name, Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.FILE_SERVERS));
    }
}
