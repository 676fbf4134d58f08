package org.mspportal.migration;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.ServicePlanManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The migration pages: the public approval page, the MSP's and the operator's pages, and who reaches which. */
@DatabaseTest
@AutoConfigureMockMvc
class MigrationPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired SourceAccountManagement sources;
    @Autowired MigrationManagement migrations;
    @Autowired ServicePlanManagement plans;

    MigrationFixtures msp;

    @BeforeEach
    void anMspAndAnOperator() {
        msp = new MigrationFixtures(jdbc, clock, sources, migrations, plans);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void openingTheApprovalLinkShowsWhatMovesAndApprovesNothing() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Ελληνικά 🚀 " + UUID.randomUUID(), List.of()));
        String token = msp.nominated(migration.id());

        for (int opened = 0; opened < 2; opened++) {
            mvc.perform(get("/migration-approval/" + token))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Ελληνικά 🚀")))
                    .andExpect(content().string(containsString("VMware")))
                    .andExpect(content().string(containsString("Approve")));
        }

        assertThat(stage(migration)).isEqualTo(Stage.CUSTOMER_APPROVAL);
        assertThat(msp.mailbox.to(msp.handler.email())).noneMatch(mail -> mail.subject().startsWith("Verify"));
    }

    @Test
    void approvingFromTheConfirmationPageMovesTheMigrationOnce() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Approve page " + UUID.randomUUID(), List.of()));
        String token = msp.nominated(migration.id());

        mvc.perform(post("/migration-approval/" + token + "/approve").with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("the migration is approved")));
        mvc.perform(post("/migration-approval/" + token + "/decline").with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("This link no longer works")));

        assertThat(stage(migration)).isEqualTo(Stage.MSP_VERIFICATION);
    }

    @Test
    void declineFromTheConfirmationPageEndsTheRequest() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Decline page " + UUID.randomUUID(), List.of()));
        String token = msp.nominated(migration.id());

        mvc.perform(post("/migration-approval/" + token + "/decline").with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("The migration is declined")));

        assertThat(stage(migration)).isEqualTo(Stage.DECLINED);
    }

    @Test
    void anUnknownApprovalLinkShowsNothingOfAnyRequest() throws Exception {
        mvc.perform(get("/migration-approval/" + "A".repeat(43)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("This link no longer works")));
    }

    @Test
    void tenantAdministratorsAreNotOfferedTheMigrationsTheyCannotOpen() throws Exception {
        TestMsps msps = new TestMsps(jdbc, clock);
        SignedInAdministrator tenantAdministrator = msps.stored(msp.provider, Role.TENANT_ADMINISTRATOR);

        mvc.perform(get("/customers").with(as(tenantAdministrator)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/migrations\""))));
        mvc.perform(get("/migrations").with(as(tenantAdministrator))).andExpect(status().isForbidden());
        mvc.perform(get("/customers").with(as(msp.admin)))
                .andExpect(content().string(containsString("href=\"/migrations\"")));
    }

    @Test
    void theMspSeesItsMigrationWithTheNominationFormAndAnotherMspGets404() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Visible " + UUID.randomUUID(), List.of()));
        TestMsps msps = new TestMsps(jdbc, clock);
        SignedInAdministrator stranger = msp.activeAdministrator(msps, msps.provider());

        mvc.perform(get("/migrations").with(as(msp.admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(migration.reference())));
        mvc.perform(get("/migrations/" + migration.id()).with(as(msp.admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Send the approval request")))
                .andExpect(content().string(containsString("cloud-admin@customer.example")));
        mvc.perform(get("/migrations/" + migration.id()).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/migrations").with(as(stranger)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(migration.reference()))));
    }

    @Test
    void nominatingThroughThePageSendsTheApprovalLink() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Nominate page " + UUID.randomUUID(), List.of()));

        mvc.perform(post("/migrations/" + migration.id() + "/nominate").with(as(msp.admin)).with(csrf())
                        .param("cloudAdministratorEmail", "cloud-admin@customer.example")
                        .param("handlerAccountId", msp.handler.accountId().toString()))
                .andExpect(redirectedUrl("/migrations/" + migration.id()));

        assertThat(stage(migration)).isEqualTo(Stage.CUSTOMER_APPROVAL);
        assertThat(msp.approvalToken()).isNotBlank();
    }

    @Test
    void anInvalidNominationIsShownBesideItsField() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Invalid page " + UUID.randomUUID(), List.of()));

        mvc.perform(post("/migrations/" + migration.id() + "/nominate").with(as(msp.admin)).with(csrf())
                        .param("cloudAdministratorEmail", "nobody@")
                        .param("handlerAccountId", msp.handler.accountId().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&quot;nobody@&quot; is not a valid email address")));
        assertThat(stage(migration)).isEqualTo(Stage.ACTION_REQUIRED);
    }

    @Test
    void theHandlerVerifiesOnThePageAndAnExpiredTokenIsExplained() throws Exception {
        Migration migration = msp.raised(msp.saasAccount("Verify page " + UUID.randomUUID(), List.of()));
        String token = msp.approved(migration.id());
        mvc.perform(get("/migrations/" + migration.id()).with(as(msp.handler)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Compatible")));
        clock.advance(java.time.Duration.ofDays(30));

        mvc.perform(post("/migrations/" + migration.id() + "/verify").with(as(msp.handler)).with(csrf())
                        .param("token", token).param("servicePlanId", msp.everyWorkloadPlan.toString())
                        .param("storageRegion", "us-east-1").param("creditQuota", "50"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("expired")));
        assertThat(stage(migration)).isEqualTo(Stage.MSP_VERIFICATION);
    }

    @Test
    void aCustomerBeingMigratedNamesTheMigrationOnItsPageAndWhenAnEditIsRefused() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Locked " + UUID.randomUUID(), List.of()));
        UUID customer = msp.verified(migration.id(), msp.approved(migration.id())).customerId();

        mvc.perform(get("/customers/" + customer).with(as(msp.admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(migration.reference())));
        mvc.perform(get("/customers/" + customer + "/edit").with(as(msp.admin)))
                .andExpect(redirectedUrl("/customers/" + customer))
                .andExpect(flash().attribute("problem", containsString("being migrated by migration "
                        + migration.reference())));
    }

    @Test
    void theStatusLinkFromTheEmailAsksForSignInFirst() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Status " + UUID.randomUUID(), List.of()));

        mvc.perform(get("/migrations/" + migration.id())).andExpect(redirectedUrl("/sign-in"));
        mvc.perform(get("/migrations/" + migration.id()).with(as(msp.handler)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Who acts next")))
                .andExpect(content().string(containsString("Raised for")));
    }

    @Test
    void theOperatorPagesAreTheOperatorsOnly() throws Exception {
        mvc.perform(get("/source-accounts").with(as(msp.admin))).andExpect(status().isForbidden());
        mvc.perform(get("/source-accounts").with(as(MigrationFixtures.OPERATOR))).andExpect(status().isOk());
        mvc.perform(get("/source-accounts/new").with(as(MigrationFixtures.OPERATOR))).andExpect(status().isOk());
    }

    @Test
    void theOperatorFindsSourceAccountsByNameOrEmailWithWildcardsTakenLiterally() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        msp.saasAccount("Ωμέγα 100% " + tag, List.of());
        msp.saasAccount("Ωμέγα 1000 " + tag, List.of());

        mvc.perform(get("/source-accounts").param("q", "ωΜΈΓΑ 100% " + tag).with(as(MigrationFixtures.OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ωμέγα 100% " + tag)))
                .andExpect(content().string(not(containsString("Ωμέγα 1000 " + tag))));
        mvc.perform(get("/source-accounts").param("q", "no such account " + tag).with(as(MigrationFixtures.OPERATOR)))
                .andExpect(content().string(containsString("No account matches")));
    }

    @Test
    void theMigrationsListFindsAnAccountByAnyPartOfItsNameInAnyCase() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Migration wanted = msp.raised(msp.saasAccount("Ωμέγα Λογιστική " + tag, List.of()));
        Migration other = msp.raised(msp.saasAccount("Other " + tag, List.of()));

        mvc.perform(get("/migrations").param("q", "λογιστική " + tag).with(as(msp.admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(wanted.reference())))
                .andExpect(content().string(not(containsString(other.reference()))));
    }

    @Test
    void theMigrationsListFindsAMigrationByTheStartOfItsReference() throws Exception {
        Migration wanted = msp.raised(msp.saasAccount("Referenced " + UUID.randomUUID(), List.of()));
        Migration other = msp.raised(msp.saasAccount("Unreferenced " + UUID.randomUUID(), List.of()));

        mvc.perform(get("/migrations").param("q", wanted.reference().toLowerCase(java.util.Locale.ROOT))
                        .with(as(msp.admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(wanted.accountName())))
                .andExpect(content().string(not(containsString(other.accountName()))));
    }

    @Test
    void theStageFilterStillOpenLeavesOutEndedMigrations() throws Exception {
        String tag = UUID.randomUUID().toString();
        Migration open = msp.raised(msp.saasAccount("Open " + tag, List.of()));
        Migration cancelled = msp.raised(msp.saasAccount("Cancelled " + tag, List.of()));
        MigrationFixtures.asOperator(() -> migrations.cancel(cancelled.id(), "Raised by mistake"));

        mvc.perform(get("/migrations").param("q", tag).param("stage", "OPEN").with(as(msp.admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(open.reference())))
                .andExpect(content().string(not(containsString(cancelled.reference()))));
        mvc.perform(get("/migrations").param("q", tag).param("stage", "CANCELLED").with(as(msp.admin)))
                .andExpect(content().string(containsString(cancelled.reference())))
                .andExpect(content().string(not(containsString(open.reference()))));
    }

    @Test
    void searchingAnotherMspsMigrationFindsNothingAndSaysSo() throws Exception {
        String tag = UUID.randomUUID().toString();
        Migration theirs = msp.raised(msp.saasAccount("Theirs " + tag, List.of()));
        TestMsps msps = new TestMsps(jdbc, clock);
        SignedInAdministrator stranger = msp.activeAdministrator(msps, msps.provider());

        mvc.perform(get("/migrations").param("q", theirs.reference()).with(as(stranger)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No migration matches")))
                .andExpect(content().string(not(containsString(theirs.accountName()))));
    }

    @Test
    void theOperatorFindsMigrationsByTheMspsName() throws Exception {
        Migration migration = msp.raised(msp.saasAccount("By MSP " + UUID.randomUUID(), List.of()));
        String mspName = jdbc.sql("SELECT name FROM provider WHERE id = :id").param("id", msp.provider)
                .query(String.class).single();

        mvc.perform(get("/migrations").param("q", mspName.toUpperCase(java.util.Locale.ROOT))
                        .with(as(MigrationFixtures.OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(migration.reference())));
    }

    @Test
    void theOperatorRegistersAnAccountAndRaisesItsMigration() throws Exception {
        String name = "Ünïcödé 株式会社 " + UUID.randomUUID();
        mvc.perform(post("/source-accounts/new").with(as(MigrationFixtures.OPERATOR)).with(csrf())
                        .param("name", name).param("cloudAdministratorEmail", "it@customer.example")
                        .param("microsoft365ExpiresOn", msp.today().plusYears(1).toString())
                        .param("pastUsage", "MICROSOFT_365," + msp.today().minusDays(1) + ",1.5"))
                .andExpect(redirectedUrl("/source-accounts"));
        UUID account = jdbc.sql("SELECT id FROM source_account WHERE name = :name").param("name", name)
                .query(UUID.class).single();

        mvc.perform(post("/source-accounts/" + account + "/migrate").with(as(MigrationFixtures.OPERATOR)).with(csrf())
                        .param("providerId", msp.provider.toString()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/migrations").with(as(MigrationFixtures.OPERATOR)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)));
    }

    @Test
    void anInvalidRegistrationNamesEveryField() throws Exception {
        mvc.perform(post("/source-accounts/new").with(as(MigrationFixtures.OPERATOR)).with(csrf())
                        .param("name", " ").param("cloudAdministratorEmail", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the account&#39;s name.")))
                .andExpect(content().string(containsString("is not a valid email address")))
                .andExpect(content().string(containsString("License at least one product")));
    }

    @Test
    void theOperatorFinalisesAHybridMigrationFromItsPageAndAnMspAdministratorCannot() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Finalise page " + UUID.randomUUID(), List.of()));
        msp.verified(migration.id(), msp.approved(migration.id()));
        mvc.perform(get("/migrations/" + migration.id()).with(as(MigrationFixtures.OPERATOR)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Finalise")));

        mvc.perform(post("/migrations/" + migration.id() + "/finalise").with(as(msp.admin)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(stage(migration)).isEqualTo(Stage.FINALISING);
        mvc.perform(post("/migrations/" + migration.id() + "/finalise").with(as(MigrationFixtures.OPERATOR)).with(csrf()))
                .andExpect(redirectedUrl("/migrations/" + migration.id()));

        assertThat(stage(migration)).isEqualTo(Stage.COMPLETED);
    }

    @Test
    void cancellingAFinalisingMigrationFromThePageShowsWhyNot() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Cancel page " + UUID.randomUUID(), List.of()));
        msp.verified(migration.id(), msp.approved(migration.id()));

        mvc.perform(post("/migrations/" + migration.id() + "/cancel").with(as(MigrationFixtures.OPERATOR)).with(csrf()))
                .andExpect(redirectedUrl("/migrations/" + migration.id()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", containsString("cannot move to \"Cancelled\"")));
        assertThat(stage(migration)).isEqualTo(Stage.FINALISING);
    }

    private Stage stage(Migration migration) {
        return msp.asOperator(() -> migrations.get(migration.id())).stage();
    }

    private static RequestPostProcessor as(SignedInAdministrator administrator) {
        return MigrationFixtures.signedIn(administrator);
    }
}
