package org.mspportal.webhooks;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Webhooks pages as MSP, read-only and tenant administrators use them. */
@DatabaseTest
@AutoConfigureMockMvc
class WebhookPagesTests {

    /** Loopback, and nothing listens on the discard port: a delivery here is refused at once, never sent anywhere. */
    static final String URL = "http://127.0.0.1:9/hooks";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired WebhookManagement webhooks;
    @Autowired WebhookDeliveries deliveries;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    WebhookFixtures msp;
    RequestPostProcessor admin;
    RequestPostProcessor readOnly;

    @BeforeEach
    void anMspWithAdministrators() {
        msp = new WebhookFixtures(jdbc, clock, webhooks, events, transactions);
        admin = authentication(TestMsps.of(msp.provider, Role.MSP_ADMINISTRATOR));
        readOnly = authentication(TestMsps.of(msp.provider, Role.READ_ONLY_ADMINISTRATOR));
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void anEmptyListSaysWhatEndpointsAreFor() throws Exception {
        mvc.perform(get("/webhooks").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No webhook endpoints yet")));
    }

    @Test
    void addingAnEndpointShowsItsSigningSecretOnceAndAuditsIt() throws Exception {
        String page = mvc.perform(post("/webhooks").param("url", "https://psa.example.com/hooks/msp")
                        .param("description", "Ticketing").param("eventTypes", "ALERT_RAISED").param("enabled", "true")
                        .with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).containsPattern("whsec_[A-Za-z0-9+/]{43}=").contains("It will not be shown again");
        mvc.perform(get("/webhooks").with(readOnly))
                .andExpect(content().string(containsString("https://psa.example.com/hooks/msp")))
                .andExpect(content().string(containsString("alert.raised")))
                .andExpect(content().string(not(containsString("whsec_"))));
        assertThat(auditActions()).containsExactly("webhook-endpoint.created");
    }

    @Test
    void aPlainHttpUrlIsRefusedAtItsFieldAndWhatWasTypedIsKept() throws Exception {
        mvc.perform(post("/webhooks").param("url", "http://psa.example.com/hooks").param("description", "Über-PSA")
                        .param("eventTypes", "CUSTOMER_CHANGED").param("enabled", "true").with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"url-error\"")))
                .andExpect(content().string(containsString("Use an https:// address")))
                .andExpect(content().string(containsString("value=\"http://psa.example.com/hooks\"")))
                .andExpect(content().string(containsString("value=\"Über-PSA\"")));
        assertThat(webhooksOfMsp()).isZero();
    }

