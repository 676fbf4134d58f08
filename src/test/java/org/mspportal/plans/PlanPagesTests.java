package org.mspportal.plans;

import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.TestMsps;
import org.mspportal.DatabaseTest;
import org.mspportal.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Service Plans pages as MSP administrators see and use them. */
@DatabaseTest
@AutoConfigureMockMvc
@Import(CountedCustomers.class)
class PlanPagesTests {

    @Autowired MockMvc mvc;
    @Autowired ServicePlanManagement plans;
    @Autowired CountedCustomers customers;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID provider;
    RequestPostProcessor admin;

    @BeforeEach
    void anMspAdministrator() {
        provider = new TestMsps(jdbc, clock).provider();
        admin = authentication(TestMsps.of(provider, Role.MSP_ADMINISTRATOR));
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void anEmptyListInvitesTheFirstPlan() throws Exception {
        mvc.perform(get("/service-plans").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No service plans yet")))
                .andExpect(content().string(containsString("Create your first service plan")));
    }

    @Test
    void administratorsFindServicePlansInTheNavigation() throws Exception {
        mvc.perform(get("/").with(admin)).andExpect(content().string(containsString("href=\"/service-plans\"")));
    }

    @Test
    void theListShowsEachPlansEditionFrequencyWorkloadsAndCustomers() throws Exception {
        ServicePlan gold = plan("Gold الذهبية", Workload.VMWARE, Workload.MICROSOFT_365);
        customers.onPlan(gold.id(), 7);

        mvc.perform(get("/service-plans").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gold الذهبية")))
                .andExpect(content().string(containsString("Elite")))
                .andExpect(content().string(containsString("Half Yearly")))
                .andExpect(content().string(containsString(">VMware<")))
                .andExpect(content().string(containsString(">Microsoft 365<")))
                .andExpect(content().string(containsString(">7<")))
                .andExpect(content().string(not(containsString("Delete Gold"))));
    }

    @Test
    void theNewPlanFormGroupsTheWorkloads() throws Exception {
        mvc.perform(get("/service-plans/new").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hybrid workloads")))
                .andExpect(content().string(containsString("SaaS apps &amp; endpoints")))
                .andExpect(content().string(containsString("value=\"GOOGLE_WORKSPACE\"")));
    }

    @Test
    void creatingAPlanOnThePageStoresItAndSaysSo() throws Exception {
        mvc.perform(post("/service-plans").param("name", "プレミアム ✨").param("edition", "ENTERPRISE")
                        .param("usageReportFrequency", "YEARLY").param("workloads", "NAS", "ENDPOINTS")
                        .with(csrf()).with(admin))
                .andExpect(redirectedUrl("/service-plans"))
                .andExpect(flash().attribute("notice", containsString("プレミアム ✨")));

        asAdmin();
        assertThat(plans.list(false)).singleElement().satisfies(plan -> {
            assertThat(plan.name()).isEqualTo("プレミアム ✨");
            assertThat(plan.workloads()).containsExactlyInAnyOrder(Workload.NAS, Workload.ENDPOINTS);
        });
    }

    @Test
    void missingNameAndWorkloadsAreShownBesideTheirFieldsAndNothingIsStored() throws Exception {
        mvc.perform(post("/service-plans").param("name", " ").param("edition", "ELITE")
                        .param("usageReportFrequency", "MONTHLY").with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"name-error\"")))
                .andExpect(content().string(containsString("Give the plan a name.")))
                .andExpect(content().string(containsString("id=\"workloads-error\"")))
                .andExpect(content().string(containsString("Choose at least one workload.")));

        assertThat(plansStored()).isZero();
    }

    @Test
    void aDuplicateNameIsShownBesideTheNameAndTheChoicesAreKept() throws Exception {
        plan("Gold", Workload.NAS);

        String page = mvc.perform(post("/service-plans").param("name", "GOLD").param("edition", "ELITE")
                        .param("usageReportFrequency", "MONTHLY").param("workloads", "ORACLE").with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("already have a plan called")))
                .andExpect(content().string(containsString("value=\"GOLD\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("<input[^>]*value=\"ORACLE\"[^>]*checked")
                .doesNotContainPattern("<input[^>]*value=\"NAS\"[^>]*checked");
        assertThat(plansStored()).isEqualTo(1);
    }

    @Test
    void theEditPageShowsTheNameReadOnlyAndSavesTheOtherFields() throws Exception {
        ServicePlan gold = plan("Gold", Workload.NAS);

        mvc.perform(get("/service-plans/{id}/edit", gold.id()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("readonly")))
                .andExpect(content().string(containsString("cannot be changed")))
                .andExpect(content().string(not(containsString("name=\"name\""))));
        mvc.perform(post("/service-plans/{id}", gold.id()).param("edition", "BUSINESS")
                        .param("usageReportFrequency", "QUARTERLY").param("workloads", "ORACLE")
                        .param("version", String.valueOf(gold.version())).with(csrf()).with(admin))
                .andExpect(redirectedUrl("/service-plans"));

        asAdmin();
        assertThat(plans.get(gold.id()).edition()).isEqualTo(Edition.BUSINESS);
        assertThat(plans.get(gold.id()).workloads()).containsExactly(Workload.ORACLE);
    }

    @Test
    void savingAStaleFormSaysSomeoneElseChangedThePlan() throws Exception {
        ServicePlan gold = plan("Gold", Workload.NAS);
        asAdmin();
        plans.update(gold.id(), new UpdateServicePlan(null, Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.NAS), gold.version()));
        TestMsps.actAsNobody();

        mvc.perform(post("/service-plans/{id}", gold.id()).param("edition", "ENTERPRISE")
                        .param("usageReportFrequency", "MONTHLY").param("workloads", "NAS")
                        .param("version", String.valueOf(gold.version())).with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("changed by someone else")))
                .andExpect(content().string(containsString("Reload the plan")));
        asAdmin();
        assertThat(plans.get(gold.id()).edition()).isEqualTo(Edition.BUSINESS);
    }

    @Test
    void archivingRestoringAndDeletingWorkFromTheList() throws Exception {
        ServicePlan gold = plan("Gold", Workload.NAS);

        mvc.perform(post("/service-plans/{id}/archive", gold.id()).with(csrf()).with(admin))
                .andExpect(redirectedUrl("/service-plans"));
        mvc.perform(get("/service-plans").param("archived", "true").with(admin))
                .andExpect(content().string(containsString("Archived")))
                .andExpect(content().string(containsString("Restore Gold")));
        mvc.perform(post("/service-plans/{id}/unarchive", gold.id()).with(csrf()).with(admin))
                .andExpect(redirectedUrl("/service-plans"));
        mvc.perform(post("/service-plans/{id}/delete", gold.id()).with(csrf()).with(admin))
                .andExpect(flash().attribute("notice", containsString("Deleted")));

        assertThat(plansStored()).isZero();
    }

    @Test
    void aPlanInUseIsNotDeletedAndThePageSaysWhy() throws Exception {
        ServicePlan gold = plan("Gold", Workload.NAS);
        customers.onPlan(gold.id(), 1);

        mvc.perform(post("/service-plans/{id}/delete", gold.id()).with(csrf()).with(admin))
                .andExpect(flash().attribute("problem", "This plan has 1 customer; archive it instead."));
        assertThat(plansStored()).isEqualTo(1);
    }

    @Test
    void aReadOnlyAdministratorSeesPlansButNoWriteButtonsAndIsRefusedEveryChange() throws Exception {
        ServicePlan gold = plan("Gold", Workload.NAS);
        RequestPostProcessor readOnly = authentication(TestMsps.of(provider, Role.READ_ONLY_ADMINISTRATOR));

        mvc.perform(get("/service-plans").with(readOnly))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gold")))
                .andExpect(content().string(containsString("Only MSP administrators can create or change")))
                .andExpect(content().string(not(containsString("New Service Plan"))))
                .andExpect(content().string(not(containsString("Edit Gold"))))
                .andExpect(content().string(not(containsString("Archive Gold"))));
        mvc.perform(post("/service-plans").param("name", "Mine").param("edition", "ELITE")
                .param("usageReportFrequency", "MONTHLY").param("workloads", "NAS").with(csrf()).with(readOnly))
                .andExpect(status().isForbidden());
        mvc.perform(post("/service-plans/{id}", gold.id()).param("edition", "BUSINESS")
                .param("usageReportFrequency", "MONTHLY").param("workloads", "NAS").param("version", "0")
                .with(csrf()).with(readOnly)).andExpect(status().isForbidden());
        mvc.perform(post("/service-plans/{id}/archive", gold.id()).with(csrf()).with(readOnly))
                .andExpect(status().isForbidden());
        mvc.perform(post("/service-plans/{id}/delete", gold.id()).with(csrf()).with(readOnly))
                .andExpect(status().isForbidden());

        asAdmin();
        assertThat(plans.get(gold.id())).satisfies(plan -> {
            assertThat(plan.edition()).isEqualTo(Edition.ELITE);
            assertThat(plan.archived()).isFalse();
        });
        assertThat(plansStored()).isEqualTo(1);
    }

    @Test
    void anotherMspsPlanIsNotFoundOnEveryPage() throws Exception {
        ServicePlan theirs = plan("Theirs", Workload.NAS);
        RequestPostProcessor other = authentication(TestMsps.of(new TestMsps(jdbc, clock).provider(),
                Role.MSP_ADMINISTRATOR));

        mvc.perform(get("/service-plans/{id}/edit", theirs.id()).with(other)).andExpect(status().isNotFound());
        mvc.perform(post("/service-plans/{id}/archive", theirs.id()).with(csrf()).with(other))
                .andExpect(status().isNotFound());
        mvc.perform(post("/service-plans/{id}/delete", theirs.id()).with(csrf()).with(other))
                .andExpect(status().isNotFound());
        mvc.perform(get("/service-plans").with(other)).andExpect(content().string(not(containsString("Theirs"))));
        assertThat(plansStored()).isEqualTo(1);
    }

    private ServicePlan plan(String name, Workload first, Workload... more) {
        asAdmin();
        try {
            return plans.create(new CreateServicePlan(name, Edition.ELITE, UsageReportFrequency.HALF_YEARLY,
                    EnumSet.of(first, more)));
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private void asAdmin() {
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
    }

    private long plansStored() {
        return jdbc.sql("SELECT COUNT(*) FROM service_plan WHERE provider_id = :provider").param("provider", provider)
                .query(Long.class).single();
    }
}
