package org.mspportal.migration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.customers.Customer;
import org.mspportal.customers.CustomerManagement;
import org.mspportal.customers.CustomerStatus;
import org.mspportal.customers.UpdateCustomer;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.Workload;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.mspportal.usage.SubmittedUsage;
import org.mspportal.usage.UsageIngestion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mspportal.migration.MigrationFixtures.credits;

/** Migrations through their stages, against the database, as the operator, the MSP and the customer act. */
@DatabaseTest
class MigrationManagementTests {

    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired SourceAccountManagement sources;
    @Autowired MigrationManagement migrations;
    @Autowired ServicePlanManagement plans;
    @Autowired CustomerManagement customers;
    @Autowired UsageIngestion ingestion;

    MigrationFixtures msp;

    @BeforeEach
    void anMspAndAnOperator() {
        msp = new MigrationFixtures(jdbc, clock, sources, migrations, plans);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    // Pre-checks

    @Test
    void raisingEmailsTheMspsActiveAdministratorsAndRecordsTheRequest() {
        UUID account = msp.hybridAccount("Contoso " + UUID.randomUUID(), List.of());

        Migration migration = msp.raised(account);

        assertThat(migration.stage()).isEqualTo(Stage.ACTION_REQUIRED);
        assertThat(msp.mailbox.latestTo(msp.admin.email()).subject()).startsWith("Action required: migrate");
        assertThat(msp.mailbox.latestTo(msp.handler.email()).text()).contains("/migrations/" + migration.id());
        assertThat(msp.asOperator(() -> migrations.history(migration.id()))).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.from()).isNull();
                    assertThat(entry.to()).isEqualTo(Stage.ACTION_REQUIRED);
                    assertThat(entry.actor()).isEqualTo(MigrationFixtures.OPERATOR.email());
                });
        assertThat(auditActions(migration.id())).containsExactly("migration.raised");
    }

    @Test
    void anAccountWhoseCloudAdministratorEmailIsInvalidIsRefused() {
        UUID account = msp.hybridAccount("Bad email " + UUID.randomUUID(), List.of());
        jdbc.sql("UPDATE source_account SET cloud_administrator_email = 'not-an-address' WHERE id = :id")
                .param("id", account).update();

        assertThatThrownBy(() -> msp.raised(account)).isInstanceOf(RejectedInput.class)
                .hasMessageContaining("\"not-an-address\", is not a valid email address");
    }

    @Test
    void registeringAnAccountWithAnInvalidEmailIsRefusedOnThatField() {
        assertThatThrownBy(() -> msp.register(new RegisterSourceAccount("Fabrikam", "fabrikam at example", null,
                null, null, msp.today().plusYears(1), null, null, List.of())))
                .isInstanceOfSatisfying(RejectedInput.class,
                        refused -> assertThat(refused.field()).isEqualTo("cloudAdministratorEmail"));
    }

    @Test
    void aSuspendedAccountIsRefused() {
        UUID account = msp.hybridAccount("Suspended " + UUID.randomUUID(), List.of());
        msp.asOperator(() -> sources.suspend(account, 0));

        assertThatThrownBy(() -> msp.raised(account)).isInstanceOf(RejectedInput.class)
                .hasMessageContaining("is suspended, and a suspended account cannot be migrated");
    }

    @Test
    void anAccountAlreadyBeingMigratedIsRefused() {
        UUID account = msp.hybridAccount("Twice " + UUID.randomUUID(), List.of());
        Migration first = msp.raised(account);

        assertThatThrownBy(() -> msp.raised(account)).isInstanceOf(RejectedInput.class)
                .hasMessageContaining("is already being migrated").hasMessageContaining(first.reference());
    }

    @Test
    void theDatabaseKeepsOneOpenMigrationPerAccountEvenIfTheCheckIsPassed() {
        UUID account = msp.hybridAccount("Race " + UUID.randomUUID(), List.of());
        msp.raised(account);

        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO migration (id, source_account_id, provider_id, stage, open_for, raised_by, raised_at,
                       changed_at) VALUES (:id, :account, :provider, 'ACTION_REQUIRED', :account, 'x', :now, :now)""")
                .param("id", UUID.randomUUID()).param("account", account).param("provider", msp.provider)
                .param("now", org.mspportal.shared.StoredTime.of(clock.instant())).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void anAccountAlreadyMigratedIsRefused() {
        UUID account = msp.saasAccount("Done " + UUID.randomUUID(), List.of());
        Migration migration = msp.raised(account);
        msp.verified(migration.id(), msp.approved(migration.id()));

        assertThatThrownBy(() -> msp.raised(account)).isInstanceOf(RejectedInput.class)
                .hasMessageContaining("was already migrated").hasMessageContaining(migration.reference());
    }

    @Test
    void aSuspendedMspIsRefused() {
        UUID account = msp.hybridAccount("To suspended " + UUID.randomUUID(), List.of());
        jdbc.sql("UPDATE provider SET status = 'SUSPENDED' WHERE id = :id").param("id", msp.provider).update();

        assertThatThrownBy(() -> msp.raised(account)).isInstanceOfSatisfying(RejectedInput.class, refused -> {
            assertThat(refused.field()).isEqualTo("providerId");
            assertThat(refused).hasMessageContaining("is suspended; migrate customers only into an active MSP");
        });
    }

    @Test
    void anMspWithoutAnActiveMspAdministratorIsRefused() {
        UUID account = msp.hybridAccount("Nobody " + UUID.randomUUID(), List.of());
        UUID empty = new TestMsps(jdbc, clock).provider();

        assertThatThrownBy(() -> msp.asOperator(() -> migrations.raise(account, empty)))
                .isInstanceOf(RejectedInput.class).hasMessageContaining("has no active MSP administrator");
    }

    @Test
    void onlyTheOperatorRaisesMigrations() {
        UUID account = msp.hybridAccount("Not yours " + UUID.randomUUID(), List.of());

        assertThatThrownBy(() -> msp.as(msp.admin, () -> migrations.raise(account, msp.provider)))
                .isInstanceOf(AccessDeniedException.class);
    }

    // Stages

    @Test
    void nominatingMailsTheCloudAdministratorALinkThatOnlyShowsWhatMoves() {
        Migration migration = msp.raised(msp.hybridAccount("Tailspin " + UUID.randomUUID(), List.of()));

        String token = msp.nominated(migration.id());

        assertThat(migrations.approval(token)).hasValueSatisfying(request -> {
            assertThat(request.accountName()).startsWith("Tailspin");
            assertThat(request.licence().workloads()).contains(Workload.VMWARE, Workload.MICROSOFT_365);
        });
        assertThat(migrations.approval(token)).isPresent(); // reading it twice changes nothing
        Migration now = msp.asOperator(() -> migrations.get(migration.id()));
        assertThat(now.stage()).isEqualTo(Stage.CUSTOMER_APPROVAL);
        assertThat(now.handlerEmail()).isEqualTo(msp.handler.email());
        assertThat(jdbc.sql("SELECT approval_token_hash FROM migration WHERE id = :id").param("id", migration.id())
                .query(String.class).single()).isNotEqualTo(token).hasSize(64);
    }

    @Test
    void theHandlerMustBeOneOfTheMspsActiveMspAdministrators() {
        Migration migration = msp.raised(msp.hybridAccount("Handler " + UUID.randomUUID(), List.of()));
        SignedInAdministrator readOnly = new TestMsps(jdbc, clock).stored(msp.provider, Role.READ_ONLY_ADMINISTRATOR);

        assertThatThrownBy(() -> msp.as(msp.admin, () -> migrations.nominate(migration.id(),
                new Nomination("cloud@customer.example", readOnly.accountId(), null))))
                .isInstanceOfSatisfying(RejectedInput.class,
                        refused -> assertThat(refused.field()).isEqualTo("handlerAccountId"));
    }

    @Test
    void aNominatedCloudAdministratorEmailMustBeValid() {
        Migration migration = msp.raised(msp.hybridAccount("Cloud " + UUID.randomUUID(), List.of()));

        assertThatThrownBy(() -> msp.as(msp.admin, () -> migrations.nominate(migration.id(),
                new Nomination("cloud@", msp.handler.accountId(), null))))
                .isInstanceOfSatisfying(RejectedInput.class,
                        refused -> assertThat(refused.field()).isEqualTo("cloudAdministratorEmail"));
    }

    @Test
    void approvingMailsTheHandlerAVerificationTokenAndTheLinkWorksOnce() {
        Migration migration = msp.raised(msp.hybridAccount("Approve " + UUID.randomUUID(), List.of()));
        String approval = msp.nominated(migration.id());

        Migration approved = migrations.approve(approval);

        assertThat(approved.stage()).isEqualTo(Stage.MSP_VERIFICATION);
        assertThat(approved.verificationTokenExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(msp.verificationToken()).hasSize(43);
        assertThat(migrations.approval(approval)).isEmpty();
        assertThatThrownBy(() -> migrations.approve(approval)).isInstanceOf(NotFound.class);
        assertThat(auditActions(migration.id())).containsExactly("migration.raised", "migration.nominated",
                "migration.approved");
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE action = 'migration.approved' AND object_id = :id")
                .param("id", migration.id().toString()).query(String.class).single())
                .isEqualTo("cloud-admin@customer.example");
    }

    @Test
    void decliningEndsTheRequestAndTellsTheMspAndTheOperator() {
        UUID account = msp.hybridAccount("Decline " + UUID.randomUUID(), List.of());
        Migration migration = msp.raised(account);
        String approval = msp.nominated(migration.id());

        Migration declined = migrations.decline(approval);

        assertThat(declined.stage()).isEqualTo(Stage.DECLINED);
        assertThat(msp.mailbox.latestTo(msp.admin.email()).subject()).endsWith("declined");
        assertThat(msp.mailbox.latestTo(MigrationFixtures.OPERATOR.email()).subject()).endsWith("declined");
        assertThatThrownBy(() -> migrations.approve(approval)).isInstanceOf(NotFound.class);
        assertThat(msp.raised(account).stage()).isEqualTo(Stage.ACTION_REQUIRED); // may be asked again
    }

    @Test
    void aVerificationTokenWorksUntilThirtyDaysHavePassed() {
        Migration migration = msp.raised(msp.saasAccount("Day 29 " + UUID.randomUUID(), List.of()));
        String token = msp.approved(migration.id());
        clock.advance(Duration.ofDays(29).plusHours(23));

        assertThat(msp.verified(migration.id(), token).stage()).isEqualTo(Stage.COMPLETED);
    }

    @Test
    void aVerificationTokenThirtyDaysOldIsRefused() {
        Migration migration = msp.raised(msp.saasAccount("Day 30 " + UUID.randomUUID(), List.of()));
        String token = msp.approved(migration.id());
        clock.advance(Duration.ofDays(30));

        assertThatThrownBy(() -> msp.verified(migration.id(), token)).isInstanceOfSatisfying(RejectedInput.class,
                refused -> {
                    assertThat(refused.field()).isEqualTo("token");
                    assertThat(refused).hasMessageContaining("expired").hasMessageContaining("platform operator");
                });
        assertThat(msp.asOperator(() -> migrations.get(migration.id())).stage()).isEqualTo(Stage.MSP_VERIFICATION);
    }

    @Test
    void onlyTheOperatorReissuesATokenAndTheOldOneStopsWorking() {
        Migration migration = msp.raised(msp.saasAccount("Reissue " + UUID.randomUUID(), List.of()));
        String old = msp.approved(migration.id());
        clock.advance(Duration.ofDays(31));
        assertThatThrownBy(() -> msp.as(msp.handler, () -> migrations.reissueVerificationToken(migration.id())))
                .isInstanceOf(AccessDeniedException.class);

        msp.asOperator(() -> migrations.reissueVerificationToken(migration.id()));
        String fresh = msp.verificationToken();

        assertThat(fresh).isNotEqualTo(old);
        assertThatThrownBy(() -> msp.verified(migration.id(), old)).isInstanceOf(RejectedInput.class)
                .hasMessageContaining("not the verification token");
        assertThat(msp.verified(migration.id(), fresh).stage()).isEqualTo(Stage.COMPLETED);
    }

    @Test
    void aWrongTokenIsRefused() {
        Migration migration = msp.raised(msp.saasAccount("Wrong " + UUID.randomUUID(), List.of()));
        msp.approved(migration.id());

        assertThatThrownBy(() -> msp.verified(migration.id(), "x".repeat(43))).isInstanceOf(RejectedInput.class)
                .hasMessageContaining("not the verification token");
    }

    @Test
    void onlyTheNominatedHandlerVerifies() {
        Migration migration = msp.raised(msp.saasAccount("Other admin " + UUID.randomUUID(), List.of()));
        String token = msp.approved(migration.id());

        assertThatThrownBy(() -> msp.as(msp.admin, () -> migrations.verify(migration.id(), msp.verification(token))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void workflowTwoCompletesOnVerificationWithTheLicenceRulesAndThePastUsage() {
        String name = "株式会社 テスト 🚀 " + UUID.randomUUID();
        UUID account = msp.saasAccount(name, List.of(credits(Workload.MICROSOFT_365, msp.today().minusDays(3), "1.5"),
                credits(Workload.ENDPOINTS, msp.today().minusDays(2), "2"),
                credits(Workload.ENDPOINTS, msp.today().minusYears(3), "9")));
        Migration migration = msp.raised(account);

        Migration completed = msp.verified(migration.id(), msp.approved(migration.id()));

        assertThat(completed.stage()).isEqualTo(Stage.COMPLETED);
        Customer customer = msp.as(msp.admin, () -> customers.get(completed.customerId()));
        assertThat(customer.accountName()).isEqualTo(name);
        assertThat(customer.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(customer.servicePlanId()).isEqualTo(msp.everyWorkloadPlan);
        // Endpoints expire in five years, cut to three; Microsoft 365 takes the later tenant date.
        assertThat(customer.licenseExpiryDate()).isEqualTo(msp.today().plusYears(3));
        assertThat(jdbc.sql("SELECT SUM(credits) FROM usage_record WHERE customer_id = :id")
                .param("id", customer.id()).query(BigDecimal.class).single()).isEqualByComparingTo("3.5");
        assertThat(msp.mailbox.latestTo(msp.handler.email()).subject()).endsWith("completed");
        assertThat(msp.asOperator(() -> migrations.history(migration.id()))).extracting(MigrationHistoryEntry::to)
                .containsExactly(Stage.ACTION_REQUIRED, Stage.CUSTOMER_APPROVAL, Stage.MSP_VERIFICATION,
                        Stage.COMPLETED);
    }

    @Test
    void aPlanThatDoesNotCoverTheLicenceIsRefused() {
        Migration migration = msp.raised(msp.hybridAccount("Narrow " + UUID.randomUUID(), List.of()));
        String token = msp.approved(migration.id());
        UUID narrow = msp.as(msp.admin, () -> plans.create(new org.mspportal.plans.CreateServicePlan(
                "Narrow " + UUID.randomUUID(), org.mspportal.plans.Edition.ENTERPRISE,
                org.mspportal.plans.UsageReportFrequency.MONTHLY, java.util.EnumSet.of(Workload.VMWARE))).id());

        assertThat(msp.as(msp.handler, () -> migrations.planChoices(migration.id())))
                .extracting(choice -> choice.plan().id(), PlanChoice::compatible)
                .contains(org.assertj.core.groups.Tuple.tuple(msp.everyWorkloadPlan, true),
                        org.assertj.core.groups.Tuple.tuple(narrow, false));
        assertThatThrownBy(() -> msp.as(msp.handler, () -> migrations.verify(migration.id(),
                new Verification(token, narrow, "us-east-1", BigDecimal.TEN))))
                .isInstanceOfSatisfying(RejectedInput.class,
                        refused -> assertThat(refused.field()).isEqualTo("servicePlanId"));
    }

    @Test
    void duringFinalisingUpdatesAreRefusedNamingTheMigrationWhileUsageIsIngested() {
        Migration migration = msp.raised(msp.hybridAccount("Hybrid " + UUID.randomUUID(), List.of()));
        Migration finalising = msp.verified(migration.id(), msp.approved(migration.id()));
        assertThat(finalising.stage()).isEqualTo(Stage.FINALISING);
        assertThat(msp.mailbox.latestTo(MigrationFixtures.OPERATOR.email()).subject()).startsWith("Finalise");
        Customer locked = msp.as(msp.admin, () -> customers.get(finalising.customerId()));
        assertThat(locked.status()).isEqualTo(CustomerStatus.MIGRATION_IN_PROGRESS);

        assertThatThrownBy(() -> msp.as(msp.admin, () -> customers.update(locked.id(), new UpdateCustomer(
                "Renamed", null, null, null, locked.tenantType(), locked.storageRegion(), locked.creditQuota(),
                locked.quotaEffectiveDate(), locked.quotaEndDate(), locked.licenseExpiryDate(), locked.version()))))
                .isInstanceOf(RejectedInput.class).hasMessageContaining("being migrated by migration "
                        + migration.reference());
        assertThatThrownBy(() -> msp.as(msp.admin, () -> customers.suspend(locked.id())))
                .isInstanceOf(RejectedInput.class).hasMessageContaining(migration.reference());
        assertThat(msp.as(msp.handler, () -> ingestion.ingest(List.of(new SubmittedUsage(locked.id().toString(),
                "VMWARE", msp.today().toString(), null, new BigDecimal("4"))))).accepted()).isEqualTo(1);

        Migration completed = msp.asOperator(() -> migrations.finalise(migration.id()));

        assertThat(completed.stage()).isEqualTo(Stage.COMPLETED);
        assertThat(msp.as(msp.admin, () -> customers.get(locked.id())).status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(msp.mailbox.latestTo(msp.handler.email()).subject()).endsWith("completed");
    }

    @Test
    void theMailAskingTheOperatorToFinaliseLinksToTheMigrationItself() {
        Migration migration = msp.raised(msp.hybridAccount("Finalise link " + UUID.randomUUID(), List.of()));
        msp.verified(migration.id(), msp.approved(migration.id()));

        assertThat(msp.mailbox.latestTo(MigrationFixtures.OPERATOR.email()).text())
                .contains("/migrations/" + migration.id());
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        Migration migration = msp.raised(msp.hybridAccount("Illegal " + UUID.randomUUID(), List.of()));

        assertThatThrownBy(() -> msp.asOperator(() -> migrations.finalise(migration.id())))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("Action required");
        assertThatThrownBy(() -> msp.asOperator(() -> migrations.reissueVerificationToken(migration.id())))
                .isInstanceOf(IllegalTransition.class);
        String approval = msp.nominated(migration.id());
        assertThatThrownBy(() -> msp.as(msp.admin, () -> migrations.nominate(migration.id(),
                new Nomination("again@customer.example", msp.handler.accountId(), null))))
                .isInstanceOf(IllegalTransition.class);
        migrations.approve(approval);
        String token = msp.verificationToken();
        msp.verified(migration.id(), token);
        assertThatThrownBy(() -> msp.asOperator(() -> migrations.cancel(migration.id(), null)))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> msp.verified(migration.id(), token)).isInstanceOf(IllegalTransition.class);
        assertThat(msp.asOperator(() -> migrations.get(migration.id())).stage()).isEqualTo(Stage.FINALISING);
    }

    @Test
    void theOperatorCancelsAnOpenMigrationAndTheAccountCanBeAskedForAgain() {
        UUID account = msp.hybridAccount("Cancel " + UUID.randomUUID(), List.of());
        Migration migration = msp.raised(account);
        String approval = msp.nominated(migration.id());

        Migration cancelled = msp.asOperator(() -> migrations.cancel(migration.id(), "Asked by phone"));

        assertThat(cancelled.stage()).isEqualTo(Stage.CANCELLED);
        assertThatThrownBy(() -> migrations.approve(approval)).isInstanceOf(NotFound.class);
        assertThat(msp.mailbox.latestTo(msp.admin.email()).subject()).endsWith("cancelled");
        assertThat(msp.raised(account).stage()).isEqualTo(Stage.ACTION_REQUIRED);
    }

    @Test
    void twoConcurrentVerificationsCreateOneCustomer() throws Exception {
        String name = "Concurrent " + UUID.randomUUID();
        Migration migration = msp.raised(msp.saasAccount(name, List.of()));
        String token = msp.approved(migration.id());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        return msp.verified(migration.id(), token);
                    } catch (RuntimeException refused) {
                        return refused;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(Migration.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(RuntimeException.class::isInstance).singleElement()
                    .isInstanceOf(IllegalTransition.class);
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE provider_id = :provider AND account_name = :name")
                .param("provider", msp.provider).param("name", name).query(Long.class).single()).isEqualTo(1);
    }

    // Tenancy

    @Test
    void anotherMspsMigrationIsNotFound() {
        Migration migration = msp.raised(msp.hybridAccount("Private " + UUID.randomUUID(), List.of()));
        TestMsps msps = new TestMsps(jdbc, clock);
        UUID other = msps.provider();
        SignedInAdministrator stranger = msp.activeAdministrator(msps, other);

        assertThatThrownBy(() -> msp.as(stranger, () -> migrations.get(migration.id()))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> msp.as(stranger, () -> migrations.history(migration.id())))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> msp.as(stranger, () -> migrations.nominate(migration.id(),
                new Nomination("x@customer.example", stranger.accountId(), null)))).isInstanceOf(NotFound.class);
        PageRequest firstPage = PageRequest.of(0, 50);
        assertThat(msp.as(stranger, () -> migrations.list(Set.of(), "", firstPage))).isEmpty();
        assertThat(msp.as(msp.admin, () -> migrations.list(Set.of(), "", firstPage)))
                .extracting(Migration::id).contains(migration.id());
    }

    private List<String> auditActions(UUID migration) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE object_id = :id ORDER BY id")
                .param("id", migration.toString()).query(String.class).list();
    }
}