    @Test
    void anEndpointWithoutEventTypesIsRefused() throws Exception {
        mvc.perform(post("/webhooks").param("url", "https://psa.example.com/hooks").with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"eventTypes-error\"")))
                .andExpect(content().string(containsString("Choose at least one event type.")));
    }

    @Test
    void anotherMspsEndpointIsNotFound() throws Exception {
        WebhookFixtures other = new WebhookFixtures(jdbc, clock, webhooks, events, transactions);
        UUID theirs = other.endpoint(URL).endpoint().id();

        mvc.perform(get("/webhooks/{id}", theirs).with(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/webhooks/{id}/edit", theirs).with(admin)).andExpect(status().isNotFound());
        mvc.perform(post("/webhooks/{id}/delete", theirs).with(csrf()).with(admin)).andExpect(status().isNotFound());
        mvc.perform(post("/webhooks/{id}/rotate-secret", theirs).with(csrf()).with(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/webhooks").with(admin)).andExpect(content().string(not(containsString(theirs.toString()))));
    }

    @Test
    void editingAnEndpointKeepsTheChangeAndAuditsIt() throws Exception {
        WebhookEndpoint endpoint = msp.endpoint(URL).endpoint();

        mvc.perform(post("/webhooks/{id}", endpoint.id()).param("url", "https://chat.example.com/in")
                        .param("description", "Chat").param("eventTypes", "CUSTOMER_CHANGED")
                        .param("version", String.valueOf(endpoint.version())).with(csrf()).with(admin))
                .andExpect(redirectedUrl("/webhooks"));

        TestMsps.actAs(msp.provider, Role.MSP_ADMINISTRATOR);
        WebhookEndpoint saved = webhooks.get(endpoint.id());
        assertThat(saved.url()).isEqualTo("https://chat.example.com/in");
        assertThat(saved.eventTypes()).containsExactly(WebhookEventType.CUSTOMER_CHANGED);
        assertThat(saved.enabled()).isFalse();
        assertThat(auditActions()).containsExactly("webhook-endpoint.created", "webhook-endpoint.updated");
    }

    @Test
    void aStaleEditIsRefusedAndKeepsWhatWasTyped() throws Exception {
        WebhookEndpoint endpoint = msp.endpoint(URL).endpoint();

        mvc.perform(post("/webhooks/{id}", endpoint.id()).param("url", "https://chat.example.com/in")
                        .param("eventTypes", "CUSTOMER_CHANGED").param("version", "7").with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("changed by someone else")))
                .andExpect(content().string(containsString("value=\"https://chat.example.com/in\"")));
    }

    @Test
    void deletingAnEndpointRemovesItWithItsDeliveries() throws Exception {
        UUID endpoint = msp.endpoint(URL).endpoint().id();
        msp.alertRaised();

        mvc.perform(post("/webhooks/{id}/delete", endpoint).with(csrf()).with(admin)).andExpect(redirectedUrl("/webhooks"));

        assertThat(webhooksOfMsp()).isZero();
        assertThat(deliveries.countOf(endpoint)).isZero();
        assertThat(auditActions()).contains("webhook-endpoint.deleted");
    }

    @Test
    void rotatingTheSecretShowsANewOneOnceAndAuditsIt() throws Exception {
        NewSigningSecret created = msp.endpoint(URL);

        String page = mvc.perform(post("/webhooks/{id}/rotate-secret", created.endpoint().id()).with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("New signing secret").containsPattern("whsec_[A-Za-z0-9+/]{43}=")
                .doesNotContain(created.secret());
        assertThat(auditActions()).contains("webhook-endpoint.secret-rotated");
    }

    @Test
    void aTestEventIsQueuedForThatEndpointAndListedWithItsDeliveries() throws Exception {
        UUID endpoint = msp.endpoint(URL, EnumSet.of(WebhookEventType.ALERT_RAISED), true).endpoint().id();

        mvc.perform(post("/webhooks/{id}/test", endpoint).with(csrf()).with(admin))
                .andExpect(redirectedUrl("/webhooks/" + endpoint));

        mvc.perform(get("/webhooks/{id}", endpoint).with(readOnly))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("webhook.test")))
                .andExpect(content().string(containsString("Queued")))
                .andExpect(content().string(not(containsString("Redeliver"))));
        assertThat(auditActions()).contains("webhook-endpoint.test-sent");
    }

    @Test
    void aFailedDeliveryShowsItsOutcomeAndCanBeRedelivered() throws Exception {
        UUID endpoint = msp.endpoint(URL).endpoint().id();
        msp.alertRaised();
        WebhookDelivery delivery = deliveries.ofEndpoint(endpoint, 0, 1).get(0);
        deliveries.record(delivery.id(), new WebhookDeliveries.Attempt(WebhookDelivery.Status.FAILED, clock.instant(),
                null, 500, "HTTP 500", 42));

        mvc.perform(get("/webhooks/{id}", endpoint).with(admin))
                .andExpect(content().string(containsString("Failed")))
                .andExpect(content().string(containsString("HTTP 500")))
                .andExpect(content().string(containsString("42 ms")));
        mvc.perform(post("/webhooks/{id}/deliveries/{delivery}/redeliver", endpoint, delivery.id()).with(csrf()).with(admin))
                .andExpect(redirectedUrl("/webhooks/" + endpoint));

        WebhookDelivery queued = deliveries.ofEndpoint(endpoint, 0, 1).get(0);
        assertThat(queued.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(queued.nextAttemptAt()).isEqualTo(clock.instant());
        assertThat(auditActions()).contains("webhook-endpoint.redelivered");
    }

    @Test
    void readOnlyAdministratorsSeeEndpointsButCannotChangeThem() throws Exception {
        UUID endpoint = msp.endpoint(URL).endpoint().id();

        mvc.perform(get("/webhooks").with(readOnly))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Only MSP administrators can add or change webhook endpoints.")))
                .andExpect(content().string(not(containsString("Add endpoint"))));
        mvc.perform(post("/webhooks").param("url", "https://psa.example.com/hooks").param("eventTypes", "ALERT_RAISED")
                .with(csrf()).with(readOnly)).andExpect(status().isForbidden());
        mvc.perform(post("/webhooks/{id}/delete", endpoint).with(csrf()).with(readOnly)).andExpect(status().isForbidden());
    }

    @Test
    void tenantAdministratorsCannotSeeWebhooksNorTheirEntry() throws Exception {
        RequestPostProcessor tenantAdmin = authentication(TestMsps.of(msp.provider, Role.TENANT_ADMINISTRATOR));
        mvc.perform(get("/webhooks").with(tenantAdmin)).andExpect(status().isForbidden());
        mvc.perform(get("/").with(tenantAdmin)).andExpect(content().string(not(containsString("href=\"/webhooks\""))));
    }

    @Test
    void deletingWithoutTheCsrfTokenIsRefused() throws Exception {
        UUID endpoint = msp.endpoint(URL).endpoint().id();

        mvc.perform(post("/webhooks/{id}/delete", endpoint).with(admin)).andExpect(status().isForbidden());

        assertThat(webhooksOfMsp()).isEqualTo(1);
    }

    private long webhooksOfMsp() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint WHERE provider_id = :provider")
                .param("provider", msp.provider).query(Long.class).single();
    }

    private java.util.List<String> auditActions() {
        return jdbc.sql("SELECT action FROM audit_entry WHERE provider_id = :provider AND object_type = 'webhook-endpoint'"
                        + " ORDER BY id")
                .param("provider", msp.provider).query(String.class).list();
    }
}
