package org.mspportal.plans;

import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.TestMsps;
import org.mspportal.DatabaseTest;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Service plans through {@code /api/v1/service-plans}, as an integration would use them. */
@DatabaseTest
@AutoConfigureMockMvc
@Import(CountedCustomers.class)
class PlanApiTests {

    private static final String GOLD = """
            {"name": "ゴールド 🥇", "edition": "ELITE", "usageReportFrequency": "QUARTERLY",
             "workloads": ["VMWARE", "MICROSOFT_365"]}""";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID provider;
    RequestPostProcessor admin;

    @BeforeEach
    void anMspAdministrator() {
        provider = new TestMsps(jdbc, clock).provider();
        admin = as(provider, Role.MSP_ADMINISTRATOR);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void aCreatedPlanIsReturnedWithItsLocationAndCamelCaseFields() throws Exception {
        mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON).content(GOLD).with(admin))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/service-plans/")))
                .andExpect(jsonPath("$.name").value("ゴールド 🥇"))
                .andExpect(jsonPath("$.edition").value("ELITE"))
                .andExpect(jsonPath("$.usageReportFrequency").value("QUARTERLY"))
                .andExpect(jsonPath("$.workloads", containsInAnyOrder("VMWARE", "MICROSOFT_365")))
                .andExpect(jsonPath("$.archived").value(false))
                .andExpect(jsonPath("$.customerCount").value(0))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void theListIsPagedAndFiltersByArchived() throws Exception {
        String first = create(GOLD);
        create(GOLD.replace("ゴールド 🥇", "Silver"));
        mvc.perform(post("/api/v1/service-plans/{id}/archive", first).with(admin)).andExpect(status().isOk());

        mvc.perform(get("/api/v1/service-plans").param("size", "1").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.totalPages").value(2));
        mvc.perform(get("/api/v1/service-plans").param("archived", "false").with(admin))
                .andExpect(jsonPath("$.items[*].name", containsInAnyOrder("Silver")));
        mvc.perform(get("/api/v1/service-plans").param("archived", "true").with(admin))
                .andExpect(jsonPath("$.items[*].name", containsInAnyOrder("ゴールド 🥇")));
    }

    @Test
    void everyInvalidFieldGetsAFieldErrorAndNothingIsStored() throws Exception {
        mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"  \", \"workloads\": []}").with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("name", "edition", "usageReportFrequency", "workloads")))
                .andExpect(jsonPath("$.errors[?(@.field == 'workloads')].message").value("Choose at least one workload."));

        assertThat(plansStored()).isZero();
    }

    @Test
    void anUnknownEditionIsAFieldErrorNamingTheKnownOnes() throws Exception {
        mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON)
                        .content(GOLD.replace("ELITE", "PLATINUM")).with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("edition"))
                .andExpect(jsonPath("$.errors[0].message", containsString("BUSINESS, ENTERPRISE, ELITE")));

        assertThat(plansStored()).isZero();
    }

    @Test
    void aDuplicateNameIsAFieldError() throws Exception {
        create(GOLD);

        mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON).content(GOLD).with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        assertThat(plansStored()).isEqualTo(1);
    }

    @Test
    void aPatchChangesOnlyTheFieldsSent() throws Exception {
        String id = create(GOLD);

        mvc.perform(patch("/api/v1/service-plans/{id}", id).contentType("application/merge-patch+json")
                        .content("{\"edition\": \"BUSINESS\", \"version\": 0}").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.edition").value("BUSINESS"))
                .andExpect(jsonPath("$.usageReportFrequency").value("QUARTERLY"))
                .andExpect(jsonPath("$.workloads", hasSize(2)))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void aPatchWithAStaleVersionIsAConflict() throws Exception {
        String id = create(GOLD);
        mvc.perform(patch("/api/v1/service-plans/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"edition\": \"BUSINESS\", \"version\": 0}").with(admin)).andExpect(status().isOk());

        mvc.perform(patch("/api/v1/service-plans/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"edition\": \"ENTERPRISE\", \"version\": 0}").with(admin))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("changed by someone else")));
        mvc.perform(get("/api/v1/service-plans/{id}", id).with(admin)).andExpect(jsonPath("$.edition").value("BUSINESS"));
    }

    @Test
    void aPatchWithoutAVersionIsAFieldError() throws Exception {
        String id = create(GOLD);

        mvc.perform(patch("/api/v1/service-plans/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"edition\": \"BUSINESS\"}").with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void theNameCannotBeChangedThroughTheApi() throws Exception {
        String id = create(GOLD);

        mvc.perform(patch("/api/v1/service-plans/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Platinum\", \"version\": 0}").with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message", containsString("name cannot be changed")));
    }

    @Test
    void anotherMspsPlanIsNotFoundOnEveryVerb() throws Exception {
        String theirs = create(GOLD);
        RequestPostProcessor other = as(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);

        mvc.perform(get("/api/v1/service-plans/{id}", theirs).with(other)).andExpect(status().isNotFound());
        mvc.perform(patch("/api/v1/service-plans/{id}", theirs).contentType(MediaType.APPLICATION_JSON)
                .content("{\"edition\": \"BUSINESS\", \"version\": 0}").with(other)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/service-plans/{id}/archive", theirs).with(other)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/service-plans/{id}/unarchive", theirs).with(other)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/service-plans/{id}", theirs).with(other))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/service-plans").with(other)).andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/v1/service-plans/{id}", theirs).with(admin))
                .andExpect(jsonPath("$.edition").value("ELITE")).andExpect(jsonPath("$.archived").value(false));
    }

    @Test
    void aReadOnlyAdministratorReadsButIsRefusedEveryChange() throws Exception {
        String id = create(GOLD);
        RequestPostProcessor readOnly = as(provider, Role.READ_ONLY_ADMINISTRATOR);

        mvc.perform(get("/api/v1/service-plans/{id}", id).with(readOnly)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON)
                .content(GOLD.replace("ゴールド 🥇", "Silver")).with(readOnly)).andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/service-plans/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"edition\": \"BUSINESS\", \"version\": 0}").with(readOnly)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/service-plans/{id}/archive", id).with(readOnly)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/service-plans/{id}", id).with(readOnly)).andExpect(status().isForbidden());

        assertThat(plansStored()).isEqualTo(1);
        mvc.perform(get("/api/v1/service-plans/{id}", id).with(admin))
                .andExpect(jsonPath("$.edition").value("ELITE")).andExpect(jsonPath("$.archived").value(false));
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheFirstPlanAndCreatesOne() throws Exception {
        String first = mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON).content(GOLD)
                        .header("Idempotency-Key", "retry-1").with(admin))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();

        String again = mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON).content(GOLD)
                        .header("Idempotency-Key", "retry-1").with(admin))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();

        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        assertThat(plansStored()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() throws Exception {
        create(GOLD, "key-2");

        mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON)
                        .content(GOLD.replace("ゴールド 🥇", "Silver")).header("Idempotency-Key", "key-2").with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("Idempotency-Key"));
        assertThat(plansStored()).isEqualTo(1);
    }

    @Test
    void anotherMspsIdempotencyKeyIsItsOwn() throws Exception {
        create(GOLD, "shared-key");
        RequestPostProcessor other = as(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);

        mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON).content(GOLD)
                        .header("Idempotency-Key", "shared-key").with(other))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
    }

    @Test
    void anUnusedPlanCanBeDeletedButOneInUseCannot(@Autowired CountedCustomers customers) throws Exception {
        String unused = create(GOLD);
        String used = create(GOLD.replace("ゴールド 🥇", "Silver"));
        customers.onPlan(UUID.fromString(used), 2);

        mvc.perform(delete("/api/v1/service-plans/{id}", unused).with(admin)).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/service-plans/{id}", used).with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("This plan has 2 customers; archive it instead."));
        assertThat(plansStored()).isEqualTo(1);
    }

    @Test
    void anApiKeyWithTheWriteScopeCreatesPlansAndOneWithoutItIsRefused(@Autowired ApiKeyManagement keys) throws Exception {
        TestMsps.actAs(new TestMsps(jdbc, clock).stored(provider, Role.MSP_ADMINISTRATOR));
        String writer = keys.create("Provisioning", EnumSet.of(ApiKeyScope.READ, ApiKeyScope.WRITE)).secret();
        String reader = keys.create("Reporting", EnumSet.of(ApiKeyScope.READ)).secret();
        TestMsps.actAsNobody();

        mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON).content(GOLD)
                        .header("Authorization", "Bearer " + writer))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON)
                        .content(GOLD.replace("ゴールド 🥇", "Silver")).header("Authorization", "Bearer " + reader))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/service-plans").header("Authorization", "Bearer " + reader))
                .andExpect(jsonPath("$.items[*].name", containsInAnyOrder("ゴールド 🥇")));
        assertThat(plansStored()).isEqualTo(1);
    }

    private String create(String json) throws Exception {
        return create(json, null);
    }

    private String create(String json, String idempotencyKey) throws Exception {
        var request = post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON).content(json).with(admin);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        String body = mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private long plansStored() {
        return jdbc.sql("SELECT COUNT(*) FROM service_plan WHERE provider_id = :provider").param("provider", provider)
                .query(Long.class).single();
    }

    private static RequestPostProcessor as(UUID provider, Role role) {
        return authentication(TestMsps.of(provider, role));
    }
}
