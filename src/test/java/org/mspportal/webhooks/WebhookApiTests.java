package org.mspportal.webhooks;

import java.util.EnumSet;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Webhook endpoints through {@code /api/v1/webhooks}, as an integration would use them. */
@DatabaseTest
@AutoConfigureMockMvc
class WebhookApiTests {

    private static final String PSA = """
            {"url": "https://psa.example.com/hooks", "description": "PSA", "eventTypes": ["alert.raised"]}""";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired WebhookManagement webhooks;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    WebhookFixtures msp;
    RequestPostProcessor admin;

    @BeforeEach
    void anMspAdministrator() {
        msp = new WebhookFixtures(jdbc, clock, webhooks, events, transactions);
        admin = authentication(TestMsps.of(msp.provider, Role.MSP_ADMINISTRATOR));
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void aCreatedEndpointComesWithItsSigningSecretAndLocation() throws Exception {
        mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON).content(PSA).with(admin))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/v1/webhooks/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.url").value("https://psa.example.com/hooks"))
                .andExpect(jsonPath("$.eventTypes", containsInAnyOrder("alert.raised")))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.signingSecret", matchesPattern("whsec_[A-Za-z0-9+/]{43}=")));
    }

    @Test
    void aReplayedCreateReturnsTheSameEndpointWithoutTheSecret() throws Exception {
        String first = mvc.perform(post("/api/v1/webhooks").header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(PSA).with(admin))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        String replay = mvc.perform(post("/api/v1/webhooks").header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(PSA).with(admin))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();

        assertThat((String) JsonPath.read(replay, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        assertThat(replay).doesNotContain("whsec_").doesNotContain((String) JsonPath.read(first, "$.signingSecret"));
        assertThat(jdbc.sql("SELECT response_body FROM idempotency_key WHERE provider_id = :provider")
                .param("provider", msp.provider).query(String.class).single()).doesNotContain("whsec_");
    }

    @Test
    void aPlainHttpUrlAndAnUnknownEventTypeAreFieldErrors() throws Exception {
        mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"http://psa.example.com/hooks\", \"eventTypes\": [\"alert.raised\"]}")
                        .with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"https://psa.example.com/hooks\", \"eventTypes\": [\"usage.ingested\"]}")
                        .with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("eventTypes"));
    }

    @Test
    void aPatchChangesOnlyTheFieldsSentAndAStaleOneIsAConflict() throws Exception {
        UUID id = msp.endpoint("https://psa.example.com/hooks").endpoint().id();

        mvc.perform(patch("/api/v1/webhooks/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": false, \"version\": 0}").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.url").value("https://psa.example.com/hooks"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(patch("/api/v1/webhooks/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": true, \"version\": 0}").with(admin))
                .andExpect(status().isConflict());
    }

    @Test
    void anotherMspsEndpointIsNotFound() throws Exception {
        UUID theirs = new WebhookFixtures(jdbc, clock, webhooks, events, transactions)
                .endpoint("https://their.example.com/hooks").endpoint().id();

        mvc.perform(get("/api/v1/webhooks/{id}", theirs).with(admin)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/webhooks/{id}", theirs).with(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/webhooks/{id}/deliveries", theirs).with(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/webhooks").with(admin)).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void deliveriesAreListedWithTheirOutcome() throws Exception {
        UUID id = msp.endpoint("http://127.0.0.1:9/hooks").endpoint().id();
        msp.alertRaised();

        mvc.perform(get("/api/v1/webhooks/{id}/deliveries", id).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].eventType").value("alert.raised"))
                .andExpect(jsonPath("$.items[0].status").value("PENDING"))
                .andExpect(jsonPath("$.items[0].attempts").value(0));
    }

    @Test
    void anApiKeyWithTheWriteScopeRegistersEndpointsAndOneWithoutItIsRefused(@Autowired ApiKeyManagement keys)
            throws Exception {
        TestMsps.actAs(new TestMsps(jdbc, clock).stored(msp.provider, Role.MSP_ADMINISTRATOR));
        String writer = keys.create("Provisioning", EnumSet.of(ApiKeyScope.READ, ApiKeyScope.WRITE)).secret();
        String reader = keys.create("Reporting", EnumSet.of(ApiKeyScope.READ)).secret();
        TestMsps.actAsNobody();

        mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON).content(PSA)
                        .header("Authorization", "Bearer " + writer))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON).content(PSA)
                        .header("Authorization", "Bearer " + reader))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/webhooks").header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].signingSecret").doesNotExist());
    }

    @Test
    void aDeletedEndpointIsGone() throws Exception {
        UUID id = msp.endpoint("https://psa.example.com/hooks").endpoint().id();

        mvc.perform(delete("/api/v1/webhooks/{id}", id).with(admin)).andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/webhooks/{id}", id).with(admin)).andExpect(status().isNotFound());
    }
}
