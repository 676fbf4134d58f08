package org.mspportal.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.PortalClient;
import org.mspportal.TestClock;
import org.mspportal.providers.ProviderManagement;
import org.mspportal.shared.StoredTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Real HTTP calls to {@code /api/**} with and without API keys, one rule per test. */
@DatabaseTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class ApiKeyAuthenticationTests {

    private static final String KEYS = "/api/v1/api-keys";
    private static final String AUDIT = "/api/v1/audit-entries";

    @LocalServerPort int port;
    @Autowired ApiKeyManagement apiKeys;
    @Autowired ProviderManagement providers;
    @Autowired TestAccounts testAccounts;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    UUID provider;
    Account admin;

    @BeforeEach
    void anMspWithAnAdministrator() {
        provider = testAccounts.provider();
        admin = testAccounts.active(provider, Role.MSP_ADMINISTRATOR);
    }

    @AfterEach
    void signOut() {
        TestAccounts.actAsNobody();
    }

    @Test
    void aValidKeyReachesTheApiAndSeesOnlyItsOwnMspsKeys() {
        NewApiKey ours = keyOf(admin, ApiKeyScope.READ);
        NewApiKey theirs = keyOf(testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR), ApiKeyScope.READ);

        HttpResponse<String> response = call("GET", KEYS, ours.secret());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode listed = json.readTree(response.body());
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("id").asString()).isEqualTo(ours.key().id().toString());
        assertThat(listed.get(0).get("prefix").asString()).isEqualTo(ours.key().prefix());
        assertThat(listed.get(0).get("scopes").get(0).asString()).isEqualTo("read");
        assertThat(listed.get(0).get("status").asString()).isEqualTo("active");
        assertThat(response.body()).doesNotContain(ours.secret()).doesNotContain(theirs.key().id().toString());
    }

    @Test
    void aRequestWithoutAKeyGets401ProblemJson() {
        HttpResponse<String> response = call("GET", KEYS, null);

        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void anUnknownOrMalformedKeyGets401() {
        assertUnauthorized(call("GET", KEYS, "msp_" + Secrets.token()));
        assertUnauthorized(call("GET", KEYS, "not-a-key"));
        assertUnauthorized(call("GET", KEYS, ""));
    }

    @Test
    void aRevokedKeyGets401() {
        NewApiKey key = keyOf(admin, ApiKeyScope.READ);
        assertThat(call("GET", KEYS, key.secret()).statusCode()).isEqualTo(200);

        TestAccounts.actAs(admin);
        apiKeys.revoke(key.key().id());

        assertUnauthorized(call("GET", KEYS, key.secret()));
    }

    @Test
    void theKeyOfASuspendedMspGets401() {
        NewApiKey key = keyOf(admin, ApiKeyScope.READ);
        assertThat(call("GET", KEYS, key.secret()).statusCode()).isEqualTo(200);

        actAsAnOperator();
        providers.suspend(provider);

        assertUnauthorized(call("GET", KEYS, key.secret()));
    }

    @Test
    void aBrowserSessionCookieAloneDoesNotAuthenticateTheApi() {
        PortalClient browser = new PortalClient(port);
        new HttpSignIn(browser, new Mailbox(jdbc)).signIn(admin);
        assertThat(browser.get("/api-keys").status()).as("the session works for pages").isEqualTo(200);

        PortalClient.Page api = browser.get(KEYS);

        assertThat(api.status()).isEqualTo(401);
        assertThat(api.body()).contains("Authentication is required");
    }

    @Test
    void aReadOnlyKeyGets403ProblemJsonOnDelete() {
        NewApiKey key = keyOf(admin, ApiKeyScope.READ);

        HttpResponse<String> response = call("DELETE", KEYS + "/" + key.key().id(), key.secret());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(403);
        assertThat(call("GET", KEYS, key.secret()).statusCode()).as("still active").isEqualTo(200);
    }

    @Test
    void aKeyWithoutTheReadScopeCannotReadAnythingThroughTheApi() {
        NewApiKey ingest = keyOf(admin, ApiKeyScope.USAGE_INGEST, ApiKeyScope.WRITE);

        for (String path : List.of(KEYS, KEYS + "/" + ingest.key().id(), AUDIT)) {
            HttpResponse<String> response = call("GET", path, ingest.secret());
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    @Test
    void aReadKeyReadsOtherModulesApisForItsOwnMsp() {
        NewApiKey key = keyOf(admin, ApiKeyScope.READ);

        HttpResponse<String> response = call("GET", AUDIT + "?action=api-key.created", key.secret());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(key.key().id().toString());
    }

    @Test
    void aWriteKeyRevokesAKeyOfItsMspAndTheAuditLogNamesTheKey() {
        NewApiKey writer = keyOf(admin, ApiKeyScope.READ, ApiKeyScope.WRITE);
        NewApiKey old = keyOf(admin, ApiKeyScope.READ);

        HttpResponse<String> response = call("DELETE", KEYS + "/" + old.key().id(), writer.secret());

        assertThat(response.statusCode()).isEqualTo(204);
        assertUnauthorized(call("GET", KEYS, old.secret()));
        JsonNode revoked = json.readTree(call("GET", KEYS + "/" + old.key().id(), writer.secret()).body());
        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE action = 'api-key.revoked' AND object_id = :id")
                .param("id", old.key().id().toString()).query(String.class).single())
                .isEqualTo("api-key:" + writer.key().prefix());
    }

    @Test
    void theLastUsedTimeIsRecordedToTheMinute() {
        NewApiKey key = keyOf(admin, ApiKeyScope.READ);
        Instant firstUse = clock.instant();

        call("GET", KEYS, key.secret());
        assertThat(lastUsed(key)).contains(firstUse);

        clock.advance(Duration.ofSeconds(30));
        call("GET", KEYS, key.secret());
        assertThat(lastUsed(key)).as("not rewritten within the minute").contains(firstUse);

        clock.advance(Duration.ofSeconds(31));
        call("GET", KEYS, key.secret());
        assertThat(lastUsed(key)).contains(clock.instant());
    }

    @Test
    void anotherMspsKeyIdIsNotFoundThroughTheApi() {
        NewApiKey ours = keyOf(admin, ApiKeyScope.READ, ApiKeyScope.WRITE);
        NewApiKey theirs = keyOf(testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR),
                ApiKeyScope.READ);

        HttpResponse<String> get = call("GET", KEYS + "/" + theirs.key().id(), ours.secret());
        HttpResponse<String> delete = call("DELETE", KEYS + "/" + theirs.key().id(), ours.secret());
        HttpResponse<String> unknown = call("GET", KEYS + "/" + UUID.randomUUID(), ours.secret());

        for (HttpResponse<String> response : List.of(get, delete, unknown)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        assertThat(get.body()).isEqualTo(unknown.body().replace(unknown.uri().getPath(), get.uri().getPath()));
        assertThat(call("GET", KEYS, theirs.secret()).statusCode()).as("theirs still works").isEqualTo(200);
    }

    private NewApiKey keyOf(Account creator, ApiKeyScope... scopes) {
        TestAccounts.actAs(creator);
        try {
            return apiKeys.create("key-" + UUID.randomUUID(), EnumSet.of(scopes[0], scopes));
        } finally {
            TestAccounts.actAsNobody();
        }
    }

    /** An operator who is not stored: tests elsewhere count the stored operators. */
    private static void actAsAnOperator() {
        SignedInAdministrator operator = new SignedInAdministrator(UUID.randomUUID(), "operator@platform.example",
                "Operator", null, Role.OPERATOR);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                operator, null, List.of(new SimpleGrantedAuthority(Role.OPERATOR.authority()))));
    }

    private Optional<Instant> lastUsed(NewApiKey key) {
        return jdbc.sql("SELECT last_used_at FROM api_key WHERE id = :id").param("id", key.key().id())
                .query((rs, n) -> StoredTime.read(rs, "last_used_at")).single();
    }

    private void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(401);
    }

    private HttpResponse<String> call(String method, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
