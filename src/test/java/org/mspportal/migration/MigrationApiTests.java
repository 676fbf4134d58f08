package org.mspportal.migration;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.ServicePlanManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Migrations through {@code /api/v1/migrations}, as an MSP's integration would use them. */
@DatabaseTest
@AutoConfigureMockMvc
class MigrationApiTests {

    private static final String MIGRATIONS = "/api/v1/migrations";

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
    void theMspListsItsOwnMigrationsNewestFirstAndByStage() throws Exception {
        Migration waiting = msp.raised(msp.hybridAccount("Waiting " + UUID.randomUUID(), List.of()));
        clock.advance(Duration.ofMinutes(1));
        Migration nominated = msp.raised(msp.saasAccount("Nominated " + UUID.randomUUID(), List.of()));
        msp.nominated(nominated.id());

        mvc.perform(get(MIGRATIONS).with(as(msp.admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[*].reference", contains(nominated.reference(), waiting.reference())));
        mvc.perform(get(MIGRATIONS).param("stage", "ACTION_REQUIRED").with(as(msp.admin)))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(waiting.id().toString()))
                .andExpect(jsonPath("$.items[0].stageLabel").value("Action required"));
    }

    @Test
    void migrationsAreFoundByTheirAccountsNameOrTheStartOfTheirReference() throws Exception {
        Migration wanted = msp.raised(msp.saasAccount("Café Ωμέγα " + UUID.randomUUID(), List.of()));
        Migration other = msp.raised(msp.saasAccount("Other " + UUID.randomUUID(), List.of()));

        mvc.perform(get(MIGRATIONS).param("q", "CAFÉ ωΜΈΓΑ").with(as(msp.admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(wanted.id().toString()));
        mvc.perform(get(MIGRATIONS).param("q", other.reference().substring(0, 8)).with(as(msp.admin)))
                .andExpect(jsonPath("$.items[*].id", contains(other.id().toString())));
    }

    @Test
    void aMigrationIsReadWithWhoMustActItsLicensedProductsAndHistory() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("株式会社サンプル 🚀", List.of()));

        mvc.perform(get(MIGRATIONS + "/{id}", migration.id()).with(as(msp.admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountName").value("株式会社サンプル 🚀"))
                .andExpect(jsonPath("$.stage").value("ACTION_REQUIRED"))
                .andExpect(jsonPath("$.whoActs", containsString("nominate the customer's cloud administrator")))
                .andExpect(jsonPath("$.needsFinalising").value(true))
                .andExpect(jsonPath("$.licensedProducts[*].product", contains("HYBRID_WORKLOADS", "MICROSOFT_365")))
                .andExpect(jsonPath("$.licensedProducts[0].edition").value("ENTERPRISE"))
                .andExpect(jsonPath("$.licensedProducts[0].workloads", containsInAnyOrder("VMWARE", "NAS")))
                .andExpect(jsonPath("$.history[0].to").value("ACTION_REQUIRED"))
                .andExpect(jsonPath("$.history[0].actor").value(MigrationFixtures.OPERATOR.email()));
    }

    @Test
    void anotherMspsMigrationIsNotFoundNotListedAndCannotBeNominated() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Theirs " + UUID.randomUUID(), List.of()));
        RequestPostProcessor stranger = authentication(TestMsps.of(new TestMsps(jdbc, clock).provider(),
                Role.MSP_ADMINISTRATOR));

        mvc.perform(get(MIGRATIONS + "/{id}", migration.id()).with(stranger))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get(MIGRATIONS).with(stranger)).andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(post(MIGRATIONS + "/{id}/nomination", migration.id()).with(stranger)
                        .contentType(MediaType.APPLICATION_JSON).content(nomination(msp.handler.accountId())))
                .andExpect(status().isNotFound());
        assertThat(stageOf(migration)).isEqualTo(Stage.ACTION_REQUIRED);
    }

    @Test
    void nominatingMovesToCustomerApprovalAndTellsTheHandlerTheMigrationIsComing() throws Exception {
        Migration migration = msp.raised(msp.saasAccount("Nominate " + UUID.randomUUID(), List.of()));

        mvc.perform(post(MIGRATIONS + "/{id}/nomination", migration.id()).with(as(msp.admin))
                        .contentType(MediaType.APPLICATION_JSON).content(nomination(msp.handler.accountId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("CUSTOMER_APPROVAL"))
                .andExpect(jsonPath("$.handlerEmail").value(msp.handler.email()))
                .andExpect(jsonPath("$.cloudAdministratorEmail").value("cloud-admin@customer.example"));

        assertThat(msp.approvalToken()).isNotBlank();
        assertThat(msp.mailbox.latestTo(msp.handler.email()).subject()).startsWith("You will handle the migration");
        assertThat(msp.mailbox.latestTo(msp.handler.email()).text()).contains(migration.reference());
    }

    @Test
    void aNominationIsRefusedNamingEveryInvalidField() throws Exception {
        Migration migration = msp.raised(msp.saasAccount("Invalid " + UUID.randomUUID(), List.of()));

        mvc.perform(post(MIGRATIONS + "/{id}/nomination", migration.id()).with(as(msp.admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cloudAdministratorEmail\": \"not an address\", \"handlerAccountId\": \"1-2-3\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", contains("handlerAccountId", "cloudAdministratorEmail")));
        assertThat(stageOf(migration)).isEqualTo(Stage.ACTION_REQUIRED);
    }

    @Test
    void nominatingAMigrationPastActionRequiredIsAConflict() throws Exception {
        Migration migration = msp.raised(msp.saasAccount("Twice " + UUID.randomUUID(), List.of()));
        msp.nominated(migration.id());

        mvc.perform(post(MIGRATIONS + "/{id}/nomination", migration.id()).with(as(msp.admin))
                        .contentType(MediaType.APPLICATION_JSON).content(nomination(msp.handler.accountId())))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("\"Customer approval\"")))
                .andExpect(jsonPath("$.stage").value("CUSTOMER_APPROVAL"));
    }

    @Test
    void aNominationRetriedWithItsIdempotencyKeyGetsTheFirstAnswerInsteadOfAConflict() throws Exception {
        Migration migration = msp.raised(msp.saasAccount("Retry " + UUID.randomUUID(), List.of()));

        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post(MIGRATIONS + "/{id}/nomination", migration.id()).with(as(msp.admin))
                            .header("Idempotency-Key", "nominate-" + migration.id())
                            .contentType(MediaType.APPLICATION_JSON).content(nomination(msp.handler.accountId())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.stage").value("CUSTOMER_APPROVAL"));
        }
        assertThat(msp.mailbox.to("cloud-admin@customer.example").stream()
                .filter(mail -> mail.subject().contains(migration.accountName()))).hasSize(1);
    }

    @Test
    void aReadOnlyKeyReadsMigrationsButCannotNominate(@Autowired ApiKeyManagement keys) throws Exception {
        Migration migration = msp.raised(msp.saasAccount("Keys " + UUID.randomUUID(), List.of()));
        String reader = msp.as(msp.admin, () -> keys.create("Reporting", EnumSet.of(ApiKeyScope.READ)).secret());

        mvc.perform(get(MIGRATIONS + "/{id}", migration.id()).header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk());
        mvc.perform(post(MIGRATIONS + "/{id}/nomination", migration.id()).header("Authorization", "Bearer " + reader)
                        .contentType(MediaType.APPLICATION_JSON).content(nomination(msp.handler.accountId())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(stageOf(migration)).isEqualTo(Stage.ACTION_REQUIRED);
    }

    @Test
    void aWriteKeyNominates(@Autowired ApiKeyManagement keys) throws Exception {
        Migration migration = msp.raised(msp.saasAccount("Write key " + UUID.randomUUID(), List.of()));
        String writer = msp.as(msp.admin, () -> keys.create("Provisioning", EnumSet.of(ApiKeyScope.WRITE)).secret());

        mvc.perform(post(MIGRATIONS + "/{id}/nomination", migration.id()).header("Authorization", "Bearer " + writer)
                        .contentType(MediaType.APPLICATION_JSON).content(nomination(msp.handler.accountId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("CUSTOMER_APPROVAL"));
    }

    @Test
    void planChoicesMarkThePlansCoveringTheLicence() throws Exception {
        Migration migration = msp.raised(msp.hybridAccount("Plans " + UUID.randomUUID(), List.of()));

        mvc.perform(get(MIGRATIONS + "/{id}/plan-choices", migration.id()).with(as(msp.admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.plan.id == '" + msp.everyWorkloadPlan + "')].compatible")
                        .value(contains(true)));
    }

    @Test
    void theHandlerVerifiesWithTheEmailedTokenAndASaasOnlyMigrationCompletes() throws Exception {
        Migration migration = msp.raised(msp.saasAccount("Verify " + UUID.randomUUID(), List.of()));
        String token = msp.approved(migration.id());

        mvc.perform(post(MIGRATIONS + "/{id}/verification", migration.id()).with(as(msp.handler))
                        .contentType(MediaType.APPLICATION_JSON).content(verification(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("COMPLETED"))
                .andExpect(jsonPath("$.customerId").isString())
                .andExpect(jsonPath("$.selectedPlanId").value(msp.everyWorkloadPlan.toString()));
    }

    @Test
    void aVerificationWithAnExpiredTokenIsRefusedOnTheTokenAndNothingMoves() throws Exception {
        Migration migration = msp.raised(msp.saasAccount("Expired " + UUID.randomUUID(), List.of()));
        String token = msp.approved(migration.id());
        clock.advance(Duration.ofDays(30));

        mvc.perform(post(MIGRATIONS + "/{id}/verification", migration.id()).with(as(msp.handler))
                        .contentType(MediaType.APPLICATION_JSON).content(verification(token)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("token"))
                .andExpect(jsonPath("$.detail", containsString("expired")));
        assertThat(stageOf(migration)).isEqualTo(Stage.MSP_VERIFICATION);
    }

    @Test
    void aVerificationWithoutItsFieldsIsRefusedNamingEachOne() throws Exception {
        Migration migration = msp.raised(msp.saasAccount("Empty " + UUID.randomUUID(), List.of()));
        msp.approved(migration.id());

        mvc.perform(post(MIGRATIONS + "/{id}/verification", migration.id()).with(as(msp.handler))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"creditQuota\": \"lots\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field",
                        contains("token", "servicePlanId", "storageRegion", "creditQuota")));
    }

    @Test
    void theOpenApiDocumentDescribesTheMigrationsPathsAndTheirBodies() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/migrations'].get.parameters[*].name", hasItem("stage")))
                .andExpect(jsonPath("$.paths['/api/v1/migrations/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/migrations/{id}/plan-choices'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/migrations/{id}/nomination'].post.requestBody.content"
                        + "['application/json'].schema.$ref", containsString("NominationBody")))
                .andExpect(jsonPath("$.paths['/api/v1/migrations/{id}/verification'].post").exists());
    }

    private Stage stageOf(Migration migration) {
        return msp.asOperator(() -> migrations.get(migration.id())).stage();
    }

    private String nomination(UUID handler) {
        return "{\"cloudAdministratorEmail\": \"cloud-admin@customer.example\", \"handlerAccountId\": \"" + handler
                + "\"}";
    }

    private String verification(String token) {
        return "{\"token\": \"" + token + "\", \"servicePlanId\": \"" + msp.everyWorkloadPlan
                + "\", \"storageRegion\": \"us-east-1\", \"creditQuota\": 100}";
    }

    private static RequestPostProcessor as(SignedInAdministrator administrator) {
        return MigrationFixtures.signedIn(administrator);
    }
}
