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
import org.mspportal.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** "Access tenant console": the address, the token it carries, and the audit entry it leaves. */
@DatabaseTest
class TenantConsoleHandoverTests {

    @Autowired TenantConsoleHandover handover;
    @Autowired TenantConsoleTokens tokens;
    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID provider;
    Customer customer;

    @BeforeEach
    void aCustomerOfAnMsp() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        UUID plan = plans.create(new CreateServicePlan("Gold", Edition.ELITE, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.VMWARE))).id();
        CustomerManagementTests.Draft draft = new CustomerManagementTests.Draft(LocalDate.now(clock));
        draft.name = "株式会社テスト 🚀";
        customer = customers.register(draft.build(provider, plan));
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void withoutAConfiguredConsoleTheHandoverGoesToTheDevelopmentStandIn() {
        assertThat(handover.handOver(customer.id()).toString()).startsWith("/dev/tenant-console?token=");
    }

    @Test
    void theTokenNamesTheCustomerTheMspAndTheAdministratorWithTheirRole() {
        Jwt token = tokens.verify(tokenIn(handover.handOver(customer.id())));

        assertThat(token.getSubject()).isEqualTo(customer.id().toString());
        assertThat(token.getClaimAsString("tenant_name")).isEqualTo("株式会社テスト 🚀");
        assertThat(token.getClaimAsString("msp")).isEqualTo(provider.toString());
        assertThat(token.getClaimAsString("admin")).endsWith("@msp.example");
        assertThat(token.getClaimAsString("role")).isEqualTo("MSP_ADMINISTRATOR");
        assertThat(token.getAudience()).containsExactly("tenant-console");
    }

    @Test
    void theTokenIsRefusedOnceItsMinuteIsOver() {
        String token = tokenIn(handover.handOver(customer.id()));

        ((TestClock) clock).advance(Duration.ofSeconds(61));

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> tokens.verify(token));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        TenantConsoleTokens otherKey = new TenantConsoleTokens(new TenantConsoleSettings(null, null, null), clock);
        String forged = otherKey.mint(new TenantConsoleTokens.Handover("http://evil.example", customer.id(), "x",
                provider, "mallory@evil.example", "MSP_ADMINISTRATOR"), clock.instant()).getTokenValue();

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> tokens.verify(forged));
    }

    @Test
    void everyHandoverIsAuditedWithTheTokensIdButNotTheToken() {
        String token = tokenIn(handover.handOver(customer.id()));

        String details = jdbc.sql("SELECT details FROM audit_entry WHERE object_id = :id AND action = :action")
                .param("id", customer.id().toString()).param("action", "customer.console-opened")
                .query(String.class).single();
        assertThat(details).contains(tokens.verify(token).getId()).doesNotContain(token);
    }

    @Test
    void anotherMspsCustomerIsNotFoundAndNothingIsAudited() {
        TestMsps.actAs(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);

        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> handover.handOver(customer.id()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'customer.console-opened'"
                + " AND object_id = :id").param("id", customer.id().toString()).query(Long.class).single()).isZero();
    }

    @Test
    void aReadOnlyAdministratorMayOpenTheConsoleAndTheTokenSaysSo() {
        TestMsps.actAs(provider, Role.READ_ONLY_ADMINISTRATOR);

        Jwt token = tokens.verify(tokenIn(handover.handOver(customer.id())));

        assertThat(token.getClaimAsString("role")).isEqualTo("READ_ONLY_ADMINISTRATOR");
    }

    static String tokenIn(java.net.URI address) {
        return UriComponentsBuilder.fromUri(address).build().getQueryParams().getFirst("token");
    }
}
