package org.mspportal.customers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
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
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With a real console configured, the handover goes there, and the console can check it with the shared key. */
@DatabaseTest(properties = {
        "portal.tenant-console.url=https://console.example.com/handover",
        "portal.tenant-console.signing-key=" + ConfiguredTenantConsoleTests.KEY})
@AutoConfigureMockMvc
class ConfiguredTenantConsoleTests {

    static final String KEY = "c2hhcmVkLXdpdGgtdGhlLXRlbmFudC1jb25zb2xlLTI1Ni1iaXRz";

    @Autowired TenantConsoleHandover handover;
    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void theHandoverGoesToTheConfiguredConsoleWithATokenItCanVerifyWithTheSharedKey() {
        UUID provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        UUID plan = plans.create(new CreateServicePlan("Gold", Edition.ELITE, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.VMWARE))).id();
        UUID customer = customers.register(new CustomerManagementTests.Draft(LocalDate.now(clock))
                .build(provider, plan)).id();

        java.net.URI address = handover.handOver(customer);

        assertThat(address.toString()).startsWith("https://console.example.com/handover?token=");
        // What the console does, with nothing of the portal but the key.
        NimbusJwtDecoder console = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(Base64.getDecoder().decode(KEY),
                "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build();
        Jwt token = console.decode(TenantConsoleHandoverTests.tokenIn(address));
        assertThat(token.getSubject()).isEqualTo(customer.toString());
    }

    @Test
    void theDevelopmentStandInIsGone() throws Exception {
        mvc.perform(get("/dev/tenant-console").param("token", "x")).andExpect(status().is3xxRedirection());
    }
}
