package org.mspportal.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.PortalClient;
import org.mspportal.TestMsps;
import org.mspportal.identity.AdministratorManagement;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.migration.MigrationManagement;
import org.mspportal.migration.Nomination;
import org.mspportal.migration.RegisterSourceAccount;
import org.mspportal.migration.SourceAccountManagement;
import org.mspportal.webhooks.WebhookEndpointDetails;
import org.mspportal.webhooks.WebhookEventType;
import org.mspportal.webhooks.WebhookManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's log, captured while every kind of secret the portal makes is made and used:
 * invitation link, password, sign-in code, API key, webhook signing secret, migration approval and
 * verification tokens. None of them may be written to it.
 */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTests {

    private static final String PASSWORD = "Tr0ub4dor & 3 correct horses";
    private static final Pattern APPROVAL_LINK = Pattern.compile("/migration-approval/([A-Za-z0-9_-]+)");
    private static final Pattern VERIFICATION_TOKEN = Pattern.compile("(?m)^\\s{4}([A-Za-z0-9_-]{43})\\s*$");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired AdministratorManagement administrators;
    @Autowired ApiKeyManagement keys;
    @Autowired WebhookManagement webhooks;
    @Autowired SourceAccountManagement sources;
    @Autowired MigrationManagement migrations;

    final List<String> secrets = new ArrayList<>();

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void noSecretThePortalMakesOrReceivesIsWrittenToTheLog(CapturedOutput log) throws Exception {
        Mailbox mailbox = new Mailbox(jdbc);
        TestMsps msps = new TestMsps(jdbc, clock);
        UUID provider = msps.provider();
        SignedInAdministrator admin = active(msps.stored(provider, Role.MSP_ADMINISTRATOR));

        String email = "new-admin-" + UUID.randomUUID() + "@msp.example";
        TestMsps.actAs(admin);
        administrators.invite(email, Role.MSP_ADMINISTRATOR);
        TestMsps.actAsNobody();
        signInAfterActivating(email, mailbox);

        TestMsps.actAs(admin);
        String apiKey = keep(keys.create("Secret-free logs", EnumSet.allOf(ApiKeyScope.class)).secret());
        keep(webhooks.register(new WebhookEndpointDetails("https://psa.example.com/logs", "PSA",
                Set.of(WebhookEventType.ALERT_RAISED), true)).secret());
        TestMsps.actAsNobody();
        assertThat(callApi(apiKey)).as("the API key works").isEqualTo(200);

        migrateWithApproval(provider, admin, mailbox);

        assertThat(log.getAll()).as("the log is captured").contains("signed in with an emailed code");
        assertThat(secrets).hasSize(7).allSatisfy(secret -> assertThat(log.getAll()).doesNotContain(secret));
    }

    private void signInAfterActivating(String email, Mailbox mailbox) {
        PortalClient browser = new PortalClient(port);
        String activation = mailbox.latestLinkPathTo(email);
        keep(activation.substring(activation.lastIndexOf('/') + 1));
        browser.get(activation);
        assertThat(browser.post(activation, "password", keep(PASSWORD), "confirmation", PASSWORD).status())
                .as("activated").isEqualTo(302);
        browser.get("/sign-in");
        browser.post("/sign-in", "email", email);
        browser.get("/sign-in/password");
        browser.post("/sign-in/password", "password", PASSWORD);
        browser.get("/sign-in/code");
        assertThat(browser.post("/sign-in/code", "code", keep(mailbox.latestCodeTo(email))).redirectsTo("/"))
                .as("signed in").isTrue();
    }

    private void migrateWithApproval(UUID provider, SignedInAdministrator admin, Mailbox mailbox) {
        String cloudAdministrator = "cloud-admin-" + UUID.randomUUID() + "@customer.example";
        TestMsps.actAs(new SignedInAdministrator(UUID.randomUUID(), "operator@portal.example", "Operator", null,
                Role.OPERATOR));
        UUID source = sources.register(new RegisterSourceAccount("Logged " + provider, cloudAdministrator, null,
                Set.of(), null, LocalDate.now(clock).plusYears(1), null, null, List.of())).id();
        UUID migration = migrations.raise(source, provider).id();
        TestMsps.actAs(admin);
        migrations.nominate(migration, new Nomination(cloudAdministrator, admin.accountId(), null));
        TestMsps.actAsNobody();

        String approval = keep(found(APPROVAL_LINK, mailbox.latestTo(cloudAdministrator).text()));
        PortalClient cloudAdmin = new PortalClient(port);
        cloudAdmin.get("/migration-approval/" + approval);
        assertThat(cloudAdmin.post("/migration-approval/" + approval + "/approve").status()).isLessThan(400);
        keep(found(VERIFICATION_TOKEN, mailbox.latestTo(admin.email()).text()));
    }

    private int callApi(String apiKey) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/customers"))
                        .header("Authorization", "Bearer " + apiKey).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String keep(String secret) {
        secrets.add(secret);
        return secret;
    }

    private static String found(Pattern pattern, String text) {
        Matcher match = pattern.matcher(text);
        assertThat(match.find()).as("%s in %s", pattern, text).isTrue();
        return match.group(1);
    }

    private SignedInAdministrator active(SignedInAdministrator administrator) {
        jdbc.sql("UPDATE account SET status = 'ACTIVE' WHERE id = :id").param("id", administrator.accountId())
                .update();
        return administrator;
    }
}
