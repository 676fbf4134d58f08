package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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

/** The Storage regions page as MSP administrators see and use it. */
@DatabaseTest
@AutoConfigureMockMvc
class StorageRegionPagesTests {

    @Autowired MockMvc mvc;
    @Autowired StorageRegionManagement regions;
    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;
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
    void thePageListsTheDeploymentsRegionsWithTheirIdsAndCustomers() throws Exception {
        customerIn("eu-central-1");

        String page = mvc.perform(get("/storage-regions").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You offer 6 of 6 regions.")))
                .andExpect(content().string(containsString("Europe (Frankfurt)")))
                .andExpect(content().string(containsString("<code>eu-central-1</code>")))
                .andExpect(content().string(containsString("aria-label=\"Switch off Europe (Frankfurt)\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("eu-central-1</code>(?s:.)*?customer-count\">1<");
    }

    @Test
    void switchingARegionOffAndOnFromThePageChangesWhatIsOffered() throws Exception {
        mvc.perform(post("/storage-regions/{id}/disable", "eu-west-1").with(csrf()).with(admin))
                .andExpect(redirectedUrl("/storage-regions"))
                .andExpect(flash().attribute("notice", containsString("Europe (Ireland) is switched off")));
        assertThat(offered()).doesNotContain("eu-west-1");
        mvc.perform(get("/storage-regions").with(admin))
                .andExpect(content().string(containsString("You offer 5 of 6 regions.")))
                .andExpect(content().string(containsString("aria-label=\"Switch on Europe (Ireland)\"")));

        mvc.perform(post("/storage-regions/{id}/enable", "eu-west-1").with(csrf()).with(admin))
                .andExpect(redirectedUrl("/storage-regions"))
                .andExpect(flash().attribute("notice", containsString("Europe (Ireland)")));
        assertThat(offered()).contains("eu-west-1");
    }

    @Test
    void aRegionInUseStaysOnAndThePageSaysWhy() throws Exception {
        customerIn("eu-central-1");

        mvc.perform(post("/storage-regions/{id}/disable", "eu-central-1").with(csrf()).with(admin))
                .andExpect(redirectedUrl("/storage-regions"))
                .andExpect(flash().attribute("problem", "Europe (Frankfurt) cannot be switched off: 1 customer stores "
                        + "backups there. Move it to another region first."));
        assertThat(offered()).contains("eu-central-1");
    }

    @Test
    void aSwitchPostedWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/storage-regions/{id}/disable", "eu-west-1").with(admin))
                .andExpect(status().isForbidden());
        assertThat(offered()).contains("eu-west-1");
    }

    @Test
    void aReadOnlyAdministratorSeesTheRegionsWithoutSwitchesAndIsRefusedEveryChange() throws Exception {
        RequestPostProcessor readOnly = authentication(TestMsps.of(provider, Role.READ_ONLY_ADMINISTRATOR));

        mvc.perform(get("/storage-regions").with(readOnly))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Europe (Ireland)")))
                .andExpect(content().string(containsString("Only MSP administrators can switch regions")))
                .andExpect(content().string(not(containsString("Switch off"))));
        mvc.perform(post("/storage-regions/{id}/disable", "eu-west-1").with(csrf()).with(readOnly))
                .andExpect(status().isForbidden());
        assertThat(offered()).contains("eu-west-1");
    }

    private java.util.List<String> offered() {
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        try {
            return customers.storageRegions().stream().map(StorageRegion::id).toList();
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private void customerIn(String region) {
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        try {
            UUID plan = plans.create(new CreateServicePlan("Gold", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                    EnumSet.of(Workload.NAS))).id();
            LocalDate today = LocalDate.now(clock);
            customers.register(new RegisterCustomer("Acme", null, null, null, plan, null, region, BigDecimal.TEN,
                    today, today.plusYears(1), today.plusYears(1)));
        } finally {
            TestMsps.actAsNobody();
        }
    }
}
