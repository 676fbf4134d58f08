package org.mspportal.customers;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
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

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The "Access tenant console" button and the development stand-in that receives the handover. */
@DatabaseTest
@AutoConfigureMockMvc
class TenantConsolePagesTests {

    @Autowired MockMvc mvc;
    @Autowired TenantConsoleHandover handover;
    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID provider;
    UUID customer;
    RequestPostProcessor admin;

    @BeforeEach
    void aCustomerOfAnMsp() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        UUID plan = plans.create(new CreateServicePlan("Gold", Edition.ELITE, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.VMWARE))).id();
        CustomerManagementTests.Draft draft = new CustomerManagementTests.Draft(LocalDate.now(clock));
        draft.name = "شركة النسخ";
        customer = customers.register(draft.build(provider, plan)).id();
        admin = authentication(TestMsps.of(provider, Role.MSP_ADMINISTRATOR));
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void openingTheConsoleNeedsTheFormsCsrfToken() throws Exception {
        mvc.perform(post("/customers/{id}/tenant-console", customer).with(admin)).andExpect(status().isForbidden());
    }

    @Test
    void openingTheConsoleAnswersAPageThatForwardsToTheConsoleAndIsNeverCached() throws Exception {
        mvc.perform(post("/customers/{id}/tenant-console", customer).with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("data-follow-on-load")))
                .andExpect(content().string(containsString("/dev/tenant-console?token=ey")));
    }

    @Test
    void anotherMspsCustomerIsNotFound() throws Exception {
        mvc.perform(post("/customers/{id}/tenant-console", customer).with(csrf())
                        .with(authentication(TestMsps.of(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theStandInLetsAValidTokenInOnceWithoutAPortalSession() throws Exception {
        String token = freshToken();

        mvc.perform(get("/dev/tenant-console").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("شركة النسخ")));
        mvc.perform(get("/dev/tenant-console").param("token", token)).andExpect(status().isUnauthorized());
    }

    @Test
    void theStandInRefusesAnExpiredToken() throws Exception {
        String token = freshToken();
        ((TestClock) clock).advance(Duration.ofMinutes(2));

        mvc.perform(get("/dev/tenant-console").param("token", token)).andExpect(status().isUnauthorized());
    }

    @Test
    void theStandInRefusesATamperedOrMissingToken() throws Exception {
        String token = freshToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        mvc.perform(get("/dev/tenant-console").param("token", tampered)).andExpect(status().isUnauthorized());
        mvc.perform(get("/dev/tenant-console")).andExpect(status().isUnauthorized());
    }

    private String freshToken() {
        return TenantConsoleHandoverTests.tokenIn(handover.handOver(customer));
    }
}
