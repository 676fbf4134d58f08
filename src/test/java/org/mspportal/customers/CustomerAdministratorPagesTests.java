package org.mspportal.customers;

import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.ServicePlanManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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

/** The page of a customer's tenant administrators, as each role sees and uses it. */
@DatabaseTest
@AutoConfigureMockMvc
class CustomerAdministratorPagesTests {

    private static final String CUSTOMER_NAME = "株式会社サンプル 🚀 Café\u0301";

    @Autowired MockMvc mvc;
    @Autowired CustomerManagement customers;
    @Autowired CustomerAssignments assignments;
    @Autowired ServicePlanManagement plans;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    TestMsps msps;
    UUID provider;
    SignedInAdministrator mspAdministrator;
    SignedInAdministrator tenantAdministrator;
    Customer customer;
    String page;

    @BeforeEach
    void anMspWithACustomerAndATenantAdministrator() {
        msps = new TestMsps(jdbc, clock);
        provider = msps.provider();
        mspAdministrator = msps.stored(provider, Role.MSP_ADMINISTRATOR);
        tenantAdministrator = msps.stored(provider, Role.TENANT_ADMINISTRATOR);
        TestMsps.actAs(mspAdministrator);
        customer = new TestCustomers(plans, customers, clock).registered(CUSTOMER_NAME);
        TestMsps.actAsNobody();
        page = "/customers/" + customer.id() + "/administrators";
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void withoutTenantAdministratorsThePageSendsToTheAdministratorsPage() throws Exception {
        SignedInAdministrator alone = msps.stored(msps.provider(), Role.MSP_ADMINISTRATOR);
        TestMsps.actAs(alone);
        Customer theirs = new TestCustomers(plans, customers, clock).registered("Solo");
        TestMsps.actAsNobody();

        mvc.perform(get("/customers/{id}/administrators", theirs.id()).with(as(alone)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No tenant administrators yet")))
                .andExpect(content().string(containsString("href=\"/administrators\"")))
                .andExpect(content().string(not(containsString("name=\"accountId\""))));
    }

    @Test
    void thePageOffersTheUnassignedTenantAdministratorsAndNamesTheCustomerInAnyScript() throws Exception {
        mvc.perform(get(page).with(as(mspAdministrator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(Normalizer.normalize(CUSTOMER_NAME, Normalizer.Form.NFC))))
                .andExpect(content().string(containsString("No tenant administrator assigned")))
                .andExpect(content().string(containsString("value=\"" + tenantAdministrator.accountId() + "\"")))
                .andExpect(content().string(not(containsString("value=\"" + mspAdministrator.accountId() + "\""))));
    }

    @Test
    void assigningOnThePageListsTheAdministratorWithTheirUnicodeAddress() throws Exception {
        SignedInAdministrator unicode = msps.stored(provider, Role.TENANT_ADMINISTRATOR);
        String email = "ユーザー.مدير+" + unicode.accountId() + "@例え.jp";
        jdbc.sql("UPDATE account SET email = :email WHERE id = :id").param("email", email)
                .param("id", unicode.accountId()).update();

        mvc.perform(post(page).param("accountId", unicode.accountId().toString()).with(csrf()).with(as(mspAdministrator)))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("notice", containsString(email)));
        mvc.perform(get(page).with(as(mspAdministrator)))
                .andExpect(content().string(containsString(email)))
                .andExpect(content().string(containsString("Remove " + email)))
                .andExpect(content().string(containsString(mspAdministrator.email())));
    }

    @Test
    void aRefusedAssignmentIsShownAtTheFieldAndNothingIsStored() throws Exception {
        mvc.perform(post(page).param("accountId", mspAdministrator.accountId().toString()).with(csrf())
                        .with(as(mspAdministrator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accountId-error\"")))
                .andExpect(content().string(containsString("already sees every customer")));
        mvc.perform(post(page).with(csrf()).with(as(mspAdministrator)))
                .andExpect(content().string(containsString("Choose a tenant administrator.")));

        assertThat(assignedCount()).isZero();
    }

    @Test
    void removingOnThePageEndsTheAssignment() throws Exception {
        assign(tenantAdministrator);

        mvc.perform(post(page + "/" + tenantAdministrator.accountId() + "/remove").with(csrf()).with(as(mspAdministrator)))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("notice", containsString("Removed " + tenantAdministrator.email())));

        assertThat(assignedCount()).isZero();
    }

    @Test
    void aReadOnlyAdministratorSeesWhoIsAssignedButNoControlsAndIsRefusedChanges() throws Exception {
        assign(tenantAdministrator);
        SignedInAdministrator reader = msps.stored(provider, Role.READ_ONLY_ADMINISTRATOR);

        mvc.perform(get(page).with(as(reader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tenantAdministrator.email())))
                .andExpect(content().string(containsString("Only MSP administrators can assign")))
                .andExpect(content().string(not(containsString("name=\"accountId\""))))
                .andExpect(content().string(not(containsString("Remove " + tenantAdministrator.email()))));
        expectRefusedChanges(reader);
    }

    @Test
    void aTenantAdministratorIsRefusedThePagesChanges() throws Exception {
        assign(tenantAdministrator);

        mvc.perform(get(page).with(as(tenantAdministrator))).andExpect(status().isOk());
        expectRefusedChanges(tenantAdministrator);
    }

    @Test
    void aTenantAdministratorDoesNotFindThePageOfACustomerNotAssignedToThem() throws Exception {
        mvc.perform(get(page).with(as(tenantAdministrator))).andExpect(status().isNotFound());
    }

    @Test
    void anotherMspsCustomerIsNotFoundOnThePageAndItsForms() throws Exception {
        SignedInAdministrator stranger = msps.stored(msps.provider(), Role.MSP_ADMINISTRATOR);

        mvc.perform(get(page).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(post(page).param("accountId", tenantAdministrator.accountId().toString()).with(csrf())
                .with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(post(page + "/" + tenantAdministrator.accountId() + "/remove").with(csrf()).with(as(stranger)))
                .andExpect(status().isNotFound());
        assertThat(assignedCount()).isZero();
    }

    @Test
    void changesWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post(page).param("accountId", tenantAdministrator.accountId().toString())
                .with(as(mspAdministrator))).andExpect(status().isForbidden());
        assign(tenantAdministrator);
        mvc.perform(post(page + "/" + tenantAdministrator.accountId() + "/remove").with(as(mspAdministrator)))
                .andExpect(status().isForbidden());

        assertThat(assignedCount()).isEqualTo(1);
    }

    // --- helpers -------------------------------------------------------------------------------

    private void expectRefusedChanges(SignedInAdministrator caller) throws Exception {
        SignedInAdministrator another = msps.stored(provider, Role.TENANT_ADMINISTRATOR);
        mvc.perform(post(page).param("accountId", another.accountId().toString()).with(csrf()).with(as(caller)))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/" + tenantAdministrator.accountId() + "/remove").with(csrf()).with(as(caller)))
                .andExpect(status().isForbidden());
        assertThat(assignedCount()).isEqualTo(1);
    }

    private void assign(SignedInAdministrator administrator) {
        TestMsps.actAs(mspAdministrator);
        try {
            assignments.assign(customer.id(), administrator.accountId());
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private long assignedCount() {
        return jdbc.sql("SELECT COUNT(*) FROM customer_administrator WHERE customer_id = :id")
                .param("id", customer.id()).query(Long.class).single();
    }

    private static RequestPostProcessor as(SignedInAdministrator administrator) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(administrator, null,
                List.of(new SimpleGrantedAuthority(administrator.role().authority()))));
    }
}
