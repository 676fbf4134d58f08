package org.mspportal.customers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
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

/** Customers through {@code /api/v1/customers}, as an integration would use them. */
@DatabaseTest
@AutoConfigureMockMvc
class CustomerApiTests {

    private static final String CUSTOMERS = "/api/v1/customers";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired JsonMapper json;

    UUID provider;
    RequestPostProcessor admin;
    String gold;
    LocalDate today;

    @BeforeEach
    void anMspAdministratorWithAPlan() throws Exception {
        provider = new TestMsps(jdbc, clock).provider();
        admin = as(provider, Role.MSP_ADMINISTRATOR);
        today = LocalDate.now(clock);
        gold = plan("Gold", "ELITE");
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    // --- create, get ------------------------------------------------------------------------------

    @Test
    void aCreatedCustomerIsReturnedWithItsLocationAndCamelCaseFields() throws Exception {
        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(body("Acme")).with(admin))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString(CUSTOMERS + "/")))
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.accountName").value("Acme"))
                .andExpect(jsonPath("$.organizationName").value("Acme Incorporated"))
                .andExpect(jsonPath("$.address").value("1 Main Street"))
                .andExpect(jsonPath("$.phoneNumber").value("+44 20 7946 0000"))
                .andExpect(jsonPath("$.servicePlanId").value(gold))
                .andExpect(jsonPath("$.tenantType").value("EVALUATION"))
                .andExpect(jsonPath("$.evaluationStartsOn").value(today.toString()))
                .andExpect(jsonPath("$.evaluationEndsOn").value(today.plusDays(30).toString()))
                .andExpect(jsonPath("$.storageRegion").value("eu-central-1"))
                .andExpect(jsonPath("$.creditQuota").value(12.5))
                .andExpect(jsonPath("$.quotaEffectiveDate").value(today.toString()))
                .andExpect(jsonPath("$.quotaEndDate").value(today.plusYears(1).toString()))
                .andExpect(jsonPath("$.licenseExpiryDate").value(today.plusYears(1).toString()))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.createdAt").isString())
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void aCustomerIsReadBackByItsId() throws Exception {
        String id = create(body("Acme"));

        mvc.perform(get(CUSTOMERS + "/{id}", id).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.accountName").value("Acme"));
    }

    @Test
    void aCustomerMayStartCommercialWithoutEvaluationDates() throws Exception {
        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON)
                        .content(body("Acme", "tenantType", "COMMERCIAL")).with(admin))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.tenantType").value("COMMERCIAL"))
                .andExpect(jsonPath("$.evaluationEndsOn").doesNotExist());
    }

    @ParameterizedTest
    @ValueSource(strings = {"株式会社サンプル", "شركة النخبة", "Rocket 🚀 Backups", "Cafe\u0301 Müller", "👩‍💻 Dev Ltd"})
    void aNameInAnyScriptRoundTripsAndIsFoundBySearch(String name) throws Exception {
        String id = create(body(name));
        String stored = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);

        mvc.perform(get(CUSTOMERS + "/{id}", id).with(admin)).andExpect(jsonPath("$.accountName").value(stored));
        mvc.perform(get(CUSTOMERS).param("q", stored.substring(0, 3)).with(admin))
                .andExpect(jsonPath("$.items[*].accountName", contains(stored)));
    }

    // --- list ---------------------------------------------------------------------------------------

    @Test
    void theListIsPagedWithTotals() throws Exception {
        for (int i = 1; i <= 5; i++) {
            create(body("Customer " + i));
        }

        mvc.perform(get(CUSTOMERS).param("size", "2").param("page", "2").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].accountName", contains("Customer 5")))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalItems").value(5))
                .andExpect(jsonPath("$.totalPages").value(3));
    }

    @Test
    void aPageIsAtMost200Customers() throws Exception {
        create(body("Acme"));

        mvc.perform(get(CUSTOMERS).param("size", "5000").with(admin))
                .andExpect(jsonPath("$.size").value(200))
                .andExpect(jsonPath("$.items", hasSize(1)));
    }

    @Test
    void theListFiltersByEveryCriterion() throws Exception {
        String silver = plan("Silver", "BUSINESS");
        create(body("Acme"));
        create(bodyOn(silver, "Globex", "organizationName", "Globex Industries", "tenantType", "COMMERCIAL",
                "storageRegion", "us-east-1", "licenseExpiryDate", today.plusDays(10).toString()));
        String initech = create(body("Initech"));
        mvc.perform(post(CUSTOMERS + "/{id}/suspend", initech).with(admin)).andExpect(status().isOk());

        expectNames(get(CUSTOMERS).param("q", "INDUSTRIES"), "Globex");
        expectNames(get(CUSTOMERS).param("servicePlanId", silver), "Globex");
        expectNames(get(CUSTOMERS).param("edition", "ELITE"), "Acme", "Initech");
        expectNames(get(CUSTOMERS).param("tenantType", "COMMERCIAL"), "Globex");
        expectNames(get(CUSTOMERS).param("storageRegion", "us-east-1"), "Globex");
        expectNames(get(CUSTOMERS).param("status", "SUSPENDED"), "Initech");
        expectNames(get(CUSTOMERS).param("expiringWithinDays", "30"), "Globex");
        expectNames(get(CUSTOMERS).param("edition", "ELITE").param("status", "ACTIVE"), "Acme");
    }

    @Test
    void theListSortsByName_LicenceExpiryOrNewest() throws Exception {
        create(body("Beta", "licenseExpiryDate", today.plusDays(5).toString()));
        create(body("Alpha", "licenseExpiryDate", today.plusDays(50).toString()));
        ((org.mspportal.TestClock) clock).advance(java.time.Duration.ofMinutes(1));
        create(body("Gamma", "licenseExpiryDate", today.plusDays(20).toString()));

        expectNames(get(CUSTOMERS), "Alpha", "Beta", "Gamma");
        expectNames(get(CUSTOMERS).param("sort", "-name"), "Gamma", "Beta", "Alpha");
        expectNames(get(CUSTOMERS).param("sort", "licenseExpiryDate"), "Beta", "Gamma", "Alpha");
        mvc.perform(get(CUSTOMERS).param("sort", "-createdAt").with(admin))
                .andExpect(jsonPath("$.items[0].accountName").value("Gamma"));
    }

    @Test
    void unreadableFiltersAreFieldErrorsNamedTogether() throws Exception {
        mvc.perform(get(CUSTOMERS).param("servicePlanId", "gold").param("edition", "PLATINUM")
                        .param("tenantType", "TRIAL").param("status", "asleep").param("expiringWithinDays", "soon")
                        .param("sort", "age").param("page", "first").with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("servicePlanId", "edition", "tenantType",
                        "status", "expiringWithinDays", "sort", "page")))
                .andExpect(jsonPath("$.errors[?(@.field == 'sort')].message")
                        .value("Sort by one of: name, -name, licenseExpiryDate, -createdAt."));
    }

    @Test
    void aNegativeExpiryWindowIsAFieldError() throws Exception {
        mvc.perform(get(CUSTOMERS).param("expiringWithinDays", "-1").with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("expiringWithinDays"));
    }

    // --- refusals on create -------------------------------------------------------------------------

    @Test
    void anEmptyCustomerIsRefusedNamingEveryRequiredFieldAtOnce() throws Exception {
        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content("{}").with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("accountName", "servicePlanId",
                        "storageRegion", "creditQuota", "quotaEffectiveDate", "quotaEndDate", "licenseExpiryDate")));

        assertThat(customersStored()).isZero();
    }

    @Test
    void unreadableValuesAreEachNamedInOneAnswerAndNothingIsStored() throws Exception {
        String unreadable = body("Acme", "accountName", 42, "servicePlanId", "gold-plan", "tenantType", "TRIAL",
                "creditQuota", "lots", "quotaEffectiveDate", "31/12/2026", "quotaEndDate", "2026-02-30",
                "licenseExpiryDate", true, "phoneNumber", 442079460000L);

        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(unreadable).with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("accountName", "servicePlanId",
                        "tenantType", "creditQuota", "quotaEffectiveDate", "quotaEndDate", "licenseExpiryDate",
                        "phoneNumber")))
                .andExpect(jsonPath("$.errors[?(@.field == 'creditQuota')].message")
                        .value("Send this as a JSON number, for example 12.5."))
                .andExpect(jsonPath("$.errors[?(@.field == 'tenantType')].message")
                        .value("Unknown value. Use one of: EVALUATION, COMMERCIAL, SANDBOX."))
                .andExpect(jsonPath("$.errors[?(@.field == 'quotaEffectiveDate')].message")
                        .value("Write the date as YYYY-MM-DD, for example 2026-12-31."));

        assertThat(customersStored()).isZero();
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("accountName", "   "),
                Arguments.of("accountName", "A\tB"),
                Arguments.of("organizationName", "x".repeat(201)),
                Arguments.of("address", "1 Main Street\nSpringfield"),
                Arguments.of("phoneNumber", "call me maybe"),
                Arguments.of("servicePlanId", UUID.randomUUID().toString()),
                Arguments.of("tenantType", "SANDBOX"),
                Arguments.of("storageRegion", "mars-north-1"),
                Arguments.of("creditQuota", 0),
                Arguments.of("creditQuota", -5),
                Arguments.of("creditQuota", new java.math.BigDecimal("1.005")),
                Arguments.of("creditQuota", new java.math.BigDecimal("1000000000000.01")),
                Arguments.of("quotaEffectiveDate", null),
                Arguments.of("quotaEndDate", "2000-01-01"),
                Arguments.of("licenseExpiryDate", "20266-01-01"),
                Arguments.of("licenseExpiryDate", null));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void anInvalidValueIsRefusedNamingItsFieldAndNothingIsStored(String field, Object value) throws Exception {
        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(body("Acme", field, value))
                        .with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", contains(field)));

        assertThat(customersStored()).isZero();
    }

    @Test
    void aNameTheMspAlreadyUsesIsAFieldError() throws Exception {
        create(body("Acme"));

        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(body(" ACME ")).with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("accountName"));
        assertThat(customersStored()).isEqualTo(1);
    }

    @Test
    void anArchivedPlanIsAFieldError() throws Exception {
        mvc.perform(post("/api/v1/service-plans/{id}/archive", gold).with(admin)).andExpect(status().isOk());

        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(body("Acme")).with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("servicePlanId"))
                .andExpect(jsonPath("$.detail", containsString("archived")));
        assertThat(customersStored()).isZero();
    }

    @Test
    void anotherMspsPlanIsAFieldError() throws Exception {
        UUID other = new TestMsps(jdbc, clock).provider();
        String theirPlan = plan(as(other, Role.MSP_ADMINISTRATOR), "Theirs", "BUSINESS");

        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(bodyOn(theirPlan, "Acme"))
                        .with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("servicePlanId"));
        assertThat(customersStored()).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() throws Exception {
        for (String notACustomer : new String[] {"accountName=Acme", "{\"accountName\": ", "[\"Acme\"]", "{} {}"}) {
            mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(notACustomer).with(admin))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        assertThat(customersStored()).isZero();
    }

    /** Found by {@link CustomerJsonFuzzTests}: Jackson read such a number with a bare NumberFormatException, a 500. */
    @Test
    void aNumberTooLargeToReadIsABadRequest() throws Exception {
        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountName\": \"Acme\", \"creditQuota\": 1e9999999991}").with(admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("number too large")));
        assertThat(customersStored()).isZero();
    }

    // --- idempotency --------------------------------------------------------------------------------

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheFirstCustomerAndCreatesOne() throws Exception {
        String first = mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(body("Acme"))
                        .header("Idempotency-Key", "retry-1").with(admin))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();

        String again = mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(body("Acme"))
                        .header("Idempotency-Key", "retry-1").with(admin))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();

        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        assertThat(customersStored()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() throws Exception {
        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(body("Acme"))
                .header("Idempotency-Key", "key-2").with(admin)).andExpect(status().isCreated());

        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(body("Globex"))
                        .header("Idempotency-Key", "key-2").with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("Idempotency-Key"));
        assertThat(customersStored()).isEqualTo(1);
    }

    @Test
    void aRetriedActionWithTheSameIdempotencyKeyIsReplayedNotRefused() throws Exception {
        String id = create(body("Acme"));

        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post(CUSTOMERS + "/{id}/suspend", id).header("Idempotency-Key", "suspend-1").with(admin))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("SUSPENDED"));
        }
        mvc.perform(post(CUSTOMERS + "/{id}/suspend", id).with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("status"));
    }

    // --- patch --------------------------------------------------------------------------------------

    @Test
    void aPatchChangesOnlyTheFieldsSent() throws Exception {
        String id = create(body("Acme"));

        patchOf(id, "{\"creditQuota\": 250.75, \"version\": 0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.creditQuota").value(250.75))
                .andExpect(jsonPath("$.accountName").value("Acme"))
                .andExpect(jsonPath("$.phoneNumber").value("+44 20 7946 0000"))
                .andExpect(jsonPath("$.licenseExpiryDate").value(today.plusYears(1).toString()))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void aPatchWithNullClearsAnOptionalField() throws Exception {
        String id = create(body("Acme"));

        patchOf(id, "{\"address\": null, \"version\": 0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").doesNotExist())
                .andExpect(jsonPath("$.organizationName").value("Acme Incorporated"));
    }

    @Test
    void aPatchWithAStaleVersionIsAConflictAndChangesNothing() throws Exception {
        String id = create(body("Acme"));
        // Plain application/json is taken as a merge patch too.
        mvc.perform(patch(CUSTOMERS + "/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"accountName\": \"Acme Renamed\", \"version\": 0}").with(admin)).andExpect(status().isOk());

        patchOf(id, "{\"accountName\": \"Acme Overwritten\", \"version\": 0}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("changed by someone else")));
        mvc.perform(get(CUSTOMERS + "/{id}", id).with(admin))
                .andExpect(jsonPath("$.accountName").value("Acme Renamed"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void aPatchWithoutAVersionIsAFieldError() throws Exception {
        String id = create(body("Acme"));

        patchOf(id, "{\"accountName\": \"Acme Renamed\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", contains("version")));
    }

    @Test
    void aPatchWithInvalidValuesNamesEachAndChangesNothing() throws Exception {
        String id = create(body("Acme"));

        patchOf(id, "{\"accountName\": \"\", \"creditQuota\": \"12\", \"quotaEndDate\": \"soon\","
                + " \"tenantType\": \"GOLD\", \"version\": 0}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("accountName", "creditQuota", "quotaEndDate", "tenantType")));
        mvc.perform(get(CUSTOMERS + "/{id}", id).with(admin))
                .andExpect(jsonPath("$.accountName").value("Acme"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void aPatchCannotChangeTheStatus() throws Exception {
        String id = create(body("Acme"));

        patchOf(id, "{\"status\": \"SUSPENDED\", \"version\": 0}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("status"))
                .andExpect(jsonPath("$.detail", containsString("/suspend")));
    }

    @Test
    void aPatchOfTheServicePlanMovesTheCustomerAndKeepsItsHistory() throws Exception {
        String id = create(body("Acme"));
        String silver = plan("Silver", "BUSINESS");

        patchOf(id, "{\"servicePlanId\": \"" + silver + "\", \"version\": 0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.servicePlanId").value(silver))
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(get(CUSTOMERS + "/{id}/plan-history", id).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].fromPlanId").value(gold))
                .andExpect(jsonPath("$.items[0].toPlanId").value(silver))
                .andExpect(jsonPath("$.items[0].changedAt").isString())
                .andExpect(jsonPath("$.items[0].changedBy", containsString("admin-")));
    }

    @Test
    void aPatchOfThePlanAndOtherFieldsChangesBothOrNeither() throws Exception {
        String id = create(body("Acme"));
        String archived = plan("Old", "BUSINESS");
        mvc.perform(post("/api/v1/service-plans/{id}/archive", archived).with(admin)).andExpect(status().isOk());

        patchOf(id, "{\"accountName\": \"Acme 2\", \"servicePlanId\": \"" + archived + "\", \"version\": 0}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("servicePlanId"));
        mvc.perform(get(CUSTOMERS + "/{id}", id).with(admin))
                .andExpect(jsonPath("$.accountName").value("Acme"))
                .andExpect(jsonPath("$.servicePlanId").value(gold));

        String silver = plan("Silver", "BUSINESS");
        patchOf(id, "{\"accountName\": \"Acme 2\", \"servicePlanId\": \"" + silver + "\", \"version\": 0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountName").value("Acme 2"))
                .andExpect(jsonPath("$.servicePlanId").value(silver))
                .andExpect(jsonPath("$.version").value(2));
    }

    // --- actions ------------------------------------------------------------------------------------

    @Test
    void aSuspendedCustomerCanBeResumed() throws Exception {
        String id = create(body("Acme"));

        mvc.perform(post(CUSTOMERS + "/{id}/suspend", id).with(admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUSPENDED"));
        mvc.perform(post(CUSTOMERS + "/{id}/resume", id).with(admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void anEvaluationIsExtendedOnceThenConvertedToCommercial() throws Exception {
        String id = create(body("Acme"));

        mvc.perform(post(CUSTOMERS + "/{id}/evaluation-extension", id).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evaluationEndsOn").value(today.plusDays(60).toString()));
        mvc.perform(post(CUSTOMERS + "/{id}/evaluation-extension", id).with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("tenantType"));
        mvc.perform(post(CUSTOMERS + "/{id}/commercial-conversion", id).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenantType").value("COMMERCIAL"))
                .andExpect(jsonPath("$.evaluationEndsOn").doesNotExist());
    }

    // --- tenancy and roles --------------------------------------------------------------------------

    @Test
    void anotherMspsCustomerIsNotFoundOnEveryRoute() throws Exception {
        String theirs = create(body("Acme"));
        RequestPostProcessor other = as(new TestMsps(jdbc, clock).provider(), Role.MSP_ADMINISTRATOR);

        for (MockHttpServletRequestBuilder request : everyRouteOf(theirs)) {
            mvc.perform(request.with(other))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        mvc.perform(get(CUSTOMERS).with(other)).andExpect(jsonPath("$.items", empty()));
        mvc.perform(get(CUSTOMERS + "/{id}", theirs).with(admin))
                .andExpect(jsonPath("$.accountName").value("Acme"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.evaluationEndsOn").value(today.plusDays(30).toString()))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void somethingThatIsNotAnIdIsNotFound() throws Exception {
        mvc.perform(get(CUSTOMERS + "/{id}", "not-an-id").with(admin))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aReadOnlyAdministratorReadsButIsRefusedEveryChange() throws Exception {
        String id = create(body("Acme"));
        RequestPostProcessor readOnly = as(provider, Role.READ_ONLY_ADMINISTRATOR);

        mvc.perform(get(CUSTOMERS + "/{id}", id).with(readOnly)).andExpect(status().isOk());
        mvc.perform(get(CUSTOMERS).with(readOnly)).andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(body("Globex")).with(readOnly))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        for (MockHttpServletRequestBuilder change : changesOf(id)) {
            mvc.perform(change.with(readOnly)).andExpect(status().isForbidden());
        }

        assertThat(customersStored()).isEqualTo(1);
        mvc.perform(get(CUSTOMERS + "/{id}", id).with(admin))
                .andExpect(jsonPath("$.version").value(0)).andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void aReadOnlyApiKeyReadsButIsRefusedEveryChangeAndAWriteKeyCreates(@Autowired ApiKeyManagement keys)
            throws Exception {
        TestMsps.actAs(new TestMsps(jdbc, clock).stored(provider, Role.MSP_ADMINISTRATOR));
        String writer = keys.create("Provisioning", EnumSet.of(ApiKeyScope.READ, ApiKeyScope.WRITE)).secret();
        String reader = keys.create("Reporting", EnumSet.of(ApiKeyScope.READ)).secret();
        TestMsps.actAsNobody();

        String id = JsonPath.read(mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON)
                        .content(body("Acme")).header("Authorization", "Bearer " + writer))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(get(CUSTOMERS).header("Authorization", "Bearer " + reader))
                .andExpect(jsonPath("$.items[*].accountName", contains("Acme")));
        mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(body("Globex"))
                .header("Authorization", "Bearer " + reader)).andExpect(status().isForbidden());
        for (MockHttpServletRequestBuilder change : changesOf(id)) {
            mvc.perform(change.header("Authorization", "Bearer " + reader))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        assertThat(customersStored()).isEqualTo(1);
    }

    // --- plans, with real customers -----------------------------------------------------------------

    @Test
    void aPlanWithCustomersCannotBeDeletedButCanBeArchived() throws Exception {
        create(body("Acme"));

        mvc.perform(delete("/api/v1/service-plans/{id}", gold).with(admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("This plan has 1 customer; archive it instead."));
        mvc.perform(get("/api/v1/service-plans/{id}", gold).with(admin))
                .andExpect(jsonPath("$.customerCount").value(1));
        mvc.perform(post("/api/v1/service-plans/{id}/archive", gold).with(admin)).andExpect(status().isOk());
        mvc.perform(get(CUSTOMERS).param("servicePlanId", gold).with(admin))
                .andExpect(jsonPath("$.items[*].accountName", hasItem("Acme")));
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** A merge patch of the customer by the MSP administrator. */
    private ResultActions patchOf(String id, String changes) throws Exception {
        return mvc.perform(patch(CUSTOMERS + "/{id}", id).contentType("application/merge-patch+json")
                .content(changes).with(admin));
    }

    private MockHttpServletRequestBuilder[] changesOf(String id) {
        return new MockHttpServletRequestBuilder[] {
                patch(CUSTOMERS + "/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountName\": \"Mine now\", \"version\": 0}"),
                post(CUSTOMERS + "/{id}/suspend", id),
                post(CUSTOMERS + "/{id}/resume", id),
                post(CUSTOMERS + "/{id}/evaluation-extension", id),
                post(CUSTOMERS + "/{id}/commercial-conversion", id)};
    }

    private MockHttpServletRequestBuilder[] everyRouteOf(String id) {
        MockHttpServletRequestBuilder[] changes = changesOf(id);
        return Stream.concat(Stream.of(get(CUSTOMERS + "/{id}", id), get(CUSTOMERS + "/{id}/plan-history", id)),
                Stream.of(changes)).toArray(MockHttpServletRequestBuilder[]::new);
    }

    private void expectNames(MockHttpServletRequestBuilder list, String... names) throws Exception {
        ResultActions result = mvc.perform(list.with(admin)).andExpect(status().isOk());
        result.andExpect(jsonPath("$.items[*].accountName", contains(names)))
                .andExpect(jsonPath("$.totalItems").value(names.length));
    }

    private String plan(String name, String edition) throws Exception {
        return plan(admin, name, edition);
    }

    private String plan(RequestPostProcessor who, String name, String edition) throws Exception {
        String created = mvc.perform(post("/api/v1/service-plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"edition\": \"" + edition
                                + "\", \"usageReportFrequency\": \"MONTHLY\", \"workloads\": [\"VMWARE\"]}")
                        .with(who))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    private String create(String customer) throws Exception {
        String created = mvc.perform(post(CUSTOMERS).contentType(MediaType.APPLICATION_JSON).content(customer)
                        .with(admin))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    /** A valid customer on the Gold plan called {@code name}, with the fields and values given replaced. */
    private String body(String name, Object... fieldsAndValues) {
        return bodyOn(gold, name, fieldsAndValues);
    }

    private String bodyOn(String plan, String name, Object... fieldsAndValues) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("accountName", name);
        customer.put("organizationName", "Acme Incorporated");
        customer.put("address", "1 Main Street");
        customer.put("phoneNumber", "+44 20 7946 0000");
        customer.put("servicePlanId", plan);
        customer.put("storageRegion", "eu-central-1");
        customer.put("creditQuota", new java.math.BigDecimal("12.5"));
        customer.put("quotaEffectiveDate", today.toString());
        customer.put("quotaEndDate", today.plusYears(1).toString());
        customer.put("licenseExpiryDate", today.plusYears(1).toString());
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            customer.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return json.writeValueAsString(customer);
    }

    private long customersStored() {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE provider_id = :provider").param("provider", provider)
                .query(Long.class).single();
    }

    private static RequestPostProcessor as(UUID provider, Role role) {
        return authentication(TestMsps.of(provider, role));
    }
}
