package org.mspportal.platform;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.customers.CustomerManagement;
import org.mspportal.customers.RegisterCustomer;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.migration.MigrationManagement;
import org.mspportal.migration.RegisterSourceAccount;
import org.mspportal.migration.SourceAccountManagement;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.mspportal.shared.StoredTime;
import org.mspportal.webhooks.WebhookEndpointDetails;
import org.mspportal.webhooks.WebhookEventType;
import org.mspportal.webhooks.WebhookManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every route of the application (see {@link ProbedRoutes}) called anonymously and, with MSP A's
 * ids in its path, as MSP B's administrator: nobody gets anything, and A's data stay as they were.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteProbeTests {

    /**
     * Path variables whose route the probe cannot fill with another MSP's object, with why. Any
     * other variable must be resolved in {@link #idOfA}, or the probe fails.
     */
    static final Map<String, String> UNFILLED = Map.of(
            "token", "secret link tokens: the routes are public on purpose and the token is the credential");

    /**
     * Routes whose id names something of the portal's rather than an MSP's, so another MSP acting on
     * it is no trespass, with why.
     */
    static final Map<String, String> SHARED = Map.of(
            "/storage-regions/", "a region is the portal's; each MSP switches regions on and off for itself");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
    @Autowired ServicePlanManagement plans;
    @Autowired CustomerManagement customers;
    @Autowired ApiKeyManagement keys;
    @Autowired WebhookManagement webhooks;
    @Autowired SourceAccountManagement sources;
    @Autowired MigrationManagement migrations;

    ProbedRoutes routes;
    UUID providerA;
    Map<String, String> objectsOfA;
    SignedInAdministrator adminB;
    String apiKeyB;

    @BeforeAll
    void twoMsps() {
        routes = ProbedRoutes.of(mapping);
        TestMsps msps = new TestMsps(jdbc, clock);
        providerA = msps.provider();
        objectsOfA = everythingOf(providerA, active(msps.stored(providerA, Role.MSP_ADMINISTRATOR)));
        UUID providerB = msps.provider();
        adminB = active(msps.stored(providerB, Role.MSP_ADMINISTRATOR));
        TestMsps.actAs(adminB);
        apiKeyB = keys.create("B's integration", EnumSet.allOf(ApiKeyScope.class)).secret();
        TestMsps.actAsNobody();
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void everyRouteIsEitherProbedOrPublicOnPurpose() {
        List<String> publicPatterns = routes.publicOnPurpose().stream().map(ProbedRoutes.Route::pattern).toList();

        assertThat(ProbedRoutes.PUBLIC.keySet()).as("allow-listed patterns that no longer exist")
                .filteredOn(pattern -> !publicPatterns.contains(pattern)).isEmpty();
        assertThat(routes.probed()).as("the probe finds the routes").hasSizeGreaterThan(100)
                .contains(new ProbedRoutes.Route(HttpMethod.POST, "/customers/{id}/suspend"));
    }

    @Test
    void everyPathVariableOfAProbedRouteIsFilledWithAnObjectOfAnotherMsp() {
        List<String> unknown = routes.probed().stream()
                .filter(route -> route.variables().stream().anyMatch(name -> idOfA(route, name) == null))
                .map(ProbedRoutes.Route::toString).toList();

        assertThat(unknown).as("routes with a variable the probe cannot fill: resolve it in idOfA").isEmpty();
    }

    @Test
    void anAnonymousCallerIsSentToSignInOrRefusedWithAProblemDocument() throws Exception {
        List<String> answered = new ArrayList<>();
        for (ProbedRoutes.Route route : routes.probed()) {
            MockHttpServletResponse response = call(anonymous(route));
            boolean refused = route.isApi()
                    ? response.getStatus() == 401 && String.valueOf(response.getContentType())
                            .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    : response.getStatus() == 302 && "/sign-in".equals(response.getRedirectedUrl());
            if (!refused) {
                answered.add(route + " -> " + response.getStatus() + " " + response.getRedirectedUrl());
            }
        }

        assertThat(answered).as("routes that answered an anonymous caller").isEmpty();
    }

    /**
     * 404, 403, or, where a form or body is checked before the id is looked up, exactly the answer an
     * id that does not exist gets: nothing tells B that A's object exists, and nothing of A changes.
     */
    @Test
    void anotherMspsAdministratorFindsNothingOfMspA() throws Exception {
        String before = snapshotOfA();
        List<String> answered = new ArrayList<>();
        for (ProbedRoutes.Route route : routes.probed()) {
            if (route.variables().isEmpty() || SHARED.keySet().stream().anyMatch(route.pattern()::startsWith)) {
                continue;
            }
            String ofA = answer(asAdministratorOfB(route, name -> idOfA(route, name)));
            if (!ofA.startsWith("404") && !ofA.startsWith("403")) {
                String unknown = answer(asAdministratorOfB(route, name -> unknownId(route, name)));
                if (ofA.startsWith("2") || !ofA.equals(unknown)) {
                    answered.add(route + " -> " + ofA + " (an unknown id: " + unknown + ")");
                }
            }
        }

        assertThat(answered).as("routes that answered MSP B about MSP A's objects").isEmpty();
        assertThat(snapshotOfA()).as("MSP A's data after the probe").isEqualTo(before);
    }

    /**
     * Public forms included. Anonymous, because the CSRF check comes before sign-in and roles: the
     * anonymous probe above shows the same requests with a token get as far as the sign-in redirect.
     */
    @Test
    void everyFormWithoutACsrfTokenIsRefused() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (ProbedRoutes.Route route : routes.all()) {
            if (route.isApi() || !route.changesSomething()) {
                continue;
            }
            int status = call(request(route.method(), route.path(name -> fillable(route, name)))).getStatus();
            if (status != 403) {
                accepted.add(route + " -> " + status);
            }
        }

        assertThat(accepted).as("forms accepted without a CSRF token").isEmpty();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletRequestBuilder anonymous(ProbedRoutes.Route route) {
        MockHttpServletRequestBuilder request = base(route);
        return route.isApi() ? request : request.with(csrf());
    }

    /**
     * B's API key on the API; on pages B's session, a CSRF token and the fields the forms that check
     * them first ask for, so the request gets as far as looking the id up.
     */
    private MockHttpServletRequestBuilder asAdministratorOfB(ProbedRoutes.Route route,
            Function<String, String> ids) {
        MockHttpServletRequestBuilder request = base(route, ids);
        return route.isApi() ? request.header("Authorization", "Bearer " + apiKeyB)
                : request.with(csrf()).with(authentication(signedIn(adminB)))
                        .param("role", Role.READ_ONLY_ADMINISTRATOR.name())
                        .param("servicePlanId", objectsOfA.get("service-plans"))
                        .param("version", "0");
    }

    /** Status and where it redirects to, with the ids in it made anonymous to compare answers. */
    private String answer(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = call(request);
        return (response.getStatus() + " " + response.getRedirectedUrl()).replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
    }

    private String fillable(ProbedRoutes.Route route, String variable) {
        return Optional.ofNullable(idOfA(route, variable)).orElse("1");
    }

    private String unknownId(ProbedRoutes.Route route, String variable) {
        String ofA = idOfA(route, variable);
        return ofA.matches("\\d+") ? "999999999" : UUID.randomUUID().toString();
    }

    private MockHttpServletRequestBuilder base(ProbedRoutes.Route route) {
        return base(route, name -> idOfA(route, name));
    }

    private MockHttpServletRequestBuilder base(ProbedRoutes.Route route, Function<String, String> ids) {
        MockHttpServletRequestBuilder request = request(route.method(), route.path(ids));
        if (!route.isApi()) {
            return request.accept(MediaType.TEXT_HTML);
        }
        request.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        return route.changesSomething() ? request.contentType(MediaType.APPLICATION_JSON).content("{}") : request;
    }

    /** MSP A's object that a variable of this route names, or null when the probe cannot fill it. */
    private String idOfA(ProbedRoutes.Route route, String variable) {
        if (UNFILLED.containsKey(variable)) {
            return "not-a-token";
        }
        String collection = route.pattern().replaceFirst("^/api/v1", "").split("/")[1];
        return switch (variable) {
            case "id" -> objectsOfA.get(collection);
            case "accountId" -> objectsOfA.get("administrators");
            case "deliveryId" -> objectsOfA.get("deliveries");
            case "providerId" -> objectsOfA.get("providers");
            default -> null;
        };
    }

    /** One of everything MSP A has that a route names by id, keyed by the route's first segment. */
    private Map<String, String> everythingOf(UUID provider, SignedInAdministrator admin) {
        TestMsps.actAs(admin);
        LocalDate today = LocalDate.now(clock);
        UUID plan = plans.create(new CreateServicePlan("A's plan " + provider, Edition.BUSINESS,
                UsageReportFrequency.MONTHLY, EnumSet.allOf(Workload.class))).id();
        UUID customer = customers.register(new RegisterCustomer("A's customer", "A Incorporated", "1 Main Street",
                "+44 20 7946 0000", plan, null, "eu-central-1", new BigDecimal("10"), today, today.plusYears(1),
                today.plusYears(1))).id();
        UUID apiKey = keys.create("A's integration", EnumSet.allOf(ApiKeyScope.class)).key().id();
        UUID webhook = webhooks.register(new WebhookEndpointDetails("https://psa.example.com/a", "A's PSA",
                Set.of(WebhookEventType.ALERT_RAISED), true)).endpoint().id();
        TestMsps.actAs(new SignedInAdministrator(UUID.randomUUID(), "operator@portal.example", "Operator", null,
                Role.OPERATOR));
        UUID source = sources.register(new RegisterSourceAccount("A's source " + provider,
                "cloud-admin@customer.example", null, Set.of(), null, today.plusYears(1), null, null, List.of())).id();
        UUID migration = migrations.raise(source, provider).id();
        TestMsps.actAsNobody();
        return Map.ofEntries(
                Map.entry("service-plans", plan.toString()),
                Map.entry("customers", customer.toString()),
                Map.entry("administrators", admin.accountId().toString()),
                Map.entry("api-keys", apiKey.toString()),
                Map.entry("webhooks", webhook.toString()),
                Map.entry("deliveries", delivery(provider, webhook).toString()),
                Map.entry("alerts", alert(provider, customer).toString()),
                Map.entry("migrations", migration.toString()),
                // Source accounts, MSPs and storage regions are the operator's: B is refused by role.
                Map.entry("source-accounts", source.toString()),
                Map.entry("providers", provider.toString()),
                Map.entry("storage-regions", "eu-central-1"),
                Map.entry("audit", lastAuditEntry(provider)),
                Map.entry("audit-entries", lastAuditEntry(provider)));
    }

    private UUID alert(UUID provider, UUID customer) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO alert (id, provider_id, customer_id, kind, threshold, window_start, account_name,
                                   consumed, credit_quota, announced, raised_at)
                VALUES (:id, :provider, :customer, 'QUOTA_WARNING', 80, :today, 'A''s customer', 8, 10, TRUE, :now)""")
                .param("id", id).param("provider", provider).param("customer", customer)
                .param("today", LocalDate.now(clock)).param("now", StoredTime.of(clock.instant()))
                .update();
        return id;
    }

    private UUID delivery(UUID provider, UUID endpoint) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO webhook_delivery (id, endpoint_id, provider_id, message_id, event_type, payload, status,
                                              attempts, created_at)
                VALUES (:id, :endpoint, :provider, :message, 'alert.raised', '{}', 'FAILED', 1, :now)""")
                .param("id", id).param("endpoint", endpoint).param("provider", provider)
                .param("message", UUID.randomUUID()).param("now", StoredTime.of(clock.instant()))
                .update();
        return id;
    }

    private String lastAuditEntry(UUID provider) {
        return jdbc.sql("SELECT MAX(id) FROM audit_entry WHERE provider_id = :provider").param("provider", provider)
                .query(Long.class).single().toString();
    }

    /** Every row MSP A owns, as text: any change by the probe shows as a difference. */
    private String snapshotOfA() {
        StringBuilder rows = new StringBuilder();
        for (String table : List.of("provider", "account", "api_key", "service_plan", "customer", "webhook_endpoint",
                "webhook_delivery", "alert", "migration", "audit_entry", "outbound_email")) {
            String owner = table.equals("provider") ? "id" : "provider_id";
            if (table.equals("outbound_email")) {
                rows.append(jdbc.sql("SELECT COUNT(*) FROM outbound_email").query(Long.class).single());
                continue;
            }
            rows.append(table).append(jdbc.sql("SELECT * FROM " + table + " WHERE " + owner + " = :a ORDER BY 1")
                    .param("a", providerA).query().listOfRows()).append('\n');
        }
        return rows.toString();
    }

    private SignedInAdministrator active(SignedInAdministrator administrator) {
        jdbc.sql("UPDATE account SET status = 'ACTIVE' WHERE id = :id").param("id", administrator.accountId())
                .update();
        return administrator;
    }

    private static Authentication signedIn(SignedInAdministrator administrator) {
        return UsernamePasswordAuthenticationToken.authenticated(administrator, null,
                List.of(new SimpleGrantedAuthority(administrator.role().authority())));
    }
}
